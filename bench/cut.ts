/**
 * Bare nodejieba `cut` of a bench corpus's texts, run by bench.ts as a child process (`node dist/bench/cut.js DIR`):
 * prints JSON with the bytes cut and the seconds taken in one thread with HMM (the call the pipeline makes) and
 * without, and in two threads at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Segmenter } from '../pipeline/adapters/jieba.js';
import { resourcePath } from '../pipeline/adapters/resources.js';

const CUT_WORKER = resourcePath('dist/bench/cut-worker.js');

/** The corpus's text files, in name order. */
const corpusFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => join(dir, file));

function oneThread(files: readonly string[]): { seconds: number; hmmSeconds: number; bytes: number } {
  const segmenter = new Segmenter();
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  let started = performance.now();
  for (const text of texts) segmenter.cut(text); // the call the pipeline makes: cut(text, true), with HMM
  const hmmSeconds = (performance.now() - started) / 1000;
  const jieba = (segmenter as unknown as { jieba: { cut(text: string, hmm: boolean): string[] } }).jieba;
  started = performance.now();
  for (const text of texts) jieba.cut(text, false);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, hmmSeconds, bytes };
}

/**
 * Bare `cut` of the same texts in `threads` worker threads at once, each with its own dictionaries and an equal share
 * of the files: the wall time from the common start to the last thread's end. Two threads share the L3 cache and
 * the memory bus, so this is the ceiling of what `--workers 2` can gain over one thread on this machine.
 */
async function threadsAtOnce(files: readonly string[], threads: number): Promise<number> {
  const workers = Array.from({ length: threads }, (_, k) => new Worker(CUT_WORKER, { workerData: { files: files.filter((_, i) => i % threads === k) } }));
  const answer = (worker: Worker): Promise<unknown> =>
    new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  try {
    await Promise.all(workers.map(answer));
    const started = performance.now();
    const done = workers.map(answer);
    for (const worker of workers) worker.postMessage('go');
    await Promise.all(done);
    return (performance.now() - started) / 1000;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: node dist/bench/cut.js DIR');
const files = corpusFiles(dir);
const one = oneThread(files);
const twoThreadSeconds = await threadsAtOnce(files, 2);
process.stdout.write(`${JSON.stringify({ ...one, twoThreadSeconds })}\n`);

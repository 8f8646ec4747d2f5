import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Segmenter } from '../pipeline/adapters/jieba.js';

/**
 * A bench thread cutting its share of the corpus with nodejieba alone: it loads the dictionaries, reads its files,
 * says it is ready, and on `go` cuts them all (HMM, as the pipeline calls it), answering with the seconds it took.
 * The bench starts every thread's cut at once, so the wall time shows how bare `cut` scales on this machine.
 */
const port = parentPort;
if (!port) throw new Error('cut-worker.ts runs only as a worker thread');
const segmenter = new Segmenter();
const texts = (workerData as { files: string[] }).files.map((file) => readFileSync(file, 'utf8'));
port.once('message', () => {
  const started = performance.now();
  for (const text of texts) segmenter.cut(text);
  port.postMessage((performance.now() - started) / 1000);
});
port.postMessage('ready');

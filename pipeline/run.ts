import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { Failure } from '../schemas/record.js';
import { AtomicLineWriter, listInputs, prepareOutputDir, readInput, tooLargeMessage, writeFileAtomic, type TooLarge } from './adapters/files.js';
import { packageVersion, resourcePath } from './adapters/resources.js';
import type { DocumentHints } from './document.js';
import type { WireResult } from './process.js';
import type { Stage } from './stages/stage.js';

/**
 * Documents read and processed together, stage by stage (`processBatch`), and the most bytes such a batch holds: a
 * large document goes alone.
 */
const BATCH_DOCUMENTS = 8;
const BATCH_BYTES = 4 * 2 ** 20;
/**
 * Groups of BATCH_DOCUMENTS read ahead of the writer per worker (one in work, the next ready), and the bytes read
 * but not yet written beyond which no further group is read (one group always is): memory stays flat whatever the
 * corpus, and a run of large documents reads no further ahead than the batches can hold.
 */
const GROUPS_PER_WORKER = 2;
const BYTES_AHEAD_PER_WORKER = GROUPS_PER_WORKER * BATCH_BYTES;
/** Concurrent file reads. */
const READ_CONCURRENCY = 8;

export interface Progress {
  start(total: number): void;
  document(path: string, ok: boolean, detail?: string): void;
  stop(): void;
}

/**
 * A document to process: where it comes from, how to get its bytes (or learn, without reading them, that there are
 * too many), and what is known beforehand.
 */
export interface InputDocument {
  path: string;
  load(): Promise<Uint8Array | TooLarge>;
  hints?: DocumentHints;
}

export interface RunOptions {
  inputs: readonly string[];
  outDir: string;
  workers: number;
  maxBytes: number;
  progress?: Progress;
  /** Stages for in-thread runs (tests); worker threads always run the default list. */
  stages?: readonly Stage[];
  /**
   * For tests, not the CLI: the worker thread entry to run instead of pipeline/worker.ts, one that answers batches
   * the same way (a script that dies on cue shows how the pool copes).
   */
  workerScript?: string;
}

export interface RunSummary {
  documents: { total: number; succeeded: number; failed: number };
  failuresByCode: Record<string, number>;
  /** Bytes read: a file refused for its size before it was read adds nothing (its failure message gives its size). */
  bytes: number;
  durationMs: number;
  /** Of `durationMs`, the time to start the processor: dictionaries and models loaded in each thread. */
  setupMs: number;
  workers: number;
  /**
   * Per stage: the time it took summed over documents, the documents it ran on (a document that failed at an earlier
   * stage never reaches it), and throughput in MB of input read (`bytes`) and in those documents per second.
   */
  stages: Record<string, { ms: number; documents: number; mbPerSecond: number; documentsPerSecond: number }>;
  peakRssBytes: number;
  versions: Record<string, string>;
  outputs: { records: string; failures: string; summary: string };
}

/** One document of a batch sent to a worker thread; the worker answers a batch with its results, in order. */
export interface WorkerJob {
  index: number;
  path: string;
  bytes: ArrayBuffer;
  hints: DocumentHints;
}

/** The result of a document that failed outside the stages (unread, refused, its worker gone): no stage timings. */
function failedOutside(index: number, failure: Failure): WireResult {
  return { index, ok: false, failure, timings: {} };
}

/** A read document on its way to a processor. */
interface Job {
  index: number;
  path: string;
  bytes: Uint8Array;
  hints: DocumentHints;
}

/** Processes a group of documents; a promise per document, in the group's order. */
type Processor = {
  process(jobs: readonly Job[]): Promise<WireResult>[];
  close(): Promise<void>;
};

/** End of the batch that starts at `from`: up to BATCH_DOCUMENTS documents and BATCH_BYTES (at least one document). */
function batchEnd(jobs: readonly Job[], from: number): number {
  let end = from;
  let bytes = 0;
  while (end < jobs.length && end - from < BATCH_DOCUMENTS && (end === from || bytes + jobs[end]!.bytes.byteLength <= BATCH_BYTES)) {
    bytes += jobs[end]!.bytes.byteLength;
    end++;
  }
  return end;
}

async function inThreadProcessor(options: Omit<RunOptions, 'inputs'>): Promise<Processor> {
  const { createContext, answerBatch } = await import('./process.js');
  const { defaultStages } = await import('./index.js');
  const context = createContext({ maxBytes: options.maxBytes });
  const stages = options.stages ?? defaultStages;
  return {
    process: (jobs) => {
      const results: Promise<WireResult>[] = [];
      for (let from = 0, to = 0; from < jobs.length; from = to) {
        to = batchEnd(jobs, from);
        for (const result of answerBatch(jobs.slice(from, to), stages, context)) results.push(Promise.resolve(result));
      }
      return results;
    },
    close: async () => {},
  };
}

/**
 * The worker script: the one the options name (tests), else the compiled worker; from sources (under vitest) the
 * build in dist/ serves.
 */
function workerScript(chosen: string | undefined): string {
  if (chosen) return chosen;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(here, '..', 'worker.js');
  const built = resourcePath('dist/pipeline/worker.js');
  if (!existsSync(built)) throw new Error('worker threads need the build: run `npm run build` first');
  return built;
}

interface QueuedJob extends Job {
  resolve: (result: WireResult) => void;
}

interface Slot {
  worker: Worker;
  /** The documents the worker holds: a batch, or one document re-run alone after its batch's worker died. */
  batch: QueuedJob[];
}

/**
 * Starts a worker thread and resolves when it says it is ready; rejects if it throws or exits first (a worker that
 * calls `process.exit` while loading would otherwise be waited for forever).
 */
function spawnWorker(script: string, maxBytes: number): Promise<Worker> {
  return new Promise<Worker>((resolve, reject) => {
    const worker = new Worker(script, { workerData: { maxBytes } });
    const onError = (error: Error): void => reject(error);
    const onExit = (code: number): void => reject(new Error(`the worker thread exited (code ${code}) before it was ready`));
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.once('message', () => {
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(worker);
    });
  });
}

/** The failure of a document that was in a worker thread when it died, or that no worker could take. */
function workerFailure(job: QueuedJob, reason: string): WireResult {
  return failedOutside(job.index, { path: job.path, stage: 'worker', code: 'internal', message: reason });
}

/**
 * A pool of worker threads, each with its own adapters, fed batches of documents. A worker that exits while
 * processing (an uncaught error, memory exhausted; a native crash takes the whole process down) is replaced:
 * holding one document, that document fails as `internal`; holding a batch, its documents are run again one at a
 * time, so only the one that kills a worker fails.
 */
async function workerPoolProcessor(options: Omit<RunOptions, 'inputs'>): Promise<Processor> {
  const script = workerScript(options.workerScript);
  const live = new Set<Slot>();
  const idle: Slot[] = [];
  const queue: QueuedJob[] = [];
  /** Documents of a batch whose worker died: each goes to a worker alone. */
  const alone: QueuedJob[] = [];
  let closing = false;
  const dispatch = (): void => {
    while (idle.length > 0 && (alone.length > 0 || queue.length > 0)) {
      const slot = idle.pop()!;
      slot.batch = alone.length > 0 ? alone.splice(0, 1) : queue.splice(0, batchEnd(queue, 0));
      const jobs = slot.batch.map(({ index, path, bytes, hints }): WorkerJob => {
        const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        return { index, path, bytes: buffer, hints };
      });
      slot.worker.postMessage(
        jobs,
        jobs.map((job) => job.bytes),
      );
    }
  };
  /** Fails every waiting document: no worker can be started to take them. */
  const abandon = (reason: string): void => {
    for (const job of [...alone.splice(0), ...queue.splice(0)]) job.resolve(workerFailure(job, reason));
  };
  const attach = (worker: Worker): void => {
    const slot: Slot = { worker, batch: [] };
    let lastError = '';
    live.add(slot);
    worker.on('message', (results: WireResult[]) => {
      const batch = slot.batch;
      slot.batch = [];
      batch.forEach((job, i) => job.resolve(results[i]!));
      idle.push(slot);
      dispatch();
    });
    worker.on('error', (error) => {
      lastError = `: ${error.message}`;
    });
    worker.once('exit', (code) => {
      live.delete(slot);
      const at = idle.indexOf(slot);
      if (at !== -1) idle.splice(at, 1);
      if (closing) return;
      const batch = slot.batch;
      slot.batch = [];
      if (batch.length === 1) batch[0]!.resolve(workerFailure(batch[0]!, `the worker thread exited (code ${code}${lastError}) while processing this document`));
      else {
        alone.push(...batch);
        dispatch();
      }
      spawnWorker(script, options.maxBytes).then(
        (fresh) => {
          if (closing) return void fresh.terminate();
          attach(fresh);
          dispatch();
        },
        (error: Error) => {
          if (live.size === 0) abandon(`no worker thread could be started to replace one that exited: ${error.message}`);
          else dispatch();
        },
      );
    });
    idle.push(slot);
  };
  // Each worker joins the pool as soon as it is ready: one that dies while the others still load is seen to die.
  // If one cannot start, the run cannot either: the others are stopped, so no thread outlives the failed start.
  const started = await Promise.allSettled(Array.from({ length: options.workers }, () => spawnWorker(script, options.maxBytes).then(attach)));
  const close = async (): Promise<void> => {
    closing = true;
    await Promise.all([...live].map((slot) => slot.worker.terminate()));
  };
  const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  return {
    process: (jobs) => {
      const results = jobs.map((job) => new Promise<WireResult>((resolve) => queue.push({ ...job, resolve })));
      dispatch();
      return results;
    },
    close,
  };
}

const VERSIONED = ['nodejieba', 'opencc-js', 'zod', 'cheerio', 'chardet', 'iconv-lite'];

/**
 * Runs the pipeline over files and folders: documents are read ahead in groups of BATCH_DOCUMENTS (two groups per
 * worker at most, and a bounded number of bytes), processed in batches in worker threads (or in this thread when
 * `workers` is 1), and written in input order as they complete, so memory stays flat however large the corpus.
 * Bad documents become failure lines; only setup errors throw.
 */
export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  const files = await listInputs(options.inputs);
  return runDocuments(
    files.map((path) => ({ path, load: () => readInput(path, options.maxBytes) })),
    options,
  );
}

/**
 * Runs the pipeline over documents from any source (files, a crawl archive): the same ordered, streamed output
 * as `runPipeline`. `load` failures become `unreadable` failure lines; a document `load` finds too large, without
 * reading it, gets the ingest stage's `too-large` line without going to a processor.
 */
export async function runDocuments(documents: readonly InputDocument[], options: Omit<RunOptions, 'inputs'>): Promise<RunSummary> {
  const started = performance.now();
  const files = documents;
  await prepareOutputDir(options.outDir);
  const outputs = {
    records: join(options.outDir, 'records.jsonl'),
    failures: join(options.outDir, 'failures.jsonl'),
    summary: join(options.outDir, 'run.json'),
  };
  // The processor first: if it cannot start (no build, a worker failing to load), no temporary file is left.
  const processor = options.workers > 1 ? await workerPoolProcessor(options) : await inThreadProcessor(options);
  const setupMs = Math.round(performance.now() - started);
  const records = new AtomicLineWriter(outputs.records);
  const failures = new AtomicLineWriter(outputs.failures);
  const stageMs: Record<string, number> = {};
  const stageDocuments: Record<string, number> = {};
  const failuresByCode: Record<string, number> = {};
  let succeeded = 0;
  let bytes = 0;
  options.progress?.start(files.length);

  const read = pLimit(READ_CONCURRENCY);
  const workers = Math.max(1, options.workers);
  const results = new Map<number, Promise<WireResult>>();
  /** Bytes of each document read and not yet written, and their sum. */
  const held = new Map<number, number>();
  let bytesAhead = 0;
  /** Reads the group of documents from `start` and hands those read to the processor together; returns its end. */
  const launchGroup = (start: number): number => {
    const end = Math.min(start + BATCH_DOCUMENTS, files.length);
    const group = files.slice(start, end);
    const loads = group.map(({ path, load, hints = {} }, k) =>
      read(load).then(
        (data): Job | WireResult => {
          // Refused for its size before it was read: the line the ingest stage writes for it.
          if (!(data instanceof Uint8Array)) return failedOutside(start + k, { path, stage: 'ingest', code: 'too-large', message: tooLargeMessage(data.size, options.maxBytes) });
          bytes += data.byteLength;
          bytesAhead += data.byteLength;
          held.set(start + k, data.byteLength);
          return { index: start + k, path, bytes: data, hints };
        },
        (error: NodeJS.ErrnoException): WireResult =>
          failedOutside(start + k, { path, stage: 'read', code: 'unreadable', message: error.code ? `${error.code}: ${error.message}` : String(error) }),
      ),
    );
    const handed = Promise.all(loads).then((loaded) => {
      const jobs = loaded.filter((item): item is Job => 'bytes' in item);
      const processed = jobs.length > 0 ? processor.process(jobs) : [];
      let next = 0;
      return loaded.map((item) => ('bytes' in item ? processed[next++]! : Promise.resolve(item)));
    });
    for (let k = 0; k < group.length; k++) {
      const result = handed.then((outcomes) => outcomes[k]!);
      // Awaited in order below; a rejection waiting its turn must not end the process as unhandled first.
      result.catch(() => {});
      results.set(start + k, result);
    }
    return end;
  };
  /** Whether another group may be read: fewer groups ahead than the workers take, and bytes ahead within bounds. */
  const roomAhead = (next: number, written: number): boolean =>
    next - written === 0 || (next - written + BATCH_DOCUMENTS <= workers * GROUPS_PER_WORKER * BATCH_DOCUMENTS && bytesAhead <= workers * BYTES_AHEAD_PER_WORKER);
  try {
    let next = 0;
    while (next < files.length && roomAhead(next, 0)) next = launchGroup(next);
    for (let index = 0; index < files.length; index++) {
      const result = await results.get(index)!;
      results.delete(index);
      bytesAhead -= held.get(index) ?? 0;
      held.delete(index);
      while (next < files.length && roomAhead(next, index + 1)) next = launchGroup(next);
      for (const [stage, ms] of Object.entries(result.timings)) {
        stageMs[stage] = (stageMs[stage] ?? 0) + ms;
        stageDocuments[stage] = (stageDocuments[stage] ?? 0) + 1;
      }
      if (result.ok) {
        succeeded++;
        await records.write(result.line);
        options.progress?.document(files[index]!.path, true);
      } else {
        failuresByCode[result.failure.code] = (failuresByCode[result.failure.code] ?? 0) + 1;
        await failures.write(JSON.stringify(result.failure));
        options.progress?.document(files[index]!.path, false, `${result.failure.code}: ${result.failure.message}`);
      }
    }
    await records.commit();
    await failures.commit();
  } catch (error) {
    await Promise.all([records.abort(), failures.abort()]);
    throw error;
  } finally {
    await processor.close();
    options.progress?.stop();
  }

  const megabytes = bytes / 1e6;
  const summary: RunSummary = {
    documents: { total: files.length, succeeded, failed: files.length - succeeded },
    failuresByCode,
    bytes,
    durationMs: Math.round(performance.now() - started),
    setupMs,
    workers: options.workers,
    stages: Object.fromEntries(
      Object.entries(stageMs).map(([stage, ms]) => {
        const documents = stageDocuments[stage]!;
        const perSecond = (amount: number): number => (ms > 0 ? Math.round((amount / (ms / 1000)) * 100) / 100 : 0);
        return [stage, { ms: Math.round(ms), documents, mbPerSecond: perSecond(megabytes), documentsPerSecond: perSecond(documents) }];
      }),
    ),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    versions: {
      'policy-miner': packageVersion('policy-miner'),
      node: process.versions.node,
      ...Object.fromEntries(VERSIONED.map((name) => [name, packageVersion(name)])),
    },
    outputs,
  };
  await writeFileAtomic(outputs.summary, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

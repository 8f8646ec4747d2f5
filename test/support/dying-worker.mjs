/**
 * A worker thread entry for tests (RunOptions.workerScript): what pipeline/worker.ts does, from the build in dist/,
 * and deaths on cue, the way a document that exhausts memory or trips a bug ends a thread.
 *
 * A batch holding a path with CRASH-EXIT ends the thread with process.exit(3); one with CRASH-THROW, with an
 * uncaught error. Either way the thread holds a batch when it dies.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { defaultStages } from '../../dist/pipeline/index.js';
import { createContext, processBatch } from '../../dist/pipeline/process.js';
import { toWireResult } from '../../dist/pipeline/run.js';

const port = parentPort;
if (!port) throw new Error('dying-worker.mjs runs only as a worker thread');

const context = createContext(workerData);
port.on('message', (jobs) => {
  for (const job of jobs) {
    if (job.path.includes('CRASH-EXIT')) process.exit(3);
    if (job.path.includes('CRASH-THROW')) throw new Error(`deliberate crash on ${job.path}`);
  }
  const outcomes = processBatch(
    jobs.map((job) => ({ path: job.path, bytes: new Uint8Array(job.bytes), hints: job.hints })),
    defaultStages,
    context,
  );
  port.postMessage(jobs.map((job, i) => toWireResult(job.index, outcomes[i])));
});

port.postMessage({ ready: true });

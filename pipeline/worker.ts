import { parentPort, workerData } from 'node:worker_threads';
import { defaultStages } from './index.js';
import { createContext, processBatch } from './process.js';
import { toWireResult, type WorkerJob } from './run.js';

/** Worker thread entry: loads its own adapters once, then processes the batches of documents the runner sends. */
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const context = createContext(workerData as { maxBytes: number });
port.on('message', (jobs: WorkerJob[]) => {
  const outcomes = processBatch(
    jobs.map((job) => ({ path: job.path, bytes: new Uint8Array(job.bytes), hints: job.hints })),
    defaultStages,
    context,
  );
  port.postMessage(jobs.map((job, i) => toWireResult(job.index, outcomes[i]!)));
});
port.postMessage({ ready: true });

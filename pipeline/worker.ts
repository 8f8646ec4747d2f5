import { parentPort, workerData } from 'node:worker_threads';
import { defaultStages } from './index.js';
import { answerBatch, createContext } from './process.js';
import type { WorkerJob } from './run.js';

/** Worker thread entry: loads its own adapters once, then processes the batches of documents the runner sends. */
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const context = createContext(workerData as { maxBytes: number });
port.on('message', (jobs: WorkerJob[]) => {
  port.postMessage(answerBatch(jobs.map((job) => ({ ...job, bytes: new Uint8Array(job.bytes) })), defaultStages, context));
});
port.postMessage({ ready: true });

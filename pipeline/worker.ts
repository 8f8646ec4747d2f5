import { parentPort, workerData } from 'node:worker_threads';
import { defaultStages } from './index.js';
import { createContext, processDocument } from './process.js';
import { toWireResult, type WorkerJob } from './run.js';

/** Worker thread entry: loads its own adapters once, then processes the documents the runner sends. */
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const context = createContext(workerData as { maxBytes: number });
port.on('message', (job: WorkerJob) => {
  const outcome = processDocument(job.path, new Uint8Array(job.bytes), defaultStages, context, job.hints);
  port.postMessage(toWireResult(job.index, outcome));
});
port.postMessage({ ready: true });

/**
 * A worker thread entry for tests (RunOptions.workerScript): what pipeline/worker.ts does, from the build in dist/,
 * and deaths on cue, the way a document that exhausts memory or trips a bug ends a thread.
 *
 * - A batch holding a path with CRASH-EXIT ends the thread with process.exit(3); one with CRASH-THROW, with an
 *   uncaught error. Either way the thread holds a batch when it dies.
 * - The first worker to delete the file named by DYING_WORKER_TOKEN exits as soon as it has said it is ready, idle
 *   while the pool is still starting its other workers; the first to delete DYING_WORKER_EARLY_TOKEN exits with
 *   code 4 before saying it, as a worker that fails to load would.
 * - With DYING_WORKER_CHANNEL set, each worker says `started` on that BroadcastChannel, and every worker alive exits
 *   when a test posts `die` there: idle, when the test posts it before handing the pool any work.
 *
 * The variables are read from this thread's copy of the environment, taken when the pool creates it.
 */
import { unlinkSync } from 'node:fs';
import { BroadcastChannel, parentPort, workerData } from 'node:worker_threads';
import { defaultStages } from '../../dist/pipeline/index.js';
import { answerBatch, createContext } from '../../dist/pipeline/process.js';

const port = parentPort;
if (!port) throw new Error('dying-worker.mjs runs only as a worker thread');

/** Whether this worker is the one to die at start: it deleted the token file, which only one can. */
function holdsToken(variable) {
  const token = process.env[variable];
  if (!token) return false;
  try {
    unlinkSync(token);
    return true;
  } catch {
    return false;
  }
}

if (holdsToken('DYING_WORKER_EARLY_TOKEN')) process.exit(4);
if (holdsToken('DYING_WORKER_TOKEN')) {
  port.postMessage({ ready: true });
  process.exit(0);
}

const context = createContext(workerData);
port.on('message', (jobs) => {
  for (const job of jobs) {
    if (job.path.includes('CRASH-EXIT')) process.exit(3);
    if (job.path.includes('CRASH-THROW')) throw new Error(`deliberate crash on ${job.path}`);
  }
  port.postMessage(answerBatch(jobs.map((job) => ({ ...job, bytes: new Uint8Array(job.bytes) })), defaultStages, context));
});

const channelName = process.env.DYING_WORKER_CHANNEL;
if (channelName) {
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = ({ data }) => {
    if (data === 'die') process.exit(0);
  };
  channel.postMessage('started');
}
port.postMessage({ ready: true });

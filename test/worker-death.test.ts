/**
 * Worker threads that die, through the real pool with a worker script that dies on cue (support/dying-worker.mjs):
 * a batch whose worker dies is re-run a document at a time, so only the document that kills a worker fails, with
 * stage `worker` and code `internal`, and every other comes out as it does in one thread, in input order; a worker
 * that dies idle is replaced without hanging the run. A hang fails by vitest's timeout.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDocuments, runPipeline, type InputDocument, type RunSummary } from '../pipeline/run.js';
import { SEED_FILES, seedText } from './support/seeds.js';

const DYING_WORKER = fileURLToPath(new URL('./support/dying-worker.mjs', import.meta.url));
/** The runner as built, for a run in a child process (the dying worker runs the build too). */
const BUILT_RUN = fileURLToPath(new URL('../dist/pipeline/run.js', import.meta.url));
const MAX_BYTES = 64 * 2 ** 20;
/** Each run starts two workers that load the dictionaries; the in-thread baseline loads them once more. */
const RUN_TIMEOUT = 120_000;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-miner-worker-death-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean);

/** A folder of `count` seed copies, named in input order, the ones at `marked` carrying a crash marker in their name. */
function seedFolder(name: string, count: number, marked: Record<number, string> = {}): string[] {
  const inDir = join(dir, name);
  mkdirSync(inDir);
  return Array.from({ length: count }, (_, i) => {
    const seed = SEED_FILES[i % SEED_FILES.length]!;
    const path = join(inDir, `${String(i).padStart(2, '0')}-${marked[i] ? `${marked[i]}-` : ''}${seed}`);
    writeFileSync(path, seedText(seed));
    return path;
  });
}

interface Output {
  summary: RunSummary;
  records: string[];
  failures: string[];
}

async function run(name: string, paths: readonly string[], workers: number): Promise<Output> {
  const outDir = join(dir, name);
  const summary = await runPipeline({ inputs: [...paths], outDir, workers, maxBytes: MAX_BYTES, workerScript: DYING_WORKER });
  return { summary, records: lines(join(outDir, 'records.jsonl')), failures: lines(join(outDir, 'failures.jsonl')) };
}

const pathOf = (line: string): string => (JSON.parse(line) as { source: { path: string } }).source.path;

/** The failure line of a document whose worker died under it, re-run alone. */
const diedUnder = (path: string, exit: string): string =>
  JSON.stringify({ path, stage: 'worker', code: 'internal', message: `the worker thread exited (${exit}) while processing this document` });

/**
 * Runs `paths` in one thread and with two dying workers, and checks the two-worker output: every document but the
 * `culprits` has the one-thread record, line for line and in input order; each culprit has exactly one failure line.
 */
async function expectOnlyCulpritsFail(name: string, paths: readonly string[], culprits: Record<string, string>): Promise<void> {
  const inThread = await run(`${name}-one-thread`, paths, 1);
  expect(inThread.records.map(pathOf)).toEqual(paths);
  const pooled = await run(`${name}-two-workers`, paths, 2);
  expect(pooled.records.map(pathOf)).toEqual(paths.filter((path) => !(path in culprits)));
  expect(pooled.records).toEqual(inThread.records.filter((line) => !(pathOf(line) in culprits)));
  expect(pooled.failures).toEqual(Object.entries(culprits).map(([path, exit]) => diedUnder(path, exit)));
  const failed = Object.keys(culprits).length;
  expect(pooled.summary.documents).toEqual({ total: paths.length, succeeded: paths.length - failed, failed });
  expect(pooled.summary.failuresByCode).toEqual({ internal: failed });
  expect(pooled.summary.bytes).toBe(inThread.summary.bytes);
  expect(pooled.summary.workers).toBe(2);
}

/**
 * Runs an ES module `script` in a child process with `env` added, killed at half the test's timeout: for runs that
 * must end by themselves, which a thread left running would prevent.
 */
function runAlone(name: string, script: string, env: Record<string, string>): SpawnSyncReturns<string> {
  const scriptFile = join(dir, `${name}.mjs`);
  writeFileSync(scriptFile, script);
  return spawnSync(process.execPath, [scriptFile], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: RUN_TIMEOUT / 2 });
}

/** Sets environment variables for the workers the pool creates during `body` (each copies the environment). */
async function withWorkerEnv<T>(env: Record<string, string>, body: () => Promise<T>): Promise<T> {
  Object.assign(process.env, env);
  try {
    return await body();
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
  }
}

describe('the worker pool when a worker dies holding a batch', () => {
  it(
    'fails only the document that killed it, and writes every other as one thread does, in input order',
    async () => {
      const paths = seedFolder('one-crash', 16, { 5: 'CRASH-EXIT' });
      await expectOnlyCulpritsFail('one-crash', paths, { [paths[5]!]: 'code 3' });
    },
    RUN_TIMEOUT,
  );

  it(
    'fails only the two documents that killed workers in two batches, by exit and by an uncaught error',
    async () => {
      const paths = seedFolder('two-crashes', 24, { 2: 'CRASH-EXIT', 13: 'CRASH-THROW' });
      await expectOnlyCulpritsFail('two-crashes', paths, { [paths[2]!]: 'code 3', [paths[13]!]: `code 1: deliberate crash on ${paths[13]}` });
    },
    RUN_TIMEOUT,
  );

  it(
    'stops a replacement worker that is ready only after the run has closed the pool',
    () => {
      // The only document kills its worker: it fails at once, the run ends and closes the pool while the
      // replacement still loads its dictionaries. A replacement let into the closed pool would keep the process
      // alive, so the run goes in a child process, which must end by itself once the replacement has started.
      const paths = seedFolder('replaced-after-close', 1, { 0: 'CRASH-EXIT' });
      const outDir = join(dir, 'replaced-after-close-out');
      const channelName = `policy-miner-replaced-after-close-${process.pid}`;
      const options = { inputs: paths, outDir, workers: 2, maxBytes: MAX_BYTES, workerScript: DYING_WORKER };
      const script = `
        const { BroadcastChannel } = await import('node:worker_threads');
        const { runPipeline } = await import(${JSON.stringify(BUILT_RUN)});
        const channel = new BroadcastChannel(${JSON.stringify(channelName)});
        let started = 0;
        const third = new Promise((resolve) => (channel.onmessage = ({ data }) => data === 'started' && ++started === 3 && resolve()));
        const summary = await runPipeline(${JSON.stringify(options)});
        console.log(\`run closed with \${started} workers started\`);
        await third;
        channel.close();
        console.log(\`\${started} workers started; \${summary.failuresByCode.internal} failure\`);`;
      const child = runAlone('replaced-after-close', script, { DYING_WORKER_CHANNEL: channelName });
      expect(child.signal).toBeNull(); // not killed by the timeout: the replacement was stopped
      expect(child.stdout.trim().split('\n')).toEqual(['run closed with 2 workers started', '3 workers started; 1 failure']);
      expect(lines(join(outDir, 'failures.jsonl'))).toEqual([diedUnder(paths[0]!, 'code 3')]);
    },
    RUN_TIMEOUT,
  );
});

describe('the worker pool when a worker dies idle', () => {
  /** Four groups of eight: more batches at once than the two workers, so a dead worker left idle would get one. */
  const DOCUMENTS = 32;

  it(
    'replaces a worker that dies while the pool is still starting, and writes every document',
    async () => {
      // The worker holding the token dies before loading anything, while the other loads the dictionaries.
      const paths = seedFolder('dies-at-start', DOCUMENTS);
      const token = join(dir, 'dies-at-start.token');
      writeFileSync(token, '');
      const { summary, records } = await withWorkerEnv({ DYING_WORKER_TOKEN: token }, () => run('dies-at-start-out', paths, 2));
      expect(() => readFileSync(token)).toThrow(/ENOENT/); // a worker did die
      expect(records.map(pathOf)).toEqual(paths);
      expect(summary.documents).toEqual({ total: DOCUMENTS, succeeded: DOCUMENTS, failed: 0 });
    },
    RUN_TIMEOUT,
  );

  it(
    'fails the run with the reason when a worker exits before it is ready, and stops the other',
    () => {
      // One worker exits while loading; the other starts, and must be stopped when the pool gives up: a thread left
      // running would keep the process alive. So the run goes in a child process, which must end by itself.
      const paths = seedFolder('dies-loading', 2);
      const token = join(dir, 'dies-loading.token');
      writeFileSync(token, '');
      const outDir = join(dir, 'dies-loading-out');
      const options = { inputs: paths, outDir, workers: 2, maxBytes: MAX_BYTES, workerScript: DYING_WORKER };
      const script = `
        const { runPipeline } = await import(${JSON.stringify(BUILT_RUN)});
        await runPipeline(${JSON.stringify(options)}).then(() => console.log('resolved'), (error) => console.log(error.message));`;
      const child = runAlone('dies-loading', script, { DYING_WORKER_EARLY_TOKEN: token });
      expect(child.signal).toBeNull(); // not killed by the timeout: nothing kept the process alive
      expect(child.stdout.trim()).toBe('the worker thread exited (code 4) before it was ready');
      expect(() => readFileSync(token)).toThrow(/ENOENT/);
      expect(readdirSync(outDir)).toEqual([]); // no output, and no temporary file left
    },
    RUN_TIMEOUT,
  );

  it(
    'replaces workers that die waiting for their first batch, and writes every document',
    async () => {
      const paths = seedFolder('die-idle', DOCUMENTS);
      const channelName = `policy-miner-dying-worker-${process.pid}`;
      const channel = new BroadcastChannel(channelName);
      try {
        // Every worker says `started`: the two the pool starts with, then one for each it replaces.
        let started = 0;
        channel.addEventListener('message', (event) => {
          if ((event as MessageEvent).data === 'started') started++;
        });
        const replaced = async (): Promise<void> => {
          while (started < 4) await once(channel, 'message');
        };
        // The first read finds both workers up and idle: they are told to die, and no document is handed over
        // before both are replaced, so the pool has seen them die holding nothing before it has work to give.
        let bothReplaced: Promise<void> | undefined;
        const afterIdleDeaths = (): Promise<void> => {
          if (!bothReplaced) {
            channel.postMessage('die');
            bothReplaced = replaced();
          }
          return bothReplaced;
        };
        const documents = paths.map(
          (path): InputDocument => ({
            path,
            load: async () => {
              await afterIdleDeaths();
              return readFile(path);
            },
          }),
        );
        const outDir = join(dir, 'die-idle-out');
        const summary = await withWorkerEnv({ DYING_WORKER_CHANNEL: channelName }, () =>
          runDocuments(documents, { outDir, workers: 2, maxBytes: MAX_BYTES, workerScript: DYING_WORKER }),
        );
        expect(started).toBe(4);
        expect(lines(join(outDir, 'records.jsonl')).map(pathOf)).toEqual(paths);
        expect(summary.documents).toEqual({ total: DOCUMENTS, succeeded: DOCUMENTS, failed: 0 });
      } finally {
        channel.close();
      }
    },
    RUN_TIMEOUT,
  );
});

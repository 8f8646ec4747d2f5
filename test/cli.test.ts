/**
 * The built CLI (`npm test` builds first), spawned as a user would run it: exit codes, determinism across worker
 * counts, idempotent re-runs, the schema and eval commands.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLD_DIR, ROOT, SEED_FILES, seedPath } from './support/seeds.js';

const CLI = join(ROOT, 'dist', 'pipeline', 'cli.js');
/** A run of the five seeds loads the dictionaries in each thread: a few seconds. */
const RUN_TIMEOUT = 90_000;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, POLICY_MINER_LOG: '', POLICY_MINER_WORKERS: '' } }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number | string }).code as number | null) : 0;
      resolve({ code: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}

let dir: string;
const outDir = (name: string): string => join(dir, name);
const read = (path: string): Buffer => readFileSync(path);
let single: Outcome;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'policy-miner-cli-'));
  single = await cli(['run', 'corpus', '--out', outDir('one'), '--workers', '1', '--quiet']);
}, RUN_TIMEOUT);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('policy-miner run', () => {
  it('exits 0 when every document succeeds, writing one record per seed and no failure', () => {
    expect(single.stderr).toBe('');
    expect(single.code).toBe(0);
    const lines = read(join(outDir('one'), 'records.jsonl')).toString('utf8').split('\n').filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as { source: { path: string } }).source.path)).toEqual(SEED_FILES.map((name) => join('corpus', 'seeds', name)));
    expect(read(join(outDir('one'), 'failures.jsonl')).length).toBe(0);
    const summary = JSON.parse(read(join(outDir('one'), 'run.json')).toString('utf8')) as { documents: unknown };
    expect(summary.documents).toEqual({ total: 5, succeeded: 5, failed: 0 });
  });

  it('leaves only its three output files in the out folder, no temporary files', () => {
    expect(readdirSync(outDir('one')).sort()).toEqual(['failures.jsonl', 'records.jsonl', 'run.json']);
  });

  it(
    'gives byte-identical records with --workers 2 and --workers 1',
    async () => {
      const two = await cli(['run', 'corpus', '--out', outDir('two'), '--workers', '2', '--quiet']);
      expect(two.code).toBe(0);
      expect(read(join(outDir('two'), 'records.jsonl')).equals(read(join(outDir('one'), 'records.jsonl')))).toBe(true);
      expect(read(join(outDir('two'), 'failures.jsonl')).equals(read(join(outDir('one'), 'failures.jsonl')))).toBe(true);
      expect(readdirSync(outDir('two')).sort()).toEqual(['failures.jsonl', 'records.jsonl', 'run.json']);
    },
    RUN_TIMEOUT,
  );

  it(
    'gives identical bytes when re-run into the same folder, and leaves no temporary files',
    async () => {
      const records = read(join(outDir('one'), 'records.jsonl'));
      const again = await cli(['run', 'corpus', '--out', outDir('one'), '--workers', '1', '--quiet']);
      expect(again.code).toBe(0);
      expect(read(join(outDir('one'), 'records.jsonl')).equals(records)).toBe(true);
      expect(readdirSync(outDir('one')).sort()).toEqual(['failures.jsonl', 'records.jsonl', 'run.json']);
    },
    RUN_TIMEOUT,
  );

  it(
    'exits 1 when some documents fail, and still writes the others',
    async () => {
      const bad = join(dir, 'bad');
      mkdirSync(bad);
      writeFileSync(join(bad, 'empty.txt'), '');
      const outcome = await cli(['run', seedPath(SEED_FILES[0]!), join(bad, 'empty.txt'), '--out', outDir('some'), '--workers', '1']);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toMatch(/1\/2 documents/);
      expect(read(join(outDir('some'), 'records.jsonl')).toString('utf8').split('\n').filter(Boolean)).toHaveLength(1);
      const failures = read(join(outDir('some'), 'failures.jsonl')).toString('utf8').split('\n').filter(Boolean);
      expect(failures.map((line) => JSON.parse(line))).toEqual([{ path: join(bad, 'empty.txt'), stage: 'ingest', code: 'empty', message: expect.any(String) }]);
    },
    RUN_TIMEOUT,
  );

  it('exits 2 on an input path that does not exist, naming it', async () => {
    const outcome = await cli(['run', join(dir, 'no-such-folder'), '--out', outDir('missing'), '--quiet']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('no-such-folder');
  });

  it('exits 2 on an unknown command, a missing --out and a bad --workers value', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['run', 'corpus'])).code).toBe(2);
    expect((await cli(['run', 'corpus', '--out', outDir('w0'), '--workers', '0'])).code).toBe(2);
  });

  it('exits 2 when the output folder cannot be written (under a regular file)', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const outcome = await cli(['run', 'corpus', '--out', join(file, 'out'), '--workers', '1', '--quiet']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/ENOTDIR|not a directory|EEXIST/i);
    expect(outcome.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it.runIf(existsSync('/proc/self'))('exits 2 when the output folder would be under /proc, where a recursive mkdir loops in Node 20', async () => {
    const outcome = await cli(['run', 'corpus', '--out', '/proc/policy-miner-out/run', '--workers', '1', '--quiet']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^policy-miner: cannot write the output folder \/proc\/policy-miner-out\/run: ENOENT/);
  });

  it('exits 2 on a bad setting, saying which one in a line', async () => {
    const outcome = await cli(['run', 'corpus', '--out', outDir('bad-log'), '--log', 'xml']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^policy-miner: invalid setting .*"text"\|"json".* at log\n$/);
  });
});

describe('policy-miner schema', () => {
  it('prints the JSON Schema of a record', async () => {
    const outcome = await cli(['schema']);
    expect(outcome.code).toBe(0);
    const schema = JSON.parse(outcome.stdout) as { $schema: string; type: string; properties: Record<string, { type?: string; properties?: Record<string, unknown> }>; required: string[] };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    for (const field of ['id', 'source', 'script', 'meta', 'text', 'sourceMap', 'sentences', 'keywords', 'numbers', 'agencies', 'citations', 'measures']) {
      expect(schema.properties, field).toHaveProperty(field);
      expect(schema.required).toContain(field);
    }
    expect(Object.keys(schema.properties.meta!.properties!)).toEqual(
      expect.arrayContaining(['title', 'docType', 'publisher', 'responder', 'region', 'publishedDate', 'signedDate', 'indexNumber', 'docNumber', 'replyClass', 'proposal', 'contact']),
    );
  });
});

describe('policy-miner eval', () => {
  it('prints per-field scores as JSON for a fresh run', async () => {
    const outcome = await cli(['eval', '--gold', GOLD_DIR, '--records', join(outDir('one'), 'records.jsonl'), '--json']);
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout) as { documents: number; missingRecords: string[]; fields: Record<string, Record<string, number>> };
    expect(report.documents).toBe(5);
    expect(report.missingRecords).toEqual([]);
    for (const field of ['numbers', 'agencies', 'citations', 'measures']) {
      const scores = report.fields[field]!;
      expect(scores, field).toBeDefined();
      for (const key of ['precision', 'recall', 'f1']) {
        expect(scores[key]).toBeGreaterThanOrEqual(0);
        expect(scores[key]).toBeLessThanOrEqual(1);
      }
      expect(scores.gold).toBeGreaterThan(0);
      expect(scores.matched).toBeLessThanOrEqual(Math.min(scores.gold!, scores.predicted!));
    }
  });

  it('prints the tables without --json', async () => {
    const outcome = await cli(['eval', '--gold', GOLD_DIR, '--records', join(outDir('one'), 'records.jsonl')]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^evaluation: .*5 documents/);
    for (const field of ['numbers', 'agencies', 'citations', 'measures', 'publishedDate']) expect(outcome.stdout).toContain(field);
    expect(outcome.stdout).toContain('in-sample figures; --cross-validate adds leave-one-document-out ones');
  });

  it('exits 2, saying why, on a gold folder without gold files and on an unknown peer', async () => {
    const records = join(outDir('one'), 'records.jsonl');
    const noGold = await cli(['eval', '--gold', join(ROOT, 'corpus', 'seeds'), '--records', records]);
    expect(noGold.code).toBe(2);
    expect(noGold.stdout).toBe(''); // no table of perfect scores over nothing
    expect(noGold.stderr).toMatch(/no gold files \(\*\.json\) in .*seeds/);
    const peer = await cli(['eval', '--gold', GOLD_DIR, '--records', records, '--peer', 'frobnicate']);
    expect(peer.code).toBe(2);
    expect(peer.stderr).toContain('unknown peer "frobnicate" (known: recognizers)');
  });
});

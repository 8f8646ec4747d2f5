/**
 * Batches: documents processed together stage by stage come out as each would alone, and the runner's groups and
 * batches (eight documents, several groups ahead, one thread or two workers) write every document exactly once, in
 * input order, whatever mix of good and bad input falls into one batch.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStages } from '../pipeline/index.js';
import { processBatch, processDocument, type DocumentJob } from '../pipeline/process.js';
import { runPipeline } from '../pipeline/run.js';
import type { Stage, StageContext } from '../pipeline/stages/stage.js';
import { SEED_FILES, seedBytes, seedText, stageContext } from './support/seeds.js';

let context: StageContext;
let dir: string;

/** A mix for one batch: the seeds, and empty, binary and letterless documents between them. */
function mixedJobs(): DocumentJob[] {
  const bad: DocumentJob[] = [
    { path: 'empty.txt', bytes: new Uint8Array() },
    { path: 'binary.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]) },
    { path: 'no-letters.txt', bytes: new Uint8Array(Buffer.from('1234 —— 5678\n')) },
  ];
  const good = SEED_FILES.map((name): DocumentJob => ({ path: name, bytes: seedBytes(name) }));
  return [good[0]!, bad[0]!, good[1]!, good[2]!, bad[1]!, good[3]!, bad[2]!, good[4]!];
}

const jsonLines = (file: string): unknown[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);

beforeAll(() => {
  context = stageContext();
  dir = mkdtempSync(join(tmpdir(), 'policy-miner-batch-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('processBatch', () => {
  it('gives each document of a mixed batch the outcome it has alone, in either order', () => {
    const jobs = mixedJobs();
    const strip = (outcome: ReturnType<typeof processDocument>): unknown => (outcome.ok ? outcome.record : outcome.failure);
    const alone = jobs.map((job) => strip(processDocument(job.path, job.bytes, defaultStages, context)));
    expect(processBatch(jobs, defaultStages, context).map(strip)).toEqual(alone);
    expect(processBatch([...jobs].reverse(), defaultStages, context).map(strip)).toEqual([...alone].reverse());
    expect(alone.filter((outcome) => 'code' in (outcome as object))).toHaveLength(3);
  });

  it('turns a record that fails the schema into an invalid-record failure, never a record, and keeps the others', () => {
    // A stage that leaves a keyword without its weight on one document: the record cannot satisfy the schema.
    const broken: Stage = {
      name: 'break-keywords',
      run: (doc) => (doc.path === SEED_FILES[1] ? { patch: { keywords: [{ word: '双减' } as { word: string; weight: number }] } } : { patch: {} }),
    };
    const jobs = SEED_FILES.slice(0, 3).map((name): DocumentJob => ({ path: name, bytes: seedBytes(name) }));
    const outcomes = processBatch(jobs, [...defaultStages, broken], context);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    const failed = outcomes[1]!;
    if (failed.ok) throw new Error('unreachable');
    expect(failed.failure).toEqual({ path: SEED_FILES[1], stage: 'validate', code: 'invalid-record', message: expect.stringContaining('keywords.0.weight') });
    const good = processDocument(SEED_FILES[0]!, seedBytes(SEED_FILES[0]!), defaultStages, context);
    expect(outcomes[0]).toEqual({ ...good, timings: expect.any(Object) });
  });
});

describe('the runner in batches', () => {
  it('writes 41 mixed documents exactly once, in input order, the same with one thread and with two workers', async () => {
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    const names: string[] = [];
    for (let i = 0; i < 41; i++) {
      const name = `${String(i).padStart(2, '0')}.txt`;
      names.push(name);
      const seed = SEED_FILES[i % SEED_FILES.length]!;
      writeFileSync(join(inDir, name), i % 7 === 3 ? '' : i % 11 === 5 ? new Uint8Array([0, 1, 2, 3]) : seedText(seed));
    }
    const outputs: { records: unknown[]; failures: unknown[] }[] = [];
    for (const workers of [1, 2]) {
      const out = join(dir, `out-${workers}`);
      const summary = await runPipeline({ inputs: [inDir], outDir: out, workers, maxBytes: 50 * 2 ** 20 });
      expect(summary.documents.total).toBe(41);
      outputs.push({ records: jsonLines(join(out, 'records.jsonl')), failures: jsonLines(join(out, 'failures.jsonl')) });
    }
    const [one, two] = outputs;
    expect(two).toEqual(one);
    const pathOf = (line: unknown): string => {
      const value = line as { source?: { path: string }; path?: string };
      return (value.source?.path ?? value.path)!.split('/').pop()!;
    };
    const seen = [...one!.records, ...one!.failures].map(pathOf).sort();
    expect(seen).toEqual(names);
    const recordNames = one!.records.map(pathOf);
    expect(recordNames).toEqual([...recordNames].sort());
    expect(one!.failures).toHaveLength(names.filter((_, i) => i % 7 === 3 || i % 11 === 5).length);
  }, 240_000);
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossValidate } from '../../pipeline/eval/cross-validate.js';
import { loadGold, loadRecords, scoreAll } from '../../pipeline/eval/evaluate.js';
import { metaAccuracy, prf, ratio, type Scores } from '../../pipeline/eval/score.js';
import { runPipeline } from '../../pipeline/run.js';
import { textSegmenter, trainFromGold } from '../../pipeline/train.js';
import { GOLD_DIR, ROOT } from '../support/seeds.js';

/**
 * The evaluation gate (after trafilatura): today's scores on corpus/gold, pinned as floors. A change may raise
 * a figure freely; lowering a floor takes an explicit edit of this table, with the reason in the commit.
 */
const FLOORS = {
  'numbers F1': 0.99,
  'number.unit': 0.99,
  'number.kind': 0.99,
  'number.qualifier': 0.99,
  'agencies F1': 0.98,
  'citations F1': 1.0,
  'citation.docNumber': 1.0,
  'metadata accuracy': 1.0,
  'measures F1': 0.8,
  'measure.status': 0.85,
  'measure.category (in-sample)': 0.9,
  'measure.instrument (in-sample)': 0.99,
  'measure.category (leave-one-out)': 0.81,
  'measure.instrument (leave-one-out)': 0.81,
} as const;

let out: string;
let scores: Scores;
let heldOut: Scores;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'policy-miner-gate-'));
  await runPipeline({ inputs: [join(ROOT, 'corpus')], outDir: out, workers: 1, maxBytes: 64 * 1024 * 1024 });
  const gold = await loadGold(GOLD_DIR);
  const records = await loadRecords(join(out, 'records.jsonl'), new Set(gold.map((file) => file.doc.replace(/\.txt$/, ''))));
  scores = scoreAll(gold, records);
  heldOut = crossValidate(gold, records, textSegmenter());
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('evaluation gate on corpus/gold', () => {
  it('keeps every figure at or above its floor', () => {
    const accuracy = (s: Scores, name: string): number => ratio(s.attributes[name] ?? { correct: 0, total: 0 });
    const figures: Record<keyof typeof FLOORS, number> = {
      'numbers F1': prf(scores.fields.numbers).f1,
      'number.unit': accuracy(scores, 'number.unit'),
      'number.kind': accuracy(scores, 'number.kind'),
      'number.qualifier': accuracy(scores, 'number.qualifier'),
      'agencies F1': prf(scores.fields.agencies).f1,
      'citations F1': prf(scores.fields.citations).f1,
      'citation.docNumber': accuracy(scores, 'citation.docNumber'),
      'metadata accuracy': ratio(metaAccuracy(scores)),
      'measures F1': prf(scores.fields.measures).f1,
      'measure.status': accuracy(scores, 'measure.status'),
      'measure.category (in-sample)': accuracy(scores, 'measure.category'),
      'measure.instrument (in-sample)': accuracy(scores, 'measure.instrument'),
      'measure.category (leave-one-out)': accuracy(heldOut, 'measure.category'),
      'measure.instrument (leave-one-out)': accuracy(heldOut, 'measure.instrument'),
    };
    const below = Object.entries(FLOORS).filter(([name, floor]) => figures[name as keyof typeof FLOORS] < floor);
    expect(below.map(([name, floor]) => `${name}: ${figures[name as keyof typeof FLOORS].toFixed(3)} < ${floor}`)).toEqual([]);
  });

  it('scores every gold document against a record', () => {
    expect(scores.documents).toBe(5);
    expect(scores.missingRecords).toEqual([]);
  });
});

describe('the shipped measure model', () => {
  it('is the model `policy-miner train` makes from corpus/gold today (retrain after changing the text layer or the gold)', async () => {
    const file = join(out, 'measure-model.json');
    await trainFromGold(GOLD_DIR, file);
    expect(readFileSync(file, 'utf8') === readFileSync(join(ROOT, 'pipeline/models/measure-model.json'), 'utf8')).toBe(true);
  }, 120_000);
});

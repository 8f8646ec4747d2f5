/**
 * natural's naive Bayes as the measure classifiers' baseline (eval/peer-natural.ts): it reads the words of a
 * measure, is scored on the same folds as the shipped classifier, and loading it leaves the environment and stdout
 * alone (natural's package index would run dotenv on import).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossValidate, goldExamples, prepareFolds, type Segment } from '../../pipeline/eval/cross-validate.js';
import { documentKey, loadGold } from '../../pipeline/eval/evaluate.js';
import { naturalBayes, pieceWords } from '../../pipeline/eval/peer-natural.js';
import { buildMeasures } from '../../pipeline/lib/measure-build.js';
import { pieceOf, wordOffsetsOf } from '../../pipeline/lib/measure-features.js';
import { trainMeasureModel } from '../../pipeline/lib/measure-train.js';
import { Instrument, MeasureCategory } from '../../schemas/fields.js';
import type { GoldFile } from '../../schemas/gold.js';
import type { Record as DocRecord } from '../../schemas/record.js';
import { GOLD_DIR, ROOT } from '../support/seeds.js';

const pairs = (text: string): string[] => text.match(/.{1,2}/gu) ?? [];
/** A stub segmenter: two characters a word, offsets into the whole text. */
const segment: Segment = (text) => wordOffsetsOf(text, pairs(text));

let gold: GoldFile[];
beforeAll(async () => {
  gold = await loadGold(GOLD_DIR);
});

describe('natural naive Bayes baseline', () => {
  it('reads the words of a measure without punctuation and spaces', () => {
    const text = '建立“双减”督导机制, 每月通报2次。';
    const words = ['建立', '“', '双减', '”', '督导', '机制', ',', ' ', '每月', '通报', '2', '次', '。'];
    expect(pieceWords(pieceOf(text, wordOffsetsOf(text, words), 0, text.length))).toEqual(['建立', '双减', '督导', '机制', '每月', '通报', '2', '次']);
  });

  it('labels each measure with a category and an instrument of the record schema', () => {
    const labeller = naturalBayes(goldExamples(gold, segment));
    const inputs = gold[0]!.measures.map((measure) => ({ own: pieceOf(measure.text, segment(measure.text), 0, measure.text.length) }));
    const labels = labeller.classify(inputs);
    expect(labels).toHaveLength(inputs.length);
    for (const { category, instrument } of labels) {
      expect(MeasureCategory.options).toContain(category);
      expect(Instrument.options).toContain(instrument);
    }
  });

  it('is scored on the same folds and the same matched measures as the shipped classifier', () => {
    const records = new Map(
      gold.map((file) => {
        const text = file.measures.map((m) => `${m.text}。`).join('\n');
        const built = buildMeasures(text, null, segment(text));
        return [documentKey(file.doc), { text, meta: file.meta, numbers: [], agencies: [], citations: [], measures: built.measures } as unknown as DocRecord];
      }),
    );
    const folds = prepareFolds(gold, records, segment);
    const ours = crossValidate(gold, records, segment, { folds, train: (examples) => trainMeasureModel(examples.slice(0, 60)) });
    const peer = crossValidate(gold, records, segment, { folds, fit: naturalBayes });
    expect(peer.fields.measures).toEqual(ours.fields.measures);
    expect(peer.attributes['measure.category']!.total).toBe(ours.attributes['measure.category']!.total);
    expect(peer.attributes['measure.category']!.total).toBeGreaterThan(100);
  });

  it('loads without reading a .env file into the environment or writing to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-miner-natural-'));
    try {
      writeFileSync(join(dir, '.env'), 'POLICY_MINER_DOTENV_PROBE=read\n');
      const module = join(ROOT, 'dist', 'pipeline', 'eval', 'peer-natural.js');
      const script = `await import(${JSON.stringify(module)}); process.stderr.write(String(process.env.POLICY_MINER_DOTENV_PROBE));`;
      const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(stdout).toBe('');
      // The package index, imported the same way, does both: the check above is not vacuous.
      const natural = createRequire(join(ROOT, 'package.json')).resolve('natural');
      const index = execFileSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(natural)}); console.log(String(process.env.POLICY_MINER_DOTENV_PROBE));`], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(index).toContain('read');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

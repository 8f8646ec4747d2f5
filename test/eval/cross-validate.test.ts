/** Leave-one-document-out: each fold trains without the document it scores. The segmenter is a stub here. */
import { beforeAll, describe, expect, it } from 'vitest';
import { crossValidate, goldExamples, reclassify, type Segment } from '../../pipeline/eval/cross-validate.js';
import { documentKey, loadGold } from '../../pipeline/eval/evaluate.js';
import { buildMeasures } from '../../pipeline/lib/measure-build.js';
import { MeasureClassifier, type MeasureModel } from '../../pipeline/lib/measure-classify.js';
import { wordOffsetsOf } from '../../pipeline/lib/measure-features.js';
import { trainMeasureModel, type MeasureExample } from '../../pipeline/lib/measure-train.js';
import type { GoldFile } from '../../schemas/gold.js';
import type { Record as DocRecord } from '../../schemas/record.js';
import { GOLD_DIR } from '../support/seeds.js';

const pairs = (text: string): string[] => text.match(/.{1,2}/gu) ?? [];
/** The stub segmenter as the segment stage shapes its words: offsets into the whole text. */
const segment: Segment = (text) => wordOffsetsOf(text, pairs(text));

let gold: GoldFile[];

/** A record holding only what crossValidate and scoreDocument read. */
function recordFor(file: GoldFile, text: string): DocRecord {
  const built = buildMeasures(text, null, segment(text));
  return { text, meta: file.meta, numbers: [], agencies: [], citations: [], measures: built.measures } as unknown as DocRecord;
}

beforeAll(async () => {
  gold = await loadGold(GOLD_DIR);
});

describe('crossValidate', () => {
  it('never trains a fold on the held-out document', () => {
    // Texts built from the gold measures themselves, one per paragraph, so every document has a record.
    const records = new Map(gold.map((file) => [documentKey(file.doc), recordFor(file, file.measures.map((m) => `${m.text}。`).join('\n'))]));
    const folds: { heldOut: string; trainedOn: Set<string>; texts: Set<string> }[] = [];
    let fold = 0;
    crossValidate(gold, records, segment, {
      train: (examples: readonly MeasureExample[]): MeasureModel => {
        folds.push({
          heldOut: documentKey(gold[fold++]!.doc),
          trainedOn: new Set(examples.map((e) => e.doc!)),
          texts: new Set(examples.map((e) => e.own.text.slice(e.own.start, e.own.end))),
        });
        return trainMeasureModel(examples.slice(0, 30));
      },
    });
    expect(folds).toHaveLength(gold.length);
    for (const { heldOut, trainedOn } of folds) {
      expect(trainedOn.has(heldOut)).toBe(false);
      expect(trainedOn.size).toBe(gold.length - 1);
    }
    // No example text of a fold comes from its held-out document unless another document has the same sentence.
    folds.forEach(({ heldOut, texts }) => {
      const own = gold.find((file) => documentKey(file.doc) === heldOut)!.measures.map((m) => m.text);
      const elsewhere = new Set(gold.filter((file) => documentKey(file.doc) !== heldOut).flatMap((file) => file.measures.map((m) => m.text)));
      for (const text of own) if (!elsewhere.has(text)) expect(texts.has(text)).toBe(false);
    });
  });

  it('scores every gold document, a missing record counting every gold item as missed, and reports each', () => {
    const scores = crossValidate(gold.slice(0, 2), new Map(), segment, { train: (examples) => trainMeasureModel(examples.slice(0, 10)) });
    expect(scores.documents).toBe(2);
    expect(scores.missingRecords).toHaveLength(2);
    expect(scores.fields.measures.matched).toBe(0);
    const each: string[] = [];
    crossValidate(gold.slice(0, 2), new Map(), segment, { train: (examples) => trainMeasureModel(examples.slice(0, 10)), onDocument: (doc) => each.push(doc) });
    expect(each).toEqual(gold.slice(0, 2).map((file) => documentKey(file.doc)));
  });
});

describe('goldExamples and reclassify', () => {
  it('gives gold measures the section titles of where they stand in the text', () => {
    const file = gold[0]!;
    const measure = file.measures[1]!;
    const text = `现答复如下:\n一、关于加强督学队伍建设。\n${measure.text}。`;
    const [example] = goldExamples([{ ...file, measures: [measure] }], segment, new Map([[documentKey(file.doc), { text, words: segment(text) }]]));
    const title = example!.headings?.[0];
    expect(title && title.text.slice(title.start, title.end)).toBe('关于加强督学队伍建设');
    expect(example!.doc).toBe(documentKey(file.doc));
    // The measure's words are the document's words inside its span, not the measure segmented on its own.
    expect(example!.own.text).toBe(text);
    expect(text.slice(example!.own.start, example!.own.end)).toBe(measure.text);
  });

  it('segments a gold measure on its own only when its text is not in the document', () => {
    const file = gold[0]!;
    const measure = { ...file.measures[1]!, text: '一段文中没有的措施文字' };
    const text = '现答复如下:\n一、关于加强督学队伍建设。\n建立教育督导专家库。';
    const [example] = goldExamples([{ ...file, measures: [measure] }], segment, new Map([[documentKey(file.doc), { text, words: segment(text) }]]));
    expect(example!.own.text).toBe(measure.text);
    expect(example!.own.last - example!.own.first).toBe(pairs(measure.text).length);
  });

  it('re-labels category and instrument only, keeping spans and status', () => {
    const file = gold[0]!;
    const record = recordFor(file, file.measures.map((m) => `${m.text}。`).join('\n'));
    const classifier = new MeasureClassifier(trainMeasureModel(goldExamples(gold.slice(1), segment)));
    const again = reclassify(record, classifier, segment(record.text));
    expect(again.measures.map((m) => [m.start, m.end, m.status, m.text])).toEqual(record.measures.map((m) => [m.start, m.end, m.status, m.text]));
  });
});

import type { GoldFile } from '../../schemas/gold.js';
import type { Record as DocRecord } from '../../schemas/record.js';
import { inputOf, labelUnits, locateGold, type Tokenize } from '../lib/measure-build.js';
import { segmentMeasures } from '../lib/measure-segment.js';
import { trainMeasureModel, type MeasureExample, type MeasureModel } from '../lib/measure-train.js';
import { documentKey } from './evaluate.js';
import { emptyScores, scoreDocument, type Scores } from './score.js';

/**
 * Leave-one-document-out evaluation of the measure classifiers (issue 3): for each gold document, a model is
 * trained on the gold measures of the other documents only — its knobs chosen by cross-validation inside those
 * documents — re-classifies the category and instrument of that document's record measures, and the record is
 * scored as usual. Segmentation and status are rules with nothing learned, so they stay as the record has them.
 */

export interface CrossValidateOptions {
  /** The trainer, replaceable in tests to see what each fold trains on. */
  train?: (examples: readonly MeasureExample[]) => MeasureModel;
}

/**
 * Training examples from gold files: every measure with its words and labels, and, when the document's text is
 * at hand (`texts`, by document key), the section titles and paragraph of where it stands in that text.
 */
export function goldExamples(gold: readonly GoldFile[], tokenize: Tokenize, texts: ReadonlyMap<string, string> = new Map()): MeasureExample[] {
  return gold.flatMap((file) => {
    const doc = documentKey(file.doc);
    const text = texts.get(doc);
    const located = text === undefined ? undefined : locateGold(text, file.measures.map((measure) => measure.text));
    return file.measures.map((measure, i) => {
      const unit = located?.placed[i];
      const context = unit && text !== undefined ? inputOf(text, unit, located!.units, tokenize) : undefined;
      return {
        text: measure.text,
        tokens: tokenize(measure.text),
        headings: context?.headings,
        paragraph: context?.paragraph,
        neighbours: context?.neighbours,
        category: measure.category,
        instrument: measure.instrument,
        doc,
      };
    });
  });
}

/** A record whose measures are re-classified by `model`, their context read again from the record's text. */
export function reclassify(record: DocRecord, model: MeasureModel, tokenize: Tokenize): DocRecord {
  const { units } = segmentMeasures(record.text);
  const bySpan = new Map(units.map((unit) => [`${unit.start}:${unit.end}`, unit]));
  const placed = record.measures.map((measure) => bySpan.get(`${measure.start}:${measure.end}`));
  const known = placed.filter((unit) => unit !== undefined);
  const labels = labelUnits(record.text, known, units, model, tokenize);
  let next = 0;
  const measures = record.measures.map((measure, i) => {
    if (!placed[i]) return { ...measure, ...inputLabels(model, measure.text, tokenize) };
    return { ...measure, ...labels[next++]! };
  });
  return { ...record, measures };
}

/** A measure whose span the segmentation no longer gives (a record from another version): classified alone. */
function inputLabels(model: MeasureModel, text: string, tokenize: Tokenize) {
  return labelUnits(text, [{ start: 0, end: text.length, sentenceStart: 0, sentenceEnd: text.length, paragraph: 0, section: 0, report: false, measure: true, reason: 'measure', marker: null, headings: [] }], [], model, tokenize)[0]!;
}

/** Scores every gold document with classifiers trained without it. */
export function crossValidate(gold: GoldFile[], records: ReadonlyMap<string, DocRecord>, tokenize: Tokenize, options: CrossValidateOptions = {}): Scores {
  const train = options.train ?? trainMeasureModel;
  const texts = new Map([...records].map(([key, record]) => [key, record.text]));
  const examples = goldExamples(gold, tokenize, texts);
  const scores = emptyScores();
  for (const file of gold) {
    const key = documentKey(file.doc);
    const record = records.get(key);
    const model = train(examples.filter((example) => example.doc !== key));
    scoreDocument(scores, file, record ? reclassify(record, model, tokenize) : undefined);
  }
  return scores;
}

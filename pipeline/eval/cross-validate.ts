import type { GoldFile } from '../../schemas/gold.js';
import type { Record as DocRecord } from '../../schemas/record.js';
import { InputBuilder, labelUnits, locateGold } from '../lib/measure-build.js';
import { MeasureClassifier, type Labeller, type MeasureModel } from '../lib/measure-classify.js';
import { pieceOf, type Piece, type WordOffsets } from '../lib/measure-features.js';
import { segmentMeasures, type Unit } from '../lib/measure-segment.js';
import { trainMeasureModel, type MeasureExample } from '../lib/measure-train.js';
import { documentKey } from './evaluate.js';
import { emptyScores, scoreDocument, type Scores } from './score.js';

/**
 * Leave-one-document-out evaluation of the measure classifiers (issue 3): for each gold document, a model is
 * trained on the gold measures of the other documents only — its knobs chosen by cross-validation inside those
 * documents — re-classifies the category and instrument of that document's record measures, and the record is
 * scored as usual. Segmentation and status are rules with nothing learned, so they stay as the record has them.
 * Words come as the pipeline makes them: the segment stage over a document's whole text, looked up by span.
 */

/** The segmenter's words of a whole text, as the segment stage gives them in `doc.tokens`. */
export type Segment = (text: string) => WordOffsets;

/** A document's normalised text and its words. */
export interface SegmentedText {
  text: string;
  words: WordOffsets;
}

export interface CrossValidateOptions {
  /** The trainer, replaceable in tests to see what each fold trains on. */
  train?: (examples: readonly MeasureExample[]) => MeasureModel;
  /**
   * What each fold fits on its training examples: by default the shipped classifier on a model from `train`; a
   * peer baseline (natural's naive Bayes, peer-natural.ts) is scored on the same folds through this.
   */
  fit?: (examples: readonly MeasureExample[]) => Labeller;
  /** Called with each document's scores as it is scored. */
  onDocument?: (doc: string, scores: Scores) => void;
  /** The folds' inputs made once (`prepareFolds`), for several classifiers scored on the same folds. */
  folds?: Folds;
}

/** What every fold reads: each record's text with its words, by document key, and the gold examples. */
export interface Folds {
  documents: ReadonlyMap<string, SegmentedText>;
  examples: readonly MeasureExample[];
}

/** The folds' inputs: each record's text segmented once, and the gold examples placed in those texts. */
export function prepareFolds(gold: readonly GoldFile[], records: ReadonlyMap<string, DocRecord>, segment: Segment): Folds {
  const documents = new Map([...records].map(([key, record]) => [key, { text: record.text, words: segment(record.text) }]));
  return { documents, examples: goldExamples(gold, segment, documents) };
}

/**
 * The span of a gold measure's text in its document: the occurrence nearest the unit it was located at, or the
 * first one; null when the text does not occur (the annotator's text differs from the normalised one).
 */
function spanOf(text: string, goldText: string, unit: Unit | undefined): { start: number; end: number } | null {
  if (goldText.length === 0) return null;
  const near = unit ? text.indexOf(goldText, unit.sentenceStart) : -1;
  const at = near >= 0 && near < unit!.sentenceEnd ? near : text.indexOf(goldText);
  return at < 0 ? null : { start: at, end: at + goldText.length };
}

/**
 * Training examples from gold files: every measure with its words and labels, and, when the document's text is
 * at hand (`documents`, by document key), the section titles and paragraph of where it stands in that text. A
 * measure's words are the document's words inside its span; only a measure whose text does not occur in the
 * document is segmented on its own.
 */
export function goldExamples(gold: readonly GoldFile[], segment: Segment, documents: ReadonlyMap<string, SegmentedText> = new Map()): MeasureExample[] {
  return gold.flatMap((file) => {
    const doc = documentKey(file.doc);
    const document = documents.get(doc);
    const located = document === undefined ? undefined : locateGold(document.text, file.measures.map((measure) => measure.text));
    const builder = document && located ? new InputBuilder(document.text, located.units, document.words) : undefined;
    return file.measures.map((measure, i): MeasureExample => {
      const unit = located?.placed[i];
      const span = document ? spanOf(document.text, measure.text, unit) : null;
      const own: Piece = span && builder ? builder.piece(span) : pieceOf(measure.text, segment(measure.text), 0, measure.text.length);
      const context = unit && builder ? builder.input(unit) : undefined;
      return {
        own,
        headings: context?.headings,
        paragraph: context?.paragraph,
        neighbours: context?.neighbours?.filter((piece) => piece !== own),
        category: measure.category,
        instrument: measure.instrument,
        doc,
      };
    });
  });
}

/** A record whose measures are re-classified by `classifier`, their context read again from the record's text. */
export function reclassify(record: DocRecord, classifier: Labeller, words: WordOffsets): DocRecord {
  const { units } = segmentMeasures(record.text);
  const bySpan = new Map(units.map((unit) => [`${unit.start}:${unit.end}`, unit]));
  const placed = record.measures.map((measure) => bySpan.get(`${measure.start}:${measure.end}`));
  const known = placed.filter((unit) => unit !== undefined);
  const labels = labelUnits(record.text, known, units, classifier, words);
  let next = 0;
  const measures = record.measures.map((measure, i) => {
    // A measure whose span the segmentation no longer gives (a record from another version) is classified alone.
    if (!placed[i]) return { ...measure, ...classifier.classify([{ own: pieceOf(record.text, words, measure.start, measure.end) }])[0]! };
    return { ...measure, ...labels[next++]! };
  });
  return { ...record, measures };
}

/** Scores every gold document with classifiers trained without it. */
export function crossValidate(gold: GoldFile[], records: ReadonlyMap<string, DocRecord>, segment: Segment, options: CrossValidateOptions = {}): Scores {
  const train = options.train ?? trainMeasureModel;
  const fit = options.fit ?? ((examples: readonly MeasureExample[]) => new MeasureClassifier(train(examples)));
  const { documents, examples } = options.folds ?? prepareFolds(gold, records, segment);
  const scores = emptyScores();
  for (const file of gold) {
    const key = documentKey(file.doc);
    const record = records.get(key);
    const classifier = fit(examples.filter((example) => example.doc !== key));
    const rescored = record ? reclassify(record, classifier, documents.get(key)!.words) : undefined;
    scoreDocument(scores, file, rescored);
    if (options.onDocument) {
      const own = emptyScores();
      scoreDocument(own, file, rescored);
      options.onDocument(key, own);
    }
  }
  return scores;
}

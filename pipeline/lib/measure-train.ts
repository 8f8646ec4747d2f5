import { Instrument, MeasureCategory, type Instrument as InstrumentT, type MeasureCategory as CategoryT } from '../../schemas/fields.js';
import { argmax, fitBayes, posteriorOf, scoreParts, type BayesModel, type Knobs } from './measure-bayes.js';
import { measureFeatures } from './measure-features.js';
import { CATEGORY_LEXICON, INSTRUMENT_LEXICON } from './measure-lexicon.js';

/**
 * Training and prediction of the category and instrument of measures: naive Bayes over words and character
 * bigrams plus the guide's prior lexicon (measure-bayes.ts, measure-lexicon.ts). Every knob — smoothing, lexicon
 * weight, prior weight, length normalisation, and how much a measure's section titles and paragraph count for
 * its category — is chosen by leave-one-document-out accuracy inside the training examples, so a model trained
 * without a document has learned nothing from it, not even its settings. Pure and deterministic.
 */

export interface TextWithTokens {
  text: string;
  tokens: readonly string[];
}

/** A measure to classify: its text and words, and optionally where it stands. */
export interface MeasureInput extends TextWithTokens {
  /** Titles of the sections around it, innermost first. */
  headings?: readonly TextWithTokens[];
  /** Its paragraph: measures of one paragraph lend each other their topic. */
  paragraph?: number;
  /** Sentences of its paragraph that are not measures (`为进一步提高…心理健康教育标准化水平,…`). */
  neighbours?: readonly TextWithTokens[];
}

export interface MeasureExample extends MeasureInput {
  category: CategoryT;
  instrument: InstrumentT;
  /** The document the example comes from: knobs are chosen by leaving one document out at a time. */
  doc?: string;
}

/**
 * How much context counts beside a measure's own text in its category: section titles innermost first (a bare
 * `加强部门联动,发挥联合监管合力` is off-campus training because its section is `强化规范管理校外培训机构`), and the
 * rest of its paragraph in all. The instrument is a property of the clause and takes none.
 */
export interface ContextWeights {
  headings: number[];
  paragraph: number;
}

export interface MeasureModel {
  version: 1;
  examples: number;
  documents: number;
  category: BayesModel;
  instrument: BayesModel;
  context: ContextWeights;
}

/** Knob values tried by the inner cross-validation; the first of each is used when there are fewer than two documents. */
export const SMOOTHING_GRID = [0.1, 0.5, 1];
export const LEXICON_WEIGHT_GRID = [2, 0, 1, 4, 8, 16];
export const PRIOR_WEIGHT_GRID = [1, 0, 2, 4];
export const LENGTH_POWER_GRID = [1, 0, 0.5];
export const HEADING_WEIGHT_GRID = [[0.5, 0.3, 0.2], [0, 0, 0], [0.25, 0.15, 0.1], [1, 0.6, 0.4]];
export const PARAGRAPH_WEIGHT_GRID = [1, 0, 0.5, 2];
/**
 * A setting replaces the one before it only when it gets this share of the examples more right: with three or four
 * training documents, accuracy differences of a few examples are noise, and chasing them picks settings that
 * fail on the next document (seen as a fold choosing to ignore section titles altogether).
 */
export const SELECTION_MARGIN = 0.01;

type Field = 'category' | 'instrument';
const LEXICONS: Record<Field, Readonly<Record<string, readonly string[]>>> = { category: CATEGORY_LEXICON, instrument: INSTRUMENT_LEXICON };
const LABELS: Record<Field, readonly string[]> = { category: MeasureCategory.options, instrument: Instrument.options };

interface Prepared {
  own: string[];
  headings: { text: string; features: string[] }[];
  neighbours: { text: string; features: string[] }[];
  example: MeasureExample;
}

const featuresOf = (item: TextWithTokens): { text: string; features: string[] } => ({ text: item.text, features: measureFeatures(item.text, item.tokens) });

/** Log posteriors of a measure and of its context texts under one model. */
interface Posteriors {
  own: number[];
  headings: number[][];
  neighbours: number[][];
  paragraph: number | undefined;
}

function posteriors(model: BayesModel, field: Field, item: Prepared, withContext = true): Posteriors {
  const post = (text: string, features: readonly string[]): number[] => posteriorOf(model, scoreParts(model, LEXICONS[field], text, features));
  return {
    own: post(item.example.text, item.own),
    headings: withContext ? item.headings.map((heading) => post(heading.text, heading.features)) : [],
    neighbours: withContext ? item.neighbours.map((neighbour) => post(neighbour.text, neighbour.features)) : [],
    paragraph: item.example.paragraph,
  };
}

/** The label index of each measure of one document, its own posterior plus its weighted context. */
function decide(items: readonly Posteriors[], weights: ContextWeights): number[] {
  return items.map((item, i) => {
    const combined = [...item.own];
    const add = (values: readonly number[], weight: number): void => values.forEach((value, k) => (combined[k]! += weight * value));
    item.headings.slice(0, weights.headings.length).forEach((heading, h) => add(heading, weights.headings[h]!));
    const mates = item.paragraph === undefined ? [] : items.filter((other, j) => j !== i && other.paragraph === item.paragraph);
    const share = weights.paragraph / Math.max(1, mates.length + item.neighbours.length);
    for (const mate of mates) add(mate.own, share);
    for (const neighbour of item.neighbours) add(neighbour, share);
    return argmax(combined);
  });
}

/** Chooses the knobs of one field by leave-one-document-out accuracy, then fits on all items. */
function trainField(items: readonly Prepared[], field: Field): { model: BayesModel; context: ContextWeights } {
  const labels = LABELS[field];
  const labelled = (subset: readonly Prepared[]) => subset.map((item) => ({ features: item.own, label: item.example[field] }));
  const docs = [...new Set(items.map((item) => item.example.doc ?? ''))];
  const gold = (item: Prepared): number => labels.indexOf(item.example[field]);
  let knobs: Knobs = { smoothing: SMOOTHING_GRID[0]!, lexiconWeight: LEXICON_WEIGHT_GRID[0]!, priorWeight: PRIOR_WEIGHT_GRID[0]!, lengthPower: LENGTH_POWER_GRID[0]! };
  let context: ContextWeights = { headings: HEADING_WEIGHT_GRID[0]!, paragraph: PARAGRAPH_WEIGHT_GRID[0]! };
  if (docs.length >= 2) {
    const heldOut = docs.map((doc) => items.filter((item) => (item.example.doc ?? '') === doc));
    const margin = SELECTION_MARGIN * items.length;
    let most = -1;
    for (const smoothing of SMOOTHING_GRID) {
      const parts = docs.map((doc, d) => {
        const model = fitBayes(labelled(items.filter((item) => (item.example.doc ?? '') !== doc)), labels, { ...knobs, smoothing });
        return { model, parts: heldOut[d]!.map((item) => scoreParts(model, LEXICONS[field], item.example.text, item.own)) };
      });
      for (const lexiconWeight of LEXICON_WEIGHT_GRID) {
        for (const priorWeight of PRIOR_WEIGHT_GRID) {
          for (const lengthPower of LENGTH_POWER_GRID) {
            const trial = { smoothing, lexiconWeight, priorWeight, lengthPower };
            let correct = 0;
            parts.forEach(({ model, parts: scored }, d) => {
              scored.forEach((part, i) => (correct += argmax(posteriorOf(model, part, trial)) === gold(heldOut[d]![i]!) ? 1 : 0));
            });
            if (most < 0 || correct > most + margin) [most, knobs] = [correct, trial];
          }
        }
      }
    }
    if (field === 'category') {
      const folds = docs.map((doc, d) => {
        const model = fitBayes(labelled(items.filter((item) => (item.example.doc ?? '') !== doc)), labels, knobs);
        return heldOut[d]!.map((item) => posteriors(model, field, item));
      });
      let best = -1;
      for (const headings of HEADING_WEIGHT_GRID) {
        for (const paragraph of PARAGRAPH_WEIGHT_GRID) {
          const trial = { headings, paragraph };
          let correct = 0;
          folds.forEach((fold, d) => decide(fold, trial).forEach((k, i) => (correct += k === gold(heldOut[d]![i]!) ? 1 : 0)));
          if (best < 0 || correct > best + margin) [best, context] = [correct, trial];
        }
      }
    }
  }
  return { model: fitBayes(labelled(items), labels, knobs), context };
}

function prepare(input: MeasureInput & { category?: CategoryT; instrument?: InstrumentT }): Prepared {
  return {
    own: measureFeatures(input.text, input.tokens),
    headings: (input.headings ?? []).map(featuresOf),
    neighbours: (input.neighbours ?? []).map(featuresOf),
    example: input as MeasureExample,
  };
}

/** Trains both classifiers on gold measures. The same examples always give the same model. */
export function trainMeasureModel(examples: readonly MeasureExample[]): MeasureModel {
  const items = examples.map(prepare);
  const category = trainField(items, 'category');
  const instrument = trainField(items, 'instrument');
  return {
    version: 1,
    examples: examples.length,
    documents: new Set(examples.map((example) => example.doc ?? '')).size,
    category: category.model,
    instrument: instrument.model,
    context: category.context,
  };
}

/** Category and instrument of each measure of one document, in order (paragraph mates are read among `inputs`). */
export function classifyMeasures(model: MeasureModel, inputs: readonly MeasureInput[], weights: ContextWeights = model.context): { category: CategoryT; instrument: InstrumentT }[] {
  const items = inputs.map(prepare);
  const categories = decide(items.map((item) => posteriors(model.category, 'category', item)), weights);
  return items.map((item, i) => ({
    category: model.category.labels[categories[i]!] as CategoryT,
    instrument: model.instrument.labels[argmax(posteriors(model.instrument, 'instrument', item, false).own)] as InstrumentT,
  }));
}

/** Category and instrument of one measure text without context; `tokens` come from the segmenter used in training. */
export function classifyMeasure(model: MeasureModel, text: string, tokens: readonly string[]): { category: CategoryT; instrument: InstrumentT } {
  return classifyMeasures(model, [{ text, tokens }])[0]!;
}

import type { Instrument as InstrumentT, MeasureCategory as CategoryT } from '../../schemas/fields.js';
import { argmax, BayesPosterior, fitBayes, type BayesModel, type Knobs, type LabelledFeatures } from './measure-bayes.js';
import { combine, FIELDS, LABELS, LEXICONS, memoised, posteriorsOf, type ContextWeights, type Field, type MeasureInput, type MeasureModel } from './measure-classify.js';
import { pieceFeatures, wholePiece, type Piece } from './measure-features.js';
import { ScoringTable, type ScoreParts } from './measure-table.js';

/**
 * Training of the category and instrument classifiers of measures: naive Bayes over words and character bigrams
 * plus the guide's prior lexicon (measure-bayes.ts, measure-lexicon.ts). Every knob — smoothing, lexicon weight,
 * prior weight, length normalisation, and how much a measure's section titles and paragraph count — is chosen by
 * leave-one-document-out accuracy inside the training examples, so a model trained without a document has learned
 * nothing from it, not even its settings. Pure and deterministic.
 */

export interface MeasureExample extends MeasureInput {
  category: CategoryT;
  instrument: InstrumentT;
  /** The document the example comes from: knobs are chosen by leaving one document out at a time. */
  doc?: string;
}

/** Knob values tried by the inner cross-validation; the first of each is used when there are fewer than two documents. */
export const SMOOTHING_GRID = [0.1, 0.5, 1];
/** How many examples each lexicon term counts as (0: the lexicon only adds its hits to the scores). */
export const LEXICON_COUNT_GRID = [2, 0, 1, 4];
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

interface Prepared {
  features: string[];
  example: MeasureExample;
}

const docOf = (item: Prepared): string => item.example.doc ?? '';

/**
 * The guide's lexicon as training items: each term one item of its label, its features those of the term as one
 * word. A label the training documents lack (vocational in a county reply about teachers) still gets likelihoods.
 */
const LEXICON_ITEMS: Record<Field, LabelledFeatures[]> = {
  category: lexiconItems('category'),
  instrument: lexiconItems('instrument'),
};

function lexiconItems(field: Field): LabelledFeatures[] {
  return Object.entries(LEXICONS[field]).flatMap(([label, terms]) => terms.map((term) => ({ features: pieceFeatures(wholePiece(term, [term])), label })));
}

function fit(items: readonly Prepared[], field: Field, knobs: Knobs): BayesModel {
  return fitBayes(
    items.map((item) => ({ features: item.features, label: item.example[field] })),
    LABELS[field],
    knobs,
    LEXICON_ITEMS[field],
  );
}

/** Chooses the knobs of one field by leave-one-document-out accuracy, then fits on all items. */
function trainField(items: readonly Prepared[], field: Field): { model: BayesModel; context: ContextWeights } {
  const labels = LABELS[field];
  const docs = [...new Set(items.map(docOf))];
  const gold = (item: Prepared): number => labels.indexOf(item.example[field]);
  let knobs: Knobs = {
    smoothing: SMOOTHING_GRID[0]!,
    lexiconCount: LEXICON_COUNT_GRID[0]!,
    lexiconWeight: LEXICON_WEIGHT_GRID[0]!,
    priorWeight: PRIOR_WEIGHT_GRID[0]!,
    lengthPower: LENGTH_POWER_GRID[0]!,
  };
  let context: ContextWeights = { headings: HEADING_WEIGHT_GRID[0]!, paragraph: PARAGRAPH_WEIGHT_GRID[0]! };
  if (docs.length >= 2) {
    const heldOut = docs.map((doc) => items.filter((item) => docOf(item) === doc));
    const trainOn = docs.map((doc) => items.filter((item) => docOf(item) !== doc));
    const margin = SELECTION_MARGIN * items.length;
    let most = -1;
    for (const [smoothing, lexiconCount] of SMOOTHING_GRID.flatMap((s) => LEXICON_COUNT_GRID.map((c) => [s, c] as const))) {
      const folds = docs.map((_, d) => {
        const model = fit(trainOn[d]!, field, { ...knobs, smoothing, lexiconCount });
        const table = new ScoringTable([{ model, lexicon: LEXICONS[field] }]);
        return { posterior: new BayesPosterior(model), parts: heldOut[d]!.map((item): ScoreParts => table.score(item.example.own)[0]!) };
      });
      for (const lexiconWeight of LEXICON_WEIGHT_GRID) {
        for (const priorWeight of PRIOR_WEIGHT_GRID) {
          for (const lengthPower of LENGTH_POWER_GRID) {
            const trial = { smoothing, lexiconCount, lexiconWeight, priorWeight, lengthPower };
            let correct = 0;
            folds.forEach(({ posterior, parts }, d) => {
              parts.forEach((part, i) => (correct += argmax(posterior.of(part, trial)) === gold(heldOut[d]![i]!) ? 1 : 0));
            });
            if (most < 0 || correct > most + margin) [most, knobs] = [correct, trial];
          }
        }
      }
    }
    const widest: ContextWeights = { headings: HEADING_WEIGHT_GRID.reduce((a, b) => (a.length >= b.length ? a : b)).map(() => 1), paragraph: 1 };
    const folds = docs.map((_, d) => {
      const model = fit(trainOn[d]!, field, knobs);
      const table = new ScoringTable([{ model, lexicon: LEXICONS[field] }]);
      const posterior = new BayesPosterior(model);
      const post = memoised((piece: Piece) => posterior.of(table.score(piece)[0]!));
      return posteriorsOf(post, labels.length, heldOut[d]!.map((item) => item.example), widest);
    });
    let best = -1;
    for (const headings of HEADING_WEIGHT_GRID) {
      for (const paragraph of PARAGRAPH_WEIGHT_GRID) {
        const trial = { headings, paragraph };
        let correct = 0;
        folds.forEach((fold, d) => combine(fold, trial).forEach((k, i) => (correct += k === gold(heldOut[d]![i]!) ? 1 : 0)));
        if (best < 0 || correct > best + margin) [best, context] = [correct, trial];
      }
    }
  }
  return { model: fit(items, field, knobs), context };
}

/** Trains both classifiers on gold measures. The same examples always give the same model. */
export function trainMeasureModel(examples: readonly MeasureExample[]): MeasureModel {
  const items = examples.map((example) => ({ features: pieceFeatures(example.own), example }));
  const [category, instrument] = FIELDS.map((field) => trainField(items, field)) as [ReturnType<typeof trainField>, ReturnType<typeof trainField>];
  return {
    version: 2,
    examples: examples.length,
    documents: new Set(examples.map((example) => example.doc ?? '')).size,
    category: category.model,
    instrument: instrument.model,
    context: { category: category.context, instrument: instrument.context },
  };
}

import type { ScoreParts } from './measure-table.js';

/**
 * A multinomial naive Bayes over binary features, with a prior lexicon added to its scores: the model behind the
 * measure classifiers (measure-train.ts). Written here rather than taken from natural: it trains in milliseconds,
 * serialises to plain JSON, and its scores can be taken apart (feature sum, prior, lexicon) so that the training
 * can try many knob settings on one fitted table. A fitted model is scored through measure-table.ts.
 */

export interface Knobs {
  /** Additive smoothing of feature counts. */
  smoothing: number;
  /** How many times the prior items (the guide's lexicon terms) are counted in the feature tables. */
  lexiconCount: number;
  /** Weight of one lexicon hit, added to the label's score. */
  lexiconWeight: number;
  /** Weight of the log prior: 0 treats every label as equally likely before the text is read. */
  priorWeight: number;
  /** The feature sum is divided by the number of known features to this power: 0 is plain naive Bayes. */
  lengthPower: number;
}

/**
 * A fitted model keeps counts, not log probabilities: whole numbers in sparse pairs make a small, exact JSON file,
 * and the likelihoods follow from them and the smoothing when the scoring table is built.
 */
export interface BayesModel extends Knobs {
  labels: string[];
  /** Training examples per label. */
  members: number[];
  /** Feature occurrences per label, summed over the examples. */
  totals: number[];
  /** Distinct features seen in training. */
  vocabulary: number;
  /** Per feature, the labels it was seen with and how often, as flat pairs [label, count, label, count, …]. */
  counts: Record<string, number[]>;
}

export interface LabelledFeatures {
  features: readonly string[];
  label: string;
}

/**
 * Fits the count tables of a model; features are read once per item (sets, not counts). `prior` items (the guide's
 * lexicon terms, one item each: measure-train.ts) count like examples in the feature tables but not in the label
 * prior, so a label no training document has still has likelihoods: its own words.
 */
export function fitBayes(items: readonly LabelledFeatures[], labels: readonly string[], knobs: Knobs, prior: readonly LabelledFeatures[] = []): BayesModel {
  const index = new Map(labels.map((label, i) => [label, i]));
  const dense = new Map<string, number[]>();
  const totals = new Array<number>(labels.length).fill(0);
  const members = new Array<number>(labels.length).fill(0);
  const count = (item: LabelledFeatures, k: number, times = 1): void => {
    for (const feature of item.features) {
      let row = dense.get(feature);
      if (!row) dense.set(feature, (row = new Array<number>(labels.length).fill(0)));
      row[k]! += times;
      totals[k]! += times;
    }
  };
  for (const item of items) {
    const k = index.get(item.label);
    if (k === undefined) continue;
    members[k]!++;
    count(item, k);
  }
  for (const item of prior) {
    const k = index.get(item.label);
    if (k !== undefined && knobs.lexiconCount > 0) count(item, k, knobs.lexiconCount);
  }
  const counts: Record<string, number[]> = {};
  for (const feature of [...dense.keys()].sort()) counts[feature] = dense.get(feature)!.flatMap((n, k) => (n > 0 ? [k, n] : []));
  return { ...knobs, labels: [...labels], members, totals, vocabulary: dense.size, counts };
}

/**
 * Log posteriors of every label (label order) from the score parts of a piece (measure-table.ts) under `knobs`:
 * prior, length-scaled feature sum and lexicon hits, minus their log-sum-exp.
 */
export class BayesPosterior {
  /** Per label, the log prior (members plus one over all plus labels). */
  private readonly logPrior: number[];

  constructor(readonly model: BayesModel) {
    const all = model.members.reduce((a, b) => a + b, 0) + model.labels.length;
    this.logPrior = model.members.map((n) => Math.log((n + 1) / all));
  }

  of(parts: ScoreParts, knobs: Knobs = this.model): number[] {
    const scale = parts.known > 0 ? Math.pow(parts.known, -knobs.lengthPower) : 1;
    const scores = new Array<number>(this.logPrior.length);
    let top = -Infinity;
    for (let k = 0; k < scores.length; k++) {
      scores[k] = knobs.priorWeight * this.logPrior[k]! + scale * parts.sums[k]! + knobs.lexiconWeight * parts.hits[k]!;
      if (scores[k]! > top) top = scores[k]!;
    }
    let total = 0;
    for (let k = 0; k < scores.length; k++) total += Math.exp(scores[k]! - top);
    const norm = top + Math.log(total);
    for (let k = 0; k < scores.length; k++) scores[k]! -= norm;
    return scores;
  }
}

/** Index of the largest value; the first on ties, so label order breaks them deterministically. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}

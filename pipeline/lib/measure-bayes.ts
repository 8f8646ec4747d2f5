import { lexiconHits } from './measure-features.js';

/**
 * A multinomial naive Bayes over binary features, with a prior lexicon added to its scores: the model behind the
 * measure classifiers (measure-train.ts). Written here rather than taken from natural: it trains in milliseconds,
 * serialises to plain JSON, and its scores can be taken apart (feature sum, prior, lexicon) so that the training
 * can try many knob settings on one fitted table.
 */

export interface Knobs {
  /** Additive smoothing of feature counts. */
  smoothing: number;
  /** Weight of one lexicon hit, added to the label's score. */
  lexiconWeight: number;
  /** Weight of the log prior: 0 treats every label as equally likely before the text is read. */
  priorWeight: number;
  /** The feature sum is divided by the number of known features to this power: 0 is plain naive Bayes. */
  lengthPower: number;
}

/**
 * A fitted model keeps counts, not log probabilities: whole numbers in sparse pairs make a small, exact JSON file,
 * and the likelihoods follow from them and the smoothing when a text is scored.
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

/** Fits the count tables of a model; features are read once per item (sets, not counts). */
export function fitBayes(items: readonly LabelledFeatures[], labels: readonly string[], knobs: Knobs): BayesModel {
  const index = new Map(labels.map((label, i) => [label, i]));
  const dense = new Map<string, number[]>();
  const totals = new Array<number>(labels.length).fill(0);
  const members = new Array<number>(labels.length).fill(0);
  for (const item of items) {
    const k = index.get(item.label);
    if (k === undefined) continue;
    members[k]!++;
    for (const feature of item.features) {
      let row = dense.get(feature);
      if (!row) dense.set(feature, (row = new Array<number>(labels.length).fill(0)));
      row[k]!++;
      totals[k]!++;
    }
  }
  const counts: Record<string, number[]> = {};
  for (const feature of [...dense.keys()].sort()) counts[feature] = dense.get(feature)!.flatMap((n, k) => (n > 0 ? [k, n] : []));
  return { ...knobs, labels: [...labels], members, totals, vocabulary: dense.size, counts };
}

/** The parts of a score that do not depend on the knobs applied after fitting. */
export interface ScoreParts {
  sums: number[];
  known: number;
  hits: number[];
}

/** Feature sums of log likelihoods, known features and lexicon hits of a text under `model`. */
export function scoreParts(model: BayesModel, lexicon: Readonly<Record<string, readonly string[]>>, text: string, features: readonly string[]): ScoreParts {
  const { smoothing } = model;
  const denominators = model.totals.map((total) => Math.log(total + smoothing * (model.vocabulary + 1)));
  const sums = new Array<number>(model.labels.length).fill(0);
  let known = 0;
  for (const feature of features) {
    const pairs = model.counts[feature];
    if (!pairs) continue; // a feature never seen in training says nothing about any label
    known++;
    for (let i = 0; i < pairs.length; i += 2) sums[pairs[i]!]! += Math.log(pairs[i + 1]! + smoothing) - Math.log(smoothing);
  }
  for (let k = 0; k < sums.length; k++) sums[k]! += known * (Math.log(smoothing) - denominators[k]!);
  return { sums, known, hits: model.labels.map((label) => lexiconHits(text, lexicon[label] ?? [])) };
}

/** Log posteriors of every label (label order) from score parts under `knobs`: scores minus their log-sum-exp. */
export function posteriorOf(model: BayesModel, parts: ScoreParts, knobs: Knobs = model): number[] {
  const scale = parts.known > 0 ? Math.pow(parts.known, -knobs.lengthPower) : 1;
  const all = model.members.reduce((a, b) => a + b, 0) + model.labels.length;
  const scores = parts.sums.map((sum, k) => knobs.priorWeight * Math.log((model.members[k]! + 1) / all) + scale * sum + knobs.lexiconWeight * parts.hits[k]!);
  const top = Math.max(...scores);
  const norm = top + Math.log(scores.reduce((total, score) => total + Math.exp(score - top), 0));
  return scores.map((score) => score - norm);
}

/** Index of the largest value; the first on ties, so label order breaks them deterministically. */
export const argmax = (values: readonly number[]): number => values.reduce((best, value, k) => (value > values[best]! ? k : best), 0);

import { Instrument, MeasureCategory, type Instrument as InstrumentT, type MeasureCategory as CategoryT } from '../../schemas/fields.js';
import { argmax, BayesPosterior, type BayesModel } from './measure-bayes.js';
import { wholePiece, type Piece } from './measure-features.js';
import { CATEGORY_LEXICON, INSTRUMENT_LEXICON } from './measure-lexicon.js';
import { ScoringTable, type ScoreParts } from './measure-table.js';

/**
 * Prediction of the category and instrument of measures with the trained model (measure-train.ts): each label's
 * log posterior from the measure's own words, plus weighted posteriors of its section titles and of the rest of
 * its paragraph. The JSON model is compiled once (`MeasureClassifier`); a document's pieces are scored once each,
 * for both fields in one walk, however many measures share them as context. Deterministic.
 */

export type Field = 'category' | 'instrument';
export const FIELDS: readonly Field[] = ['category', 'instrument'];
export const LEXICONS: Record<Field, Readonly<Record<string, readonly string[]>>> = { category: CATEGORY_LEXICON, instrument: INSTRUMENT_LEXICON };
export const LABELS: Record<Field, readonly string[]> = { category: MeasureCategory.options, instrument: Instrument.options };

/** A measure to classify: its own piece of text and, optionally, where it stands. */
export interface MeasureInput {
  own: Piece;
  /** Titles of the sections around it, innermost first. */
  headings?: readonly Piece[];
  /** Its paragraph: measures of one paragraph lend each other their topic. */
  paragraph?: number;
  /** Sentences of its paragraph that are not measures (`为进一步提高…心理健康教育标准化水平,…`). */
  neighbours?: readonly Piece[];
}

/**
 * How much context counts beside a measure's own text: section titles innermost first (a bare `加强部门联动,发挥
 * 联合监管合力` is off-campus training because its section is `强化规范管理校外培训机构`), and the rest of its
 * paragraph in all.
 */
export interface ContextWeights {
  headings: number[];
  paragraph: number;
}

export interface MeasureModel {
  version: 2;
  examples: number;
  documents: number;
  category: BayesModel;
  instrument: BayesModel;
  context: Record<Field, ContextWeights>;
}

export type Labels = { category: CategoryT; instrument: InstrumentT };

/** Log posteriors of one measure and of its context under one field's model. */
export interface Posteriors {
  own: number[];
  headings: number[][];
  /** Sum of the posteriors of its neighbours, and how many there are. */
  neighbours: number[] | null;
  neighbourCount: number;
  paragraph: number | undefined;
}

/** A field's log posterior of a piece; the callers memoise it per piece. */
export type PiecePosterior = (piece: Piece) => number[];

/** Memoises a posterior by piece identity: titles and neighbours shared by the measures of a section cost one scoring. */
export function memoised(posterior: PiecePosterior): PiecePosterior {
  const memo = new Map<Piece, number[]>();
  return (piece) => {
    let found = memo.get(piece);
    if (!found) memo.set(piece, (found = posterior(piece)));
    return found;
  };
}

/** Posteriors of measures and of the context `weights` will read (titles beyond the last weighted one are not scored). */
export function posteriorsOf(post: PiecePosterior, labels: number, inputs: readonly MeasureInput[], weights: ContextWeights): Posteriors[] {
  const sums = new Map<readonly Piece[], number[]>();
  let depth = weights.headings.length;
  while (depth > 0 && weights.headings[depth - 1] === 0) depth--;
  return inputs.map((input) => {
    const neighbours = weights.paragraph !== 0 ? (input.neighbours ?? []) : [];
    let sum = sums.get(neighbours) ?? null;
    if (!sum && neighbours.length > 0) {
      sum = new Array<number>(labels).fill(0);
      for (const piece of neighbours) {
        const values = post(piece);
        for (let k = 0; k < sum.length; k++) sum[k]! += values[k]!;
      }
      sums.set(neighbours, sum);
    }
    return {
      own: post(input.own),
      headings: (input.headings ?? []).slice(0, depth).map(post),
      neighbours: sum,
      neighbourCount: neighbours.length,
      paragraph: input.paragraph,
    };
  });
}

/** The label index of each measure of one document: its own posterior plus its weighted context. */
export function combine(items: readonly Posteriors[], weights: ContextWeights): number[] {
  const paragraphs = new Map<number, { sum: number[]; count: number }>();
  if (weights.paragraph !== 0) {
    for (const item of items) {
      if (item.paragraph === undefined) continue;
      let group = paragraphs.get(item.paragraph);
      if (!group) paragraphs.set(item.paragraph, (group = { sum: new Array<number>(item.own.length).fill(0), count: 0 }));
      for (let k = 0; k < group.sum.length; k++) group.sum[k]! += item.own[k]!;
      group.count++;
    }
  }
  return items.map((item) => {
    const combined = item.own.slice();
    const add = (values: ArrayLike<number>, weight: number, minus?: ArrayLike<number>): void => {
      for (let k = 0; k < combined.length; k++) combined[k]! += weight * (values[k]! - (minus ? minus[k]! : 0));
    };
    item.headings.forEach((heading, h) => {
      if (h < weights.headings.length && weights.headings[h] !== 0) add(heading, weights.headings[h]!);
    });
    if (weights.paragraph !== 0) {
      const group = item.paragraph === undefined ? undefined : paragraphs.get(item.paragraph);
      const mates = group ? group.count - 1 : 0;
      const share = weights.paragraph / Math.max(1, mates + item.neighbourCount);
      if (group && mates > 0) add(group.sum, share, item.own);
      if (item.neighbours) add(item.neighbours, share);
    }
    return argmax(combined);
  });
}

/** What labels measures: the shipped classifier, or a baseline scored beside it (eval/peer-natural.ts). */
export interface Labeller {
  /** Category and instrument of each measure of one document, in order. */
  classify(inputs: readonly MeasureInput[]): Labels[];
}

/** The shipped model, compiled for scoring. */
export class MeasureClassifier implements Labeller {
  private readonly table: ScoringTable;
  private readonly posteriors: Record<Field, BayesPosterior>;

  constructor(readonly model: MeasureModel) {
    this.table = new ScoringTable(FIELDS.map((field) => ({ model: model[field], lexicon: LEXICONS[field] })));
    this.posteriors = { category: new BayesPosterior(model.category), instrument: new BayesPosterior(model.instrument) };
  }

  /** Category and instrument of each measure of one document, in order (paragraph mates are read among `inputs`). */
  classify(inputs: readonly MeasureInput[]): Labels[] {
    const memo = new Map<Piece, ScoreParts[]>();
    const parts = (piece: Piece): ScoreParts[] => {
      let found = memo.get(piece);
      if (!found) memo.set(piece, (found = this.table.score(piece)));
      return found;
    };
    const [categories, instruments] = FIELDS.map((field, f) => {
      const weights = this.model.context[field];
      const post = memoised((piece) => this.posteriors[field].of(parts(piece)[f]!));
      return combine(posteriorsOf(post, LABELS[field].length, inputs, weights), weights);
    }) as [number[], number[]];
    return inputs.map((_, i) => ({
      category: this.model.category.labels[categories[i]!] as CategoryT,
      instrument: this.model.instrument.labels[instruments[i]!] as InstrumentT,
    }));
  }

  /** Category and instrument of one text alone; `tokens` come from the segmenter used in training. */
  classifyText(text: string, tokens: readonly string[]): Labels {
    return this.classify([{ own: wholePiece(text, tokens) }])[0]!;
  }
}

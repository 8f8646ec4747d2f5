import type { Agency, Measure, NumberMention, Span } from '../../schemas/fields.js';
import { diceBigram, matchPairs } from '../eval/match.js';
import { fitBayes } from './measure-bayes.js';
import { FIELDS, LABELS, LEXICONS, type Labeller, type Labels, type MeasureInput } from './measure-classify.js';
import { pieceOf, wordOffsetsOf, type Piece, type WordOffsets } from './measure-features.js';
import { ScoringTable } from './measure-table.js';
import { segmentMeasures, type Unit } from './measure-segment.js';
import { assignStatuses } from './measure-status.js';
import { spanAt } from './spans.js';

/**
 * Assembles the measures of a document from its text: segmentation, status rules, the classifiers for category
 * and instrument with each measure's context, and the links to the numbers and agencies inside each measure.
 * Pure; the stage, the training and the cross-validation share it, so all three see the same contexts and the
 * same words: the segmenter's words of the whole text (`doc.tokens`), looked up by span, never a piece cut again
 * on its own.
 */

export interface BuiltMeasures {
  measures: Measure[];
  /** `numbers` with `measure` set to the index of the measure containing each, as new objects. */
  numbers: NumberMention[];
  /** Whether the reply's opening formula (`现答复如下`) was found; without it the whole text was read as body. */
  replyFormula: boolean;
}

/**
 * Classifier inputs of units of one text: each unit's own piece, its section titles innermost first and its
 * paragraph's other sentences. A title or a sentence shared by several units is one piece object, so the
 * classifier scores it once.
 */
export class InputBuilder {
  private readonly pieces = new Map<number, Piece>();
  private readonly neighbours = new Map<number, Piece[]>();

  constructor(
    private readonly text: string,
    private readonly units: readonly Unit[],
    private readonly words: WordOffsets,
  ) {}

  piece(span: Span): Piece {
    const key = span.start * (this.text.length + 1) + span.end;
    let found = this.pieces.get(key);
    if (!found) this.pieces.set(key, (found = pieceOf(this.text, this.words, span.start, span.end)));
    return found;
  }

  /** Sentences of a paragraph that are neither measures nor titles, in text order (one array per paragraph). */
  private neighboursOf(paragraph: number): Piece[] {
    if (this.neighbours.size === 0) {
      for (const unit of this.units) {
        const list = this.neighbours.get(unit.paragraph) ?? [];
        if (!unit.measure && unit.reason !== 'item-title') list.push(this.piece(unit));
        this.neighbours.set(unit.paragraph, list);
      }
    }
    return this.neighbours.get(paragraph) ?? [];
  }

  input(unit: Unit): MeasureInput {
    const headings: Piece[] = [];
    for (let h = unit.headings.length - 1; h >= 0; h--) {
      const title = unit.headings[h]!;
      if (title.end > title.start) headings.push(this.piece(title));
    }
    const neighbours = this.neighboursOf(unit.paragraph);
    const own = this.piece(unit);
    return { own, headings, paragraph: unit.paragraph, neighbours: neighbours.includes(own) ? neighbours.filter((piece) => piece !== own) : neighbours };
  }
}

const NO_WORDS = wordOffsetsOf('', []);
/** What a measure no lexicon term hits is taken to be. */
const LEXICON_FALLBACK = { category: 'other', instrument: 'environment' } as const;

/** The lexicons alone: a table of models that know no feature, read for their lexicon hits only. */
export const lexiconTable = (): ScoringTable =>
  new ScoringTable(FIELDS.map((field) => ({ model: fitBayes([], LABELS[field], { smoothing: 1, lexiconCount: 0, lexiconWeight: 1, priorWeight: 0, lengthPower: 0 }), lexicon: LEXICONS[field] })));

/** Without a trained model: the label with the most lexicon hits, `other` and `environment` when none hits. */
export function lexiconOnly(text: string, start = 0, end = text.length, table: ScoringTable = lexiconTable()): Labels {
  const parts = table.score(pieceOf(text, NO_WORDS, start, end));
  const [category, instrument] = FIELDS.map((field, f) => {
    let label: string = LEXICON_FALLBACK[field];
    let most = 0;
    parts[f]!.hits.forEach((n, k) => {
      if (n > most) [label, most] = [LABELS[field][k]!, n];
    });
    return label;
  });
  return { category, instrument } as Labels;
}

/** Category and instrument of the measure units of a text, by `classifier` or, without one, by the lexicon. */
export function labelUnits(text: string, measureUnits: readonly Unit[], units: readonly Unit[], classifier: Labeller | null, words: WordOffsets): Labels[] {
  if (!classifier) {
    const table = lexiconTable();
    return measureUnits.map((unit) => lexiconOnly(text, unit.start, unit.end, table));
  }
  const builder = new InputBuilder(text, units, words);
  return classifier.classify(measureUnits.map((unit) => builder.input(unit)));
}

/** Builds the measures of `text`; `numbers` and `agencies` are the mentions earlier stages found. */
export function buildMeasures(
  text: string,
  classifier: Labeller | null,
  words: WordOffsets,
  numbers: readonly NumberMention[] = [],
  agencies: readonly Agency[] = [],
): BuiltMeasures {
  const { units, replyFormula } = segmentMeasures(text);
  const statuses = assignStatuses(
    units.map((unit) => ({ clause: text.slice(unit.start, unit.end), before: text.slice(unit.sentenceStart, unit.start), paragraph: unit.paragraph, section: unit.section, report: unit.report })),
  );
  const measureUnits: Unit[] = [];
  const measureStatuses: (typeof statuses)[number][] = [];
  units.forEach((unit, i) => {
    if (!unit.measure) return;
    measureUnits.push(unit);
    measureStatuses.push(statuses[i]!);
  });
  const labels = labelUnits(text, measureUnits, units, classifier, words);
  // Units come in text order and never overlap, so the measure holding a mention is found by binary search.
  const agencyLinks = measureUnits.map((): number[] => []);
  agencies.forEach((agency, k) => {
    const holders = new Set(agency.mentions.map((mention) => spanAt(measureUnits, mention.start)));
    for (const index of [...holders].sort((a, b) => a - b)) if (index >= 0) agencyLinks[index]!.push(k);
  });
  const numberLinks = measureUnits.map((): number[] => []);
  const linked = numbers.map((number, k) => {
    const index = spanAt(measureUnits, number.start);
    if (index >= 0) numberLinks[index]!.push(k);
    // A plain copy, then the one field: `{ ...number, measure }` takes V8's slow path for every mention.
    const copy = { ...number };
    copy.measure = index >= 0 ? index : null;
    return copy;
  });
  const measures = measureUnits.map(
    (unit, i): Measure => ({
      text: text.slice(unit.start, unit.end),
      status: measureStatuses[i]!,
      category: labels[i]!.category,
      instrument: labels[i]!.instrument,
      start: unit.start,
      end: unit.end,
      agencies: agencyLinks[i]!,
      numbers: numberLinks[i]!,
    }),
  );
  return { measures, numbers: linked, replyFormula };
}

/** Least bigram Dice at which a gold measure is taken to stand where a unit of the text stands. */
export const LOCATE_DICE = 0.5;

/**
 * Where gold measures stand in their document's text: the unit each matches best (one to one, bigram Dice at
 * least LOCATE_DICE, over all units, measures or not), so a gold example can be given the same context the
 * classifier sees at run time. Unplaced measures get undefined and train without context.
 */
export function locateGold(text: string, goldTexts: readonly string[]): { units: Unit[]; placed: (Unit | undefined)[] } {
  const { units } = segmentMeasures(text);
  const placed: (Unit | undefined)[] = goldTexts.map(() => undefined);
  const spans = units.map((unit) => text.slice(unit.start, unit.end));
  for (const [g, u] of matchPairs(goldTexts, spans, (a, b) => diceBigram(a, b), LOCATE_DICE)) placed[g] = units[u];
  return { units, placed };
}

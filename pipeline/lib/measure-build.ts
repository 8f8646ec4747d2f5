import type { Agency, Instrument, Measure, MeasureCategory, NumberMention } from '../../schemas/fields.js';
import { diceBigram, matchPairs } from '../eval/match.js';
import { CATEGORY_LEXICON, INSTRUMENT_LEXICON } from './measure-lexicon.js';
import { lexiconHits } from './measure-features.js';
import { segmentMeasures, type Unit } from './measure-segment.js';
import { assignStatuses } from './measure-status.js';
import { classifyMeasures, type MeasureInput, type MeasureModel } from './measure-train.js';

/**
 * Assembles the measures of a document from its text: segmentation, status rules, the classifiers for category
 * and instrument with each measure's context, and the links to the numbers and agencies inside each measure.
 * Pure; the stage, the training and the cross-validation share it, so all three see the same contexts.
 */

export type Tokenize = (text: string) => string[];
type Labels = { category: MeasureCategory; instrument: Instrument };

export interface BuiltMeasures {
  measures: Measure[];
  /** `numbers` with `measure` set to the index of the measure containing each, as new objects. */
  numbers: NumberMention[];
  /** Whether the reply's opening formula (`现答复如下`) was found; without it the whole text was read as body. */
  replyFormula: boolean;
}

/** The classifier input of a unit: its words, its section titles innermost first, its paragraph's other sentences. */
export function inputOf(text: string, unit: Unit, units: readonly Unit[], tokenize: Tokenize): MeasureInput {
  const clause = text.slice(unit.start, unit.end);
  const neighbours = units.filter((other) => other.paragraph === unit.paragraph && !other.measure && other.reason !== 'item-title' && other !== unit);
  return {
    text: clause,
    tokens: tokenize(clause),
    headings: unit.headings.filter((title) => title.length > 0).reverse().map((title) => ({ text: title, tokens: tokenize(title) })),
    paragraph: unit.paragraph,
    neighbours: neighbours.map((other) => text.slice(other.start, other.end)).map((sentence) => ({ text: sentence, tokens: tokenize(sentence) })),
  };
}

/** Without a trained model: the label with the most lexicon hits, `other` and `environment` when none hits. */
export function lexiconOnly(text: string): Labels {
  const best = <L extends string>(lexicon: Readonly<Record<L, readonly string[]>>, fallback: L): L => {
    let label = fallback;
    let most = 0;
    for (const [name, terms] of Object.entries(lexicon) as [L, readonly string[]][]) {
      const hits = lexiconHits(text, terms);
      if (hits > most) [label, most] = [name, hits];
    }
    return label;
  };
  return { category: best(CATEGORY_LEXICON, 'other'), instrument: best(INSTRUMENT_LEXICON, 'environment') };
}

/** Category and instrument of the measure units of a text, by `model` or, without one, by the lexicon. */
export function labelUnits(text: string, measureUnits: readonly Unit[], units: readonly Unit[], model: MeasureModel | null, tokenize: Tokenize): Labels[] {
  if (!model) return measureUnits.map((unit) => lexiconOnly(text.slice(unit.start, unit.end)));
  return classifyMeasures(model, measureUnits.map((unit) => inputOf(text, unit, units, tokenize)));
}

/** Whether a mention starting at `start` falls inside a measure span. */
const inside = (start: number, span: { start: number; end: number }): boolean => start >= span.start && start < span.end;

/** Builds the measures of `text`; `numbers` and `agencies` are the mentions earlier stages found. */
export function buildMeasures(
  text: string,
  model: MeasureModel | null,
  tokenize: Tokenize,
  numbers: readonly NumberMention[] = [],
  agencies: readonly Agency[] = [],
): BuiltMeasures {
  const { units, replyFormula } = segmentMeasures(text);
  const statuses = assignStatuses(
    units.map((unit) => ({ clause: text.slice(unit.start, unit.end), before: text.slice(unit.sentenceStart, unit.start), paragraph: unit.paragraph, section: unit.section, report: unit.report })),
  );
  const measureUnits = units.filter((unit) => unit.measure);
  const labels = labelUnits(text, measureUnits, units, model, tokenize);
  const measures: Measure[] = measureUnits.map((unit, i) => ({
    text: text.slice(unit.start, unit.end),
    status: statuses[units.indexOf(unit)]!,
    ...labels[i]!,
    start: unit.start,
    end: unit.end,
    agencies: agencies.flatMap((agency, k) => (agency.mentions.some((mention) => inside(mention.start, unit)) ? [k] : [])),
    numbers: numbers.flatMap((number, k) => (inside(number.start, unit) ? [k] : [])),
  }));
  const linked = numbers.map((number) => {
    const index = measures.findIndex((measure) => inside(number.start, measure));
    return { ...number, measure: index >= 0 ? index : null };
  });
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

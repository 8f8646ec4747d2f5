/**
 * Reads one number expression at a position of the text: the numeral run, then a clock time, a ratio, a fraction,
 * or the general shape `qualifier? run (余|多)? (万|亿)? unit? (connector run unit?)? 半? qualifier?`. Pure and
 * bounded: every step looks a fixed number of characters around the run, so a scan of the whole text is linear.
 * Whether the expression is a number the guide counts is decided afterwards (number-rules.ts).
 */
import { INNER_QUALIFIERS, RANGE_CONNECTORS, type NumberKind, type Qualifier } from './number-lexicon.js';
import { codeAt, codeSet, isArabicCode, isChineseCode, isNumeralStartCode } from './number-chars.js';
import { FIXED_FORM_MARKS, MAX_RUN, readClockSpan, readFraction, readRatio, readRun } from './number-forms.js';
import { suffixQualifier, SUFFIX_OPENERS } from './number-qualifiers.js';
import { matchUnit, UNIT_OPENERS, type UnitMatch } from './number-units.js';
import { parseNumeral, tidy, type ParsedNumeral } from './numerals.js';

const SPACE = 32;

export type NumberValue = number | [number, number] | string | [string, string];

export interface NumberCandidate {
  /** Raw span: from the qualifier word or first digit to the unit and trailing qualifier. */
  start: number;
  end: number;
  /** The first numeral run. */
  runStart: number;
  runEnd: number;
  value: NumberValue;
  unit: string | null;
  kind: NumberKind;
  qualifier: Qualifier;
  /** Set for the general shape; absent for clock times, ratios and fractions. */
  parsed?: ParsedNumeral;
  /** A qualifier word found before the number (adjacent or remote). */
  prefixWord?: string;
}

/** Every candidate is built here, so all share one object shape. */
function candidateOf(start: number, end: number, runEnd: number, value: NumberValue, unit: string | null, kind: NumberKind, qualifier: Qualifier, parsed?: ParsedNumeral): NumberCandidate {
  return { start, end, runStart: start, runEnd, value, unit, kind, qualifier, parsed, prefixWord: undefined };
}

const HALF = '半'.charCodeAt(0);
const ONE = '一'.charCodeAt(0);
const WAN = '万'.charCodeAt(0);
const YI = '亿'.charCodeAt(0);
const LAI = '来'.charCodeAt(0);
const ZHI = '至'.charCodeAt(0);
/** Characters before 半 that make it a date or an adverb: 上半年, 多半. */
const isHalfBlocker = codeSet('上下前后多大');
/** `十来个` is "about ten", `三来` is not a number word. */
const takesApproxLai = codeSet('十百千');
const isRangeConnector = codeSet(RANGE_CONNECTORS);
const INNER_BY_CODE = new Map(Object.entries(INNER_QUALIFIERS).map(([char, qualifier]) => [char.charCodeAt(0), qualifier]));

/**
 * Characters after a run that can make it more than a bare count: a clock, ratio or fraction mark, 半, an inner
 * qualifier, a unit (or the space or 个 before one), a range connector, the start of a suffix word.
 */
const mayExtendRun = codeSet(`${FIXED_FORM_MARKS}半${Object.keys(INNER_QUALIFIERS).join('')}${UNIT_OPENERS}${RANGE_CONNECTORS}${SUFFIX_OPENERS}`);

/** Characters after a run that can begin a clock time, a ratio or a fraction; only then are those forms tried. */
const mayStartFixedForm = codeSet(FIXED_FORM_MARKS);

/** A number with no unit that only 万 or 亿 make a quantity (`11万`): without them the guide does not count it. */
export const isBareCount = (parsed: ParsedNumeral): boolean => !(parsed.scaled && !parsed.bareMultiplier);
const isFiniteNumeral = (value: ParsedNumeral['value']): boolean => (typeof value === 'number' ? Number.isFinite(value) : Number.isFinite(value[0]) && Number.isFinite(value[1]));

/** `半年`, `半小时`, `半个月` (half of one duration unit). */
function readHalf(text: string, i: number): NumberCandidate | null {
  if (isHalfBlocker(codeAt(text, i - 1))) return null;
  const unit = matchUnit(text, i + 1);
  if (!unit || unit.entry.kind !== 'duration' || unit.start !== i + 1) return null;
  const parsed: ParsedNumeral = { value: 0.5, digitwise: false, bareMultiplier: false, scaled: false };
  return candidateOf(i, unit.end, i + 1, 0.5, unit.entry.unit, 'duration', 'exact', parsed);
}

/** Where the scan resumes after the expression last read: one per text, so that reading allocates no result pair. */
export interface ScanCursor {
  next: number;
}

/**
 * Reads the expression starting at `i`, without its qualifier words (number-qualifiers.ts `finishCandidate`), and
 * sets `cursor.next` to where scanning resumes. A run that nothing after it can extend and that is a bare count
 * (number-rules.ts `no-unit`) gives no candidate: most numerals of a text (`统一`, `进一步`, `一些`) end here.
 */
export function readExpression(text: string, i: number, cursor: ScanCursor): NumberCandidate | null {
  if (codeAt(text, i) === HALF) {
    const half = readHalf(text, i);
    cursor.next = half ? half.end : i + 1;
    return half;
  }
  const runEnd = readRun(text, i);
  cursor.next = runEnd;
  if (runEnd - i > MAX_RUN) {
    let skip = runEnd;
    while (skip < text.length && (isArabicCode(codeAt(text, skip)) || isChineseCode(codeAt(text, skip)))) skip++;
    cursor.next = skip;
    return null;
  }
  const after = codeAt(text, runEnd);
  const extendable = mayExtendRun(after);
  // Any one numeral character reads as a bare count, so one that nothing extends (统一, 进一步) needs no parse.
  if (!extendable && runEnd - i === 1) return null;
  if (extendable) {
    const fixed = mayStartFixedForm(after) ? readFixedForm(text, i, runEnd) : null;
    if (fixed) {
      cursor.next = fixed.end;
      return fixed;
    }
    if (runEnd - i === 1 && codeAt(text, i) === ONE && after === HALF && !matchUnit(text, runEnd + 1)) {
      cursor.next = runEnd + 1;
      return candidateOf(i, runEnd + 1, runEnd, 0.5, null, 'other', 'exact');
    }
  }
  const parsed = parseNumeral(text.slice(i, runEnd));
  // Nothing after the run can extend it: a bare count has no unit and is not counted, so no candidate is built.
  if (!parsed || (!extendable && isBareCount(parsed) && isFiniteNumeral(parsed.value))) return null;
  const candidate = readGeneral(text, i, runEnd, parsed);
  cursor.next = Math.max(runEnd, candidate.end);
  return candidate;
}

/** A clock time, a ratio or a fraction at the run, in that order of preference; null when the run is none of them. */
function readFixedForm(text: string, i: number, runEnd: number): NumberCandidate | null {
  const clock = readClockSpan(text, i, runEnd);
  if (clock) {
    const qualifier: Qualifier = Array.isArray(clock.value) ? 'range' : 'exact';
    const timed = candidateOf(i, clock.end, runEnd, clock.value, null, 'time', qualifier);
    const tail = qualifier === 'exact' ? suffixQualifier(text, clock.end, 'time') : null;
    if (tail) Object.assign(timed, { end: tail.end, qualifier: tail.qualifier });
    return timed;
  }
  const ratio = readRatio(text, i, runEnd);
  if (ratio) return candidateOf(i, ratio.end, runEnd, ratio.value, null, 'ratio', 'exact');
  const fraction = readFraction(text, i, runEnd);
  if (!fraction) return null;
  const candidate = candidateOf(i, fraction.end, runEnd, fraction.value, fraction.unit, fraction.kind, 'exact');
  const tail = suffixQualifier(text, fraction.end, fraction.kind);
  if (tail) Object.assign(candidate, { end: tail.end, qualifier: tail.qualifier });
  return candidate;
}

/** The general shape: number, scale, unit, range, half, trailing qualifier. */
function readGeneral(text: string, i: number, runEnd: number, parsed: ParsedNumeral): NumberCandidate {
  let value: NumberValue = parsed.value;
  let qualifier: Qualifier = Array.isArray(parsed.value) ? 'range' : 'exact';
  let p = runEnd;
  let scaledParsed = parsed;
  const inner = INNER_BY_CODE.get(codeAt(text, runEnd));
  if (inner !== undefined && qualifier === 'exact' && (codeAt(text, runEnd) !== LAI || takesApproxLai(codeAt(text, runEnd - 1)))) {
    const marked = readInner(text, runEnd, parsed);
    ({ value, p, parsed: scaledParsed } = marked);
    qualifier = inner;
  }
  let unit = matchUnit(text, p);
  if (unit) {
    if (unit.halfAdded && typeof value === 'number') value = tidy(value + 0.5);
    p = unit.end;
  }
  if (qualifier !== 'range' && typeof value === 'number' && isRangeConnector(codeAt(text, p))) {
    const range = readRange(text, p, value, parsed, unit);
    if (range) {
      ({ value, unit, p } = range);
      qualifier = 'range';
    }
  }
  const entry = unit?.entry;
  const kind: NumberKind = entry?.kind ?? 'count';
  if (entry && kind === 'duration' && typeof value === 'number' && codeAt(text, p) === HALF && !unit!.halfAdded) {
    value = tidy(value + 0.5); // 一年半
    p++;
  }
  let end = p;
  if (qualifier === 'exact') {
    const tail = suffixQualifier(text, p, kind);
    if (tail) {
      qualifier = tail.qualifier;
      end = tail.end;
    }
  }
  return candidateOf(i, end, runEnd, value, entry?.unit ?? null, kind, qualifier, scaledParsed);
}

/**
 * After a marker between a number and its unit (`300余件`, `150多条`, `十来个`), 万 or 亿 scales the number
 * (`1500余万元`). Apart from readGeneral, like readRange, because few numbers have one: the optimised code of the
 * common path stays small, and V8 compiles it sooner.
 */
function readInner(text: string, runEnd: number, parsed: ParsedNumeral): { value: NumberValue; p: number; parsed: ParsedNumeral } {
  const p = runEnd + 1;
  const scale = codeAt(text, p) === WAN ? 1e4 : codeAt(text, p) === YI ? 1e8 : 0;
  if (!scale || typeof parsed.value !== 'number') return { value: parsed.value, p, parsed };
  const value = tidy(parsed.value * scale); // 1500余万元
  return { value, p: p + 1, parsed: { ...parsed, value, scaled: true } };
}

/** A range after a number and its unit: `3-5所`, `2到3天`, `150元至300元`, `一到两项`, `3-5万元`; null when there is none. */
function readRange(text: string, p: number, low: number, parsed: ParsedNumeral, unit: UnitMatch | null): { value: [number, number]; unit: UnitMatch | null; p: number } | null {
  const connector = codeAt(text, p);
  const secondStart = codeAt(text, p + 1) === SPACE ? p + 2 : p + 1;
  const secondEnd = isNumeralStartCode(codeAt(text, secondStart)) ? readRun(text, secondStart) : secondStart;
  const second = secondEnd > secondStart ? parseNumeral(text.slice(secondStart, secondEnd)) : null;
  if (!second || typeof second.value !== 'number' || second.digitwise) return null;
  const secondUnit = matchUnit(text, secondEnd);
  const high = second.value;
  const lastChar = codeAt(text, secondEnd - 1);
  if (second.scaled && !parsed.scaled && (lastChar === WAN || lastChar === YI)) low = tidy(low * (lastChar === WAN ? 1e4 : 1e8)); // 3-5万元
  const sameUnit = !unit || !secondUnit || unit.entry.unit === secondUnit.entry.unit;
  if (!sameUnit || !(low < high) || (!unit && !secondUnit && connector === ZHI)) return null;
  return { value: [low, high], unit: secondUnit ?? unit, p: secondUnit ? secondUnit.end : secondEnd };
}

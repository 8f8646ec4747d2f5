/**
 * Reads one number expression at a position of the text: the numeral run, then a clock time, a ratio, a fraction,
 * or the general shape `qualifier? run (余|多)? (万|亿)? unit? (connector run unit?)? 半? qualifier?`. Pure and
 * bounded: every step looks a fixed number of characters around the run, so a scan of the whole text is linear.
 * Whether the expression is a number the guide counts is decided afterwards (number-rules.ts).
 */
import { CAP_WORDS, FALSE_UNIT_SUFFIXES, FALSE_UNIT_WORDS, INNER_QUALIFIERS, PREFIX_QUALIFIERS, QUALIFIER_BLOCKERS, RANGE_CONNECTORS, SUFFIX_QUALIFIERS, UNITS, UNIT_WORDS, type NumberKind, type Qualifier, type UnitEntry } from './number-lexicon.js';
import { isArabic, isChinese, isNumeralStart, MAX_RUN, readClockSpan, readFraction, readRatio, readRun } from './number-forms.js';
import { parseNumeral, tidy, type ParsedNumeral } from './numerals.js';

/** Spans of the calendar that `近` makes "the last N" rather than "nearly N": `近三年累计投入`, `近5个月`. */
const RECENT_SPANS: ReadonlySet<string> = new Set(['年', '个月', '周', '星期', '天', '学年', '学期']);
/** How far a remote qualifier may stand before its number (`每年至少开展一次`: 至少 + 开展). */
const REMOTE_QUALIFIER_GAP = 6;
const CLAUSE_END = '，,。；;！？!?：:\n、';

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

/** Unit spellings grouped by first character, longest first, so a lookup tries only the few that can match. */
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const word of UNIT_WORDS) {
  const list = UNITS_BY_FIRST.get(word[0]!) ?? [];
  list.push(word);
  UNITS_BY_FIRST.set(word[0]!, list);
}

/** The unit at `p` (after at most two spaces), unless the measure word is the head of another word (`周期`, `项目`). */
export function matchUnit(text: string, p: number): { entry: UnitEntry; start: number; end: number; halfAdded: boolean } | null {
  let q = p;
  while (q < text.length && q - p < 2 && text[q] === ' ') q++;
  let halfAdded = false;
  let from = q;
  if (text.startsWith('个半', q)) {
    halfAdded = true; // 两个半小时
    from = q + 2;
  }
  for (const word of UNITS_BY_FIRST.get(text[from] ?? '') ?? []) {
    if (!text.startsWith(word, from)) continue;
    const end = from + word.length;
    const entry = UNITS.get(word)!;
    if (halfAdded && entry.kind !== 'duration') return null;
    for (let k = 1; k <= 3; k++) if (FALSE_UNIT_WORDS.has(text.slice(end - word.length, end + k))) return null;
    const next = text[end];
    if (next !== undefined && (FALSE_UNIT_SUFFIXES.includes(next) || (word.length === 1 && next === word))) return null; // 一门式, 一次次
    return { entry: halfAdded ? { ...entry, unit: entry.unit === '月' ? '个月' : entry.unit } : entry, start: q, end, halfAdded };
  }
  return null;
}

/** The start of the clause holding `i`, looking back at most `limit` characters. */
export function clauseStart(text: string, i: number, limit = 40): number {
  const stop = Math.max(0, i - limit);
  for (let k = i - 1; k >= stop; k--) if (CLAUSE_END.includes(text[k]!)) return k + 1;
  return stop;
}

/** Qualifier words grouped by last character; the first characters of the remote ones, to skip windows quickly. */
const PREFIX_BY_LAST = new Map<string, (typeof PREFIX_QUALIFIERS)[number][]>();
for (const entry of PREFIX_QUALIFIERS) {
  const last = entry.word[entry.word.length - 1]!;
  PREFIX_BY_LAST.set(last, [...(PREFIX_BY_LAST.get(last) ?? []), entry]);
}
const REMOTE_FIRST = new Set(PREFIX_QUALIFIERS.filter((entry) => entry.remote).map((entry) => entry.word[0]!));

/** Finds the qualifier word before `start`: adjacent (it joins the raw text) or remote within the clause. */
function prefixQualifier(text: string, start: number, parsed: ParsedNumeral | undefined): { word: string; qualifier: Qualifier; at: number; adjacent: boolean } | null {
  let end = start;
  if (text[end - 1] === ' ') end--;
  for (const entry of PREFIX_BY_LAST.get(text[end - 1] ?? '') ?? []) {
    const at = end - entry.word.length;
    if (at < 0 || !text.startsWith(entry.word, at)) continue;
    const blockers = QUALIFIER_BLOCKERS[entry.word];
    if (blockers !== undefined && at > 0 && blockers.includes(text[at - 1]!)) continue;
    if (entry.word === '上' && !parsed?.bareMultiplier) continue; // 上千名, not 以上2项
    return { word: entry.word, qualifier: entry.qualifier, at, adjacent: true };
  }
  const from = Math.max(clauseStart(text, start, REMOTE_QUALIFIER_GAP + 6), start - REMOTE_QUALIFIER_GAP - 6);
  let candidateFirst = false;
  for (let k = from; k < start && !candidateFirst; k++) candidateFirst = REMOTE_FIRST.has(text[k]!);
  if (!candidateFirst) return null;
  const window = text.slice(from, start);
  let best: { word: string; qualifier: Qualifier; at: number; adjacent: boolean } | null = null;
  for (const entry of PREFIX_QUALIFIERS) {
    if (!entry.remote) continue;
    const index = window.lastIndexOf(entry.word);
    if (index < 0) continue;
    const gap = window.slice(index + entry.word.length);
    if (gap.length > REMOTE_QUALIFIER_GAP || [...gap].some((c) => isNumeralStart(c) || CLAUSE_END.includes(c))) continue;
    if (!best || from + index > best.at) best = { word: entry.word, qualifier: entry.qualifier, at: from + index, adjacent: false };
  }
  return best;
}

/** Trailing words after the unit: `以上`, `左右`, `多` after a duration (`两年多`), `内` (`3天内`). */
function suffixQualifier(text: string, p: number, kind: NumberKind): { qualifier: Qualifier; end: number } | null {
  for (const entry of SUFFIX_QUALIFIERS) {
    if (!text.startsWith(entry.word, p)) continue;
    if (entry.durationOnly && kind !== 'duration' && !(kind === 'other' && entry.word === '多')) continue;
    if (entry.timeOnly && kind !== 'time') continue;
    const next = text[p + entry.word.length] ?? '\0'; // '' would be found in any string
    if (entry.word === '内' && '容部涵在外'.includes(next)) continue; // 3年内容
    if (entry.word === '余' && '额下地款量'.includes(next)) continue;
    if (entry.word === '多' && matchUnit(text, p + 1)) continue; // 3天多次
    return { qualifier: entry.qualifier, end: p + entry.word.length };
  }
  return null;
}

/** Applies the qualifiers found before and after a number to a candidate under construction. */
function finish(text: string, candidate: NumberCandidate): NumberCandidate {
  let before = prefixQualifier(text, candidate.start, candidate.parsed);
  if (before?.word === '近' && candidate.unit && RECENT_SPANS.has(candidate.unit)) before = null; // 近三年 is "the last three years", not "nearly
  if (before && candidate.qualifier === 'exact') candidate.qualifier = before.qualifier;
  if (before) candidate.prefixWord = before.word;
  if (before?.adjacent) candidate.start = before.at;
  if (candidate.qualifier === 'exact') {
    const rest = text.slice(candidate.end, candidate.end + 4);
    const cap = CAP_WORDS.find((entry) => entry.pattern.test(rest));
    if (cap) candidate.qualifier = cap.qualifier;
  }
  return candidate;
}

/** `半年`, `半小时`, `半个月` (half of one duration unit). */
function readHalf(text: string, i: number): NumberCandidate | null {
  if ('上下前后多大'.includes(text[i - 1] ?? '\0')) return null; // 上半年 is a date, 多半 an adverb
  const unit = matchUnit(text, i + 1);
  if (!unit || unit.entry.kind !== 'duration' || unit.start !== i + 1) return null;
  const parsed: ParsedNumeral = { value: 0.5, digitwise: false, bareMultiplier: false, scaled: false };
  return finish(text, { start: i, end: unit.end, runStart: i, runEnd: i + 1, value: 0.5, unit: unit.entry.unit, kind: 'duration', qualifier: 'exact', parsed });
}

/** Reads the expression starting at `i`; `next` is where scanning resumes. */
export function readExpression(text: string, i: number): { candidate: NumberCandidate | null; next: number } {
  if (text[i] === '半') {
    const half = readHalf(text, i);
    return { candidate: half, next: half ? half.end : i + 1 };
  }
  const runEnd = readRun(text, i);
  if (runEnd - i > MAX_RUN) {
    let skip = runEnd;
    while (skip < text.length && (isArabic(text[skip]) || isChinese(text[skip]))) skip++;
    return { candidate: null, next: skip };
  }
  const base = { start: i, runStart: i, runEnd, qualifier: 'exact' as Qualifier };
  const clock = readClockSpan(text, i, runEnd);
  if (clock) {
    const qualifier: Qualifier = Array.isArray(clock.value) ? 'range' : 'exact';
    const timed = { ...base, end: clock.end, value: clock.value, unit: null, kind: 'time' as NumberKind, qualifier };
    const tail = qualifier === 'exact' ? suffixQualifier(text, clock.end, 'time') : null;
    if (tail) Object.assign(timed, { end: tail.end, qualifier: tail.qualifier });
    return { candidate: finish(text, timed), next: timed.end };
  }
  const ratio = readRatio(text, i, runEnd);
  if (ratio) return { candidate: finish(text, { ...base, end: ratio.end, value: ratio.value, unit: null, kind: 'ratio' }), next: ratio.end };
  const fraction = readFraction(text, i, runEnd);
  if (fraction) {
    const candidate: NumberCandidate = { ...base, end: fraction.end, value: fraction.value, unit: fraction.unit, kind: fraction.kind };
    const tail = suffixQualifier(text, fraction.end, fraction.kind);
    if (tail) Object.assign(candidate, { end: tail.end, qualifier: tail.qualifier });
    return { candidate: finish(text, candidate), next: candidate.end };
  }
  const run = text.slice(i, runEnd);
  if (run === '一' && text[runEnd] === '半' && !matchUnit(text, runEnd + 1)) {
    return { candidate: finish(text, { ...base, end: runEnd + 1, value: 0.5, unit: null, kind: 'other' }), next: runEnd + 1 };
  }
  const parsed = parseNumeral(run);
  if (!parsed) return { candidate: null, next: runEnd };
  const candidate = readGeneral(text, i, runEnd, parsed);
  return { candidate, next: Math.max(runEnd, candidate.end) };
}

/** The general shape: number, scale, unit, range, half, trailing qualifier. */
function readGeneral(text: string, i: number, runEnd: number, parsed: ParsedNumeral): NumberCandidate {
  let value: NumberValue = parsed.value;
  let qualifier: Qualifier = Array.isArray(parsed.value) ? 'range' : 'exact';
  let p = runEnd;
  let scaledParsed = parsed;
  const inner = INNER_QUALIFIERS[text[p] ?? ''];
  if (inner && qualifier === 'exact' && (text[p] !== '来' || /[十百千]$/.test(text.slice(i, runEnd)))) {
    qualifier = inner;
    p++;
    const scale = text[p] === '万' ? 1e4 : text[p] === '亿' ? 1e8 : 0;
    if (scale && typeof value === 'number') {
      value = tidy(value * scale); // 1500余万元
      scaledParsed = { ...parsed, value, scaled: true };
      p++;
    }
  }
  let unit = matchUnit(text, p);
  if (unit) {
    if (unit.halfAdded && typeof value === 'number') value = tidy(value + 0.5);
    p = unit.end;
  }
  // Range: 3-5所, 2到3天, 150元至300元, 一到两项.
  const connector = text[p];
  if (qualifier !== 'range' && typeof value === 'number' && connector !== undefined && RANGE_CONNECTORS.includes(connector)) {
    const secondStart = text[p + 1] === ' ' ? p + 2 : p + 1;
    const secondEnd = isNumeralStart(text[secondStart]) ? readRun(text, secondStart) : secondStart;
    const second = secondEnd > secondStart ? parseNumeral(text.slice(secondStart, secondEnd)) : null;
    if (second && typeof second.value === 'number' && !second.digitwise) {
      const secondUnit = matchUnit(text, secondEnd);
      let low = value;
      const high = second.value;
      const lastChar = text[secondEnd - 1];
      if (second.scaled && !parsed.scaled && (lastChar === '万' || lastChar === '亿')) low = tidy(low * (lastChar === '万' ? 1e4 : 1e8)); // 3-5万元
      const sameUnit = !unit || !secondUnit || unit.entry.unit === secondUnit.entry.unit;
      if (sameUnit && low < high && (unit || secondUnit || connector !== '至')) {
        value = [low, high];
        qualifier = 'range';
        unit = secondUnit ?? unit;
        p = secondUnit ? secondUnit.end : secondEnd;
      }
    }
  }
  const entry = unit?.entry;
  const kind: NumberKind = entry?.kind ?? 'count';
  if (entry && kind === 'duration' && typeof value === 'number' && text[p] === '半' && !unit!.halfAdded) {
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
  return finish(text, { start: i, end, runStart: i, runEnd, value, unit: entry?.unit ?? null, kind, qualifier, parsed: scaledParsed });
}

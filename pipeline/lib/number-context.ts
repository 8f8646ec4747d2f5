/**
 * The per-text context of the numbers extractor (ANNOTATION.md § Numbers, "Not numbers"): where numbers are part of
 * a title, a date, an identifier, a set phrase or a short quoted name, and where number expressions can start. Built
 * once per text, from one walk over its characters and a few native searches, so that judging a candidate
 * (number-rules.ts) is a lookup.
 */
import { NAME_QUOTE_MAX, PLACE_NAMES, QUOTE_PAIRS, SET_PHRASES, SPEECH_PUNCTUATION, TITLE_PAIRS, UNITS } from './number-lexicon.js';
import { codeAt, isChineseCode, isNumeralStart, NUMERAL_START_CHARS } from './number-chars.js';
import { markIdentifiers, stickyMatches } from './number-identifiers.js';

/** Longest title or quote looked for; an opening mark with no close in reach is left alone. */
const MAX_BRACKET = 300;

/** Units whose single character may follow `一X一` in a set phrase without making it one (`一年一次` is a rate). */
const SINGLE_CHAR_UNITS = new Set([...UNITS.keys()].filter((word) => word.length === 1));
/** `一课一消`: tried (sticky) only at a `一` with another `一` two code units on (three past an astral character). */
const ONE_X_ONE_Y = /一(\p{Script=Han})一(\p{Script=Han})/uy;
const ONE = '一'.charCodeAt(0);
const DIGIT_NINE = 57;

export interface NameQuote {
  start: number;
  end: number;
  content: string;
}

export interface RuleContext {
  text: string;
  /**
   * Where a number cannot stand (titles, dates, identifiers, set phrases, place names): ascending disjoint spans as
   * flat [start, end) pairs; ask with isBlocked. Spans, not a byte per character: a typed array per document costs an
   * off-heap allocation that is slow before the code is optimised and counts against the GC's external memory.
   */
  blocked: number[];
  /** Short quotes naming something (`“郑州市作业建设18条”`), sorted by start. */
  nameQuotes: NameQuote[];
  /** Positions of the characters that can start a number expression, ascending. */
  numeralStarts: number[];
}

/**
 * Set phrases and place names by first then second char code, each list in the order of the alternation they replace
 * (longest first), so a position is tried only against the words that can start there.
 */
const PHRASES_BY_HEAD = new Map<number, Map<number, string[]>>();
for (const word of [...SET_PHRASES, ...PLACE_NAMES].sort((a, b) => b.length - a.length)) {
  const bySecond = PHRASES_BY_HEAD.get(word.charCodeAt(0)) ?? new Map<number, string[]>();
  bySecond.set(word.charCodeAt(1), [...(bySecond.get(word.charCodeAt(1)) ?? []), word]);
  PHRASES_BY_HEAD.set(word.charCodeAt(0), bySecond);
}
const TITLE_MARKS = TITLE_PAIRS.flat().join('');
const QUOTE_MARKS = QUOTE_PAIRS.flat().join('');

/**
 * What each character is to the context, as bits of one table read once per character: the only walk over every
 * character of the text, which unoptimised code (the first documents of a run) pays for in full.
 */
const NUMERAL_START_ROLE = 1;
const PAIR_MARK_ROLE = 2;
const PHRASE_HEAD_ROLE = 4;
const ROLES = new Uint8Array(0x10000);
const addRole = (chars: string, role: number): void => {
  for (let k = 0; k < chars.length; k++) ROLES[chars.charCodeAt(k)]! |= role;
};
addRole(NUMERAL_START_CHARS, NUMERAL_START_ROLE);
addRole(TITLE_MARKS + QUOTE_MARKS, PAIR_MARK_ROLE);
addRole(String.fromCharCode(...PHRASES_BY_HEAD.keys()), PHRASE_HEAD_ROLE);

interface CharacterWalk {
  numeralStarts: number[];
  phraseHeads: number[];
  /** Positions of the title and quote marks. */
  marks: number[];
}

/** The walk itself records positions only; everything derived from them is computed after, outside this hot loop. */
function walk(text: string): CharacterWalk {
  const numeralStarts: number[] = [];
  const phraseHeads: number[] = [];
  const marks: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const role = ROLES[text.charCodeAt(k)]!;
    if (role === 0) continue;
    if (role & NUMERAL_START_ROLE) numeralStarts.push(k);
    if (role & PHRASE_HEAD_ROLE) phraseHeads.push(k);
    if (role & PAIR_MARK_ROLE) marks.push(k);
  }
  return { numeralStarts, phraseHeads, marks };
}

/** Runs of ASCII digits as flat [start, end) pairs: consecutive numeral starts below 〇 and ０. */
function digitRuns(text: string, numeralStarts: readonly number[]): number[] {
  const runs: number[] = [];
  for (const k of numeralStarts) {
    if (text.charCodeAt(k) > DIGIT_NINE) continue;
    if (runs.length > 0 && runs[runs.length - 1] === k) runs[runs.length - 1] = k + 1;
    else runs.push(k, k + 1);
  }
  return runs;
}

/** Spans collected while the context is built, in any order and overlapping. */
type SpanList = [number, number][];

function mark(blocked: SpanList, start: number, end: number): void {
  blocked.push([start, end]);
}

/** The spans sorted, clipped to the text and merged into ascending disjoint flat pairs. */
function mergeSpans(spans: SpanList, length: number): number[] {
  spans.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [start, rawEnd] of spans) {
    const end = Math.min(rawEnd, length);
    if (end <= start) continue;
    const lastEnd = merged.length - 1;
    if (lastEnd > 0 && start <= merged[lastEnd]!) merged[lastEnd] = Math.max(merged[lastEnd]!, end);
    else merged.push(start, end);
  }
  return merged;
}

/** Whether any character of [start, end) is blocked: the last span starting before `end` is the only one to ask. */
export function isBlocked(context: RuleContext, start: number, end: number): boolean {
  const spans = context.blocked;
  let low = 0;
  let high = spans.length >> 1; // spans starting before `end` are those below `low` once the search ends
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[2 * mid]! < end) low = mid + 1;
    else high = mid;
  }
  return low > 0 && spans[2 * low - 1]! > start;
}

/** Index of the first position at or after `from` in an ascending list, searching on from `k`. */
function seek(positions: readonly number[], k: number, from: number): number {
  while (k < positions.length && positions[k]! < from) k++;
  return k;
}

/**
 * Pairs of marks within reach, first open to first close, as flat [open, close] positions; unbalanced marks are
 * skipped. Walks the mark positions (`opens`, `closes`) as indexOf from each open would, every search starting past
 * the one before.
 */
function pairs(opens: readonly number[], closes: readonly number[]): number[] {
  const found: number[] = [];
  const samePair = opens === closes;
  let from = 0;
  let o = 0;
  let c = 0;
  for (;;) {
    o = seek(opens, o, from);
    if (o >= opens.length) break;
    const start = opens[o]!;
    c = seek(closes, c, start + 1);
    if (c >= closes.length) break;
    const end = closes[c]!;
    const nested = samePair || o + 1 >= opens.length ? -1 : opens[o + 1]!;
    if (end - start <= MAX_BRACKET && (nested < 0 || nested > end)) {
      found.push(start, end);
      from = end + 1;
    } else from = nested >= 0 && nested < end ? nested : start + 1;
  }
  return found;
}

/** Pairs of one kind of mark, from the positions of all marks. */
function pairsOf(text: string, marks: readonly number[], open: string, close: string): number[] {
  const openCode = open.charCodeAt(0);
  const closeCode = close.charCodeAt(0);
  const opens: number[] = [];
  const closes: number[] = [];
  for (const at of marks) {
    const code = text.charCodeAt(at);
    if (code === openCode) opens.push(at);
    if (code === closeCode && closeCode !== openCode) closes.push(at);
  }
  return pairs(opens, openCode === closeCode ? opens : closes);
}

/** A number inside `《…十条措施》` is part of the title: the whole title, marks included, is blocked. */
function markTitles(text: string, marks: readonly number[], blocked: SpanList): void {
  for (const [open, close] of TITLE_PAIRS) {
    const found = pairsOf(text, marks, open, close);
    for (let k = 0; k < found.length; k += 2) mark(blocked, found[k]!, found[k + 1]! + 1);
  }
}

/**
 * Short quotes naming something (`“郑州市作业建设18条”`), by start; a long quote or one with sentence punctuation is
 * speech. Only quotes short enough to be names are cut out of the text.
 */
function nameQuotes(text: string, marks: readonly number[]): NameQuote[] {
  const quotes: NameQuote[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    const found = pairsOf(text, marks, open, close);
    for (let k = 0; k < found.length; k += 2) {
      const start = found[k]! + 1;
      const end = found[k + 1]!;
      if (end - start > NAME_QUOTE_MAX) continue;
      const content = text.slice(start, end);
      if (!SPEECH_PUNCTUATION.test(content)) quotes.push({ start, end, content: content.trim() });
    }
  }
  return quotes.sort((a, b) => a.start - b.start);
}

/** The first set phrase or place name, in alternation order, that starts at `k`. */
function phraseAt(text: string, k: number): string | undefined {
  const words = PHRASES_BY_HEAD.get(text.charCodeAt(k))!.get(codeAt(text, k + 1));
  if (words) for (const word of words) if (text.startsWith(word, k)) return word;
  return undefined;
}

/** Set phrases and place names, leftmost and longest first, as one alternation scanned over the text finds them. */
function markPhrases(text: string, heads: readonly number[], blocked: SpanList): void {
  let resume = 0;
  for (const k of heads) {
    if (k < resume) continue;
    const word = phraseAt(text, k);
    if (word === undefined) continue;
    // 二次 or 百年 inside 十二次, 一百年 is a plain number.
    if (!(isNumeralStart(word[0]) && isChineseCode(codeAt(text, k - 1)))) mark(blocked, k, k + word.length);
    resume = k + word.length;
  }
}

/** `一课一消`, `一企一策`, `一年一度`, tried at each `一` with another `一` where ONE_X_ONE_Y needs it; `一年一次` is a rate. */
function markOneXOneY(text: string, numeralStarts: readonly number[], blocked: SpanList): void {
  const starts: number[] = [];
  for (const at of numeralStarts) if (text.charCodeAt(at) === ONE && (codeAt(text, at + 2) === ONE || codeAt(text, at + 3) === ONE)) starts.push(at);
  for (const match of stickyMatches(text, ONE_X_ONE_Y, starts)) {
    if (SINGLE_CHAR_UNITS.has(match[2]!) || isChineseCode(codeAt(text, match.index - 1))) continue;
    mark(blocked, match.index, match.index + match[0].length);
  }
}

/** The context of a text. A driver without loops of its own: the helpers that loop get optimised, not it. */
export function buildRuleContext(text: string): RuleContext {
  const blocked: SpanList = [];
  const { numeralStarts, phraseHeads, marks } = walk(text);
  markTitles(text, marks, blocked);
  markIdentifiers(text, digitRuns(text, numeralStarts), blocked);
  markPhrases(text, phraseHeads, blocked);
  markOneXOneY(text, numeralStarts, blocked);
  return { text, blocked: mergeSpans(blocked, text.length), nameQuotes: nameQuotes(text, marks), numeralStarts };
}

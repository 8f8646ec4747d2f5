/**
 * Dates, document numbers and phone numbers (§ Numbers: dates, phone numbers): their digits are not quantities.
 * Each pattern is tried (sticky) only where its shape lets a match begin, at a run of ASCII digits or at the 年 of a
 * Chinese date, rather than scanned over the whole text, and finds exactly what a global scan of it would: the
 * matches in text order, each search resuming after the match before. A scan would test every character of the text
 * against a character class, for each pattern.
 */
import { codeAt, codeSet } from './number-chars.js';

/** No match can begin in this run. */
const NONE = -1;
const NIAN = '年'.charCodeAt(0);
const YUE = '月'.charCodeAt(0);
const DIGIT_ZERO = 48;
const DIGIT_ONE = 49;
const isOpenBracket = codeSet('〔［[(（');

/**
 * Where a pattern can begin, read from its shape: in a run of ASCII digits [start, end) of bounded length, whose
 * first character or following character the pattern may fix, or at a bracket right before the run (`lead`).
 */
interface AnchoredPattern {
  /** Sticky, so that it is tried at one position only. */
  pattern: RegExp;
  minLength: number;
  maxLength: number;
  /** How many digits of the run, at most, the match takes: it begins at max(start, end - reach). */
  reach: number;
  /** The run's first character, when the pattern fixes it. */
  first: number | null;
  /** The character right after the run, when the pattern fixes it. */
  next: number | null;
  /** An opening bracket right before the run begins the match. */
  lead: boolean;
}

const ANY_LENGTH = Number.POSITIVE_INFINITY;

/** `\d` is ASCII only, so a match begins in or right before a run of ASCII digits. */
const IDENTIFIER_PATTERNS: readonly AnchoredPattern[] = [
  // 2022-07-28, 2022/07/09: four digits, then a separator, so the four end a run.
  { pattern: /\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)/y, minLength: 4, maxLength: ANY_LENGTH, reach: 4, first: null, next: null, lead: false },
  // 2025年4月21日: two to four digits ending a run right before 年.
  { pattern: /\d{2,4}年\d{1,2}月(?:\d{1,2}[日号])?/y, minLength: 2, maxLength: ANY_LENGTH, reach: 4, first: null, next: NIAN, lead: false },
  // 9月15日: one or two digits ending a run right before 月.
  { pattern: /\d{1,2}月\d{1,2}[日号]/y, minLength: 1, maxLength: ANY_LENGTH, reach: 2, first: null, next: YUE, lead: false },
  // 承办传〔2021〕41号: a bracket right before a run of exactly four digits.
  { pattern: /[〔［\[(（]\d{4}[〕］\])）]\s*第?\d+号/y, minLength: 4, maxLength: 4, reach: 4, first: null, next: null, lead: true },
  // 0730-7628035, 0730--7628035: a whole run of three or four digits opening with 0.
  { pattern: /(?<!\d)0\d{2,3}\s*[-—－]+\s*\d{7,8}(?!\d)/y, minLength: 3, maxLength: 4, reach: ANY_LENGTH, first: DIGIT_ZERO, next: null, lead: false },
  // Mobile numbers: a whole run of eleven digits opening with 1.
  { pattern: /(?<!\d)1[3-9]\d{9}(?!\d)/y, minLength: 11, maxLength: 11, reach: ANY_LENGTH, first: DIGIT_ONE, next: null, lead: false },
];

/** Where in the run [start, end) a match of the pattern can begin (the leftmost such place), or NONE. */
function anchor(text: string, shape: AnchoredPattern, start: number, end: number): number {
  const length = end - start;
  if (length < shape.minLength || length > shape.maxLength) return NONE;
  if (shape.first !== null && text.charCodeAt(start) !== shape.first) return NONE;
  if (shape.next !== null && codeAt(text, end) !== shape.next) return NONE;
  if (shape.lead && !isOpenBracket(codeAt(text, start - 1))) return NONE;
  return Math.max(start, end - shape.reach) - (shape.lead ? 1 : 0);
}

/**
 * 二〇二二年六月二十八日. Its 年 stands four characters in, so it is tried at each 年: a scan for its first character
 * would try it at every Chinese digit of the text.
 */
const CHINESE_DATE = /[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}[日号])?/y;
const CHINESE_DATE_YEAR_AT = 4;

/**
 * Adds to `spans` the [start, end) of every date and identifier; `digitRuns` are the text's ASCII digit runs as flat
 * pairs. Loops over runs and positions live in the helpers: this per-document driver then stays too cold for V8 to
 * spend an optimising compile on it.
 */
export function markIdentifiers(text: string, digitRuns: readonly number[], spans: [number, number][]): void {
  for (const shape of IDENTIFIER_PATTERNS) markSticky(text, shape.pattern, anchors(text, shape, digitRuns), spans);
  markSticky(text, CHINESE_DATE, yearStarts(text), spans);
}

function anchors(text: string, shape: AnchoredPattern, digitRuns: readonly number[]): number[] {
  const starts: number[] = [];
  for (let k = 0; k < digitRuns.length; k += 2) {
    const start = anchor(text, shape, digitRuns[k]!, digitRuns[k + 1]!);
    if (start !== NONE) starts.push(start);
  }
  return starts;
}

function yearStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('年', CHINESE_DATE_YEAR_AT); at >= 0; at = text.indexOf('年', at + 1)) starts.push(at - CHINESE_DATE_YEAR_AT);
  return starts;
}

/**
 * Matches of a sticky pattern tried at the given ascending positions, skipping those inside an earlier match: what a
 * global scan finds when every match must begin at one of the positions.
 */
export function stickyMatches(text: string, sticky: RegExp, starts: readonly number[]): RegExpExecArray[] {
  const pattern = new RegExp(sticky); // a private lastIndex
  const found: RegExpExecArray[] = [];
  let resume = 0;
  for (const start of starts) {
    if (start < resume) continue;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (match === null) continue;
    found.push(match);
    resume = start + match[0].length;
  }
  return found;
}

function markSticky(text: string, sticky: RegExp, starts: readonly number[], spans: [number, number][]): void {
  for (const match of stickyMatches(text, sticky, starts)) spans.push([match.index, match.index + match[0].length]);
}

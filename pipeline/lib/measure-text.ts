import { INLINE_MARKER, MAX_PROTECTED, PAIRS, SENTENCE_END } from './measure-rules.js';

/**
 * The character level of measure segmentation: lengths in counted characters, sentences of a line and comma pieces
 * of a sentence, never split inside paired brackets and quotes. Loops over char codes with one table of character
 * classes. Pure functions over text offsets.
 */

const HAN_OR_LATIN = /[\p{Script=Han}0-9A-Za-z]/u;

/**
 * Length of text[from, to) in Han characters, digits and Latin letters (punctuation and spaces do not count),
 * counting no further than `limit`: a test against a threshold needs no more.
 */
export function countSpan(text: string, from: number, to: number, limit = Infinity): number {
  let n = 0;
  for (let i = from; i < to && n < limit; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) n++; // the common case: a Han character of the main block
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A supplementary character (CJK extensions B and later) counts once, by its code point.
      if (HAN_OR_LATIN.test(String.fromCodePoint(text.codePointAt(i)!))) n++;
      i++;
    } else if (CLASSES[code]! & COUNTED) n++;
  }
  return n;
}

/** Length of a piece in Han characters, digits and Latin letters: punctuation and spaces do not count. */
export const count = (text: string, limit = Infinity): number => countSpan(text, 0, text.length, limit);

/**
 * Character classes of every BMP code unit as bit flags in one table. The loops below read char codes: `text[i]`
 * makes a new string for every Han character, and a regex or an object lookup on it costs more than the split.
 */
const SPACE = 1;
const SENTENCE_ENDS = 2;
/** Separators of comma pieces; a colon introduces (`服务时间:周一至周五`) and an ellipsis lists. */
const COMMA = 4;
/** What a sentence never starts with: spaces, and the commas and colons left by a cut. */
const SENTENCE_LEAD = 8;
/** What a clause never ends with: spaces and punctuation. */
const CLAUSE_TAIL = 16;
/** What INLINE_MARKER needs on either side of its position: a comma or colon, then a numeral or a digit. */
const INLINE_BEFORE = 32;
const INLINE_AFTER = 64;
/** What a measure's length counts: Han characters, digits, Latin letters. */
const COUNTED = 128;
const CLASSES = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  const flags: [number, RegExp][] = [
    [SPACE, /^\s$/],
    [SENTENCE_ENDS, new RegExp(`^${SENTENCE_END.source}$`)],
    [COMMA, /^[,，:：…]$/],
    [SENTENCE_LEAD, /^[\s,，:：]$/],
    [CLAUSE_TAIL, /^[\s。！？!?；;,，:：、]$/],
    [INLINE_BEFORE, /^[,，:：]$/],
    [INLINE_AFTER, /^[一二三四五六七八九十0-9]$/],
    [COUNTED, HAN_OR_LATIN],
  ];
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogate halves: counted by code point
    const char = String.fromCharCode(code);
    for (const [flag, pattern] of flags) if (pattern.test(char)) table[code]! |= flag;
  }
  return table;
})();
const is = (text: string, at: number, flag: number): boolean => (CLASSES[text.charCodeAt(at)]! & flag) !== 0;

/** Whether the code unit at `at` is white space. */
export const isSpaceAt = (text: string, at: number): boolean => is(text, at, SPACE);

/** Whether text[start, end) holds a sentence end (SENTENCE_END). */
export function hasSentenceEnd(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (is(text, i, SENTENCE_ENDS)) return true;
  return false;
}

/** text[start, end) without the white space at either end, as offsets: the span `slice(start, end).trim()` would give. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && is(text, start, SPACE)) start++;
  while (end > start && is(text, end - 1, SPACE)) end--;
  return [start, end];
}

/**
 * A list of words found by their first character: a table tells whether a character starts any of them, and only
 * then are the words starting with it compared in place. An alternation of hundreds of verbs costs the regex
 * engine a try at every position; here a position costs one table read.
 */
export class WordList {
  private readonly firsts = new Uint8Array(0x10000);
  private readonly byFirst = new Map<number, string[]>();

  constructor(words: readonly string[]) {
    for (const word of words) {
      const first = word.charCodeAt(0);
      this.firsts[first] = 1;
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), word]);
    }
  }

  /** Whether a word of the list stands at `at` and ends by `end`. */
  at(text: string, at: number, end: number): boolean {
    if (at >= end || this.firsts[text.charCodeAt(at)] === 0) return false;
    for (const word of this.byFirst.get(text.charCodeAt(at))!) if (at + word.length <= end && text.startsWith(word, at)) return true;
    return false;
  }

  /** Whether a word of the list stands anywhere inside text[start, end). */
  within(text: string, start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.firsts[text.charCodeAt(i)] === 1 && this.at(text, i, end)) return true;
    return false;
  }
}
/** Closing code of each opening bracket or quote of PAIRS, by the opening code; 0 for every other code. */
const CLOSING = ((): Uint16Array => {
  const table = new Uint16Array(0x10000);
  for (const [open, close] of Object.entries(PAIRS)) table[open.charCodeAt(0)] = close.charCodeAt(0);
  return table;
})();

/**
 * Offsets of paired brackets and quotes in [from, to), so sentence and comma splits skip their inside: 1 inside a
 * pair; null when there is no pair.
 */
function protectedRanges(text: string, from: number, to: number): Uint8Array | null {
  let inside: Uint8Array | null = null;
  const closers: number[] = [];
  const openedAt: number[] = [];
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const depth = closers.length;
    if (depth > 0 && closers[depth - 1] === code) {
      closers.pop();
      const at = openedAt.pop()!;
      if (i - at <= MAX_PROTECTED && i > at + 1) (inside ??= new Uint8Array(to - from)).fill(1, at + 1 - from, i - from);
    } else {
      const close = CLOSING[code]!;
      if (close !== 0) {
        closers.push(close);
        openedAt.push(i);
      }
    }
  }
  return inside;
}

/** Protected flags of a line, for the sentences and comma pieces inside it: flags[i - from] for offset i. */
export interface Protection {
  flags: Uint8Array | null;
  from: number;
}

/** Splits [from, to) at sentence ends and inline list markers outside brackets; returns trimmed spans. */
export function sentences(text: string, from: number, to: number, protection: Protection = { flags: protectedRanges(text, from, to), from }): [number, number][] {
  const inside = protection.flags;
  const offset = protection.from;
  const cuts: number[] = [];
  let inline = false;
  for (let i = from; i < to; i++) {
    const flags = CLASSES[text.charCodeAt(i)]!;
    if (flags === 0 || (inside && inside[i - offset])) continue;
    if (flags & SENTENCE_ENDS) cuts.push(i + 1);
    if (flags & INLINE_BEFORE && i + 1 < to && is(text, i + 1, INLINE_AFTER)) inline = true;
  }
  if (inline) {
    // INLINE_MARKER needs a comma or colon then a numeral: only a line that has one is searched.
    let found = false;
    for (const match of text.slice(from, to).matchAll(INLINE_MARKER)) {
      if (!inside || !inside[from + match.index - offset]) {
        cuts.push(from + match.index);
        found = true;
      }
    }
    if (found) cuts.sort((a, b) => a - b);
  }
  cuts.push(to);
  const spans: [number, number][] = [];
  let start = from;
  for (const cut of cuts) {
    let s = start;
    let e = cut;
    while (s < e && is(text, s, SENTENCE_LEAD)) s++;
    while (e > s && is(text, e - 1, SPACE)) e--;
    if (e > s) spans.push([s, e]);
    start = cut;
  }
  return spans;
}

/** Protection of a line: computed once for its sentences and their comma pieces. */
export const protectionOf = (text: string, from: number, to: number): Protection => ({ flags: protectedRanges(text, from, to), from });

/** Comma pieces of [from, to) outside brackets, as [start, end) without the comma. */
export function commaPieces(text: string, from: number, to: number, protection: Protection): [number, number][] {
  const inside = protection.flags;
  const pieces: [number, number][] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (is(text, i, COMMA) && !(inside && inside[i - protection.from])) {
      if (i > start) pieces.push([start, i]);
      start = i + 1;
    }
  }
  pieces.push([start, to]);
  return pieces;
}

/** Whether the code unit at `at` starts nothing: a space, comma or colon left by a cut. */
export const isLeadSeparator = (text: string, at: number): boolean => is(text, at, SENTENCE_LEAD);
/** Whether the code unit at `at` is what a clause never ends with: a space or punctuation. */
export const isClauseTail = (text: string, at: number): boolean => is(text, at, CLAUSE_TAIL);

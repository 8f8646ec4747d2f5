/**
 * Character tests by char code for the numbers extractor. The extractor asks about every character of every
 * document, so the tests avoid what is slow at that rate: `text[i]` of a Chinese character allocates a string, a
 * regex character class over Chinese characters costs tens of nanoseconds a character, and a read past either end
 * of the text makes V8 throw away its optimised code and compile it again.
 */
import { CHINESE_NUMERAL_CHARS } from './numerals.js';

const CODE_TABLE_SIZE = 0x10000;
/** What codeAt reads outside the text: no character, and still a small integer. */
export const OUTSIDE = -1;

/** The char code at `k`, or OUTSIDE before the start and past the end. */
export const codeAt = (text: string, k: number): number => (k >= 0 && k < text.length ? text.charCodeAt(k) : OUTSIDE);

/**
 * A membership test over char codes for a string of characters (a word list's characters, a mark set): a bitset over
 * the Basic Multilingual Plane. Bytes, not 32-bit words, so that no value read from it is too large for a small
 * integer, which unoptimised code would box.
 */
export function codeSet(chars: string): (code: number) => boolean {
  const bits = new Uint8Array(CODE_TABLE_SIZE >>> 3);
  for (let k = 0; k < chars.length; k++) bits[chars.charCodeAt(k) >>> 3]! |= 1 << (chars.charCodeAt(k) & 7);
  return (code) => code >= 0 && code < CODE_TABLE_SIZE && (bits[code >>> 3]! & (1 << (code & 7))) !== 0;
}

export const ARABIC_DIGITS = '0123456789０１２３４５６７８９';
/** Characters that can start a number expression: digits, Chinese numerals, and 半 (`半年`), which never stands inside a run. */
export const NUMERAL_START_CHARS = `${ARABIC_DIGITS}${CHINESE_NUMERAL_CHARS}半`;

export const isArabicCode = codeSet(ARABIC_DIGITS);
export const isChineseCode = codeSet(CHINESE_NUMERAL_CHARS);
export const isNumeralStartCode = codeSet(NUMERAL_START_CHARS);
export const isNumeralStart = (c: string | undefined): boolean => c !== undefined && c.length === 1 && isNumeralStartCode(c.charCodeAt(0));
export const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;


/**
 * Small integers written in Chinese numerals, as metadata uses them: 届 and 次 of a session (十四届四次会议), proposal
 * numbers (第一百零二号), and the digit-by-digit years of formal dates (二〇二二年). Amounts and scaled numbers are the
 * numbers extractor's business, not this file's.
 */

/** Digit characters, including the look-alikes converters and typists put for zero: 〇 (U+3007), ○ (U+25CB), O, o, 0. */
const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, '○': 0, O: 0, o: 0, Ｏ: 0, 洞: 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 两: 2, 贰: 2,
  三: 3, 叁: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};

const UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** One run of characters this file can read: Arabic digits (half or full width) or Chinese numerals below 10 000. */
export const NUMERAL_RUN = '[0-9０-９零〇○一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+';

function foldWidth(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Reads an integer from Arabic digits or Chinese numerals: `78`, `十`, `十四`, `二十八`, `一百零二`, `3134`,
 * `二〇二二` (digit by digit). Returns null for anything it cannot read with certainty.
 */
export function parseSmallInteger(raw: string): number | null {
  const text = foldWidth(raw.trim());
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  const chars = [...text];
  if (chars.some((c) => DIGITS[c] === undefined && UNITS[c] === undefined)) return null;
  // Digit by digit (二〇二二, 一九九八): no unit characters at all and more than one character.
  if (chars.every((c) => DIGITS[c] !== undefined)) {
    if (chars.length === 1) return DIGITS[chars[0]!]!;
    return Number.parseInt(chars.map((c) => String(DIGITS[c])).join(''), 10);
  }
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const c of chars) {
    const digit = DIGITS[c];
    if (digit !== undefined) {
      if (pending !== null && digit !== 0) return null; // two digits in a row in a unit numeral: 二三十 is a range, not ours
      pending = digit === 0 ? null : digit;
      continue;
    }
    const unit = UNITS[c]!;
    if (unit >= lastUnit) return null; // 十百 or 百百: malformed
    total += (pending ?? (total === 0 && unit === 10 ? 1 : Number.NaN)) * unit;
    if (Number.isNaN(total)) return null;
    pending = null;
    lastUnit = unit;
  }
  return total + (pending ?? 0);
}

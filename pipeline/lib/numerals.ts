/**
 * Numeral conversion for Chinese, Arabic and mixed numerals (`六`, `两`, `十七`, `一千零五`, `350万`, `3万4000`,
 * `1,100万`, `4.8亿`, `三点五`, `两三`).
 *
 * Written here rather than taken from npm: of the converters on the registry, `nzh` (cn.decodeS) reads `两` as 0,
 * `二〇二二` as 222 and `二百五` as 205, and `chinese-numbers-converter` reads `3万4000` as 30000 and `三点五` as 35;
 * neither reads adjacent-digit ranges (`两三年`) or tells a digit-by-digit year from a quantity. The grammar of
 * the numerals in these documents is small, so one page of code that gets all of it right serves better.
 */

/** Digits, Chinese and financial forms, with `两` (`两名`) and the full-width Arabic digits. */
const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
/** Multipliers below ten thousand. */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
/** Section multipliers: `三万四千`, `4.8亿`. */
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Every character that can stand in a Chinese numeral run. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿';
/** Pairs of adjacent digits read as a range (`两三年`, `一两个`, `三四天`); `五四`, `三八`, `六一` are names of days. */
const ADJACENT_RANGES: ReadonlyMap<string, [number, number]> = new Map([
  ['一两', [1, 2]], ['一二', [1, 2]], ['两三', [2, 3]], ['二三', [2, 3]], ['三四', [3, 4]], ['四五', [4, 5]],
  ['五六', [5, 6]], ['六七', [6, 7]], ['七八', [7, 8]], ['八九', [8, 9]],
]);

export type NumeralValue = number | [number, number];

export interface ParsedNumeral {
  value: NumeralValue;
  /** Digit by digit with no multiplier (`二〇二二`, `一九九八`): a year or an identifier, not a quantity. */
  digitwise: boolean;
  /** A bare leading multiplier (`千人`, `万人大会`, `百兆`). */
  bareMultiplier: boolean;
  /** Scaled by 万 or 亿 (`11万`): a quantity even without a unit. */
  scaled: boolean;
}

/** Rounds away binary noise from scaling (`4.8 × 1e8`), keeping twelve significant digits. */
export function tidy(value: number): number {
  return Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value;
}

/** Code-indexed views of the tables above, so a run is read by char code without a string per character. */
const CODE_TABLE_SIZE = 0x10000;
const NOT_A_DIGIT = -1;
const DIGIT_OF = new Int8Array(CODE_TABLE_SIZE).fill(NOT_A_DIGIT);
for (const [char, value] of Object.entries(DIGITS)) DIGIT_OF[char.charCodeAt(0)] = value;
/** Multiplier of a character: small (十 to 千) below 万, big (万, 亿) from it; 0 when the character is none. */
const MULTIPLIER_OF = new Uint32Array(CODE_TABLE_SIZE);
for (const [char, value] of Object.entries({ ...SMALL_UNITS, ...BIG_UNITS })) MULTIPLIER_OF[char.charCodeAt(0)] = value;
const FIRST_BIG_UNIT = 1e4;
const POINT = '点'.charCodeAt(0);
const COMMA = 44;
const DOT = 46;
const FULL_WIDTH_OFFSET = 0xfee0;

/** The char code at `k`, -1 past the end: a read out of bounds would discard V8's optimised code (as number-chars.ts codeAt). */
const codeAt = (text: string, k: number): number => (k >= 0 && k < text.length ? text.charCodeAt(k) : -1);
/** The value of a digit code (Chinese or financial form), or NOT_A_DIGIT. */
const digitOf = (code: number): number => (code >= 0 && code < CODE_TABLE_SIZE ? DIGIT_OF[code]! : NOT_A_DIGIT);
const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;
const isArabicDigit = (code: number): boolean => isAsciiDigit(code) || (code >= 0xff10 && code <= 0xff19);

/**
 * End of the Arabic numeral at `i` (`1,100`, `18.5`, `１２`), or `i` when there is none: digits, then thousands groups
 * of exactly three half-width digits (`1,2345` stops after `1,234`), then an optional decimal part.
 */
function arabicEnd(text: string, i: number): number {
  let j = i;
  while (isArabicDigit(codeAt(text, j))) j++;
  if (j === i) return i;
  while (codeAt(text, j) === COMMA && isAsciiDigit(codeAt(text, j + 1)) && isAsciiDigit(codeAt(text, j + 2)) && isAsciiDigit(codeAt(text, j + 3))) j += 4;
  if (codeAt(text, j) === DOT && isArabicDigit(codeAt(text, j + 1))) {
    j += 2;
    while (isArabicDigit(codeAt(text, j))) j++;
  }
  return j;
}

/** The value of an Arabic numeral span: full-width digits read as half-width, group commas dropped. */
function arabicValue(text: string, start: number, end: number): number {
  let plain = true;
  for (let k = start; k < end && plain; k++) plain = codeAt(text, k) !== COMMA && codeAt(text, k) < 0xff10;
  if (plain) return Number(text.slice(start, end)); // the common case: read as written, no copy per character
  let written = '';
  for (let k = start; k < end; k++) {
    const code = codeAt(text, k);
    if (code !== COMMA) written += String.fromCharCode(code >= 0xff10 ? code - FULL_WIDTH_OFFSET : code);
  }
  return Number(written);
}

/** One shape for every token (`chinese` is false for multipliers), so the readers below see one object layout. */
type Token = { kind: 'num' | 'small' | 'big'; value: number; chinese: boolean };

/** Splits a numeral run into numbers and multipliers; null when a character is not part of a numeral. */
function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const end = arabicEnd(text, i);
    if (end > i) {
      tokens.push({ kind: 'num', value: arabicValue(text, i, end), chinese: false });
      i = end;
      continue;
    }
    const code = codeAt(text, i);
    const digit = digitOf(code);
    if (digit !== NOT_A_DIGIT) {
      // Chinese decimal: 三点五, 零点五.
      if (codeAt(text, i + 1) === POINT && digitOf(codeAt(text, i + 2)) !== NOT_A_DIGIT) {
        let j = i + 2;
        let fraction = '';
        while (j < text.length && digitOf(codeAt(text, j)) !== NOT_A_DIGIT) fraction += String(digitOf(codeAt(text, j))), j++;
        tokens.push({ kind: 'num', value: Number(`${digit}.${fraction}`), chinese: true });
        i = j;
        continue;
      }
      tokens.push({ kind: 'num', value: digit, chinese: true });
    } else {
      const multiplier = code >= 0 && code < CODE_TABLE_SIZE ? MULTIPLIER_OF[code]! : 0;
      if (multiplier === 0) return null;
      tokens.push({ kind: multiplier >= FIRST_BIG_UNIT ? 'big' : 'small', value: multiplier, chinese: false });
    }
    i++;
  }
  return tokens;
}

/**
 * Reads a positional numeral (`一千零五`, `3万4000`, `十七`, `两千五百`, `1.2万亿`); null when malformed (`十四五`,
 * `千万` as an adverb). Colloquial elision after a multiplier is read as in speech: `一百五` → 150, `三万五` → 35000.
 */
function positional(tokens: readonly Token[]): number | null {
  let total = 0; // completed 亿 sections
  let section = 0; // completed 万 part inside the current 亿 section
  let group = 0; // below 万
  let pending: number | null = null; // a number waiting for its multiplier
  let lastSmall = 0; // the last small multiplier, for elision
  let sawZero = false;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.kind === 'num') {
      if (pending !== null) {
        // Two numbers in a row: only 零 may sit between (一千零五).
        if (pending === 0 && token.chinese) pending = token.value;
        else return null;
      } else pending = token.value;
      if (token.chinese && token.value === 0) sawZero = true;
      continue;
    }
    if (token.kind === 'small') {
      // Bare 十 means 一十 (十七); other bare multipliers only at the start (千人, 百兆).
      const base = pending ?? (k === 0 || token.value === 10 ? 1 : null);
      if (base === null || (lastSmall !== 0 && token.value >= lastSmall)) return null;
      group += base * token.value;
      lastSmall = token.value;
      pending = null;
      continue;
    }
    // Big multiplier: closes the group below it.
    const below = group + (pending ?? 0);
    if (token.value === 1e8) {
      // 4.8亿, 一亿二千万, and 万亿 (1.2万亿) where the 万 section is what the 亿 multiplies.
      const head = section + below;
      if (head === 0 && k !== 0) return null;
      total = (total + (head === 0 ? 1 : head)) * 1e8;
      section = 0;
    } else {
      if (section !== 0 || (below === 0 && k !== 0)) return null;
      section = (below === 0 ? 1 : below) * 1e4;
    }
    group = 0;
    pending = null;
    lastSmall = 0;
  }
  if (pending !== null && lastSmall >= 100 && !sawZero && tokens[tokens.length - 1]!.kind === 'num' && (tokens[tokens.length - 1] as { chinese: boolean }).chinese) {
    group += pending * (lastSmall / 10); // 一百五 → 150
    pending = null;
  } else if (pending !== null && lastSmall === 0 && section !== 0 && tokens.length >= 3 && !sawZero && (tokens[tokens.length - 1] as { chinese: boolean }).chinese && pending < 10) {
    group += pending * 1000; // 三万五 → 35000
    pending = null;
  }
  return tidy(total + section + group + (pending ?? 0));
}

/**
 * The value of a run that is one token (`一`, `十`, `万`, `2022`, `18.5`): most runs of a text, read here without
 * building tokens. The same value positional() gives a lone token; null for any other run.
 */
function singleToken(run: string): number | null {
  if (run.length === 1) {
    const code = run.charCodeAt(0);
    const digit = digitOf(code);
    if (digit !== NOT_A_DIGIT) return digit;
    const multiplier = code < CODE_TABLE_SIZE ? MULTIPLIER_OF[code]! : 0;
    if (multiplier !== 0) return multiplier;
  }
  return arabicEnd(run, 0) === run.length ? tidy(arabicValue(run, 0, run.length)) : null;
}
/** A lone multiplier other than 十 (`千人`, `万人大会`): a bare leading multiplier. */
const isBareMultiplier = (run: string): boolean => run.length === 1 && MULTIPLIER_OF[run.charCodeAt(0)]! > 10;
const isBigUnit = (run: string): boolean => run.length === 1 && MULTIPLIER_OF[run.charCodeAt(0)]! >= FIRST_BIG_UNIT;

/** Reads a numeral run; null when it is not a well-formed number. */
export function parseNumeral(run: string): ParsedNumeral | null {
  if (!run) return null;
  const range = ADJACENT_RANGES.get(run);
  if (range) return { value: [...range], digitwise: false, bareMultiplier: false, scaled: false };
  const single = singleToken(run);
  if (single !== null) return { value: single, digitwise: false, bareMultiplier: isBareMultiplier(run), scaled: isBigUnit(run) };
  const tokens = tokenize(run);
  if (!tokens || tokens.length === 0) return null;
  const scaled = tokens.some((t) => t.kind === 'big');
  const bareMultiplier = tokens[0]!.kind !== 'num' && tokens[0]!.value !== 10;
  // Bare multipliers stand alone (千, 万): 千万 and 百万 with no leading digit are adverbs or idioms.
  if (bareMultiplier && tokens.length > 1) return null;
  const allDigits = tokens.every((t) => t.kind === 'num' && t.chinese && Number.isInteger(t.value));
  if (allDigits && tokens.length >= 3) {
    const value = Number(tokens.map((t) => String(t.value)).join(''));
    return { value, digitwise: true, bareMultiplier: false, scaled: false };
  }
  const value = positional(tokens);
  if (value === null) return null;
  return { value, digitwise: false, bareMultiplier, scaled };
}

/** Convenience for callers that only want a plain number: ranges and malformed runs give null. */
export function numeralValue(run: string): number | null {
  const parsed = parseNumeral(run);
  return parsed && typeof parsed.value === 'number' ? parsed.value : null;
}

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

const ARABIC = /^[0-9０-９]+(?:,[0-9]{3})*(?:\.[0-9０-９]+)?/;

function toHalfWidth(text: string): string {
  if (!/[０-９]/.test(text)) return text;
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

type Token = { kind: 'num'; value: number; chinese: boolean } | { kind: 'small'; value: number } | { kind: 'big'; value: number };

/** Splits a numeral run into numbers and multipliers; null when a character is not part of a numeral. */
function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const arabic = ARABIC.exec(rest);
    if (arabic) {
      tokens.push({ kind: 'num', value: Number(toHalfWidth(arabic[0]).replace(/,/g, '')), chinese: false });
      i += arabic[0].length;
      continue;
    }
    const char = text[i]!;
    if (char in DIGITS) {
      // Chinese decimal: 三点五, 零点五.
      if (text[i + 1] === '点' && (text[i + 2] ?? '') in DIGITS) {
        let j = i + 2;
        let fraction = '';
        while (j < text.length && text[j]! in DIGITS) fraction += String(DIGITS[text[j]!]), j++;
        tokens.push({ kind: 'num', value: Number(`${DIGITS[char]}.${fraction}`), chinese: true });
        i = j;
        continue;
      }
      tokens.push({ kind: 'num', value: DIGITS[char]!, chinese: true });
    } else if (char in SMALL_UNITS) tokens.push({ kind: 'small', value: SMALL_UNITS[char]! });
    else if (char in BIG_UNITS) tokens.push({ kind: 'big', value: BIG_UNITS[char]! });
    else return null;
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

/** Reads a numeral run; null when it is not a well-formed number. */
export function parseNumeral(run: string): ParsedNumeral | null {
  if (!run) return null;
  const range = ADJACENT_RANGES.get(run);
  if (range) return { value: [...range], digitwise: false, bareMultiplier: false, scaled: false };
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

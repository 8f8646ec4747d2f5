/**
 * The numeral run and the fixed-shape number forms read at a run: clock times (`18:30`, `15时30分`, `17时30分至18时`,
 * `下午3点半`), ratios (`1:4000`) and fractions (`三分之一`, `百分之九十`, `1/3`). Pure and bounded; the general shape
 * (number, unit, range, qualifiers) is read by number-scan.ts.
 */
import { DAY_PARTS, RANGE_CONNECTORS, type NumberKind } from './number-lexicon.js';
import { codeAt, codeSet, isArabicCode, isAsciiDigit, isChineseCode, isNumeralStart } from './number-chars.js';
import { parseNumeral, tidy } from './numerals.js';

/** Longest numeral run read; longer digit strings are codes, not quantities. */
export const MAX_RUN = 24;

const COMMA = 44;
const DOT = 46;
const POINT = '点'.charCodeAt(0);
/** Digits that may follow 点 in a Chinese decimal (`三点五`). */
const isDecimalDigit = codeSet('零〇一二三四五六七八九');
/** Characters after a run that may make it a clock time (`18:30`, `15时`, `3点`) or a ratio (`1:4000`). */
const CLOCK_MARKS = ':：时点';
const RATIO_MARKS = ':：∶';
const isClockMark = codeSet(CLOCK_MARKS);
const isRatioMark = codeSet(RATIO_MARKS);
const SLASH = 47;
/** Every character after a run at which a clock time, a ratio or a fraction (`1/3`, `三分之一`) can begin. */
export const FIXED_FORM_MARKS = `${CLOCK_MARKS}${RATIO_MARKS}/分`;

/** `1,100万`: a thousands separator is followed by exactly three digits, unlike the clause comma of `28场,28个`. */
function groupAfterComma(text: string, comma: number): boolean {
  return isAsciiDigit(codeAt(text, comma + 1)) && isAsciiDigit(codeAt(text, comma + 2)) && isAsciiDigit(codeAt(text, comma + 3)) && !isAsciiDigit(codeAt(text, comma + 4));
}

/** End of the numeral run at `i`: digits with grouping and decimals, Chinese numerals with 点 decimals. */
export function readRun(text: string, i: number): number {
  let j = i;
  let groupDigits = 0;
  let grouped = false;
  let decimal = false;
  const limit = Math.min(text.length, i + MAX_RUN + 1);
  while (j < limit) {
    const c = text.charCodeAt(j); // j < limit ≤ text.length
    if (isArabicCode(c)) {
      j++;
      groupDigits++;
    } else if (c === COMMA && !decimal && groupDigits >= 1 && (grouped ? groupDigits === 3 : groupDigits <= 3) && groupAfterComma(text, j)) {
      j++;
      grouped = true;
      groupDigits = 0;
    } else if (c === DOT && !decimal && isArabicCode(codeAt(text, j - 1)) && isArabicCode(codeAt(text, j + 1))) {
      j++;
      decimal = true;
      groupDigits = 0;
    } else if (isChineseCode(c)) {
      j++;
      groupDigits = 0;
    } else if (c === POINT && isChineseCode(codeAt(text, j - 1)) && j > i && isDecimalDigit(codeAt(text, j + 1))) {
      j++; // 三点五
    } else break;
  }
  return j;
}

/**
 * Clock time at `i`: `18:30`, `15时30分`, `18时`, `下午3点半`; null when the run is not an hour. `spanEnd` marks the
 * second clock of a span, where `5点` needs no day part (`下午3点至5点`).
 */
function readClock(text: string, i: number, runEnd: number, spanEnd = false): { value: string; end: number } | null {
  if (!isClockMark(codeAt(text, runEnd))) return null;
  const run = text.slice(i, runEnd);
  if (/^\d{1,2}$/.test(run) && /^[:：]\d{2}(?![\d.])/.test(text.slice(runEnd, runEnd + 4))) {
    const hour = Number(run);
    const minute = Number(text.slice(runEnd + 1, runEnd + 3));
    if (hour > 24 || minute > 59 || text.slice(Math.max(0, i - 6), i).includes('比')) return null; // 师生比达到1:13
    let end = runEnd + 3;
    if (/^[:：]\d{2}(?!\d)/.test(text.slice(end, end + 4))) end += 3;
    return { value: `${afternoon(dayPartBefore(text, i), hour)}:${text.slice(runEnd + 1, runEnd + 3)}`, end };
  }
  const parsed = parseNumeral(run);
  if (!parsed || typeof parsed.value !== 'number' || !Number.isInteger(parsed.value) || parsed.value > 24 || parsed.digitwise) return null;
  const marker = text[runEnd];
  if (marker !== '时' && marker !== '点') return null;
  const dayPart = dayPartBefore(text, i);
  let end = runEnd + 1;
  let minutes = '00';
  const minuteRun = readRun(text, end);
  const minuteValue = minuteRun > end ? parseNumeral(text.slice(end, minuteRun)) : null;
  const hasMinutes = minuteValue && typeof minuteValue.value === 'number' && minuteValue.value < 60 && text[minuteRun] === '分' && text[minuteRun + 1] !== '钟';
  if (marker === '时') {
    if (/^[间期代候段刻节效长区辰]/.test(text[runEnd + 1] ?? '')) return null; // 时间, 时期, 同时
  } else if (marker === '点') {
    if (!dayPart && !spanEnd && !hasMinutes && !'半前后钟整'.includes(text[runEnd + 1] ?? '\0')) return null; // 三点建议 is a count, 10点前 a time
  } else return null;
  if (text[end] === '钟') end++; // 八点钟
  if (hasMinutes) {
    minutes = String(minuteValue!.value).padStart(2, '0');
    end = minuteRun + 1;
  } else if (text[end] === '半') {
    minutes = '30';
    end++;
  }
  return { value: `${afternoon(dayPart, parsed.value)}:${minutes}`, end };
}

const DAY_PART_WORDS = Object.keys(DAY_PARTS);

function dayPartBefore(text: string, i: number): string | undefined {
  for (const word of DAY_PART_WORDS) if (text.startsWith(word, i - word.length)) return word;
  return undefined;
}

/** The hour on a 24-hour clock, given the day part before the time: `下午5点`, `下午5:30` are 17 o'clock. */
function afternoon(dayPart: string | undefined, hour: number): number {
  return dayPart && DAY_PARTS[dayPart]! > 0 && hour < 12 ? hour + DAY_PARTS[dayPart]! : hour;
}

/** Clock times with an optional span: `17时30分至18时`, `17:30-18:00`. */
export function readClockSpan(text: string, i: number, runEnd: number): { value: string | [string, string]; end: number } | null {
  const first = readClock(text, i, runEnd);
  if (!first) return null;
  const connector = text[first.end];
  if (connector !== undefined && RANGE_CONNECTORS.includes(connector) && isNumeralStart(text[first.end + 1])) {
    const second = readClock(text, first.end + 1, readRun(text, first.end + 1), true);
    if (second) return { value: [first.value, sameHalfOfDay(first.value, second.value)], end: second.end };
  }
  return first;
}

/** The end of a span keeps the afternoon of its start: `下午4:30-5:30` ends at 17:30. */
function sameHalfOfDay(from: string, to: string): string {
  const fromHour = Number(from.split(':')[0]);
  const [toHour, minutes] = to.split(':') as [string, string];
  return fromHour >= 12 && Number(toHour) < 12 && Number(toHour) + 12 >= fromHour ? `${Number(toHour) + 12}:${minutes}` : to;
}

/** `1:4000`, `师生比1∶19`. */
export function readRatio(text: string, i: number, runEnd: number): { value: [number, number]; end: number } | null {
  if (!isRatioMark(codeAt(text, runEnd))) return null;
  if (!/^\d+(?:\.\d+)?$/.test(text.slice(i, runEnd))) return null;
  const match = /^[:：∶](\d+(?:\.\d+)?)(?![\d:：])/.exec(text.slice(runEnd, runEnd + 16));
  if (!match) return null;
  return { value: [Number(text.slice(i, runEnd)), Number(match[1])], end: runEnd + match[0].length };
}

/** `百分之九十`, `三分之一`, `千分之五`, `1/3`. */
export function readFraction(text: string, i: number, runEnd: number): { value: number; unit: string | null; kind: NumberKind; end: number } | null {
  const slash = codeAt(text, runEnd) === SLASH;
  if (slash && codeAt(text, i - 1) !== SLASH) {
    // 1/3 of the pupils; 2022/7/9 and 13502/2022 are dates and index numbers.
    const match = /^\/(\d{1,3})(?![\d/.])/.exec(text.slice(runEnd, runEnd + 5));
    const numerator = Number(text.slice(i, runEnd));
    if (!match || !/^\d{1,3}$/.test(text.slice(i, runEnd)) || numerator >= Number(match[1])) return null;
    return { value: tidy(numerator / Number(match[1])), unit: null, kind: 'other', end: runEnd + match[0].length };
  }
  if (!text.startsWith('分之', runEnd)) return null;
  const denominator = parseNumeral(text.slice(i, runEnd));
  const numEnd = readRun(text, runEnd + 2);
  const numerator = parseNumeral(text.slice(runEnd + 2, numEnd));
  if (!denominator || !numerator || typeof denominator.value !== 'number' || typeof numerator.value !== 'number' || denominator.value === 0) return null;
  if (denominator.value === 100) return { value: numerator.value, unit: '%', kind: 'percent', end: numEnd };
  if (denominator.value === 1000) return { value: numerator.value, unit: '‰', kind: 'other', end: numEnd };
  return { value: tidy(numerator.value / denominator.value), unit: null, kind: 'other', end: numEnd };
}

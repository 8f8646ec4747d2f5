import { parseSmallInteger } from './meta-numerals.js';

/**
 * Calendar dates in the shapes Chinese government pages use, read to ISO `YYYY-MM-DD`. Pure: no clock, no locale.
 * Every shape is named data with the case that made it necessary.
 */

export interface FoundDate {
  /** ISO date, `YYYY-MM-DD`. */
  iso: string;
  /** Offsets of the surface form in the searched text. */
  start: number;
  end: number;
}

/** A year in Chinese digits: 二〇二二, 二○二二, 二零二二 (four digit characters, zero in any of its look-alikes). */
const HAN_YEAR = '[一二三四五六七八九〇○零Oo０0]{4}';
/** A month or day in Chinese numerals: 六, 十二, 二十八, 三十一. */
const HAN_SMALL = '[一二三四五六七八九十〇○零]{1,3}';

/**
 * Each shape with the words every match of it holds (`needs`, looked for before the pattern runs: 2023年以来 in
 * running text has 年 but no 月, and spares the 年月日 patterns).
 */
export const DATE_SHAPES: readonly { name: string; pattern: RegExp; needs: readonly string[]; why: string }[] = [
  {
    name: 'iso-dash',
    pattern: /(?<!\d)((?:19|20)\d{2})\s*[-－‐–—]\s*(\d{1,2})\s*[-－‐–—]\s*(\d{1,2})(?!\d)/g,
    needs: [],
    why: '发文日期: 2022-07-28; 来源:岳阳县教体局 2025-07-14',
  },
  {
    name: 'slash-or-dot',
    pattern: /(?<![\d.])((?:19|20)\d{2})\s*[/／.．]\s*(\d{1,2})\s*[/／.．]\s*(\d{1,2})(?![\d.])/g,
    needs: [],
    why: '2022/07/09 and 2022.7.9 in page date lines of other sites',
  },
  {
    name: 'arabic-nian-yue-ri',
    pattern: /(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g,
    needs: ['年', '月'],
    why: '2022年6月28日 under a signature; 2025 年 4 月 21 日 letter-spaced',
  },
  {
    name: 'han-nian-yue-ri',
    pattern: new RegExp(`(${HAN_YEAR})\\s*年\\s*(${HAN_SMALL})\\s*月\\s*(${HAN_SMALL})\\s*[日号]`, 'g'),
    needs: ['年', '月'],
    why: '二〇二二年六月二十八日: the formal date of signed replies (also with ○ or 零 for zero)',
  },
];

function validIso(year: number, month: number, day: number): string | null {
  if (year < 1949 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 2月30日
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whether `text` can hold a date at all: every shape has a 19xx or 20xx year or the character 年, and most lines of a
 * page have neither, so they are spared four regex scans.
 */
function mayHoldDate(text: string): boolean {
  return text.includes('年') || text.includes('20') || text.includes('19');
}

/** Every date in `text`, in text order, without overlaps (the first shape to claim a span keeps it). */
export function findDates(text: string): FoundDate[] {
  let found: FoundDate[] = [];
  if (!mayHoldDate(text)) return found;
  for (const shape of DATE_SHAPES) {
    if (!shape.needs.every((word) => text.includes(word))) continue;
    // The spans earlier shapes claimed are in text order and apart, and a shape's matches come in text order and
    // apart too: one pointer walks the claims as the matches advance (checking every claim for every match made a
    // line of thousands of dates quadratic).
    const claimed = found;
    const added: FoundDate[] = [];
    let next = 0;
    for (const match of text.matchAll(shape.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      while (next < claimed.length && claimed[next]!.end <= start) next++;
      if (next < claimed.length && claimed[next]!.start < end) continue;
      const year = parseSmallInteger(match[1]!);
      const month = parseSmallInteger(match[2]!);
      const day = parseSmallInteger(match[3]!);
      if (year === null || month === null || day === null) continue;
      const iso = validIso(year, month, day);
      if (iso) added.push({ iso, start, end });
    }
    if (added.length > 0) found = [...claimed, ...added].sort((a, b) => a.start - b.start);
  }
  return found;
}

/** The first date in `text`, or null. */
export function parseDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}

/**
 * True when `line` is nothing but one date (white space and a trailing 。 allowed): a date line under a signature.
 * `dates` are the line's dates when the caller has found them already.
 */
export function isDateLine(line: string, dates: readonly FoundDate[] = findDates(line)): boolean {
  if (dates.length !== 1) return false;
  const rest = line.slice(0, dates[0]!.start) + line.slice(dates[0]!.end);
  return /^[\s。.]*$/.test(rest);
}

/**
 * Which number expressions the guide counts (ANNOTATION.md § Numbers, "Not numbers"): the spans of the text where
 * numbers are part of a name, a date or an identifier, and the checks on each expression read by number-scan.ts.
 * Pure: a context is built once per text, then each candidate is judged against it.
 */
import { NAME_HEADS, NAME_QUOTE_MAX, ONE_DEMONSTRATIVE_BEFORE, ONE_RATE_BEFORE, ONE_WEIGHT_BEFORE, ONE_WEIGHT_ADJACENT, ORDINAL_BEFORE, PLACE_NAMES, QUOTE_PAIRS, RANK_BEFORE, SESSION_AFTER, SESSION_BEFORE, SET_PHRASES, SPEECH_PUNCTUATION, TITLE_PAIRS, UNITS, VAGUE_AFTER, VAGUE_BEFORE, VAGUE_ONE_UNITS, WEIGHTY_ONE_UNITS } from './number-lexicon.js';
import { isNumeralStart } from './number-forms.js';
import { clauseStart, type NumberCandidate } from './number-scan.js';
import { CHINESE_NUMERAL_CHARS } from './numerals.js';

/** Longest title or quote looked for; an opening mark with no close in reach is left alone. */
const MAX_BRACKET = 300;

/** Dates, document numbers and phone numbers: their digits are not quantities (§ Numbers: dates, phone numbers). */
const IDENTIFIER_PATTERNS: readonly RegExp[] = [
  /\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)/g, // 2022-07-28, 2022/07/09
  /\d{2,4}年\d{1,2}月(?:\d{1,2}[日号])?/g, // 2025年4月21日
  /\d{1,2}月\d{1,2}[日号]/g, // 9月15日
  /[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}[日号])?/g, // 二〇二二年六月二十八日
  /[〔［\[(（]\d{4}[〕］\])）]\s*第?\d+号/g, // 承办传〔2021〕41号
  /(?<!\d)0\d{2,3}\s*[-—－]+\s*\d{7,8}(?!\d)/g, // 0730-7628035, 0730--7628035
  /(?<!\d)1[3-9]\d{9}(?!\d)/g, // mobile numbers
];

/** Units whose single character may follow `一X一` in a set phrase without making it one (`一年一次` is a rate). */
const SINGLE_CHAR_UNITS = new Set([...UNITS.keys()].filter((word) => word.length === 1));
const ONE_X_ONE_Y = /一(\p{Script=Han})一(\p{Script=Han})/gu;

export interface NameQuote {
  start: number;
  end: number;
  content: string;
}

export interface RuleContext {
  text: string;
  /** 1 where a number cannot stand: titles, dates, identifiers, set phrases, place names. */
  blocked: Uint8Array;
  /** Short quotes naming something (`“郑州市作业建设18条”`), sorted by start. */
  nameQuotes: NameQuote[];
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PHRASE_PATTERN = new RegExp([...SET_PHRASES, ...PLACE_NAMES].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');

function mark(blocked: Uint8Array, start: number, end: number): void {
  blocked.fill(1, start, Math.min(end, blocked.length));
}

/** Pairs of marks within reach, first open to first close; unbalanced marks are skipped. */
function pairs(text: string, open: string, close: string): [number, number][] {
  const found: [number, number][] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start < 0) break;
    const end = text.indexOf(close, start + 1);
    if (end < 0) break;
    const nested = open === close ? -1 : text.indexOf(open, start + 1);
    if (end - start <= MAX_BRACKET && (nested < 0 || nested > end)) {
      found.push([start, end]);
      from = end + 1;
    } else from = nested >= 0 && nested < end ? nested : start + 1;
  }
  return found;
}

export function buildRuleContext(text: string): RuleContext {
  const blocked = new Uint8Array(text.length);
  for (const [open, close] of TITLE_PAIRS) for (const [start, end] of pairs(text, open, close)) mark(blocked, start, end + 1);
  for (const pattern of IDENTIFIER_PATTERNS) for (const match of text.matchAll(pattern)) mark(blocked, match.index, match.index + match[0].length);
  for (const match of text.matchAll(PHRASE_PATTERN)) {
    // 二次 or 百年 inside 十二次, 一百年 is a plain number.
    if (isNumeralStart(match[0][0]) && CHINESE_NUMERAL_CHARS.includes(text[match.index - 1] ?? '\0')) continue;
    mark(blocked, match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(ONE_X_ONE_Y)) {
    if (SINGLE_CHAR_UNITS.has(match[2]!) || CHINESE_NUMERAL_CHARS.includes(text[match.index - 1] ?? '\0')) continue;
    mark(blocked, match.index, match.index + match[0].length); // 一课一消, 一企一策, 一年一度
  }
  const nameQuotes: NameQuote[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    for (const [start, end] of pairs(text, open, close)) {
      const content = text.slice(start + 1, end);
      if (content.length <= NAME_QUOTE_MAX && !SPEECH_PUNCTUATION.test(content)) nameQuotes.push({ start: start + 1, end, content: content.trim() });
    }
  }
  nameQuotes.sort((a, b) => a.start - b.start);
  return { text, blocked, nameQuotes };
}

function insideNameQuote(context: RuleContext, position: number): NameQuote | null {
  const quotes = context.nameQuotes;
  let low = 0;
  let high = quotes.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const quote = quotes[mid]!;
    if (position < quote.start) high = mid - 1;
    else if (position >= quote.end) low = mid + 1;
    else return quote;
  }
  return null;
}

const LATIN = /[A-Za-z]/;
/** The second member of an ordinal list: `第一、二批`, `第三至五名`. */
const ORDINAL_LIST = /第[0-9零〇一二两三四五六七八九十百]+[、,，和及或至到-]$/;
const FORMULA = '+＋×*';
const YEAR_UNITS = new Set(['年', '学年']);

/** Why the candidate is not a number the guide counts, or null when it is. Lone `一` is judged later. */
export function rejectReason(context: RuleContext, candidate: NumberCandidate): string | null {
  const { text } = context;
  const { runStart, runEnd } = candidate;
  for (let k = runStart; k < runEnd; k++) if (context.blocked[k]) return 'name-date-or-identifier';
  const quote = insideNameQuote(context, runStart);
  if (quote && quote.content !== text.slice(candidate.start, candidate.end).trim() && quote.content !== text.slice(runStart, candidate.end).trim()) return 'quoted-name';
  const before = text.slice(Math.max(0, candidate.start - 2), candidate.start);
  if (ORDINAL_BEFORE.some((word) => before.endsWith(word))) return 'ordinal';
  if (ORDINAL_LIST.test(text.slice(Math.max(0, candidate.start - 8), candidate.start))) return 'ordinal'; // 第一、二批
  if (text[runStart - 1] === '每' && text[runStart] === '一' && runEnd - runStart === 1) return 'every'; // 每一个孩子
  if (candidate.unit === '名' && text[candidate.start - 1] === RANK_BEFORE) return 'rank'; // 前三名
  if (isLoneOne(text, candidate) && ONE_DEMONSTRATIVE_BEFORE.test(before)) return 'demonstrative'; // 新的一年
  if (candidate.parsed?.bareMultiplier && /^[百千万][\p{Script=Han}]/u.test(text.slice(candidate.end, candidate.end + 2))) return 'campaign-name'; // 百校千师
  if (candidate.unit === '次' && SESSION_AFTER.test(text.slice(candidate.end, candidate.end + 4)) && SESSION_BEFORE.test(text.slice(Math.max(0, candidate.start - 8), candidate.start))) return 'session';
  if (text.slice(runEnd, candidate.end).includes(' ') && /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, runStart - 4), runStart))) return 'heading'; // a line opening `1 人员配备`
  if (LATIN.test(text[runStart - 1] ?? '') || LATIN.test(text[runEnd] ?? '')) return 'identifier'; // A1类, 5G
  if (FORMULA.includes(text[runStart - 1] ?? '_') || FORMULA.includes(text[runEnd] ?? '_') || FORMULA.includes(text[candidate.end] ?? '_')) return 'formula'; // 5+2, 1+1+3
  if ((VAGUE_BEFORE.includes(text[runStart - 1] ?? '_') && CHINESE_NUMERAL_CHARS.includes(text[runStart]!)) || text.slice(Math.max(0, runStart - 2), runStart) === '若干' || VAGUE_AFTER.includes(text[runEnd] ?? '_')) return 'vague';
  const parsed = candidate.parsed;
  if (parsed?.digitwise) return 'digitwise';
  if (/^[零〇]+$/.test(text.slice(runStart, runEnd))) return 'zero-prefix'; // 零容忍, 零起点
  const low = Array.isArray(candidate.value) ? candidate.value[0] : candidate.value;
  if (candidate.unit && YEAR_UNITS.has(candidate.unit) && typeof low === 'number' && low >= 1000 && Number.isInteger(low)) return 'year';
  if (candidate.unit === '年' && /(?:\d{4}|[〇零一二三四五六七八九]{4})年$/.test(text.slice(Math.max(0, candidate.start - 5), candidate.start))) return 'year-apposition'; // 2021年一年
  if (candidate.unit === null && candidate.kind === 'count' && !(parsed?.scaled && !parsed.bareMultiplier)) return 'no-unit';
  if (parsed && /^[\u4e00-\u9fff]+$/.test(text.slice(runStart, runEnd)) && NAME_HEADS.some((head) => text.startsWith(head, candidate.end))) return 'named-rule'; // 七条红线
  if (isLoneOne(text, candidate) && candidate.kind === 'duration' && /^[^，。；,;！？!?：:\n、]{0,3}[0-9一二两三四五六七八九十]/.test(text.slice(candidate.end, candidate.end + 4))) return 'rate-base'; // 一周有4个课时
  return null;
}

/** `一` with no qualifier, range or fraction: the word "a/one" unless something gives it quantity weight. */
export function isLoneOne(text: string, candidate: NumberCandidate): boolean {
  return candidate.runEnd - candidate.runStart === 1 && '一壹'.includes(text[candidate.runStart]!) && candidate.value === 1 && candidate.qualifier === 'exact' && !candidate.prefixWord;
}

/** The span of a list clause: bounded by sentence and clause punctuation, not by 、 (`新建一所、改扩建两所`). */
function listClause(text: string, i: number): [number, number] {
  const start = Math.max(0, i - 60);
  let a = i;
  while (a > start && !/[，,。；;！？!?：:\n]/.test(text[a - 1]!)) a--;
  let b = i;
  const stop = Math.min(text.length, i + 60);
  while (b < stop && !/[，,。；;！？!?：:\n]/.test(text[b]!)) b++;
  return [a, b];
}

/**
 * Keeps a lone `一` (`all` sorted by start) when it carries quantity weight (§ Numbers: `一` meaning "a/one" is not a number): a duration
 * (`每天一小时`, `提前一周`), a distributive or frequency (`每人一份`, `每两年举办一次`), an "only/in all" word
 * (`仅一所`), or a list where other amounts of the same unit stand (`新建一所、改扩建两所`).
 */
export function keepLoneOne(text: string, candidate: NumberCandidate, all: readonly NumberCandidate[]): boolean {
  if (candidate.unit && VAGUE_ONE_UNITS.has(candidate.unit)) return false;
  if (candidate.unit && WEIGHTY_ONE_UNITS.has(candidate.unit)) return true;
  const clause = text.slice(clauseStart(text, candidate.start, 20), candidate.start);
  if (ONE_WEIGHT_BEFORE.test(clause) || ONE_WEIGHT_ADJACENT.test(clause) || ONE_RATE_BEFORE.test(clause)) return true;
  const [a, b] = listClause(text, candidate.start);
  for (let k = firstAtOrAfter(all, a); k < all.length && all[k]!.start < b; k++) {
    const other = all[k]!;
    if (other !== candidate && other.end <= b && other.unit === candidate.unit && other.value !== 1) return true;
  }
  return false;
}

/** Index of the first candidate starting at or after `position` in a list sorted by start. */
function firstAtOrAfter(all: readonly NumberCandidate[], position: number): number {
  let low = 0;
  let high = all.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (all[mid]!.start < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

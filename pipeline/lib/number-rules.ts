/**
 * Which number expressions the guide counts (ANNOTATION.md § Numbers, "Not numbers"): the checks on each expression
 * read by number-scan.ts, against the per-text context of number-context.ts, and the second look at a lone `一`.
 */
import { NAME_HEADS, ONE_DEMONSTRATIVE_BEFORE, ONE_RATE_BEFORE, ONE_WEIGHT_BEFORE, ONE_WEIGHT_ADJACENT, ORDINAL_BEFORE, RANK_BEFORE, SESSION_AFTER, SESSION_BEFORE, VAGUE_AFTER, VAGUE_BEFORE, VAGUE_ONE_UNITS, WEIGHTY_ONE_UNITS } from './number-lexicon.js';
import { codeAt, codeSet, isChineseCode } from './number-chars.js';
import { isBlocked, type NameQuote, type RuleContext } from './number-context.js';
import { clauseStart } from './number-qualifiers.js';
import { isBareCount, type NumberCandidate } from './number-scan.js';
import { spanAt } from './spans.js';

/** The name quote (《…》, “…”) that holds `position`, if any. */
function insideNameQuote(context: RuleContext, position: number): NameQuote | null {
  const at = spanAt(context.nameQuotes, position);
  return at === -1 ? null : context.nameQuotes[at]!;
}

/** The second member of an ordinal list: `第一、二批`, `第三至五名`; tried only when the joiner stands right before. */
const ORDINAL_JOINERS = '、,，和及或至到-';
const ORDINAL_LIST = new RegExp(`第[0-9零〇一二两三四五六七八九十百]+[${ORDINAL_JOINERS}]$`);
const isOrdinalJoiner = codeSet(ORDINAL_JOINERS);
/** How far back the words before a number (ORDINAL_BEFORE, ONE_DEMONSTRATIVE_BEFORE) are read; longer words never match. */
const BEFORE_REACH = 2;
const ORDINAL_WORDS = ORDINAL_BEFORE.filter((word) => word.length <= BEFORE_REACH);
const isFormula = codeSet('+＋×*');
const isLatin = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isHan = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;
const isVagueBefore = codeSet(VAGUE_BEFORE);
const isVagueAfter = codeSet(VAGUE_AFTER);
const isZero = codeSet('零〇');
const isOne = codeSet('一壹');
const isListEnd = codeSet('，,。；;！？!?：:\n');
const YEAR_UNITS = new Set(['年', '学年']);
const EVERY = '每'.charCodeAt(0);
const ONE = '一'.charCodeAt(0);
const SPACE = 32;

/** Whether one of the words starts at `at`. (Loops, not closures: a closure would cost an allocation per candidate.) */
function startsWithAny(text: string, words: readonly string[], at: number): boolean {
  for (const word of words) if (text.startsWith(word, at)) return true;
  return false;
}

/** Whether one of the words ends at `end`. */
function endsWithAny(text: string, words: readonly string[], end: number): boolean {
  for (const word of words) if (end >= word.length && text.startsWith(word, end - word.length)) return true;
  return false;
}

/** Whether the span [start, end) holds the character. */
function holds(text: string, start: number, end: number, code: number): boolean {
  for (let k = start; k < end; k++) if (codeAt(text, k) === code) return true;
  return false;
}

/** Whether every character of [start, end) passes the test (false for an empty span). */
function every(text: string, start: number, end: number, test: (code: number) => boolean): boolean {
  if (end <= start) return false;
  for (let k = start; k < end; k++) if (!test(codeAt(text, k))) return false;
  return true;
}

/**
 * Why the candidate is not a number the guide counts, judged on the run, unit and end alone, which qualifier words do
 * not change: numbers in dates, names and identifiers (`2022年`, `《…十条措施》`) fail here, before their qualifier
 * words are sought (number-qualifiers.ts `finishCandidate`).
 */
export function intrinsicRejectReason(context: RuleContext, candidate: NumberCandidate): string | null {
  const { text } = context;
  const { runStart, runEnd, end } = candidate;
  if (isBlocked(context, runStart, runEnd)) return 'name-date-or-identifier';
  const previous = codeAt(text, runStart - 1);
  const following = codeAt(text, runEnd);
  if (previous === EVERY && codeAt(text, runStart) === ONE && runEnd - runStart === 1) return 'every'; // 每一个孩子
  if (candidate.parsed?.bareMultiplier && /^[百千万][\p{Script=Han}]/u.test(text.slice(end, end + 2))) return 'campaign-name'; // 百校千师
  if (holds(text, runEnd, end, SPACE) && /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, runStart - 4), runStart))) return 'heading'; // a line opening `1 人员配备`
  if (isLatin(previous) || isLatin(following)) return 'identifier'; // A1类, 5G
  if (isFormula(previous) || isFormula(following) || isFormula(codeAt(text, end))) return 'formula'; // 5+2, 1+1+3
  if ((isVagueBefore(previous) && isChineseCode(codeAt(text, runStart))) || (runStart >= 2 && text.startsWith('若干', runStart - 2)) || isVagueAfter(following)) return 'vague';
  const parsed = candidate.parsed;
  if (parsed?.digitwise) return 'digitwise';
  if (every(text, runStart, runEnd, isZero)) return 'zero-prefix'; // 零容忍, 零起点
  const low = Array.isArray(candidate.value) ? candidate.value[0] : candidate.value;
  if (candidate.unit && YEAR_UNITS.has(candidate.unit) && typeof low === 'number' && low >= 1000 && Number.isInteger(low)) return 'year';
  if (candidate.unit === null && candidate.kind === 'count' && (parsed === undefined || isBareCount(parsed))) return 'no-unit';
  if (parsed && startsWithAny(text, NAME_HEADS, end) && every(text, runStart, runEnd, isHan)) return 'named-rule'; // 七条红线
  return null;
}

/**
 * Why the candidate, with its qualifier words read (number-scan.ts `finishCandidate`), is not a number the guide
 * counts, or null when it is; intrinsicRejectReason has passed. Lone `一` is judged later.
 */
export function rejectReason(context: RuleContext, candidate: NumberCandidate): string | null {
  const { text } = context;
  const { runStart } = candidate;
  const quote = insideNameQuote(context, runStart);
  if (quote && quote.content !== text.slice(candidate.start, candidate.end).trim() && quote.content !== text.slice(runStart, candidate.end).trim()) return 'quoted-name';
  if (endsWithAny(text, ORDINAL_WORDS, candidate.start)) return 'ordinal';
  if (isOrdinalJoiner(codeAt(text, candidate.start - 1)) && ORDINAL_LIST.test(text.slice(Math.max(0, candidate.start - 8), candidate.start))) return 'ordinal'; // 第一、二批
  if (candidate.unit === '名' && text[candidate.start - 1] === RANK_BEFORE) return 'rank'; // 前三名
  const loneOne = isLoneOne(text, candidate);
  if (loneOne && ONE_DEMONSTRATIVE_BEFORE.test(text.slice(Math.max(0, candidate.start - BEFORE_REACH), candidate.start))) return 'demonstrative'; // 新的一年
  if (candidate.unit === '次' && SESSION_AFTER.test(text.slice(candidate.end, candidate.end + 4)) && SESSION_BEFORE.test(text.slice(Math.max(0, candidate.start - 8), candidate.start))) return 'session';
  if (candidate.unit === '年' && /(?:\d{4}|[〇零一二三四五六七八九]{4})年$/.test(text.slice(Math.max(0, candidate.start - 5), candidate.start))) return 'year-apposition'; // 2021年一年
  if (loneOne && candidate.kind === 'duration' && /^[^，。；,;！？!?：:\n、]{0,3}[0-9一二两三四五六七八九十]/.test(text.slice(candidate.end, candidate.end + 4))) return 'rate-base'; // 一周有4个课时
  return null;
}

/** `一` with no qualifier, range or fraction: the word "a/one" unless something gives it quantity weight. */
export function isLoneOne(text: string, candidate: NumberCandidate): boolean {
  return candidate.runEnd - candidate.runStart === 1 && isOne(codeAt(text, candidate.runStart)) && candidate.value === 1 && candidate.qualifier === 'exact' && !candidate.prefixWord;
}

/** The span of a list clause: bounded by sentence and clause punctuation, not by 、 (`新建一所、改扩建两所`). */
function listClause(text: string, i: number): [number, number] {
  const start = Math.max(0, i - 60);
  let a = i;
  while (a > start && !isListEnd(codeAt(text, a - 1))) a--;
  let b = i;
  const stop = Math.min(text.length, i + 60);
  while (b < stop && !isListEnd(codeAt(text, b))) b++;
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

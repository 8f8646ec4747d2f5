/**
 * The qualifier words around a number (ANNOTATION.md § Numbers, qualifiers): before it, adjacent (`不少于两次`) or a
 * few characters away in its clause (`每年至少开展一次`), and after it (`95%以上`, `两年多`, `3天内`, `…的上限`).
 */
import { CAP_LEADS, CAP_WORDS, PREFIX_QUALIFIERS, QUALIFIER_BLOCKERS, SUFFIX_QUALIFIERS, type NumberKind, type Qualifier } from './number-lexicon.js';
import { codeAt, codeSet, isNumeralStartCode } from './number-chars.js';
import type { NumberCandidate } from './number-scan.js';
import { matchUnit } from './number-units.js';
import type { ParsedNumeral } from './numerals.js';

/** Spans of the calendar that `近` makes "the last N" rather than "nearly N": `近三年累计投入`, `近5个月`. */
const RECENT_SPANS: ReadonlySet<string> = new Set(['年', '个月', '周', '星期', '天', '学年', '学期']);
/** How far a remote qualifier may stand before its number (`每年至少开展一次`: 至少 + 开展). */
const REMOTE_QUALIFIER_GAP = 6;
const CLAUSE_END = '，,。；;！？!?：:\n、';
const isClauseEnd = codeSet(CLAUSE_END);
const isCapLead = codeSet(CAP_LEADS);
const SPACE = 32;

/** The start of the clause holding `i`, looking back at most `limit` characters. */
export function clauseStart(text: string, i: number, limit = 40): number {
  const stop = Math.max(0, i - limit);
  for (let k = i - 1; k >= stop; k--) if (isClauseEnd(codeAt(text, k))) return k + 1;
  return stop;
}

type PrefixEntry = (typeof PREFIX_QUALIFIERS)[number];
/** Qualifier words grouped by the code of their last character; the remote ones, and their first characters. */
const PREFIX_BY_LAST = new Map<number, PrefixEntry[]>();
for (const entry of PREFIX_QUALIFIERS) {
  const last = entry.word.charCodeAt(entry.word.length - 1);
  PREFIX_BY_LAST.set(last, [...(PREFIX_BY_LAST.get(last) ?? []), entry]);
}
const REMOTE_PREFIXES = PREFIX_QUALIFIERS.filter((entry) => entry.remote);
const isRemoteFirst = codeSet(REMOTE_PREFIXES.map((entry) => entry.word[0]!).join(''));
const BLOCKED_BY = new Map(Object.entries(QUALIFIER_BLOCKERS).map(([word, chars]) => [word, codeSet(chars)]));

type PrefixMatch = { word: string; qualifier: Qualifier; at: number; adjacent: boolean };

/** Finds the qualifier word before `start`: adjacent (it joins the raw text) or remote within the clause. */
function prefixQualifier(text: string, start: number, parsed: ParsedNumeral | undefined): PrefixMatch | null {
  const end = codeAt(text, start - 1) === SPACE ? start - 1 : start;
  for (const entry of PREFIX_BY_LAST.get(codeAt(text, end - 1)) ?? []) {
    const at = end - entry.word.length;
    if (at < 0 || !text.startsWith(entry.word, at)) continue;
    const blocked = BLOCKED_BY.get(entry.word);
    if (blocked !== undefined && at > 0 && blocked(codeAt(text, at - 1))) continue;
    if (entry.word === '上' && !parsed?.bareMultiplier) continue; // 上千名, not 以上2项
    return { word: entry.word, qualifier: entry.qualifier, at, adjacent: true };
  }
  const from = Math.max(clauseStart(text, start, REMOTE_QUALIFIER_GAP + 6), start - REMOTE_QUALIFIER_GAP - 6);
  let candidateFirst = false;
  for (let k = from; k < start && !candidateFirst; k++) candidateFirst = isRemoteFirst(codeAt(text, k));
  if (!candidateFirst) return null;
  // The remote qualifier standing last in the window [from, start), a few plain characters before the number.
  let best: PrefixMatch | null = null;
  for (const entry of REMOTE_PREFIXES) {
    let index = start - entry.word.length;
    while (index >= from && !text.startsWith(entry.word, index)) index--; // bounded, unlike lastIndexOf on the text
    if (index < from) continue;
    const gapStart = index + entry.word.length;
    if (start - gapStart > REMOTE_QUALIFIER_GAP || !plainGap(text, gapStart, start)) continue;
    if (!best || index > best.at) best = { word: entry.word, qualifier: entry.qualifier, at: index, adjacent: false };
  }
  return best;
}

/** No number and no clause break between a remote qualifier and its number. */
function plainGap(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = codeAt(text, k);
    if (isNumeralStartCode(code) || isClauseEnd(code)) return false;
  }
  return true;
}

type SuffixEntry = (typeof SUFFIX_QUALIFIERS)[number];
/** Suffix words grouped by the code of their first character, in list order (the first that fits wins). */
const SUFFIXES_BY_FIRST = new Map<number, SuffixEntry[]>();
for (const entry of SUFFIX_QUALIFIERS) {
  const first = entry.word.charCodeAt(0);
  SUFFIXES_BY_FIRST.set(first, [...(SUFFIXES_BY_FIRST.get(first) ?? []), entry]);
}

/** Characters after 内 and 余 that make a word of them, not a qualifier: `内容`, `余额`. */
const isInnerWord = codeSet('容部涵在外');
const isSurplusWord = codeSet('额下地款量');

/** Trailing words after the unit: `以上`, `左右`, `多` after a duration (`两年多`), `内` (`3天内`). */
export function suffixQualifier(text: string, p: number, kind: NumberKind): { qualifier: Qualifier; end: number } | null {
  for (const entry of SUFFIXES_BY_FIRST.get(codeAt(text, p)) ?? []) {
    if (!text.startsWith(entry.word, p)) continue;
    if (entry.durationOnly && kind !== 'duration' && !(kind === 'other' && entry.word === '多')) continue;
    if (entry.timeOnly && kind !== 'time') continue;
    const next = codeAt(text, p + entry.word.length);
    if (entry.word === '内' && isInnerWord(next)) continue; // 3年内容
    if (entry.word === '余' && isSurplusWord(next)) continue; // 余额
    if (entry.word === '多' && matchUnit(text, p + 1)) continue; // 3天多次
    return { qualifier: entry.qualifier, end: p + entry.word.length };
  }
  return null;
}

/** Characters that can begin a suffix word (`以上`, `左右`, `多`). */
export const SUFFIX_OPENERS = String.fromCharCode(...SUFFIXES_BY_FIRST.keys());

/**
 * Applies the qualifier words found before and after a number (`不少于`, `至少…`, `…的上限`) to a candidate read by
 * readExpression. Separate from reading because it is the costliest step and changes neither the run, the unit nor
 * the end: the caller first drops candidates that fail on those alone (number-rules.ts `intrinsicRejectReason`).
 */
export function finishCandidate(text: string, candidate: NumberCandidate): NumberCandidate {
  let before = prefixQualifier(text, candidate.start, candidate.parsed);
  if (before?.word === '近' && candidate.unit && RECENT_SPANS.has(candidate.unit)) before = null; // 近三年 is "the last three years", not "nearly
  if (before && candidate.qualifier === 'exact') candidate.qualifier = before.qualifier;
  if (before) candidate.prefixWord = before.word;
  if (before?.adjacent) candidate.start = before.at;
  if (candidate.qualifier === 'exact') {
    const at = isCapLead(codeAt(text, candidate.end)) ? candidate.end + 1 : candidate.end;
    for (const cap of CAP_WORDS) {
      if (!text.startsWith(cap.word, at)) continue;
      candidate.qualifier = cap.qualifier;
      break;
    }
  }
  return candidate;
}

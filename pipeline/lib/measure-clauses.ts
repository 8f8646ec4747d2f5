import {
  ACTION_VERBS,
  CLAUSE_ADVERBS,
  CLAUSE_COST,
  CLAUSE_SPREAD,
  CLAUSE_TARGET,
  FRAME_PIECE,
  LEAD_PURPOSE,
  LEAD_SOURCE,
  LEADING_CONNECTIVE,
  LIST_MARKERS,
  MORE_ACTION_VERBS,
  NOT_A_MEASURE,
  PURPOSE_CLAUSE,
  SUBJECT_LINK,
  SUBJECT_SOURCE,
} from './measure-rules.js';
import { headMatcher, screenedTest, type SpanTest } from './measure-regex.js';
import { commaPieces, countSpan, isClauseTail, isLeadSeparator, protectionOf, trimSpan, WordList, type Protection } from './measure-text.js';

/**
 * Comma clauses of a sentence, for the measures extractor: where a comma opens a new action, how the pieces group
 * into clauses of a measure's length, and how a clause is trimmed of its list marker. Pure functions over text
 * offsets; the character level (sentences, comma pieces, lengths) is in measure-text.ts.
 */

/** Verbs of doing that say a clause acts (single-character verbs other than 达 are too ambiguous). */
const ACTION_ANYWHERE = new WordList([...ACTION_VERBS, ...MORE_ACTION_VERBS].filter((verb) => verb.length > 1 || verb === '达'));
/** Whether some verb of doing stands anywhere in text[start, end). */
export const hasAction = (text: string, start: number, end: number): boolean => ACTION_ANYWHERE.within(text, start, end);
/** A subject, a few words, then a verb; single-character verbs other than 将 would match inside nouns (`建议`). */
const SUBJECT_VERB = new RegExp(
  `^${SUBJECT_SOURCE}${SUBJECT_LINK}(?:${[...ACTION_VERBS, ...MORE_ACTION_VERBS].filter((v) => v.length > 1 || v === '将').sort((a, b) => b.length - a.length).join('|')})`,
);
const subjectVerbTest = screenedTest(SUBJECT_VERB);
/** Verbs that open a clause, at its start. */
const ACTION_START = new WordList(ACTION_VERBS);
const PRAISE = NOT_A_MEASURE.find((rule) => rule.name === 'praise')!.pattern;
/** Whether text[start, end) praises (NOT_A_MEASURE's praise). */
export const isPraise = screenedTest(PRAISE);
const leadSourceTest = screenedTest(LEAD_SOURCE);

/**
 * Longest text the anchored patterns at the head of a clause read, lookaheads included: list markers, leading
 * connectives (`具体操作如下:` and spaces), clause adverbs (`2019年以来,`), frames and purposes. They read a window of
 * the clause, not a copy of all of it, and only when its first character can begin them.
 */
const HEAD_WINDOW = 24;
function headTest(pattern: RegExp): SpanTest {
  const match = headMatcher(pattern, HEAD_WINDOW);
  return (text, start = 0, end = text.length) => match(text, start, end) !== null;
}
const adverbAt = headMatcher(CLAUSE_ADVERBS, HEAD_WINDOW);
const connectiveAt = headMatcher(LEADING_CONNECTIVE, HEAD_WINDOW);
const framePieceTest = headTest(FRAME_PIECE);
const purposeTest = headTest(PURPOSE_CLAUSE);
const leadPurposeTest = headTest(LEAD_PURPOSE);

/** Whether text[start, end) starts with a verb of ACTION_VERBS after at most four adverbs. */
function actionFirst(text: string, start: number, end: number): boolean {
  for (let guard = 0; guard < 4; guard++) {
    if (ACTION_START.at(text, start, end)) return true;
    const adverb = adverbAt(text, start, end);
    if (!adverb || adverb[0].length === 0) break;
    start += adverb[0].length;
  }
  return ACTION_START.at(text, start, end);
}

/** A clause of a sentence; `purpose` marks the purpose opening a sentence, cut off its action. */
export interface Clause {
  start: number;
  end: number;
  purpose: boolean;
}

/** Tunable constants of clause splitting; the defaults are in measure-rules.ts. */
export interface SplitOptions {
  /** Typical measure length in characters, and the spread of its logarithm. */
  target?: number;
  spread?: number;
  /** Cost of one more clause: higher keeps sentences whole. */
  clauseCost?: number;
}

/** Cost of a clause of `length` characters: squared log distance from the typical length, plus a fixed price. */
function clauseCost(length: number, options: Required<SplitOptions>): number {
  const distance = Math.log(Math.max(length, 1) / options.target) / options.spread;
  return (distance * distance) / 2 + options.clauseCost;
}

/**
 * Groups the comma pieces of a sentence into measure clauses. A clause may start only where a piece opens an
 * action (moved back over the frame pieces before it) or around praise; among those cuts, the grouping whose
 * clause lengths are most typical of a measure wins (dynamic programming over the cut points).
 */
export function splitClauses(text: string, from: number, to: number, options: SplitOptions = {}, protection: Protection = protectionOf(text, from, to)): Clause[] {
  const pieces = commaPieces(text, from, to, protection);
  const n = pieces.length;
  if (n === 1) return [{ start: from, end: to, purpose: false }]; // one piece: nothing to group
  // Each piece's tests on its trimmed span, computed at most once.
  const spans = pieces.map(([start, end]) => trimSpan(text, start, end));
  const memo = (test: SpanTest): ((i: number) => boolean) => {
    const results: boolean[] = [];
    return (i) => (results[i] ??= test(text, spans[i]![0], spans[i]![1]));
  };
  const frame = memo(framePieceTest);
  const leadPurpose = memo(leadPurposeTest);
  const praise = memo(isPraise);
  const subjectVerb = memo(subjectVerbTest);
  // forced[i]: a clause must start at piece i; allowed[i]: one may.
  const forced: boolean[] = new Array(n + 1).fill(false);
  const allowed: boolean[] = new Array(n + 1).fill(false);
  let cuts = 0;
  // A purpose that opens the sentence (近年来,为…,为…,<subject> acted) is cut off before the subject that acts,
  // with the frame pieces (按照…) just before that subject.
  let purposeEnd = 0;
  let first = 0;
  while (first < n - 1 && frame(first) && !leadPurpose(first)) first++;
  if (first < n - 1 && leadSourceTest(text, spans[first]![0], spans[first]![1])) {
    purposeEnd = first + 1;
  } else if (first < n - 1 && leadPurpose(first)) {
    purposeEnd = first + 1;
    for (let k = first + 1; k < Math.min(n, first + 6); k++) {
      if (subjectVerb(k)) {
        purposeEnd = k;
        break;
      }
    }
    while (purposeEnd - 1 > first && frame(purposeEnd - 1) && !leadPurpose(purposeEnd - 1)) purposeEnd--;
  }
  if (purposeEnd > 0) {
    forced[purposeEnd] = true;
    cuts++;
  }
  for (let i = 1; i < n; i++) {
    if (praise(i) || praise(i - 1)) {
      forced[i] = true; // praise is cut off so the action before it stays a measure
      cuts++;
      continue;
    }
    const [start, end] = spans[i]!;
    const opens = (!purposeTest(text, start, end) && !frame(i) && actionFirst(text, start, end)) || subjectVerb(i);
    if (!opens) continue;
    // Frame pieces (按照…, 在…方面, 今后) just before the action open the new clause with it.
    let at = i;
    while (at - 1 >= 0 && frame(at - 1)) at--;
    if (at > 0) {
      allowed[at] = true; // frames from the sentence start belong to its first action
      cuts++;
    }
  }
  if (cuts === 0) return [{ start: from, end: to, purpose: false }]; // nowhere to cut
  const settings: Required<SplitOptions> = { target: CLAUSE_TARGET, spread: CLAUSE_SPREAD, clauseCost: CLAUSE_COST, ...options };
  // Counts of pieces [0, i): separators are punctuation, so a clause's count is a difference of two of them.
  const upto: number[] = [0];
  for (let i = 0; i < n; i++) upto.push(upto[i]! + countSpan(text, pieces[i]![0], pieces[i]![1]));
  // best[j]: least cost of grouping pieces [0, j); cut[j]: where the last clause of that grouping starts.
  const best: number[] = new Array(n + 1).fill(Infinity);
  const cut: number[] = new Array(n + 1).fill(0);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    if (j < n && !allowed[j] && !forced[j]) continue;
    for (let i = j - 1; i >= 0; i--) {
      if (i > 0 && !allowed[i] && !forced[i]) continue;
      if (best[i] === Infinity) continue;
      const cost = best[i]! + clauseCost(upto[j]! - upto[i]!, settings);
      if (cost < best[j]!) {
        best[j] = cost;
        cut[j] = i;
      }
      if (forced[i]) break; // a clause never spans a forced cut
    }
  }
  const clauses: Clause[] = [];
  for (let j = n; j > 0; j = cut[j]!) {
    // Trailing purposes (`…,确保…`) stay: the gold keeps them far more often than it drops them.
    clauses.push({ start: pieces[cut[j]!]![0], end: pieces[j - 1]![1], purpose: cut[j] === 0 && j === purposeEnd && purposeEnd > 0 });
  }
  return clauses.reverse();
}

/**
 * The list markers in one anchored alternation, each rule a group in list order: the engine tries them in that
 * order at the one position, so the first group that matched is the rule the list would have found first.
 */
const ANY_MARKER = new RegExp(`^(?:${LIST_MARKERS.map((rule, i) => `(?<m${i}>${rule.pattern.source.replace(/^\^/, '')})`).join('|')})`, 'u');

const anyMarkerAt = headMatcher(ANY_MARKER, HEAD_WINDOW);

/** The list marker at `start` (ending by `end`): its rule and its length. */
export function listMarkerAt(text: string, start: number, end: number): { rule: (typeof LIST_MARKERS)[number]; length: number } | null {
  const found = anyMarkerAt(text, start, end);
  return found ? { rule: LIST_MARKERS.find((_, i) => found.groups?.[`m${i}`] !== undefined)!, length: found[0].length } : null;
}

/** Trims a clause span of list markers, connectives, brackets left open and end punctuation. */
export function trimClause(text: string, start: number, end: number): { start: number; end: number; marker: string | null } {
  let marker: string | null = null;
  const skipSeparators = (): void => {
    while (start < end && isLeadSeparator(text, start)) start++;
  };
  skipSeparators();
  const found = listMarkerAt(text, start, end);
  if (found) {
    start += found.length;
    marker = found.rule.name;
  }
  skipSeparators();
  const connective = connectiveAt(text, start, end);
  if (connective) start += connective[0].length;
  while (end > start && isClauseTail(text, end - 1)) end--;
  return { start, end, marker };
}

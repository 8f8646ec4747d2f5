import {
  ACTION_VERBS,
  CLAUSE_ADVERBS,
  CLAUSE_COST,
  CLAUSE_SPREAD,
  CLAUSE_TARGET,
  FRAME_PIECE,
  INLINE_MARKER,
  LEAD_PURPOSE,
  LEAD_SOURCE,
  LEADING_CONNECTIVE,
  LIST_MARKERS,
  MAX_PROTECTED,
  MORE_ACTION_VERBS,
  NOT_A_MEASURE,
  PAIRS,
  PURPOSE_CLAUSE,
  SENTENCE_END,
  SUBJECT_LINK,
  SUBJECT_SOURCE,
} from './measure-rules.js';

/**
 * Sentences and comma clauses of a paragraph, for the measures extractor: where a sentence ends, where a comma
 * opens a new action, and how a clause is trimmed of its list marker. Pure functions over text offsets.
 */

const HAN_OR_DIGIT = /[\p{Script=Han}0-9A-Za-z]/gu;
/** Length of a piece in Han characters, digits and Latin letters: punctuation and spaces do not count. */
export const count = (text: string): number => text.match(HAN_OR_DIGIT)?.length ?? 0;

/** Some verb of doing anywhere in a clause (single-character verbs other than 达 are too ambiguous). */
export const ACTION_ANYWHERE = new RegExp([...ACTION_VERBS, ...MORE_ACTION_VERBS].filter((verb) => verb.length > 1 || verb === '达').join('|'));
/** A subject, a few words, then a verb; single-character verbs other than 将 would match inside nouns (`建议`). */
const SUBJECT_VERB = new RegExp(
  `^${SUBJECT_SOURCE}${SUBJECT_LINK}(?:${[...ACTION_VERBS, ...MORE_ACTION_VERBS].filter((v) => v.length > 1 || v === '将').sort((a, b) => b.length - a.length).join('|')})`,
);
const ACTION_START = new RegExp(`^(${[...ACTION_VERBS].sort((a, b) => b.length - a.length).join('|')})`);
export const PRAISE = NOT_A_MEASURE.find((rule) => rule.name === 'praise')!.pattern;

/** Offsets of paired brackets and quotes, so sentence and comma splits skip their inside. */
function protectedRanges(text: string, from: number, to: number): boolean[] {
  const inside = new Array<boolean>(to - from).fill(false);
  const open: { char: string; at: number }[] = [];
  for (let i = from; i < to; i++) {
    const char = text[i]!;
    const top = open[open.length - 1];
    if (top && PAIRS[top.char] === char) {
      open.pop();
      if (i - top.at <= MAX_PROTECTED) for (let j = top.at + 1; j < i; j++) inside[j - from] = true;
    } else if (PAIRS[char] !== undefined) {
      open.push({ char, at: i });
    }
  }
  return inside;
}

/** Splits [from, to) at sentence ends and inline list markers outside brackets; returns trimmed spans. */
export function sentences(text: string, from: number, to: number): [number, number][] {
  const inside = protectedRanges(text, from, to);
  const cuts: number[] = [];
  for (let i = from; i < to; i++) {
    if (!inside[i - from] && SENTENCE_END.test(text[i]!)) cuts.push(i + 1);
  }
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(INLINE_MARKER)) if (!inside[match.index]) cuts.push(from + match.index);
  cuts.sort((a, b) => a - b);
  const spans: [number, number][] = [];
  let start = from;
  for (const cut of [...cuts, to]) {
    let s = start;
    let e = cut;
    while (s < e && /[\s,，:：]/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push([s, e]);
    start = cut;
  }
  return spans;
}

/** Comma pieces of a sentence outside brackets, as [start, end) without the comma. */
function commaPieces(text: string, from: number, to: number): [number, number][] {
  const inside = protectedRanges(text, from, to);
  const pieces: [number, number][] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (!inside[i - from] && /[,，:：…]/.test(text[i]!)) {
      if (i > start) pieces.push([start, i]);
      start = i + 1;
    }
  }
  pieces.push([start, to]);
  return pieces;
}

/** Whether a comma piece opens a new action: a fresh subject, or a verb after optional adverbs. */
export function opensAction(piece: string): boolean {
  if (SUBJECT_VERB.test(piece)) return true;
  if (PURPOSE_CLAUSE.test(piece) || FRAME_PIECE.test(piece)) return false;
  let rest = piece;
  for (let guard = 0; guard < 4; guard++) {
    if (ACTION_START.test(rest)) return true;
    const adverb = CLAUSE_ADVERBS.exec(rest);
    if (!adverb || adverb[0].length === 0) break;
    rest = rest.slice(adverb[0].length);
  }
  return ACTION_START.test(rest);
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
export function splitClauses(text: string, from: number, to: number, options: SplitOptions = {}): Clause[] {
  const settings: Required<SplitOptions> = { target: CLAUSE_TARGET, spread: CLAUSE_SPREAD, clauseCost: CLAUSE_COST, ...options };
  const pieces = commaPieces(text, from, to);
  const pieceText = (i: number): string => text.slice(pieces[i]![0], pieces[i]![1]).trim();
  const n = pieces.length;
  const forced = new Set<number>();
  const allowed = new Set<number>();
  // A purpose that opens the sentence (近年来,为…,为…,<subject> acted) is cut off before the subject that acts,
  // with the frame pieces (按照…) just before that subject.
  let purposeEnd = 0;
  let first = 0;
  while (first < n - 1 && FRAME_PIECE.test(pieceText(first)) && !LEAD_PURPOSE.test(pieceText(first))) first++;
  if (LEAD_SOURCE.test(pieceText(first)) && first < n - 1) {
    purposeEnd = first + 1;
    forced.add(purposeEnd);
  } else if (LEAD_PURPOSE.test(pieceText(first)) && first < n - 1) {
    purposeEnd = first + 1;
    for (let k = first + 1; k < Math.min(n, first + 6); k++) {
      if (SUBJECT_VERB.test(pieceText(k))) {
        purposeEnd = k;
        break;
      }
    }
    while (purposeEnd - 1 > first && FRAME_PIECE.test(pieceText(purposeEnd - 1)) && !LEAD_PURPOSE.test(pieceText(purposeEnd - 1))) purposeEnd--;
    forced.add(purposeEnd);
  }
  for (let i = 1; i < n; i++) {
    const piece = pieceText(i);
    if (PRAISE.test(piece) || PRAISE.test(pieceText(i - 1))) {
      forced.add(i); // praise is cut off so the action before it stays a measure
      continue;
    }
    if (!opensAction(piece)) continue;
    // Frame pieces (按照…, 在…方面, 今后) just before the action open the new clause with it.
    let at = i;
    while (at - 1 >= 0 && FRAME_PIECE.test(pieceText(at - 1))) at--;
    if (at > 0) allowed.add(at); // frames from the sentence start belong to its first action
  }
  // best[j]: least cost of grouping pieces [0, j); cut[j]: where the last clause of that grouping starts.
  const best = new Array<number>(n + 1).fill(Infinity);
  const cut = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    if (j < n && !allowed.has(j) && !forced.has(j)) continue;
    for (let i = j - 1; i >= 0; i--) {
      if (i > 0 && !allowed.has(i) && !forced.has(i)) continue;
      if (best[i] === Infinity) continue;
      const cost = best[i]! + clauseCost(count(text.slice(pieces[i]![0], pieces[j - 1]![1])), settings);
      if (cost < best[j]!) {
        best[j] = cost;
        cut[j] = i;
      }
      if (forced.has(i)) break; // a clause never spans a forced cut
    }
  }
  const clauses: Clause[] = [];
  for (let j = n; j > 0; j = cut[j]!) {
    // Trailing purposes (`…,确保…`) stay: the gold keeps them far more often than it drops them.
    clauses.unshift({ start: pieces[cut[j]!]![0], end: pieces[j - 1]![1], purpose: cut[j] === 0 && j === purposeEnd && purposeEnd > 0 });
  }
  return clauses;
}

/** Trims a clause span of list markers, connectives, brackets left open and end punctuation. */
export function trimClause(text: string, start: number, end: number): { start: number; end: number; marker: string | null } {
  let marker: string | null = null;
  const skip = (pattern: RegExp): boolean => {
    const found = pattern.exec(text.slice(start, end));
    if (!found || found[0].length === 0) return false;
    start += found[0].length;
    return true;
  };
  skip(/^[\s,，:：]+/);
  for (const rule of LIST_MARKERS) {
    if (skip(rule.pattern)) {
      marker = rule.name;
      break;
    }
  }
  skip(/^[\s,，:：]+/);
  skip(LEADING_CONNECTIVE);
  while (end > start && /[\s。！？!?；;,，:：、]/.test(text[end - 1]!)) end--;
  return { start, end, marker };
}


/**
 * Citations: spans in 《》 and “” judged by their title shape, with the 文号 that follows. One linear pass over the
 * text finds the spans; odd brackets are counted, never thrown.
 */
import {
  ALIAS_BEFORE, DOC_NUMBER, DOC_TYPES, GENERIC_NAME, MAX_TITLE, MIN_BOOK_NAME, MIN_QUOTED_NAME, NOT_A_LAW,
  PROPOSAL_BEFORE, PROPOSAL_END, QUOTED_LAW, RULE_SET, SUGGESTION_END, VERSION_TAIL, YEAR_PLAN,
} from './citation-lexicon.js';
import { SPAM } from './meta-patterns.js';

export type SpanKind = 'book' | 'quote';

/** A bracketed span: `open` is the offset of 《 or “, `close` of the matching 》 or ”. */
export interface QuotedSpan {
  kind: SpanKind;
  open: number;
  close: number;
}

export interface SpanScan {
  spans: QuotedSpan[];
  /** Offsets of an opening 《 or “ left without its closing mark within a line and MAX_TITLE characters. */
  unbalanced: number[];
}

const NEWLINE = 10;
const BOOK_OPEN = '《'.charCodeAt(0);
const BOOK_CLOSE = '》'.charCodeAt(0);
const QUOTE_OPEN = '“'.charCodeAt(0);
/** The only characters the span scan stops at: line breaks and the two pairs of marks (or the first pair only). */
const SPAN_EVENTS = ['\n', '《', '》', '“', '”'];
const BOOK_EVENTS = SPAN_EVENTS.slice(0, 3);
/** The index of the line break among the events, and its cursor's value while no span is open. */
const LINE_BREAKS = 0;
const NOT_SEARCHED = -2;

interface OpenSpan {
  open: number;
  depth: number;
}

/**
 * All 《》 spans (outermost, nesting allowed) and “” spans, in order of their opening mark. A span is abandoned
 * (counted as unbalanced) at a line break or when its closing mark would come more than MAX_TITLE characters on.
 * Only the marks and line breaks are visited, found by one native search per character: a search for one character
 * skips text several times faster than a loop or a regex reads it, and builds no match objects. With `booksOnly`
 * the “” marks are not searched for: the 《》 spans are the same (a “ past a span's reach only abandons it before
 * the next 《, 》 or line break would), and only the unbalanced 《 are listed.
 */
export function quotedSpans(text: string, booksOnly = false): SpanScan {
  const scan: SpanScan = { spans: [], unbalanced: [] };
  const book: OpenSpan = { open: -1, depth: 0 };
  const quote: OpenSpan = { open: -1, depth: 0 };
  const events = booksOnly ? BOOK_EVENTS : SPAN_EVENTS;
  /** Per event character, its next offset (or -1 once there is none); line breaks are first NOT_SEARCHED. */
  const next: number[] = [NOT_SEARCHED];
  for (let k = 1; k < events.length; k++) next.push(text.indexOf(events[k]!));
  for (;;) {
    let k = -1;
    for (let j = 0; j < next.length; j++) if (next[j]! >= 0 && (k < 0 || next[j]! < next[k]!)) k = j;
    if (k < 0) break;
    const i = next[k]!;
    spanEvent(scan, book, quote, text.charCodeAt(i), i);
    next[k] = text.indexOf(events[k]!, i + 1);
    // A line break only abandons open spans: while none is open, line breaks are not searched for.
    if (book.depth === 0 && quote.depth === 0) next[LINE_BREAKS] = NOT_SEARCHED;
    else if (next[LINE_BREAKS] === NOT_SEARCHED) next[LINE_BREAKS] = text.indexOf('\n', i + 1);
  }
  abandon(scan, book);
  abandon(scan, quote);
  scan.spans.sort((a, b) => a.open - b.open);
  return scan;
}

function abandon(scan: SpanScan, span: OpenSpan): void {
  if (span.depth > 0) scan.unbalanced.push(span.open);
  span.open = -1;
  span.depth = 0;
}

/** One line break or mark at `i`: opens, closes or abandons the spans it concerns. */
function spanEvent(scan: SpanScan, book: OpenSpan, quote: OpenSpan, code: number, i: number): void {
  if (code === NEWLINE) {
    abandon(scan, book);
    abandon(scan, quote);
    return;
  }
  if (book.depth > 0 && i - book.open > MAX_TITLE) abandon(scan, book);
  if (quote.depth > 0 && i - quote.open > MAX_TITLE) abandon(scan, quote);
  if (code === BOOK_OPEN) {
    if (book.depth === 0) {
      book.open = i;
      book.depth = 1;
    } else book.depth++;
  } else if (code === QUOTE_OPEN) {
    // Quotes do not nest: a second “ restarts the span.
    abandon(scan, quote);
    quote.open = i;
    quote.depth = 1;
  } else {
    const span = code === BOOK_CLOSE ? book : quote;
    if (span.depth > 0 && --span.depth === 0) {
      scan.spans.push({ kind: span === book ? 'book' : 'quote', open: span.open, close: i });
      span.open = -1;
    }
  }
}

/** Document types by their last code unit, longest first: a title is compared only with the types it may end with. */
const DOC_TYPES_BY_LAST = new Map<number, string[]>();
for (const type of [...DOC_TYPES].sort((a, b) => b.length - a.length)) {
  const last = type.charCodeAt(type.length - 1);
  const group = DOC_TYPES_BY_LAST.get(last);
  if (group) group.push(type);
  else DOC_TYPES_BY_LAST.set(last, [type]);
}

/** The longest document type the title ends with, or null. */
function docTypeOf(title: string): string | null {
  const types = DOC_TYPES_BY_LAST.get(title.charCodeAt(title.length - 1));
  if (types) for (const type of types) if (title.endsWith(type)) return type;
  return null;
}

function stripVersion(title: string): string {
  let t = title.trim();
  for (let i = 0; i < 2 && VERSION_TAIL.test(t); i++) t = t.replace(VERSION_TAIL, '').trim();
  return t;
}

/** Whether a title has a document shape. `before` is the text just before the opening mark. */
export function hasDocumentShape(title: string, kind: SpanKind, before = ''): boolean {
  const t = stripVersion(title);
  if (!t || PROPOSAL_END.test(t)) return false;
  if (SUGGESTION_END.test(t) && PROPOSAL_BEFORE.test(before)) return false;
  // Every RULE_SET match ends in 条: the check spares most titles a regex that reads them whole.
  if (t.endsWith('条') && RULE_SET.test(t)) return true;
  const type = docTypeOf(t);
  const name = type ? t.slice(0, t.length - type.length) : t;
  if (kind === 'quote') {
    if (QUOTED_LAW.test(t) && !NOT_A_LAW.test(t)) return true;
    if (!type || type === '法' || type === '法典') return false;
    return t.startsWith('关于') ? name.length > 2 : name.length >= MIN_QUOTED_NAME && !GENERIC_NAME.test(name);
  }
  if (YEAR_PLAN.test(t)) return true;
  if (type === '法' || type === '法典') return t.length >= 2 && !NOT_A_LAW.test(t);
  if (type) return name.length >= MIN_BOOK_NAME && !GENERIC_NAME.test(name);
  return t.startsWith('关于') && t.length >= 6;
}

/**
 * SPAM without its optional lead-in (`[^…]{0,6}?`): a string holds a match of one exactly when it holds a match of
 * the other, since the lead-in may match nothing. The lead-in makes SPAM try seven starts at every position, so
 * titles are first tried with the core, and SPAM itself runs only on the few the core finds something in.
 */
const SPAM_LEAD_IN = /^\[(?:\\.|[^\]\\])*\]\{0,\d+\}\??/;
const SPAM_CORE = new RegExp(SPAM.source.replace(SPAM_LEAD_IN, ''), SPAM.flags.replace(/[gy]/g, ''));

/**
 * A title with injected spam repaired (ANNOTATION.md § Conventions): the betting-site name stood where 关于 was, so
 * 关于 goes back unless it is still there.
 */
export function repairTitle(title: string): string {
  if (!SPAM_CORE.test(title)) return title;
  for (let i = 0; i < 3; i++) {
    const match = SPAM.exec(title);
    if (!match) break;
    const before = title.slice(0, match.index);
    const after = title.slice(match.index + match[0].length);
    title = before + (after.startsWith('关于') || before.endsWith('关于') ? '' : '关于') + after;
  }
  return title;
}

export interface FoundCitation {
  title: string;
  docNumber: string | null;
  start: number;
  end: number;
}

/** The citations of a text, once per title (the first occurrence), with the 文号 from any occurrence. */
export function findCitations(text: string, scan: SpanScan = quotedSpans(text)): FoundCitation[] {
  const found: FoundCitation[] = [];
  const byKey = new Map<string, FoundCitation>();
  const aliases = new Set<string>();
  let bookEnd = -1;
  for (const span of scan.spans) {
    const insideBook = span.kind === 'quote' && span.open < bookEnd;
    if (span.kind === 'book') bookEnd = Math.max(bookEnd, span.close);
    if (insideBook) continue;
    const raw = text.slice(span.open + 1, span.close);
    const title = repairTitle(raw.trim());
    if (!title) continue;
    const before = text.slice(Math.max(0, span.open - 16), span.open);
    const key = title.replace(/\s+/g, '');
    // Every ALIAS_BEFORE match holds 称 (简称, 下称): the check spares most spans the regex.
    if (before.includes('称') && ALIAS_BEFORE.test(before)) {
      aliases.add(key);
      continue;
    }
    if (aliases.has(key) || !hasDocumentShape(title, span.kind, before)) continue;
    const docNumber = DOC_NUMBER.exec(text.slice(span.close + 1, span.close + 48))?.[1]?.replace(/\s+/g, '') ?? null;
    const known = byKey.get(key);
    if (known) {
      known.docNumber ??= docNumber;
      continue;
    }
    const start = span.open + 1 + (raw.length - raw.trimStart().length);
    const citation = { title, docNumber, start, end: start + raw.trim().length };
    byKey.set(key, citation);
    found.push(citation);
  }
  return found;
}

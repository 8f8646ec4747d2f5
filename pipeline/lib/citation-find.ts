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

/** The only characters the span scan stops at: line breaks and the two pairs of marks. */
const SPAN_EVENTS = /[\n《》“”]/g;

interface OpenSpan {
  open: number;
  depth: number;
}

/**
 * All 《》 spans (outermost, nesting allowed) and “” spans, in order of their opening mark. A span is abandoned
 * (counted as unbalanced) at a line break or when its closing mark would come more than MAX_TITLE characters on.
 * Only the marks and line breaks are visited, so the scan costs one regex pass however long the text.
 */
export function quotedSpans(text: string): SpanScan {
  const spans: QuotedSpan[] = [];
  const unbalanced: number[] = [];
  const book: OpenSpan = { open: -1, depth: 0 };
  const quote: OpenSpan = { open: -1, depth: 0 };
  const abandon = (span: OpenSpan): void => {
    if (span.depth > 0) unbalanced.push(span.open);
    span.open = -1;
    span.depth = 0;
  };
  for (const match of text.matchAll(SPAN_EVENTS)) {
    const i = match.index;
    const char = match[0];
    if (char === '\n') {
      abandon(book);
      abandon(quote);
      continue;
    }
    if (book.depth > 0 && i - book.open > MAX_TITLE) abandon(book);
    if (quote.depth > 0 && i - quote.open > MAX_TITLE) abandon(quote);
    if (char === '《') {
      if (book.depth === 0) {
        book.open = i;
        book.depth = 1;
      } else book.depth++;
    } else if (char === '“') {
      // Quotes do not nest: a second “ restarts the span.
      abandon(quote);
      quote.open = i;
      quote.depth = 1;
    } else {
      const span = char === '》' ? book : quote;
      if (span.depth > 0 && --span.depth === 0) {
        spans.push({ kind: span === book ? 'book' : 'quote', open: span.open, close: i });
        span.open = -1;
      }
    }
  }
  abandon(book);
  abandon(quote);
  spans.sort((a, b) => a.open - b.open);
  return { spans, unbalanced };
}

const docTypesLongestFirst = [...DOC_TYPES].sort((a, b) => b.length - a.length);

function docTypeOf(title: string): string | null {
  return docTypesLongestFirst.find((type) => title.endsWith(type)) ?? null;
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
  if (RULE_SET.test(t)) return true;
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
 * A title with injected spam repaired (ANNOTATION.md § Conventions): the betting-site name stood where 关于 was, so
 * 关于 goes back unless it is still there.
 */
export function repairTitle(title: string): string {
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
    if (ALIAS_BEFORE.test(before)) {
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

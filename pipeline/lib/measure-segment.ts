import {
  BODY_START,
  LEAD_TITLE_MAX,
  LIST_INTRO,
  LIST_MARKERS,
  MAX_HEADING_LINE,
  MAX_ITEM_TITLE,
  MIN_MEASURE_CHARS,
  NON_CONTENT_LINES,
  NOT_A_MEASURE,
  QUOTATION,
  REPORT_DATELINE,
  RULE_CUE,
  SECTION_BANNER,
  TESTIMONY_BANNER,
} from './measure-rules.js';
import type { Span } from '../../schemas/fields.js';
import { hasAction, isPraise, listMarkerAt, splitClauses, trimClause, type SplitOptions } from './measure-clauses.js';
import { countSpan, hasSentenceEnd, isSpaceAt, protectionOf, sentences } from './measure-text.js';
import { firstRule, screenedTest } from './measure-regex.js';

/**
 * Segmentation of a reply into measure clauses (ANNOTATION.md § Measures): the answer's body, section titles,
 * list items, sentences and comma clauses, with the reason each piece is or is not a measure. Pure: text in,
 * spans out; never throws.
 */

/** One piece of the body, in text order. Every sentence is kept, measure or not, since status reads its context. */
export interface Unit {
  /** Span of the piece in the text, trimmed of list markers, connectives and end punctuation. */
  start: number;
  end: number;
  /** Span of the sentence the piece belongs to. */
  sentenceStart: number;
  sentenceEnd: number;
  paragraph: number;
  /** Index of the top-level section (under a level-1 title) the piece stands in. */
  section: number;
  /** Whether the section is a dated report (`2021-10-25 来源:教育部` above it): what it tells is done. */
  report: boolean;
  /** Whether the piece is a measure, and if not, the rule that said so. */
  measure: boolean;
  reason: string;
  /** The list marker that opened the piece's item, if the piece is the item's first sentence. */
  marker: string | null;
  /** Spans of the titles of the sections the piece stands in, outermost first (a missing level is empty). */
  headings: Span[];
}

/** Sentence-level vetoes in the order they are tried: NOT_A_MEASURE but praise (judged clause by clause), then quotation and list intro. */
const VETOES: readonly { name: string; pattern: RegExp }[] = [
  ...NOT_A_MEASURE.filter((rule) => rule.name !== 'praise'),
  { name: 'quotation', pattern: QUOTATION },
  { name: 'list-intro', pattern: LIST_INTRO },
];
const firstVeto = firstRule(VETOES, (rule) => rule.pattern);

/** The first sentence-level veto that text[start, end) breaks. */
function vetoOf(text: string, start: number, end: number): string | null {
  return firstVeto(text, start, end)?.name ?? null;
}
const isRuleCue = screenedTest(RULE_CUE);

interface Line {
  start: number;
  end: number;
}

/** Content lines of the answer: after the opening formula when there is one (a news page has none). */
function bodyLines(text: string): { lines: Line[]; replyFormula: boolean } {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    let start = offset;
    let end = offset + raw.length;
    offset = end + 1;
    while (start < end && isSpaceAt(text, start)) start++;
    while (end > start && isSpaceAt(text, end - 1)) end--;
    if (end > start) lines.push({ start, end });
  }
  const opening = lines.findIndex((line) => BODY_START.pattern.test(text.slice(line.start, line.end)));
  if (opening < 0) return { lines, replyFormula: false };
  const line = lines[opening]!;
  const match = BODY_START.pattern.exec(text.slice(line.start, line.end))!;
  const rest = { start: line.start + match.index + match[0].length, end: line.end };
  while (rest.start < rest.end && /[\s:：。,，]/.test(text[rest.start]!)) rest.start++;
  return { lines: [...(rest.end > rest.start ? [rest] : []), ...lines.slice(opening + 1)], replyFormula: true };
}

/** Longest line the non-content rules are tried on: salutations, dates and contact lines are short. */
const MAX_NON_CONTENT_LINE = 80;

const firstNonContent = firstRule(NON_CONTENT_LINES, (rule) => rule.pattern);

function isNonContent(text: string, start: number, end: number): string | null {
  if (end - start > MAX_NON_CONTENT_LINE) return null;
  return firstNonContent(text, start, end)?.name ?? null;
}

const NO_SPAN: Span = { start: 0, end: 0 };

/** Segments the text into units; `measure` marks the pieces that are measures. */
export function segmentMeasures(text: string, options: SplitOptions = {}): { units: Unit[]; replyFormula: boolean } {
  const units: Unit[] = [];
  const headings: Span[] = [];
  // A testimony section runs from its banner over the speaker's byline to the next heading line.
  let testimony = false;
  let banner = -1;
  let section = 0;
  let report = false;
  const setHeading = (level: number, title: Span): void => {
    if (level <= 1) {
      section++;
      report = REPORT_DATELINE.test(text.slice(title.start, title.end));
    }
    headings.length = Math.min(headings.length, Math.max(0, level - 1));
    while (headings.length < level - 1) headings.push(NO_SPAN);
    headings.push(title);
  };
  const body = bodyLines(text);
  body.lines.forEach((line, paragraph) => {
    if (isNonContent(text, line.start, line.end)) return;
    const content = text.slice(line.start, line.end);
    const hasEnd = hasSentenceEnd(text, line.start, line.end);
    const marker = listMarkerAt(text, line.start, line.end);
    if (SECTION_BANNER.test(content)) {
      testimony = TESTIMONY_BANNER.test(content);
      banner = paragraph;
    } else if (!hasEnd && content.length <= MAX_HEADING_LINE && paragraph > banner + 1) {
      testimony = false;
    }
    if (!hasEnd && content.length <= MAX_HEADING_LINE && !RULE_CUE.test(content)) {
      setHeading(marker?.rule.level ?? 1, { start: line.start + (marker?.length ?? 0), end: line.end });
      return;
    }
    // Brackets and quotes are paired once per line, for its sentences and their comma pieces.
    const protection = protectionOf(text, line.start, line.end);
    const spans = sentences(text, line.start, line.end, protection);
    // A list item's short first sentence (`3、打造特色职业教育品牌,推进实施“双元培育”模式。…`) is a measure and the
    // topic of the sentences after it in the item, so it is also their innermost heading.
    let itemTitle: Span | null = null;
    spans.forEach(([sStart, sEnd], index) => {
      const head = trimClause(text, sStart, sEnd);
      const rule = head.marker ? LIST_MARKERS.find((r) => r.name === head.marker) : undefined;
      const headSpan = { start: head.start, end: head.end };
      const headText = text.slice(head.start, head.end);
      // Only compared with thresholds up to MAX_ITEM_TITLE: no need to count further.
      const headCount = countSpan(text, head.start, head.end, MAX_ITEM_TITLE + 1);
      const titles = itemTitle && !head.marker ? [...headings, itemTitle] : [...headings];
      if (head.marker) itemTitle = !rule?.heading && index < spans.length - 1 && headCount <= MAX_ITEM_TITLE ? headSpan : null;
      const isTitle =
        (rule?.heading && headCount <= MAX_ITEM_TITLE && index === 0) ||
        (index === 0 && headText.startsWith('关于') && headCount <= MAX_ITEM_TITLE) ||
        (index === 0 && spans.length > 1 && !/[0-9]/.test(headText) && headCount <= (head.marker ? MIN_MEASURE_CHARS - 1 : LEAD_TITLE_MAX));
      if (isTitle) {
        setHeading(rule?.level ?? 3, headSpan);
        units.push({
          start: head.start,
          end: head.end,
          sentenceStart: sStart,
          sentenceEnd: sEnd,
          paragraph,
          section,
          report,
          measure: false,
          reason: 'item-title',
          marker: head.marker,
          headings: [...headings],
        });
        return;
      }
      const veto = testimony ? 'testimony' : vetoOf(text, head.start, sEnd);
      for (const { start: cStart, end: cEnd, purpose } of splitClauses(text, head.start, head.end, options, protection)) {
        const clause = trimClause(text, cStart, cEnd);
        if (clause.end <= clause.start) continue;
        let reason = veto ?? '';
        if (!reason && countSpan(text, clause.start, clause.end, MIN_MEASURE_CHARS) < MIN_MEASURE_CHARS) reason = 'too-short';
        if (!reason && purpose) reason = 'purpose';
        if (!reason && isPraise(text, clause.start, clause.end)) reason = 'praise';
        if (!reason && !hasAction(text, clause.start, clause.end) && !isRuleCue(text, clause.start, clause.end)) reason = 'no-action';
        units.push({
          start: clause.start,
          end: clause.end,
          sentenceStart: sStart,
          sentenceEnd: sEnd,
          paragraph,
          section,
          report,
          measure: reason === '',
          reason: reason || 'measure',
          marker: cStart === head.start ? head.marker : clause.marker,
          headings: titles,
        });
      }
    });
  });
  return { units, replyFormula: body.replyFormula };
}

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
  SENTENCE_END,
  TESTIMONY_BANNER,
} from './measure-rules.js';
import { ACTION_ANYWHERE, count, PRAISE, sentences, splitClauses, trimClause, type SplitOptions } from './measure-clauses.js';

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
  /** Titles of the sections the piece stands in, outermost first. */
  headings: string[];
}

/** The first sentence-level rule of NOT_A_MEASURE that `sentence` breaks (praise is judged clause by clause). */
function vetoOf(sentence: string): string | null {
  for (const rule of NOT_A_MEASURE) {
    if (rule.name !== 'praise' && rule.pattern.test(sentence)) return rule.name;
  }
  if (QUOTATION.test(sentence)) return 'quotation';
  if (LIST_INTRO.test(sentence)) return 'list-intro';
  return null;
}

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
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
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

function isNonContent(line: string): string | null {
  for (const rule of NON_CONTENT_LINES) {
    if (line.length <= 80 && rule.pattern.test(line)) return rule.name;
  }
  return null;
}

/** Segments the text into units; `measure` marks the pieces that are measures. */
export function segmentMeasures(text: string, options: SplitOptions = {}): { units: Unit[]; replyFormula: boolean } {
  const units: Unit[] = [];
  const headings: string[] = [];
  // A testimony section runs from its banner over the speaker's byline to the next heading line.
  let testimony = false;
  let banner = -1;
  let section = 0;
  let report = false;
  const setHeading = (level: number, title: string): void => {
    if (level <= 1) {
      section++;
      report = REPORT_DATELINE.test(title);
    }
    headings.length = Math.min(headings.length, Math.max(0, level - 1));
    while (headings.length < level - 1) headings.push('');
    headings.push(title);
  };
  const body = bodyLines(text);
  body.lines.forEach((line, paragraph) => {
    const content = text.slice(line.start, line.end);
    if (isNonContent(content)) return;
    const hasEnd = SENTENCE_END.test(content);
    const markerRule = LIST_MARKERS.find((rule) => rule.pattern.test(content));
    if (SECTION_BANNER.test(content)) {
      testimony = TESTIMONY_BANNER.test(content);
      banner = paragraph;
    } else if (!hasEnd && content.length <= MAX_HEADING_LINE && paragraph > banner + 1) {
      testimony = false;
    }
    if (!hasEnd && content.length <= MAX_HEADING_LINE && !RULE_CUE.test(content)) {
      setHeading(markerRule?.level ?? 1, content.replace(markerRule?.pattern ?? /^/, ''));
      return;
    }
    const spans = sentences(text, line.start, line.end);
    // A list item's short first sentence (`3、打造特色职业教育品牌,推进实施“双元培育”模式。…`) is a measure and the
    // topic of the sentences after it in the item, so it is also their innermost heading.
    let itemTitle: string | null = null;
    spans.forEach(([sStart, sEnd], index) => {
      const head = trimClause(text, sStart, sEnd);
      const rule = head.marker ? LIST_MARKERS.find((r) => r.name === head.marker) : undefined;
      const titles = itemTitle && !head.marker ? [...headings, itemTitle] : [...headings];
      if (head.marker) itemTitle = !rule?.heading && index < spans.length - 1 && count(text.slice(head.start, head.end)) <= MAX_ITEM_TITLE ? text.slice(head.start, head.end) : null;
      const base = { sentenceStart: sStart, sentenceEnd: sEnd, paragraph, marker: head.marker };
      const headText = text.slice(head.start, head.end);
      const isTitle =
        (rule?.heading && count(headText) <= MAX_ITEM_TITLE && index === 0) ||
        (index === 0 && /^关于/.test(headText) && count(headText) <= MAX_ITEM_TITLE) ||
        (index === 0 && spans.length > 1 && !/[0-9]/.test(headText) && count(headText) <= (head.marker ? MIN_MEASURE_CHARS - 1 : LEAD_TITLE_MAX));
      if (isTitle) {
        setHeading(rule?.level ?? 3, headText);
        units.push({ ...base, section, report, start: head.start, end: head.end, measure: false, reason: 'item-title', headings: [...headings] });
        return;
      }
      const veto = testimony ? 'testimony' : vetoOf(text.slice(head.start, sEnd));
      for (const { start: cStart, end: cEnd, purpose } of splitClauses(text, head.start, head.end, options)) {
        const clause = trimClause(text, cStart, cEnd);
        if (clause.end <= clause.start) continue;
        const clauseText = text.slice(clause.start, clause.end);
        let reason = veto ?? '';
        if (!reason && count(clauseText) < MIN_MEASURE_CHARS) reason = 'too-short';
        if (!reason && purpose) reason = 'purpose';
        if (!reason && PRAISE.test(clauseText)) reason = 'praise';
        if (!reason && !ACTION_ANYWHERE.test(clauseText) && !RULE_CUE.test(clauseText)) reason = 'no-action';
        units.push({
          ...base,
          marker: cStart === head.start ? head.marker : clause.marker,
          start: clause.start,
          end: clause.end,
          measure: reason === '',
          reason: reason || 'measure',
          headings: titles,
          section,
          report,
        });
      }
    });
  });
  return { units, replyFormula: body.replyFormula };
}

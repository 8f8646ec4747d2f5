import { findDates } from './dates.js';
import {
  DOC_NUMBER, DOC_NUMBER_YEAR, INDEX_SHAPE, INDEX_VALUE, LABELS, NAVIGATION, NEXT_LABEL, NOT_A_PUBLISHER, PAGE_DATE_LABELS,
  REPLY_CLASS, REPLY_CLASS_LABELLED, REPLY_TITLE_SHAPE, SALUTATION, SALUTATION_INLINE, SALUTATION_ROLE, SITE_NAME,
  TITLE_CELL_END, TITLE_CONTINUES, TITLE_TAIL, TITLE_WORDS,
} from './meta-patterns.js';

/**
 * The page header of a reply: the lines above the salutation, where the information table (索引号, 发布机构, 文号),
 * the title and the page date stand. Pure functions over the normalised text.
 */

export interface Line {
  text: string;
  start: number;
}

/** Non-empty lines with their offsets, trimmed. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) lines.push({ text: trimmed, start: offset + lead });
    offset += raw.length + 1;
  }
  return lines;
}

/** Lines to look through when no salutation marks the end of the header. */
const FALLBACK_HEADER_LINES = 8;
/** Longest header line read as carrying the reply's own 文号 (003: `岳县教体字〔2025〕23号 A1类 同意公开`). */
const MAX_DOC_NUMBER_LINE = 60;

/** The addressee of a salutation line, alone (鲍龙代表:) or opening the first paragraph (鲍龙代表:您提出的…). */
export function salutationAddressee(line: string): string | null {
  const alone = SALUTATION.exec(line);
  if (alone) return alone[1]!.trim();
  const inline = SALUTATION_INLINE.exec(line);
  return inline ? inline[1]!.trim() : null;
}

/** Index of the salutation line (鲍龙代表:), or -1. */
export function findSalutation(lines: readonly Line[]): number {
  const limit = Math.min(lines.length, 40);
  for (let i = 0; i < limit; i++) {
    const inline = SALUTATION_INLINE.exec(lines[i]!.text);
    if (inline && SALUTATION_ROLE.test(inline[1]!.trim()) && !NEXT_LABEL.test(inline[1]!)) return i;
    const match = SALUTATION.exec(lines[i]!.text);
    if (!match) continue;
    const addressee = match[1]!.trim();
    if (/[:：|｜]/.test(addressee) || NEXT_LABEL.test(lines[i]!.text)) continue;
    const next = lines[i + 1]?.text ?? '';
    if (SALUTATION_ROLE.test(addressee) || /^\s*尊敬的/.test(lines[i]!.text) || /^(您|你们|你|贵)/.test(next)) return i;
  }
  return -1;
}

/** Index of the first body line: the salutation, else the first line answering (现答复如下, 收悉), else -1. */
export function findBodyStart(lines: readonly Line[]): number {
  const salutation = findSalutation(lines);
  if (salutation >= 0) return salutation;
  return lines.findIndex((line, i) => i < 40 && /答复如下|收悉/.test(line.text));
}

/** The header lines: above the body, or the first few lines when the body start is unknown (or given as -1). */
export function headerLines(lines: readonly Line[], body = findBodyStart(lines)): Line[] {
  return lines.slice(0, body >= 0 ? body : Math.min(lines.length, FALLBACK_HEADER_LINES));
}

/** The value after a label on a line, up to white space, a bar or the next label. */
function labelValue(line: string, label: RegExp): string | null {
  const match = label.exec(line);
  if (!match) return null;
  let value = line.slice(match.index + match[0].length);
  const next = NEXT_LABEL.exec(value);
  if (next) value = value.slice(0, next.index);
  value = value.split(/[\s|｜]/)[0] ?? '';
  return value.trim() || null;
}

/** DOC_NUMBER's first match in `text`, tried only when its bracketed year stands there. */
function docNumberIn(text: string): RegExpExecArray | null {
  return DOC_NUMBER_YEAR.test(text) ? DOC_NUMBER.exec(text) : null;
}

/** 索引号, from a full, letter-spaced or cut label; a cut label needs an index-shaped value. */
export function findIndexNumber(lines: readonly Line[]): string | null {
  for (const line of lines) {
    const match = LABELS.indexNumber.exec(line.text);
    if (!match) continue;
    const value = INDEX_VALUE.exec(line.text.slice(match.index + match[0].length));
    if (!value || value.index !== 0) continue;
    const full = /索\s*引\s*号/.test(match[0]);
    if ((full && /\d/.test(value[0]) && value[0].length >= 4) || INDEX_SHAPE.test(value[0])) return value[0];
  }
  return null;
}

/** The reply's own 文号: labelled, or standing in the header outside any citation (003: 岳县教体字〔2025〕23号 A1类). */
export function findDocNumber(header: readonly Line[]): string | null {
  for (const line of header) {
    const match = LABELS.docNumber.exec(line.text);
    if (!match) continue;
    const rest = line.text.slice(match.index + match[0].length);
    const value = docNumberIn(rest);
    if (value && value.index === 0) return value[0].replace(/\s+/g, '');
  }
  for (const line of header) {
    // A sentence that mentions a 文号 cites another document; the reply's own stands on a short line of its own.
    if (/[《“。，,]/.test(line.text) || line.text.length > MAX_DOC_NUMBER_LINE) continue;
    const value = docNumberIn(line.text);
    if (!value) continue;
    const after = line.text.slice(value.index + value[0].length);
    if (/^\s*(提案|建议|议案)/.test(after)) continue;
    return value[0].replace(/\s+/g, '');
  }
  return null;
}

/** The publisher named by 发布机构 / 来源, or null when the cell is empty (002: `来源:`). */
export function findPublisher(header: readonly Line[]): string | null {
  for (const line of header) {
    const value = labelValue(line.text, LABELS.publisher);
    if (!value) continue;
    const cleaned = value.replace(/[,，;；。]+$/, '');
    if (!/\p{Script=Han}/u.test(cleaned) || NOT_A_PUBLISHER.test(cleaned) || findDates(cleaned).length) continue;
    return cleaned;
  }
  return null;
}

/**
 * The page date: the strongest label in the header, then (for news only) a date standing alone under the headline.
 * A reply's lone date under its title is the date it was written, not the page's.
 */
export function findPublishedDate(header: readonly Line[], all: readonly Line[], isReply = false): string | null {
  for (const label of PAGE_DATE_LABELS) {
    for (const scope of [header, all]) {
      for (const line of scope) {
        const match = label.pattern.exec(line.text);
        if (!match) continue;
        // A 来源 line carries its date before or after the source (2022-07-28 10:00 来源:…); labels give it after.
        const from = label.name === 'source-line' ? 0 : match.index;
        const date = findDates(line.text.slice(from)).find((d) => from === 0 || d.start <= match[0].length + 40);
        if (date) return date.iso;
      }
      if (label.name !== 'published') break; // weaker labels count only in the header
    }
  }
  if (isReply) return null;
  for (const line of header) {
    const dates = findDates(line.text);
    if (dates.length === 1 && dates[0]!.end - dates[0]!.start >= line.text.length - 2) return dates[0]!.iso;
  }
  return null;
}

/** Lines that are header furniture rather than a title. */
function isTitleCandidate(text: string): boolean {
  if (LABELS.title.test(text) || NAVIGATION.test(text) || SITE_NAME.test(text)) return false;
  if (/[:：|｜]/.test(text) && !/^[^:：]{12,}/.test(text)) return false;
  if (/[。!！?？;；]$/.test(text) || text.length < 6 || text.length > 90) return false;
  if (docNumberIn(text) && text.replace(DOC_NUMBER, '').replace(REPLY_CLASS, '').replace(/同意公开|不予公开|依申请公开|主动公开/g, '').trim().length < 4) return false;
  const dates = findDates(text);
  return !(dates.length && text.length - (dates[0]!.end - dates[0]!.start) < 4);
}

/** The title as the page gives it: a 标题 / 名称 cell, else the first header line shaped like a title. */
export function findHeaderTitle(header: readonly Line[], isReply: boolean): string | null {
  for (const line of header) {
    const match = LABELS.title.exec(line.text);
    if (match) {
      let value = line.text.slice(match.index + match[0].length);
      const end = TITLE_CELL_END.exec(value);
      if (end) value = value.slice(0, end.index);
      value = value.replace(/[|｜]+\s*$/, '').trim();
      if (value.length >= 4) return value;
    }
  }
  // A reply's title has a reply shape; failing that, any line with a title word; a news headline is the first line.
  const passes: ((text: string) => boolean)[] = isReply ? [(t) => REPLY_TITLE_SHAPE.test(t), (t) => TITLE_WORDS.test(t)] : [() => true];
  for (const accepts of passes) {
    for (let i = 0; i < header.length; i++) {
      const text = header[i]!.text;
      if (!isTitleCandidate(text) || !accepts(text)) continue;
      let title = text;
      for (let j = i + 1; j < header.length; j++) {
        const next = header[j]!.text;
        if (next.length > 40 || !(TITLE_CONTINUES.test(title) || TITLE_TAIL.test(next))) break;
        title += next;
      }
      return title;
    }
  }
  return null;
}

/** A page title from the HTML <title>, cut at the site name it usually carries (…的答复_开原市人民政府). */
export function cleanPageTitle(pageTitle: string | null | undefined): string | null {
  if (!pageTitle) return null;
  const first = pageTitle.split(/\s*(?:[_|｜]|[-—–]{1,2})\s*/)[0]?.trim() ?? '';
  if (first.length < 6 || /(人民政府|政府网|门户网站|网站|官网|首页)$/.test(first)) return null;
  return first;
}

/** The result class: labelled anywhere, else in the header lines or the title (A1类 glued to the 文号 in 003). */
export function findReplyClass(header: readonly Line[], all: readonly Line[], title: string | null): string | null {
  for (const line of all) {
    const labelled = REPLY_CLASS_LABELLED.exec(line.text);
    if (labelled) return `${labelled[1]}类`;
  }
  for (const text of [...(title ? [title] : []), ...header.map((l) => l.text)]) {
    if (/[《“]/.test(text) && !docNumberIn(text)) continue;
    const match = REPLY_CLASS.exec(text);
    if (match) return `${match[1]}类`;
  }
  return null;
}

import { fail, info, need } from '../document.js';
import { BODY_LINE_HAN, BULLET_GLYPH, FURNITURE_INLINE, FURNITURE_LINES, MAX_FURNITURE_LINE, MIN_BULLETS } from '../lib/furniture.js';
import { isBmpHan } from '../lib/han.js';
import { applyEdits, EditSet } from '../lib/offsets.js';
import type { Stage } from './stage.js';

/** A letter (Han or Latin): a text without one after cleaning held nothing but page furniture. */
const LETTER = /[\p{Script=Han}A-Za-z]/u;

/** Control and invisible characters that carry no text: zero-width spaces and joiners, stray BOMs, C0 controls. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\ufffc]/g;

/** The furniture rule a line matches, if it is short enough to be furniture; head-only rules above the body only. */
function furnitureRule(line: string, inBody: boolean): (typeof FURNITURE_LINES)[number] | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_FURNITURE_LINE) return undefined;
  return FURNITURE_LINES.find((rule) => !(inBody && rule.headOnly) && rule.pattern.test(trimmed));
}

/** Whether a line has BODY_LINE_HAN Han characters: the page's head ends there. */
function bodyLine(source: string, start: number, end: number): boolean {
  let han = 0;
  for (let i = start; i < end && han < BODY_LINE_HAN; i++) if (isBmpHan(source.charCodeAt(i))) han++;
  return han >= BODY_LINE_HAN;
}

/** A converted line, or the original when conversion changed its length (positions would no longer agree). */
function sameLength(converted: string, original: string): string {
  return converted.length === original.length ? converted : original;
}

/**
 * Removes page furniture (breadcrumbs, font-size and share widgets, view counters, previous/next links, footers,
 * stray bullet glyphs, template placeholders, converter pinyin) and invisible characters, as offset-mapped edits.
 * Metadata header lines (索引号, 发布机构, 文号, 来源, 时间) stay for extraction.
 */
export const clean: Stage = {
  name: 'clean',
  run(doc, context) {
    const source = need(doc, 'sourceText', 'clean');
    // Furniture rules are written in simplified characters: a traditional page is matched through a simplified
    // view of the text, which OpenCC nearly always keeps at the same length so positions agree; where it does
    // not, short lines are converted one by one and inline rules read the source as it is.
    const scriptProfile = context.script.profile(source);
    const converted = scriptProfile.script === 'simplified' ? source : context.script.simplify(source);
    const aligned = converted.length === source.length;
    const view = aligned ? converted : source;
    const lineView = (start: number, end: number): string =>
      aligned ? view.slice(start, end) : scriptProfile.script === 'simplified' ? source.slice(start, end) : sameLength(context.script.simplify(source.slice(start, end)), source.slice(start, end));
    const edits = new EditSet(source.length);
    const removed = new Map<string, number>();
    const count = (name: string): void => void removed.set(name, (removed.get(name) ?? 0) + 1);

    // Whole furniture lines and bullet glyphs first, line by line; only short lines can be furniture.
    let lineStart = 0;
    let inBody = false;
    /** Offsets of the bullet glyphs starting paragraphs: removed only when there are MIN_BULLETS (a list). */
    const bullets: number[] = [];
    while (lineStart <= source.length) {
      let lineEnd = source.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = source.length;
      const hasNewline = lineEnd < source.length;
      const contentEnd = lineEnd > lineStart && source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      const furniture = contentEnd - lineStart <= MAX_FURNITURE_LINE * 2 ? furnitureRule(lineView(lineStart, contentEnd), inBody) : undefined;
      if (!furniture && !inBody) inBody = bodyLine(source, lineStart, contentEnd);
      if (furniture) {
        count(furniture.name);
        edits.add(lineStart, hasNewline ? lineEnd + 1 : lineEnd);
      } else {
        if (contentEnd < lineEnd) edits.add(contentEnd, lineEnd);
        let leading = lineStart;
        while (leading < contentEnd && (source.charCodeAt(leading) === 32 || source.charCodeAt(leading) === 9 || source.charCodeAt(leading) === 0x3000)) leading++;
        const bullet = leading < contentEnd ? BULLET_GLYPH.exec(source.slice(leading, leading + 2)) : null;
        if (bullet) {
          bullets.push(leading);
          if (!removed.has('bullet-glyph')) removed.set('bullet-glyph', 0); // reported in the order first met
        }
      }
      lineStart = lineEnd + 1;
    }
    // A symbol font's bullets mark the items of a list; one paragraph starting `u` is more likely `u盘…` than a bullet.
    if (bullets.length >= MIN_BULLETS) for (const at of bullets) if (edits.add(at, at + 1)) count('bullet-glyph');
    if (removed.get('bullet-glyph') === 0) removed.delete('bullet-glyph');
    // Inline furniture over the whole text at once; pieces inside lines already removed are refused by EditSet.
    for (const rule of FURNITURE_INLINE) {
      for (const match of view.matchAll(rule.pattern)) {
        if (edits.add(match.index, match.index + match[0].length)) count(rule.name);
      }
    }
    for (const match of source.matchAll(INVISIBLE)) edits.add(match.index, match.index + 1);
    const { text, runs } = applyEdits(source, edits.edits);
    if (!LETTER.test(text)) fail('no-content', 'the document holds nothing but page furniture');
    const messages = [...removed].map(([name, times]) => info('clean', `removed-${name}`, `removed ${times} × ${name}`));
    return { patch: { text, runs, scriptProfile }, messages };
  },
};

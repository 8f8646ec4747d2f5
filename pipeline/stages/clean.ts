import { fail, info, need } from '../document.js';
import { BULLET_GLYPH, FURNITURE_INLINE, FURNITURE_LINES, MAX_FURNITURE_LINE } from '../lib/furniture.js';
import { applyEdits, EditSet } from '../lib/offsets.js';
import type { Stage } from './stage.js';

/** A letter (Han or Latin): a text without one after cleaning held nothing but page furniture. */
const LETTER = /[\p{Script=Han}A-Za-z]/u;

/** Control and invisible characters that carry no text: zero-width spaces and joiners, stray BOMs, C0 controls. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\ufffc]/g;

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
    // view of each line, used where conversion keeps the line's length so positions still agree.
    const scriptProfile = context.script.profile(source);
    const simplifiedView = (line: string): string => {
      if (scriptProfile.script === 'simplified') return line;
      const view = context.script.simplify(line);
      return view.length === line.length ? view : line;
    };
    const edits = new EditSet(source.length);
    const removed = new Map<string, number>();
    const count = (name: string): void => void removed.set(name, (removed.get(name) ?? 0) + 1);

    let lineStart = 0;
    while (lineStart <= source.length) {
      let lineEnd = source.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = source.length;
      const hasNewline = lineEnd < source.length;
      const contentEnd = lineEnd > lineStart && source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      const line = simplifiedView(source.slice(lineStart, contentEnd));
      const trimmed = line.trim();
      const furniture =
        trimmed.length > 0 && trimmed.length <= MAX_FURNITURE_LINE
          ? FURNITURE_LINES.find((rule) => rule.pattern.test(trimmed))
          : undefined;
      if (furniture) {
        count(furniture.name);
        edits.add(lineStart, hasNewline ? lineEnd + 1 : lineEnd);
      } else {
        if (contentEnd < lineEnd) edits.add(contentEnd, lineEnd);
        const leading = line.length - line.trimStart().length;
        const bullet = BULLET_GLYPH.exec(line.slice(leading));
        if (bullet) {
          if (edits.add(lineStart + leading, lineStart + leading + bullet[1]!.length)) count('bullet-glyph');
        }
        for (const rule of FURNITURE_INLINE) {
          for (const match of line.matchAll(rule.pattern)) {
            const start = lineStart + match.index;
            const end = start + match[0].length;
            if (edits.add(start, end)) count(rule.name);
          }
        }
        for (const match of line.matchAll(INVISIBLE)) {
          const start = lineStart + match.index;
          edits.add(start, start + 1);
        }
      }
      lineStart = lineEnd + 1;
    }
    const { text, runs } = applyEdits(source, edits.edits);
    if (!LETTER.test(text)) fail('no-content', 'the document holds nothing but page furniture');
    const messages = [...removed].map(([name, times]) => info('clean', `removed-${name}`, `removed ${times} × ${name}`));
    return { patch: { text, runs, scriptProfile }, messages };
  },
};

import { need, warning } from '../document.js';
import { isBmpHan } from '../lib/han.js';
import { applyEdits, compose, EditSet, type Edit, type OffsetRuns, type Rewritten } from '../lib/offsets.js';
import { lineSpans } from '../lib/spans.js';
import type { Span } from '../../schemas/fields.js';
import type { ChineseScript } from '../adapters/opencc.js';
import type { Stage } from './stage.js';

/**
 * Script and width normalisation with an offset map back to the source:
 * 1. traditional → simplified with opencc-js, only when the text is traditional or mixed, or, in a simplified text,
 *    on the lines written in traditional characters (a pasted paragraph), so simplified input comes out unchanged;
 * 2. full-width digits, Latin letters, spaces and ％ folded to ASCII; no-break and other Unicode spaces to a space;
 * 3. layout spaces removed: letter-spaced words (`答     复`, `索 引 号`), spaces at line ends and beside Chinese
 *    punctuation, runs of spaces collapsed; runs of blank lines collapsed to one. Single spaces between words or
 *    fields (`强化师资配备 凸显服务成效`, `23号 A1类`) are real separators and stay.
 */

/** Characters folded one for one: full-width ASCII letters, digits and ％, ideographic and Unicode spaces. */
const FOLDABLE = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\u3000\u00a0\u2002-\u200a\u202f\u205f\t]/g;
/** Punctuation a space is removed before, when a Han character or a closing mark precedes the space. */
const CLOSING_OR_SEPARATING = new Set([...'，。、；：？！”’」』）》,.;:?!)']);
/** Marks that may precede a removable space before punctuation, beside Han characters. */
const CLOSING_MARKS = new Set([...'”’」』）》)']);
/** Punctuation a space is removed after, when Han text follows. */
const OPENING_OR_SEPARATING = new Set([...'，。、；：？！“‘「『（《(,;:']);
/** Three or more line breaks with nothing but spaces between: two or more blank lines. */
const BLANK_LINES = /\n(?: *\n){2,}/g;
/** Runs of spaces, each judged by its neighbours. */
const SPACES = / +/g;

/** Han characters of the BMP (and the surrogates of the supplementary ones: counted as Han, conservatively). */
function isHan(code: number): boolean {
  return isBmpHan(code) || (code >= 0xd840 && code <= 0xd8bf);
}

function fold(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return ' ';
}

/**
 * Edits that remove layout spacing from `text`: the text's own leading and trailing white space, blank lines
 * beyond one, and spaces judged by their neighbours (see the rules above). None overlap.
 */
function spacingEdits(text: string): Edit[] {
  const set = new EditSet(text.length);
  const lead = text.length - text.trimStart().length;
  if (lead > 0) set.add(0, lead);
  const body = text.trimEnd().length;
  if (body < text.length && body >= lead) set.add(body, text.length);
  for (const match of text.matchAll(BLANK_LINES)) {
    const second = text.indexOf('\n', match.index + 1);
    set.add(second + 1, match.index + match[0].length);
  }
  const at = (i: number): number => (i >= 0 && i < text.length ? text.charCodeAt(i) : 10);
  const char = (i: number): string => (i >= 0 && i < text.length ? text[i]! : '\n');
  for (const match of text.matchAll(SPACES)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = at(start - 1);
    const after = at(end);
    const lineEdge = before === 10 || after === 10;
    const letterSpaced = isHan(before) && !isHan(at(start - 2)) && isHan(after) && !isHan(at(end + 1));
    const beforePunct = (isHan(before) || CLOSING_MARKS.has(char(start - 1))) && CLOSING_OR_SEPARATING.has(char(end));
    const afterPunct = OPENING_OR_SEPARATING.has(char(start - 1)) && isHan(after);
    if (lineEdge || letterSpaced || beforePunct || afterPunct) set.add(start, end);
    else if (end - start >= 2) set.add(start + 1, end);
  }
  return set.edits;
}

/**
 * `text` with each of `lines` converted to simplified characters, as edits mapped back through `runs`: a line OpenCC
 * leaves as it is makes no edit, and only a line whose length changes loses its character-level mapping.
 */
function convertLines(text: string, lines: readonly Span[], runs: OffsetRuns, script: ChineseScript): Rewritten {
  const edits: Edit[] = [];
  for (const { start, end } of lines) {
    const line = text.slice(start, end);
    const simplified = script.simplify(line);
    if (simplified !== line) edits.push({ start, end, text: simplified });
  }
  const result = applyEdits(text, edits);
  return { text: result.text, runs: compose(result.runs, runs) };
}

export const normalise: Stage = {
  name: 'normalise',
  run(doc, context) {
    const cleaned = need(doc, 'text', 'normalise');
    const runs = need(doc, 'runs', 'normalise');
    const profile = doc.scriptProfile ?? context.script.profile(cleaned);
    let text = cleaned;
    let mapped = runs;
    // A simplified document may still hold traditional paragraphs: those lines alone are converted.
    const traditionalLines = profile.script === 'simplified' ? context.script.traditionalLines(cleaned, profile) : [];
    const convert = profile.script !== 'simplified' || traditionalLines.length > 0;
    if (traditionalLines.length > 0) ({ text, runs: mapped } = convertLines(cleaned, traditionalLines, runs, context.script));
    else if (convert) {
      const converted = context.script.simplify(cleaned);
      // OpenCC changed a length somewhere: line by line, so only those lines lose their character-level mapping.
      if (converted.length === cleaned.length) text = converted;
      else ({ text, runs: mapped } = convertLines(cleaned, lineSpans(cleaned), runs, context.script));
    }
    text = text.replace(FOLDABLE, fold); // one for one: the map is unchanged
    const spaced = applyEdits(text, spacingEdits(text));
    mapped = compose(spaced.runs, mapped);
    const messages =
      profile.script === 'mixed'
        ? [warning('normalise', 'mixed-script', `traditional and simplified characters mixed (${profile.traditionalOnly} traditional-only, ${profile.simplifiedOnly} simplified-only); converted to simplified`)]
        : traditionalLines.length > 0
          ? [warning('normalise', 'mixed-script', `a simplified text with ${traditionalLines.length} line(s) in traditional characters; those lines converted to simplified`)]
          : [];
    return {
      patch: {
        text: spaced.text,
        runs: mapped,
        script: { original: traditionalLines.length > 0 ? 'mixed' : profile.script, converted: convert },
        // A page title from the HTML head follows a converted text into simplified characters (not a simplified
        // text whose few traditional lines alone were converted).
        ...(profile.script !== 'simplified' && doc.pageTitle ? { pageTitle: context.script.simplify(doc.pageTitle) } : {}),
      },
      messages,
    };
  },
};

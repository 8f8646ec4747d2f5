import { need, warning } from '../document.js';
import { applyEdits, compose, EditSet, type Edit } from '../lib/offsets.js';
import type { Stage } from './stage.js';

/**
 * Script and width normalisation with an offset map back to the source:
 * 1. traditional → simplified with opencc-js, only when the text is traditional or mixed, so simplified input
 *    comes out unchanged;
 * 2. full-width digits, Latin letters, spaces and ％ folded to ASCII; no-break and other Unicode spaces to a space;
 * 3. layout spaces removed: letter-spaced words (`答     复`, `索 引 号`), spaces at line ends and beside Chinese
 *    punctuation, runs of spaces collapsed; runs of blank lines collapsed to one. Single spaces between words or
 *    fields (`强化师资配备 凸显服务成效`, `23号 A1类`) are real separators and stay.
 */

/** Characters folded one for one: full-width ASCII letters, digits and ％, ideographic and Unicode spaces. */
const FOLDABLE = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\u3000\u00a0\u2002-\u200a\u202f\u205f\t]/g;
/** A word spaced out letter by letter: single Han characters separated by spaces, not touching other Han. */
const LETTER_SPACED = /(?<!\p{Script=Han})\p{Script=Han}(?: +\p{Script=Han}(?!\p{Script=Han}))+/gu;
/** Spaces before closing or separating punctuation, Chinese or ASCII, after a Han character or closing mark. */
const SPACE_BEFORE_PUNCT = /(?<=[\p{Script=Han}”’」』）》)]) +(?=[，。、；：？！”’」』）》,.;:?!)])/gu;
/** Spaces after opening or separating punctuation when Han text follows. */
const SPACE_AFTER_PUNCT = /(?<=[，。、；：？！“‘「『（《(,;:]) +(?=\p{Script=Han})/gu;
/** Runs of two or more spaces inside a line. */
const SPACE_RUN = / {2,}/g;
/** Spaces at either end of a line, and three or more line breaks (two or more blank lines). */
const LINE_EDGE_SPACES = /^ +| +$/gm;
const BLANK_LINES = /\n{3,}/g;

function fold(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return ' ';
}

/** Edits that remove layout spacing from `text`, none overlapping. */
function spacingEdits(text: string): Edit[] {
  const set = new EditSet(text.length);
  for (const match of text.matchAll(LINE_EDGE_SPACES)) set.add(match.index, match.index + match[0].length);
  for (const match of text.matchAll(LETTER_SPACED)) {
    for (const gap of match[0].matchAll(/ +/g)) set.add(match.index + gap.index, match.index + gap.index + gap[0].length);
  }
  for (const pattern of [SPACE_BEFORE_PUNCT, SPACE_AFTER_PUNCT]) {
    for (const match of text.matchAll(pattern)) set.add(match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(SPACE_RUN)) set.add(match.index + 1, match.index + match[0].length);
  return set.edits;
}

export const normalise: Stage = {
  name: 'normalise',
  run(doc, context) {
    const cleaned = need(doc, 'text', 'normalise');
    const runs = need(doc, 'runs', 'normalise');
    const profile = doc.scriptProfile ?? context.script.profile(cleaned);
    const convert = profile.script !== 'simplified';
    let text = cleaned;
    let mapped = runs;
    if (convert) {
      const converted = context.script.simplify(cleaned);
      if (converted.length === cleaned.length) {
        text = converted;
      } else {
        // OpenCC changed a length somewhere: convert line by line so only the lines that changed length lose
        // their character-level mapping.
        const edits: Edit[] = [];
        let start = 0;
        for (const line of cleaned.split('\n')) {
          const simplified = context.script.simplify(line);
          if (simplified !== line) edits.push({ start, end: start + line.length, text: simplified });
          start += line.length + 1;
        }
        const result = applyEdits(cleaned, edits);
        text = result.text;
        mapped = compose(result.runs, mapped);
      }
    }
    text = text.replace(FOLDABLE, fold); // one for one: the map is unchanged
    const spaced = applyEdits(text, spacingEdits(text));
    mapped = compose(spaced.runs, mapped);
    const blank = applyEdits(
      spaced.text,
      [...spaced.text.matchAll(BLANK_LINES)].map((m) => ({ start: m.index + 2, end: m.index + m[0].length, text: '' })),
    );
    mapped = compose(blank.runs, mapped);
    const trimmed = blank.text.trim();
    const lead = blank.text.length - blank.text.trimStart().length;
    const edge = applyEdits(blank.text, [
      ...(lead > 0 ? [{ start: 0, end: lead, text: '' }] : []),
      ...(trimmed.length + lead < blank.text.length ? [{ start: lead + trimmed.length, end: blank.text.length, text: '' }] : []),
    ]);
    mapped = compose(edge.runs, mapped);
    const messages =
      profile.script === 'mixed'
        ? [warning('normalise', 'mixed-script', `traditional and simplified characters mixed (${profile.traditionalOnly} traditional-only, ${profile.simplifiedOnly} simplified-only); converted to simplified`)]
        : [];
    return {
      patch: {
        text: edge.text,
        runs: mapped,
        script: { original: profile.script, converted: convert },
        // A page title from the HTML head follows the text into simplified characters.
        ...(convert && doc.pageTitle ? { pageTitle: context.script.simplify(doc.pageTitle) } : {}),
      },
      messages,
    };
  },
};

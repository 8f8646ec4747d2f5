import * as OpenCC from 'opencc-js';
import type { DictGroup } from 'opencc-js';
import type { Span } from '../../schemas/fields.js';
import { lineSpans } from '../lib/spans.js';

/**
 * Script detection and traditional → simplified conversion with opencc-js. Detection counts characters that only
 * one script uses, from sets derived from OpenCC's own dictionaries, so no character list is kept by hand.
 */

export type ScriptName = 'simplified' | 'traditional' | 'mixed';

/** Share of Han characters that must be traditional-only before a text counts as traditional. */
const TRADITIONAL_SHARE = 0.03;
/** Share of simplified-only characters beside that which makes the text mixed rather than traditional. */
const SIMPLIFIED_SHARE_FOR_MIXED = 0.03;
/** Fewest traditional-only characters that count at all: one 著 or 乾 in a simplified page is not a script. */
const MIN_TRADITIONAL_CHARS = 5;

const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;
const TRADITIONAL_ONLY = 1;
const SIMPLIFIED_ONLY = 2;

export interface ScriptProfile {
  script: ScriptName;
  han: number;
  traditionalOnly: number;
  simplifiedOnly: number;
}

/** The last dictionary of each group of a locale chain: OpenCC orders phrases before characters. */
function characterTables(chain: readonly DictGroup[]): DictGroup[] {
  return chain.map((group) => group.slice(-1));
}

export class ChineseScript {
  private readonly toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  /**
   * Simplified → traditional on single characters, for detection only: the character tables of OpenCC's `cn → tw`
   * chain without its 400,000-character phrase table, which costs a quarter second to load and cannot change a
   * character standing alone (the adapter test checks both give the same table).
   */
  private readonly toTraditional = OpenCC.ConverterFactory(...characterTables(OpenCC.Locale.from.cn), ...characterTables(OpenCC.Locale.to.tw));
  /** Per Han code point from HAN_FIRST: TRADITIONAL_ONLY, SIMPLIFIED_ONLY or 0 (shared by both scripts). */
  private readonly kind = new Uint8Array(HAN_LAST - HAN_FIRST + 1);

  constructor() {
    // One conversion of every character on its own line rather than 40,000 calls: no dictionary entry spans a
    // line break, so each line converts exactly as the character alone would.
    const chars = Array.from({ length: HAN_LAST - HAN_FIRST + 1 }, (_, i) => String.fromCharCode(HAN_FIRST + i));
    const joined = chars.join('\n');
    const simplified = this.toSimplified(joined).split('\n');
    const traditional = this.toTraditional(joined).split('\n');
    if (simplified.length !== chars.length || traditional.length !== chars.length) throw new Error('OpenCC changed the line structure of the character table');
    for (let i = 0; i < chars.length; i++) {
      if (simplified[i] !== chars[i]) this.kind[i] = TRADITIONAL_ONLY;
      else if (traditional[i] !== chars[i]) this.kind[i] = SIMPLIFIED_ONLY;
    }
  }

  profile(text: string): ScriptProfile {
    let han = 0;
    let traditionalOnly = 0;
    let simplifiedOnly = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < HAN_FIRST || code > HAN_LAST) continue;
      han++;
      const kind = this.kind[code - HAN_FIRST];
      if (kind === TRADITIONAL_ONLY) traditionalOnly++;
      else if (kind === SIMPLIFIED_ONLY) simplifiedOnly++;
    }
    let script: ScriptName = 'simplified';
    if (traditionalOnly >= MIN_TRADITIONAL_CHARS && traditionalOnly >= han * TRADITIONAL_SHARE) {
      script = simplifiedOnly >= han * SIMPLIFIED_SHARE_FOR_MIXED ? 'mixed' : 'traditional';
    }
    return { script, han, traditionalOnly, simplifiedOnly };
  }

  /**
   * The lines of `text` that are themselves traditional or mixed by the thresholds above: in a simplified document,
   * a paragraph pasted in traditional characters (a quoted notice, a reply from Hong Kong or Taiwan). A line needs
   * MIN_TRADITIONAL_CHARS of its own, so a 著 or 乾 here and there never qualifies one. `profile` is the whole text's:
   * with fewer such characters in all, no line is read.
   */
  traditionalLines(text: string, profile: ScriptProfile = this.profile(text)): Span[] {
    if (profile.traditionalOnly < MIN_TRADITIONAL_CHARS) return [];
    return lineSpans(text).filter(({ start, end }) => end - start >= MIN_TRADITIONAL_CHARS && this.profile(text.slice(start, end)).script !== 'simplified');
  }

  /** Converts traditional (Taiwan and standard forms) to mainland simplified. */
  simplify(text: string): string {
    return this.toSimplified(text);
  }
}

import * as OpenCC from 'opencc-js';

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

export class ChineseScript {
  private readonly toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  private readonly toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  /** Per Han code point from HAN_FIRST: TRADITIONAL_ONLY, SIMPLIFIED_ONLY or 0 (shared by both scripts). */
  private readonly kind = new Uint8Array(HAN_LAST - HAN_FIRST + 1);

  constructor() {
    for (let code = HAN_FIRST; code <= HAN_LAST; code++) {
      const char = String.fromCharCode(code);
      if (this.toSimplified(char) !== char) this.kind[code - HAN_FIRST] = TRADITIONAL_ONLY;
      else if (this.toTraditional(char) !== char) this.kind[code - HAN_FIRST] = SIMPLIFIED_ONLY;
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

  /** Converts traditional (Taiwan and standard forms) to mainland simplified. */
  simplify(text: string): string {
    return this.toSimplified(text);
  }
}

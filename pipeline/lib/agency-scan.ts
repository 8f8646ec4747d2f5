/**
 * Character tables behind the agency scan. The rules read closed word lists at candidate positions (the longest
 * function word ending before a head, the place name before it) and scan whole texts for lists of literals.
 * Slicing a substring per candidate length and position dominated the stage's time; these tables rule out most
 * positions and lengths with a load or two, and leave the word sets to confirm the few that remain.
 */

/** Fibonacci hashing of two code units into the top `32 - shift` bits. */
const pairHash = (outer: number, inner: number, shift: number): number => Math.imul((outer << 16) | inner, 0x9e3779b1) >>> shift;
/** The code unit at `at`, or 0 past the text's ends (reading out of bounds would cost optimised code a bail-out). */
const codeAt = (text: string, at: number): number => (at >= 0 && at < text.length ? text.charCodeAt(at) : 0);

/** Buckets per word in the hashed tables: few enough collisions that a look-up seldom tries a length in vain. */
const BUCKETS_PER_WORD = 8;
const MIN_TABLE_BITS = 6;
const tableBits = (words: number): number => Math.max(MIN_TABLE_BITS, Math.ceil(Math.log2(Math.max(1, words * BUCKETS_PER_WORD))));
/** Lengths are bits of a 32-bit mask. */
const MAX_WORD = 31;

/**
 * The lengths a closed list's words may have, given the two characters at one end (the last two for look-ups
 * ending at a position, the first two for look-ups starting at one). A look-up tries only those lengths, so a
 * position no word ends at costs a table load instead of a substring and a hash look-up per length; a hash
 * collision only lets it try a length more, which the word set then refuses.
 */
export class EdgeLengths {
  /** Bit `length` is set when some word of that length (2 to 31) may have these two edge characters. */
  private readonly masks: Uint32Array;
  private readonly shift: number;
  /** Single-character words. */
  private readonly singles: CodeSet;

  constructor(words: Iterable<string>, private readonly fromEnd: boolean) {
    const list = [...words];
    const bits = tableBits(list.length);
    this.masks = new Uint32Array(1 << bits);
    this.shift = 32 - bits;
    let singles = '';
    for (const word of list) {
      if (word.length > MAX_WORD) throw new Error(`EdgeLengths: ${word} is longer than a length mask holds`);
      if (word.length === 1) singles += word;
      else if (word.length > 1) {
        const outer = word.charCodeAt(fromEnd ? word.length - 1 : 0);
        const inner = word.charCodeAt(fromEnd ? word.length - 2 : 1);
        this.masks[pairHash(outer, inner, this.shift)]! |= 1 << word.length;
      }
    }
    this.singles = new CodeSet(singles);
  }

  /** The possible lengths (as a bit mask) of a word ending at `at` (from the end) or starting there. */
  at(text: string, at: number): number {
    const outerAt = this.fromEnd ? at - 1 : at;
    if (outerAt < 0 || outerAt >= text.length) return 0;
    const outer = text.charCodeAt(outerAt);
    const inner = codeAt(text, this.fromEnd ? at - 2 : at + 1);
    return this.masks[pairHash(outer, inner, this.shift)]! | (this.singles.has(outer) ? 2 : 0);
  }
}

/**
 * A scan for a list of literal words that finds what `text.matchAll(new RegExp(words.join('|'), 'g'))` finds:
 * leftmost matches, not overlapping, and at one position the alternative listed first. The stage runs its
 * scans together (LiteralScans); `matches` alone serves callers that scan for one list.
 */
export class LiteralScan {
  /** First code unit → the words opening with it, in list order. */
  readonly byFirst = new Map<number, string[]>();

  constructor(words: readonly string[]) {
    for (const word of words) {
      if (!word) throw new Error('LiteralScan: an empty word would match everywhere');
      const group = this.byFirst.get(word.charCodeAt(0));
      if (group) group.push(word);
      else this.byFirst.set(word.charCodeAt(0), [word]);
    }
  }

  /** Every match, in text order. */
  matches(text: string): LiteralMatches {
    const found: LiteralMatches = { starts: [], words: [] };
    for (let at = 0; at < text.length; ) {
      const group = this.byFirst.get(text.charCodeAt(at));
      const word = group ? firstWordAt(group, text, at) : null;
      if (word === null) at++;
      else {
        found.starts.push(at);
        found.words.push(word);
        at += word.length;
      }
    }
    return found;
  }
}

/** The first of `words` (all opening with the character at `start`) that the text continues with there. */
function firstWordAt(words: readonly string[], text: string, start: number): string | null {
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (start + word.length > text.length) continue;
    let k = 1;
    while (k < word.length && text.charCodeAt(start + k) === word.charCodeAt(k)) k++;
    if (k === word.length) return word;
  }
  return null;
}

/** The matches of one literal scan: starts and words, in text order. */
export interface LiteralMatches {
  starts: number[];
  words: string[];
}

/**
 * Several literal scans in one pass over the text, each with the semantics it has alone (its matches do not
 * overlap each other, but may overlap another scan's). The stage reads gazetteer names, suffix heads, bare function
 * words and list ends; one pass with a table of the scans each character opens replaces a pass per list.
 */
export class LiteralScans {
  /** Code unit → 1 + index of its opener group, or 0 when no scan has a word opening with it. */
  private readonly openers = new Uint16Array(0x10000);
  /** The code units with an opener group, as bits. */
  private readonly openerBits: CodeSet;
  /** Per opener group: the scans with words opening with that character, and (in parallel) those words in list order. */
  private readonly groupScans: number[][] = [];
  private readonly groupWords: (readonly string[])[][] = [];
  /** Per opener group, whether all its words are two characters or longer, so the pair filter applies. */
  private readonly pairOnly: boolean[] = [];
  /** Hashed first two characters of every word: most openers (中, 国, 公 …) are not followed by a word's second. */
  private readonly pairs: Uint8Array;
  private readonly shift: number;

  constructor(private readonly scans: readonly LiteralScan[]) {
    const bits = tableBits(scans.reduce((sum, scan) => sum + [...scan.byFirst.values()].flat().length, 0));
    this.pairs = new Uint8Array(1 << bits);
    this.shift = 32 - bits;
    scans.forEach((scan, k) => {
      for (const [code, words] of scan.byFirst) {
        if (!this.openers[code]) {
          this.openers[code] = this.groupScans.push([]);
          this.groupWords.push([]);
          this.pairOnly.push(true);
        }
        const group = this.openers[code] - 1;
        this.groupScans[group]!.push(k);
        this.groupWords[group]!.push(words);
        for (const word of words) {
          if (word.length < 2) this.pairOnly[group] = false;
          else this.pairs[pairHash(code, word.charCodeAt(1), this.shift)] = 1;
        }
      }
    });
    this.openerBits = new CodeSet(String.fromCharCode(...scans.flatMap((scan) => [...scan.byFirst.keys()])));
  }

  /** Per scan, in the order given, its matches. */
  matches(text: string): LiteralMatches[] {
    const found: LiteralMatches[] = [];
    /** Per scan, where its next match may start (its matches do not overlap). */
    const free: number[] = [];
    for (let k = 0; k < this.scans.length; k++) {
      found.push({ starts: [], words: [] });
      free.push(0);
    }
    // The loop over every character reads only a bit table small enough to stay in the fastest cache (the opener
    // table takes 128 KB); the one character in twelve that opens some word is looked at apart.
    const openerBits = this.openerBits;
    for (let at = 0; at < text.length; at++) if (openerBits.has(text.charCodeAt(at))) this.matchAt(text, at, found, free);
    return found;
  }

  /** The words of each scan starting at `at`, whose character opens a word of some scan. */
  private matchAt(text: string, at: number, found: LiteralMatches[], free: number[]): void {
    const code = text.charCodeAt(at);
    const group = this.openers[code]! - 1;
    if (this.pairOnly[group] && !this.pairs[pairHash(code, codeAt(text, at + 1), this.shift)]) return;
    const scans = this.groupScans[group]!;
    for (let k = 0; k < scans.length; k++) {
      const scan = scans[k]!;
      if (at < free[scan]!) continue;
      const word = firstWordAt(this.groupWords[group]![k]!, text, at);
      if (word === null) continue;
      found[scan]!.starts.push(at);
      found[scan]!.words.push(word);
      free[scan] = at + word.length;
    }
  }
}

/** A set of code units as a bit table: membership without a one-character string or a hash look-up. */
export class CodeSet {
  private readonly bits = new Uint32Array(0x10000 >>> 5);
  constructor(chars: string) {
    for (let k = 0; k < chars.length; k++) {
      const code = chars.charCodeAt(k);
      this.bits[code >>> 5]! |= 1 << (code & 31);
    }
  }
  /** Whether the set holds `code`; false for NaN (a position past the text's end). */
  has(code: number): boolean {
    return code === code && ((this.bits[code >>> 5]! >>> (code & 31)) & 1) === 1;
  }
}

/** The code units of a short list of characters. */
export const codeSet = (chars: string): CodeSet => new CodeSet(chars);


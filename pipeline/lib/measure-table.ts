import type { BayesModel } from './measure-bayes.js';
import { isHanCode } from './han.js';
import { fnv1a } from './hash.js';
import { BIGRAM_PREFIX, type Piece } from './measure-features.js';

/**
 * The scoring tables of fitted models, built once: every feature a model knows, and every lexicon term, looked up
 * in one walk over a piece for all fields at once. Bigrams are found through a dense index of the characters the
 * models know (a character no model has seen breaks the run at once) and an open-addressing hash of index pairs;
 * a word is found by a hash of its characters, then compared in place; each known feature adds its
 * log likelihood ratios to each field's sums. The walk reads the piece's text in place: no string is made for a
 * word or a bigram, and a lexicon term is checked where its first bigram stands.
 */

/** One field's fitted model and its prior lexicon. */
export interface FieldSpec {
  model: BayesModel;
  lexicon: Readonly<Record<string, readonly string[]>>;
}

/** What one piece gives one field: feature sums of log likelihood ratios, known features, lexicon hits. */
export interface ScoreParts {
  sums: number[];
  known: number;
  hits: number[];
}

interface Term {
  text: string;
  field: number;
  labels: number[];
}

/** 2^32 / φ as a 32-bit integer: the multiplier of Fibonacci hashing, written so that no conversion is left to run. */
const FIBONACCI = 0x9e3779b1 | 0;

/** An int-to-int hash: keys and values side by side in one typed array, linear probing, at most a third full (most lookups miss). */
class PairHash {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(size: number) {
    let capacity = 16;
    while (capacity < size * 3) capacity *= 2;
    this.slots = new Int32Array(capacity * 2).fill(-1);
    this.mask = capacity - 1;
  }

  private slotOf(key: number): number {
    return Math.imul(key, FIBONACCI) & this.mask;
  }

  set(key: number, value: number): void {
    let slot = this.slotOf(key);
    while (this.slots[slot * 2] !== -1 && this.slots[slot * 2] !== key) slot = (slot + 1) & this.mask;
    this.slots[slot * 2] = key;
    this.slots[slot * 2 + 1] = value;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const found = this.slots[slot * 2]!;
      if (found === key) return this.slots[slot * 2 + 1]!;
      if (found === -1) return -1;
    }
  }
}

const isBigram = (feature: string): boolean => feature.length === 3 && feature.startsWith(BIGRAM_PREFIX);

/** FNV-1a of text[start, start + length), never -1 (the empty slot of PairHash). */
function wordHash(text: string, start: number, length: number): number {
  const hash = fnv1a(text, start, start + length);
  return hash === -1 ? 0 : hash;
}

export class ScoringTable {
  /** Dense index (from 1) of each character of a known bigram or of the first bigram of a term; 0 for every other code. */
  private readonly charIndex = new Uint16Array(0x10000);
  private readonly stride: number;
  private readonly bigrams: PairHash;
  /**
   * Known words by the hash of their characters: group g is candidates wordFirst[g] .. wordFirst[g + 1] - 1;
   * candidate c is entry wordEntry[c], whose characters are wordChars[wordAt[c] .. wordAt[c + 1]).
   */
  private readonly wordHeads: PairHash;
  private readonly wordFirst: Uint32Array;
  private readonly wordEntry: Uint32Array;
  private readonly wordAt: Uint32Array;
  private readonly wordChars: Uint16Array;
  /**
   * Each entry's log likelihood ratios, sparse: entry e owns positions [first[e], first[e + 1]) of `columns` (a
   * label's column among the labels of every field side by side, `width` in all) and `ratios`. A feature is seen
   * with one or two labels on average, so this adds a few values per feature instead of every label's.
   */
  private readonly first: Uint32Array;
  private readonly columns: Uint8Array;
  private readonly ratios: Float64Array;
  private readonly width: number;
  private readonly offsets: number[] = [];
  /** Per entry, a bit per field that knows it (an entry may be only the first bigram of a lexicon term). */
  private readonly knownBits: Uint8Array;
  /** Per field and label, what each known feature adds besides its ratio: log smoothing minus the log denominator. */
  private readonly bases: number[][];
  private readonly terms: Term[] = [];
  /** Lexicon terms starting with each entry's bigram: entry e's terms are termList[termFirst[e] .. termFirst[e + 1]). */
  private readonly termFirst: Uint32Array;
  private readonly termList: Uint32Array;
  /** Scratch of one scoring (the table serves one thread, one piece at a time): sums, hits, known counts, visit stamps. */
  private readonly sums: Float64Array;
  private readonly hits: Float64Array;
  private readonly known: Float64Array;
  private readonly seenEntry: Uint32Array;
  private readonly seenTerm: Uint32Array;
  private visit = 0;

  constructor(readonly fields: readonly FieldSpec[]) {
    const keys: string[] = [];
    const entryOf = new Map<string, number>();
    const addKey = (key: string): number => entryOf.get(key) ?? (entryOf.set(key, keys.length), keys.push(key) - 1);
    for (const { model } of fields) for (const feature of Object.keys(model.counts)) addKey(feature);
    fields.forEach(({ model, lexicon }, field) => {
      const index = new Map(model.labels.map((label, k) => [label, k]));
      const byTerm = new Map<string, number[]>();
      for (const [label, list] of Object.entries(lexicon)) {
        for (const term of list) {
          if (term.length < 2 || ![...term].every((char) => isHanCode(char.charCodeAt(0)))) throw new Error(`lexicon term "${term}" is not two or more Han characters`);
          const k = index.get(label);
          if (k === undefined) continue;
          const owners = byTerm.get(term) ?? [];
          if (!owners.includes(k)) owners.push(k);
          byTerm.set(term, owners);
        }
      }
      for (const [text, labels] of byTerm) this.terms.push({ text, field, labels });
    });
    const termsAt = new Map<number, number[]>();
    this.terms.forEach((term, t) => {
      const entry = addKey(BIGRAM_PREFIX + term.text.slice(0, 2));
      termsAt.set(entry, [...(termsAt.get(entry) ?? []), t]);
    });
    let chars = 0;
    for (const key of keys) {
      if (!isBigram(key)) continue;
      for (const code of [key.charCodeAt(1), key.charCodeAt(2)]) this.charIndex[code] ||= ++chars;
    }
    this.stride = chars + 1;
    if (this.stride * this.stride > 0x7fffffff) throw new Error(`${chars} characters: more than a bigram key holds`);
    const entries = keys.length;
    this.bigrams = new PairHash(entries);
    const heads = new Map<number, { text: string; entry: number }[]>();
    keys.forEach((key, entry) => {
      if (isBigram(key)) this.bigrams.set(this.charIndex[key.charCodeAt(1)]! * this.stride + this.charIndex[key.charCodeAt(2)]!, entry);
      else {
        const hash = wordHash(key, 0, key.length);
        heads.set(hash, [...(heads.get(hash) ?? []), { text: key, entry }]);
      }
    });
    this.wordHeads = new PairHash(heads.size);
    this.wordFirst = new Uint32Array(heads.size + 1);
    const candidates = [...heads.values()].flat();
    this.wordEntry = Uint32Array.from(candidates, (word) => word.entry);
    this.wordAt = new Uint32Array(candidates.length + 1);
    candidates.forEach((word, c) => (this.wordAt[c + 1] = this.wordAt[c]! + word.text.length));
    this.wordChars = Uint16Array.from(candidates.map((word) => word.text).join(''), (char) => char.charCodeAt(0));
    let next = 0;
    [...heads].forEach(([hash, group], g) => {
      this.wordHeads.set(hash, g);
      this.wordFirst[g + 1] = next += group.length;
    });
    let width = 0;
    for (const { model } of fields) width += this.offsets.push(width) && model.labels.length;
    if (width > 0xff) throw new Error(`${width} labels in all: more than a scoring table holds`);
    this.width = width;
    if (fields.length > 8) throw new Error(`${fields.length} fields: more than a scoring table holds`);
    this.knownBits = new Uint8Array(entries);
    const cells: { column: number; ratio: number }[][] = keys.map(() => []);
    fields.forEach(({ model }, field) => {
      const logSmoothing = Math.log(model.smoothing);
      for (const [feature, pairs] of Object.entries(model.counts)) {
        const entry = entryOf.get(feature)!;
        this.knownBits[entry]! |= 1 << field;
        for (let i = 0; i < pairs.length; i += 2) cells[entry]!.push({ column: this.offsets[field]! + pairs[i]!, ratio: Math.log(pairs[i + 1]! + model.smoothing) - logSmoothing });
      }
    });
    this.termFirst = new Uint32Array(entries + 1);
    for (let entry = 0; entry < entries; entry++) this.termFirst[entry + 1] = this.termFirst[entry]! + (termsAt.get(entry)?.length ?? 0);
    this.termList = Uint32Array.from(keys.flatMap((_, entry) => termsAt.get(entry) ?? []));
    this.first = new Uint32Array(entries + 1);
    cells.forEach((row, entry) => (this.first[entry + 1] = this.first[entry]! + row.length));
    this.columns = new Uint8Array(this.first[entries]!);
    this.ratios = new Float64Array(this.first[entries]!);
    cells.flat().forEach((cell, i) => {
      this.columns[i] = cell.column;
      this.ratios[i] = cell.ratio;
    });
    this.bases = fields.map(({ model }) => model.totals.map((total) => Math.log(model.smoothing) - Math.log(total + model.smoothing * (model.vocabulary + 1))));
    this.sums = new Float64Array(width);
    this.hits = new Float64Array(width);
    this.known = new Float64Array(fields.length);
    this.seenEntry = new Uint32Array(entries);
    this.seenTerm = new Uint32Array(this.terms.length);
  }

  /** Score parts of a piece for every field, in field order. */
  score(piece: Piece): ScoreParts[] {
    if (++this.visit === 0xffffffff) {
      this.seenEntry.fill(0);
      this.seenTerm.fill(0);
      this.visit = 1;
    }
    this.sums.fill(0);
    this.hits.fill(0);
    this.known.fill(0);
    const { text, end, words } = piece;
    // Every word a model knows is a topic word (measure-features.ts), so a word found needs no shape test.
    for (let w = piece.first; w < piece.last; w++) {
      const start = words.starts[w]!;
      const length = words.ends[w]! - start;
      if (length < 2) continue;
      const group = this.wordHeads.get(wordHash(text, start, length));
      if (group < 0) continue;
      for (let c = this.wordFirst[group]!; c < this.wordFirst[group + 1]!; c++) {
        if (this.wordAt[c + 1]! - this.wordAt[c]! === length && this.sameWord(text, start, c)) {
          this.add(this.wordEntry[c]!);
          break;
        }
      }
    }
    let previous = 0;
    for (let i = piece.start; i < end; i++) {
      // Only characters of known bigrams, words and terms are indexed: anything else breaks the run, and a pair that
      // is no known bigram (a Latin letter heading a word beside a Han character) is simply not found.
      const index = this.charIndex[text.charCodeAt(i)]!;
      if (index !== 0 && previous !== 0) {
        const entry = this.bigrams.get(previous * this.stride + index);
        if (entry >= 0) {
          this.add(entry);
          if (this.termFirst[entry] !== this.termFirst[entry + 1]) this.hitTerms(entry, text, i - 1, end);
        }
      }
      previous = index;
    }
    const parts: ScoreParts[] = [];
    for (let f = 0; f < this.fields.length; f++) {
      const from = this.offsets[f]!;
      const base = this.bases[f]!;
      const known = this.known[f]!;
      const sums = new Array<number>(base.length);
      const hits = new Array<number>(base.length);
      for (let k = 0; k < base.length; k++) {
        sums[k] = this.sums[from + k]! + known * base[k]!;
        hits[k] = this.hits[from + k]!;
      }
      parts.push({ sums, known, hits });
    }
    return parts;
  }

  /** Whether candidate word `c` stands in `text` at `start` (its length already checked). */
  private sameWord(text: string, start: number, c: number): boolean {
    for (let i = this.wordAt[c]!, at = start; i < this.wordAt[c + 1]!; i++, at++) if (text.charCodeAt(at) !== this.wordChars[i]) return false;
    return true;
  }

  private add(entry: number): void {
    if (this.seenEntry[entry] === this.visit) return;
    this.seenEntry[entry] = this.visit;
    const { columns, ratios, sums, known } = this;
    const bits = this.knownBits[entry]!;
    for (let f = 0; f < known.length; f++) known[f]! += (bits >> f) & 1;
    for (let at = this.first[entry]!, stop = this.first[entry + 1]!; at < stop; at++) sums[columns[at]!]! += ratios[at]!;
  }

  private hitTerms(entry: number, text: string, at: number, end: number): void {
    for (let c = this.termFirst[entry]!; c < this.termFirst[entry + 1]!; c++) {
      const t = this.termList[c]!;
      const term = this.terms[t]!;
      if (this.seenTerm[t] === this.visit || at + term.text.length > end || !text.startsWith(term.text, at)) continue;
      this.seenTerm[t] = this.visit;
      const from = this.offsets[term.field]!;
      for (const k of term.labels) this.hits[from + k]! += term.text.length / 2;
    }
  }
}

import { fnv1a } from './hash.js';

/**
 * jieba's IDF table (`word value` per line, 260,000 lines) as a lookup over the file's own text: an open-addressing
 * hash of its entries, with the words compared in place. Building a `Map` of 260,000 strings cost a quarter second
 * of every thread's start-up for the few dozen lookups a document makes; this reads the text once (about 0.1 s,
 * most of it parsing the values and sorting them for the median).
 * A word listed twice takes its last value, as `Map.set` would.
 */
export class IdfTable {
  /** Per entry: where its word starts and ends in the text, and its value. */
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly values: Float64Array;
  /** Open-addressing slots: entry index + 1, 0 for empty; a power of two at least twice the entries. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Distinct words. */
  readonly size: number;
  /** Every line's value, duplicates included, sorted ascending (for the median and the maximum). */
  readonly sortedValues: Float64Array;

  constructor(private readonly text: string) {
    let lines = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
    lines++;
    this.starts = new Uint32Array(lines);
    this.ends = new Uint32Array(lines);
    this.values = new Float64Array(lines);
    let capacity = 1;
    while (capacity < lines * 2) capacity <<= 1;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    const all = new Float64Array(lines);
    let count = 0;
    let entries = 0;
    for (let lineStart = 0; lineStart <= text.length; ) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      const space = text.lastIndexOf(' ', lineEnd - 1);
      if (space > lineStart) {
        const value = Number(text.slice(space + 1, lineEnd));
        all[count++] = value;
        const slot = this.find(text, lineStart, space);
        if (this.slots[slot] !== 0) this.values[this.slots[slot]! - 1] = value;
        else {
          this.starts[entries] = lineStart;
          this.ends[entries] = space;
          this.values[entries] = value;
          this.slots[slot] = ++entries;
        }
      }
      lineStart = lineEnd + 1;
    }
    this.size = entries;
    this.sortedValues = all.subarray(0, count).sort();
  }

  /** The value of `word`, or undefined when the table does not list it. */
  get(word: string): number | undefined {
    const entry = this.slots[this.find(word, 0, word.length)]!;
    return entry === 0 ? undefined : this.values[entry - 1];
  }

  /** The slot holding `source[start, end)`, or the empty slot where it would go. */
  private find(source: string, start: number, end: number): number {
    for (let slot = fnv1a(source, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0 || this.holds(entry - 1, source, start, end)) return slot;
    }
  }

  private holds(entry: number, source: string, start: number, end: number): boolean {
    const from = this.starts[entry]!;
    if (this.ends[entry]! - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.text.charCodeAt(from + i) !== source.charCodeAt(start + i)) return false;
    return true;
  }
}

import { lowerBound } from './search.js';

/**
 * The words of a text as the segmenter gave them, stored as offsets only: two typed arrays of start and end
 * offsets into the text, not one string or object per word. A 50 MB corpus has tens of millions of words, and
 * keeping a string each alive until the record is written costs more garbage collection than segmenting.
 */
export interface Token {
  word: string;
  start: number;
  end: number;
}

export class Words {
  constructor(
    private readonly text: string,
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
  ) {}

  get length(): number {
    return this.starts.length;
  }

  word(i: number): string {
    return this.text.slice(this.starts[i]!, this.ends[i]!);
  }

  token(i: number): Token {
    return { word: this.word(i), start: this.starts[i]!, end: this.ends[i]! };
  }

  /** All words, in order. */
  get list(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.word(i));
  }

  /** The words lying wholly inside `[start, end)`, in order. */
  between(start: number, end: number): string[] {
    const words: string[] = [];
    for (let i = lowerBound(this.starts, start); i < this.length && this.ends[i]! <= end; i++) words.push(this.word(i));
    return words;
  }

  *[Symbol.iterator](): IterableIterator<Token> {
    for (let i = 0; i < this.length; i++) yield this.token(i);
  }
}

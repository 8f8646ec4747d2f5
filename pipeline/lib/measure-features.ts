/**
 * Features of a measure for the category and instrument classifiers: the segmenter's words (two characters or
 * more, Han or Latin letters, at least one Han) and the Han character bigrams of the text, so that a word the
 * segmenter cuts differently in another document still shares bigrams with its training examples. One visitor
 * walks them for training (as strings) and for prediction (as table lookups), so both always see the same
 * features. Pure.
 */
import { isHanCode } from './han.js';
import { lowerBound, upperBound } from './search.js';

/** The segmenter's words of a text as sorted offset arrays: the shape of `doc.tokens` (lib/words.ts). */
export interface WordOffsets {
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
}

/**
 * A piece of text to classify, `text.slice(start, end)`, and the words lying wholly inside it: words `first` to
 * `last` (exclusive) of `words`. Offsets only, so that a piece costs no string until a feature needs one.
 */
export interface Piece {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly words: WordOffsets;
  readonly first: number;
  readonly last: number;
}

/** The piece of `[start, end)` of a text whose words are `words`: binary searches, no copy. */
export function pieceOf(text: string, words: WordOffsets, start: number, end: number): Piece {
  const first = lowerBound(words.starts, start);
  return { text, start, end, words, first, last: Math.max(first, upperBound(words.ends, end, first)) };
}

/** Offsets of `tokens` in `text`, each found at or after the end of the one before (a token not found is skipped). */
export function wordOffsetsOf(text: string, tokens: readonly string[]): WordOffsets {
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    const at = text.indexOf(token, offset);
    if (at < 0 || token.length === 0) continue;
    starts.push(at);
    ends.push((offset = at + token.length));
  }
  return { starts, ends };
}

/** A piece that is a whole string with its words, for texts given alone (a gold measure not found in its document, tests). */
export const wholePiece = (text: string, tokens: readonly string[]): Piece => pieceOf(text, wordOffsetsOf(text, tokens), 0, text.length);

/** Prefix that keeps bigram features apart from words of the same spelling. */
export const BIGRAM_PREFIX = '#';

const isLatin = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** A word worth counting: two or more characters, Han or Latin only, at least one Han. Digits and punctuation say nothing of topic. */
export function isTopicWord(word: string): boolean {
  if (word.length < 2) return false;
  let han = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isHanCode(code)) han = true;
    else if (!isLatin(code)) return false;
  }
  return han;
}

/** Number key of a bigram of two UTF-16 code units. */
export const bigramKey = (first: number, second: number): number => first * 0x10000 + second;

/** Receives the features of a piece, each distinct feature once. */
export interface FeatureVisitor {
  word(word: string): void;
  bigram(key: number): void;
}

/** Walks the distinct features of a piece: its topic words, then the bigrams of its Han runs (BMP characters). */
export function visitFeatures(piece: Piece, visitor: FeatureVisitor): void {
  const words = new Set<string>();
  for (let w = piece.first; w < piece.last; w++) {
    const token = piece.text.slice(piece.words.starts[w]!, piece.words.ends[w]!);
    if (isTopicWord(token) && !words.has(token)) {
      words.add(token);
      visitor.word(token);
    }
  }
  const bigrams = new Set<number>();
  const { text, end } = piece;
  let previous = -1;
  for (let i = piece.start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isHanCode(code)) {
      previous = -1;
      continue;
    }
    if (previous >= 0) {
      const key = bigramKey(previous, code);
      if (!bigrams.has(key)) {
        bigrams.add(key);
        visitor.bigram(key);
      }
    }
    previous = code;
  }
}

/** The distinct features of a piece as strings: words, then `#`-prefixed bigrams. What the model's tables are keyed by. */
export function pieceFeatures(piece: Piece): string[] {
  const features: string[] = [];
  visitFeatures(piece, {
    word: (word) => features.push(word),
    bigram: (key) => features.push(BIGRAM_PREFIX + String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000)),
  });
  return features;
}

/** The distinct features of a text with its words. */
export const measureFeatures = (text: string, tokens: readonly string[]): string[] => pieceFeatures(wholePiece(text, tokens));

/**
 * Features of a measure for the category and instrument classifiers: the segmenter's words (two characters or
 * more, with at least one Han character) and the Han character bigrams of the text, so that a word the segmenter
 * cuts differently in another document still shares bigrams with its training examples. Pure.
 */

/** A word worth counting: two or more characters, at least one Han. Digits and punctuation say nothing of topic. */
const WORD_SHAPE = /^(?=.*\p{Script=Han})[\p{Script=Han}A-Za-z]{2,}$/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Prefix that keeps bigram features apart from words of the same spelling. */
export const BIGRAM_PREFIX = '#';

/** The distinct features of a text: words from `tokens`, then character bigrams of its Han runs. */
export function measureFeatures(text: string, tokens: readonly string[]): string[] {
  const features = new Set<string>();
  for (const token of tokens) {
    const word = token.trim();
    if (WORD_SHAPE.test(word)) features.add(word);
  }
  for (const run of text.match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) features.add(BIGRAM_PREFIX + run.slice(i, i + 2));
  }
  return [...features];
}

/**
 * Lexicon hits of `text`: the distinct terms of `lexicon` found in it, each counting half its length, since a
 * longer term is more specific (职业教育 2, 课堂 1).
 */
export function lexiconHits(text: string, lexicon: readonly string[]): number {
  let hits = 0;
  for (const term of lexicon) if (text.includes(term)) hits += term.length / 2;
  return hits;
}

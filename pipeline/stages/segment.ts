import { need, warning, type Token } from '../document.js';
import { splitSentences } from '../lib/sentences.js';
import type { Stage } from './stage.js';

/** How many keywords a record keeps. */
const KEYWORD_COUNT = 20;
/** A keyword has at least two characters and at least one Han character. */
const KEYWORD_SHAPE = /^(?=.*\p{Script=Han})[\p{Script=Han}A-Za-z]{2,}$/u;

/**
 * Sentences, words and keywords. Words come from nodejieba with HMM and the domain dictionary, with offsets
 * into `text`; keywords are ranked by TF-IDF against jieba's IDF table, so a run needs no second pass over the corpus.
 */
export const segment: Stage = {
  name: 'segment',
  run(doc, context) {
    const text = need(doc, 'text', 'segment');
    const { segmenter } = context;
    const words = segmenter.cut(text);
    const tokens: Token[] = new Array(words.length);
    let offset = 0;
    const messages = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      let start = offset;
      if (text.startsWith(word, offset) === false) {
        // jieba dropped or altered characters: realign on the next occurrence rather than drift.
        const found = text.indexOf(word, offset);
        if (found === -1) continue;
        start = found;
      }
      tokens[i] = { word, start, end: start + word.length };
      offset = start + word.length;
    }
    const aligned = tokens.filter(Boolean);
    if (aligned.length !== words.length) {
      messages.push(warning('segment', 'token-alignment', `${words.length - aligned.length} words could not be aligned to the text`));
    }

    const frequency = new Map<string, number>();
    for (const { word } of aligned) {
      if (!KEYWORD_SHAPE.test(word) || segmenter.stopWords.has(word)) continue;
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
    const total = aligned.length || 1;
    const keywords = [...frequency]
      .map(([word, count]) => ({ word, weight: (count / total) * (segmenter.idf.get(word) ?? segmenter.defaultIdf) }))
      .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
      .slice(0, KEYWORD_COUNT)
      .map(({ word, weight }) => ({ word, weight: Math.round(weight * 1e6) / 1e6 }));

    return { patch: { sentences: splitSentences(text), tokens: aligned, keywords }, messages };
  },
};

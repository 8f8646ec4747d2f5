import { need, warning } from '../document.js';
import { isBmpHan } from '../lib/han.js';
import { splitSentences } from '../lib/sentences.js';
import { Words } from '../lib/words.js';
import type { Segmenter } from '../adapters/jieba.js';
import type { Stage } from './stage.js';

/** How many keywords a record keeps. */
const KEYWORD_COUNT = 20;

/**
 * Whether a word can be a keyword: two or more letters, Han or Latin only, at least one Han. A loop, because a
 * Unicode regex per word costs more than the counting.
 */
function keywordShaped(word: string): boolean {
  if (word.length < 2) return false;
  let han = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isBmpHan(code)) han = true;
    else if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))) return false;
  }
  return han;
}

interface Keyword {
  word: string;
  weight: number;
}

/** Whether `a` ranks above `b`: higher weight first, then the word in code-unit order, so ties are stable. */
const ranksAbove = (a: Keyword, b: Keyword): boolean => a.weight > b.weight || (a.weight === b.weight && a.word < b.word);

/**
 * The KEYWORD_COUNT best words by TF-IDF, best first. Words are taken by count, most frequent first, into a short
 * sorted list; once even the highest IDF could not lift a word of the next count above the last kept keyword, the
 * rest are skipped unread. A long reply has a thousand or more distinct words, most of them once, and an IDF
 * lookup in a 260,000-word table costs a cache miss each.
 */
function topKeywords(frequency: ReadonlyMap<string, number>, total: number, segmenter: Segmenter): Keyword[] {
  const byCount: string[][] = [];
  for (const [word, count] of frequency) (byCount[count] ??= []).push(word);
  const top: Keyword[] = [];
  for (let count = byCount.length - 1; count > 0; count--) {
    const words = byCount[count];
    if (!words) continue;
    if (top.length === KEYWORD_COUNT && (count / total) * segmenter.maxIdf < top[KEYWORD_COUNT - 1]!.weight) break;
    for (const word of words) {
      if (segmenter.stopWords.has(word)) continue;
      const candidate = { word, weight: (count / total) * (segmenter.idf.get(word) ?? segmenter.defaultIdf) };
      if (top.length === KEYWORD_COUNT && !ranksAbove(candidate, top[KEYWORD_COUNT - 1]!)) continue;
      let i = Math.min(top.length, KEYWORD_COUNT - 1);
      while (i > 0 && ranksAbove(candidate, top[i - 1]!)) {
        top[i] = top[i - 1]!;
        i--;
      }
      top[i] = candidate;
    }
  }
  return top;
}

/**
 * Sentences, words and keywords. Words come from nodejieba with HMM and the domain dictionary, with offsets
 * into `text`; keywords are ranked by TF-IDF against jieba's IDF table, so a run needs no second pass over the corpus.
 */
export const segment: Stage = {
  name: 'segment',
  run(doc, context) {
    const text = need(doc, 'text', 'segment');
    const { segmenter } = context;
    const cut = segmenter.cut(text);
    const starts = new Uint32Array(cut.length);
    const ends = new Uint32Array(cut.length);
    const frequency = new Map<string, number>();
    let count = 0;
    let offset = 0;
    for (const word of cut) {
      if (keywordShaped(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
      let start = offset;
      if (!text.startsWith(word, offset)) {
        // jieba dropped or altered characters: realign on the next occurrence rather than drift.
        const found = text.indexOf(word, offset);
        if (found === -1) continue;
        start = found;
      }
      starts[count] = start;
      ends[count] = offset = start + word.length;
      count++;
    }
    const messages = count === cut.length ? [] : [warning('segment', 'token-alignment', `${cut.length - count} words could not be aligned to the text`)];
    const keywords = topKeywords(frequency, count || 1, segmenter).map(({ word, weight }) => ({ word, weight: Math.round(weight * 1e6) / 1e6 }));

    const tokens = count === cut.length ? new Words(text, starts, ends) : new Words(text, starts.slice(0, count), ends.slice(0, count));
    return { patch: { sentences: splitSentences(text), tokens, keywords }, messages };
  },
};

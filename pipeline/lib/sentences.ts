import type { Span } from '../../schemas/fields.js';

/** Sentence ends: Chinese and ASCII full stops, question and exclamation marks, semicolons, and line breaks. */
const SENTENCE_END = /[。！？!?；;]+[”’」』)）]*|\n+/g;

/** Splits text into sentence spans, trimmed of white space; empty pieces are dropped. */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
  };
  const slice = text.slice(from, to);
  let start = 0;
  for (const match of slice.matchAll(SENTENCE_END)) {
    const end = match[0].startsWith('\n') ? match.index : match.index + match[0].length;
    push(from + start, from + end);
    start = match.index + match[0].length;
  }
  push(from + start, to);
  return spans;
}

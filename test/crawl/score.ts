/**
 * Character-level F1 of extracted text against the expected text: characters as tokens, white space ignored,
 * matched as multisets (the token F1 of SQuAD with characters for tokens). The bigram variant also checks order
 * locally, so a page whose paragraphs come out shuffled or duplicated cannot pass on its character counts alone.
 */
function counts(tokens: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const token of tokens) map.set(token, (map.get(token) ?? 0) + 1);
  return map;
}

function f1(predicted: string[], expected: string[]): number {
  if (predicted.length === 0 && expected.length === 0) return 1;
  if (predicted.length === 0 || expected.length === 0) return 0;
  const want = counts(expected);
  let overlap = 0;
  for (const [token, n] of counts(predicted)) overlap += Math.min(n, want.get(token) ?? 0);
  const precision = overlap / predicted.length;
  const recall = overlap / expected.length;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

const chars = (text: string): string[] => [...text.replace(/\s+/g, '')];
const bigrams = (text: string): string[] => {
  const list = chars(text);
  return list.slice(1).map((char, i) => list[i]! + char);
};

export function charF1(predicted: string, expected: string): number {
  return f1(chars(predicted), chars(expected));
}

export function bigramF1(predicted: string, expected: string): number {
  return f1(bigrams(predicted), bigrams(expected));
}

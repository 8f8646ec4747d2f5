/** Comparison rules of the evaluation, after ANNOTATION.md: white space and full/half width do not count. */

const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** The form two strings are compared in: no white space, full-width ASCII folded to half width. */
export function comparable(text: string): string {
  return text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, '');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = [...comparable(text)];
  if (chars.length === 1) counts.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of the character-bigram multisets of two strings (1 for equal strings, 0 for disjoint). */
export function diceBigram(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const count of ga.values()) sizeA += count;
  for (const [gram, count] of gb) {
    sizeB += count;
    shared += Math.min(count, ga.get(gram) ?? 0);
  }
  return sizeA + sizeB === 0 ? 1 : (2 * shared) / (sizeA + sizeB);
}

/** Equality of number values: numbers within a relative 1e-9, ranges element-wise, times as strings. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a === 'string' && typeof b === 'string') return comparable(a) === comparable(b);
  return false;
}

/** Equality of optional strings under `comparable`; null only equals null. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return comparable(a) === comparable(b);
}

/**
 * One-to-one matching: every pair that `score` rates at or above `threshold` is a candidate; candidates are taken
 * best first (ties in text order), each item at most once. Returns pairs `[goldIndex, predictedIndex]`.
 */
export function matchPairs<G, P>(gold: readonly G[], predicted: readonly P[], score: (g: G, p: P) => number, threshold: number): [number, number][] {
  const candidates: [number, number, number][] = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const s = score(g, p);
      if (s >= threshold) candidates.push([s, gi, pi]);
    }),
  );
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, gi, pi] of candidates) {
    if (usedGold.has(gi) || usedPredicted.has(pi)) continue;
    usedGold.add(gi);
    usedPredicted.add(pi);
    pairs.push([gi, pi]);
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}

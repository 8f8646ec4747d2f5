import { describe, expect, it } from 'vitest';
import { lowerBound, upperBound } from '../../pipeline/lib/search.js';

/** Ascending lists with repeats, as word offsets and mention offsets are, from a fixed seed. */
function sortedLists(): number[][] {
  let state = 7;
  const next = (): number => (state = (state * 1103515245 + 12345) >>> 0) >>> 16;
  return [[], [5], [5, 5, 5], ...Array.from({ length: 40 }, (_, k) => Array.from({ length: k }, () => next() % 20).sort((a, b) => a - b))];
}

describe('lowerBound and upperBound', () => {
  it('find the first value at least, and above, every probe, as a linear scan does, in arrays and typed arrays', () => {
    for (const list of sortedLists()) {
      for (const values of [list, Uint32Array.from(list)]) {
        for (let probe = -1; probe <= 21; probe++) {
          for (const from of [0, list.length >> 1]) {
            const scan = (above: (value: number) => boolean): number => {
              for (let i = from; i < list.length; i++) if (above(list[i]!)) return i;
              return list.length;
            };
            expect(lowerBound(values, probe, from)).toBe(scan((value) => value >= probe));
            expect(upperBound(values, probe, from)).toBe(scan((value) => value > probe));
          }
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { applyEdits, compose, EditSet, identityRuns, spanToSource, toSource, type Edit, type OffsetRuns } from '../../pipeline/lib/offsets.js';
import { seedLines, SIMPLIFIED_SEEDS } from '../support/seeds.js';

/** A small deterministic PRNG (mulberry32), so property checks are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random non-overlapping edits over a text: deletions, same-length and different-length replacements, inserts. */
function randomEdits(text: string, next: () => number): Edit[] {
  const set = new EditSet(text.length);
  const count = Math.floor(next() * 8);
  for (let i = 0; i < count; i++) {
    const start = Math.floor(next() * (text.length + 1));
    const end = Math.min(text.length, start + Math.floor(next() * 4));
    const kind = Math.floor(next() * 4);
    const replacement = kind === 0 ? '' : kind === 1 ? 'X'.repeat(end - start) : kind === 2 ? 'YY' : 'Z';
    if (start === end && replacement === '') continue;
    set.add(start, end, replacement);
  }
  return set.edits;
}

/**
 * Checks the map invariants: runs cover the derived text in order without gaps; equal-length runs copy the source
 * character for character unless they came from a same-length replacement (only 'X' here).
 */
function checkRuns(derived: string, source: string, runs: OffsetRuns): void {
  let out = 0;
  let lastSource = 0;
  for (const [outStart, srcStart, outLength, srcLength] of runs) {
    expect(outStart).toBe(out);
    expect(srcStart).toBeGreaterThanOrEqual(lastSource);
    expect(srcStart + srcLength).toBeLessThanOrEqual(source.length);
    if (outLength === srcLength) {
      const piece = derived.slice(outStart, outStart + outLength);
      const original = source.slice(srcStart, srcStart + srcLength);
      for (let i = 0; i < piece.length; i++) if (!'XYZ'.includes(piece[i]!)) expect(piece[i]).toBe(original[i]);
    }
    out += outLength;
    lastSource = srcStart;
  }
  expect(out).toBe(derived.length);
}

describe('applyEdits', () => {
  const line = '索 引 号: 13502/2022-25477';

  it('deletes and replaces, keeping untouched text mapped character by character', () => {
    const { text, runs } = applyEdits(line, [
      { start: 1, end: 2, text: '' },
      { start: 3, end: 4, text: '' },
    ]);
    expect(text).toBe('索引号: 13502/2022-25477');
    expect(toSource(runs, text.indexOf('号'))).toBe(line.indexOf('号'));
    expect(toSource(runs, text.indexOf('13502'))).toBe(line.indexOf('13502'));
    const [from, to] = spanToSource(runs, text.indexOf('13502'), text.length);
    expect(line.slice(from, to)).toBe('13502/2022-25477');
  });

  it('accepts edits in any order and refuses overlapping ones', () => {
    const forward = applyEdits(line, [
      { start: 1, end: 2, text: '' },
      { start: 3, end: 4, text: '' },
    ]);
    const backward = applyEdits(line, [
      { start: 3, end: 4, text: '' },
      { start: 1, end: 2, text: '' },
    ]);
    expect(backward).toEqual(forward);
    expect(() => applyEdits(line, [{ start: 0, end: 3, text: '' }, { start: 2, end: 5, text: '' }])).toThrow(RangeError);
  });

  it('maps a replacement of another length only as a whole', () => {
    const source = '關於基層教師';
    const { text, runs } = applyEdits(source, [{ start: 0, end: 2, text: '关于关于' }]);
    expect(text).toBe('关于关于基層教師');
    expect(spanToSource(runs, 1, 3)).toEqual([0, 2]);
    expect(toSource(runs, text.indexOf('基'))).toBe(source.indexOf('基'));
  });

  it('returns the identity map without edits', () => {
    expect(applyEdits('答复', [])).toEqual({ text: '答复', runs: [[0, 0, 2, 2]] });
    expect(identityRuns(0)).toEqual([]);
  });
});

describe('toSource and spanToSource', () => {
  it('maps the end of a span to the end of the last character, not the start of the next run', () => {
    // '答     复' → '答复': the span of the whole word ends right after 复, which sits after the removed gap.
    const source = '答     复。';
    const { text, runs } = applyEdits(source, [{ start: 1, end: 6, text: '' }]);
    expect(text).toBe('答复。');
    expect(spanToSource(runs, 0, 1)).toEqual([0, 1]);
    expect(spanToSource(runs, 0, 2)).toEqual([0, 7]);
    expect(spanToSource(runs, 1, 3)).toEqual([6, 8]);
  });

  it('maps an empty span to one point', () => {
    const { runs } = applyEdits('甲 乙', [{ start: 1, end: 2, text: '' }]);
    expect(spanToSource(runs, 1, 1)).toEqual([2, 2]);
    expect(toSource([], 5)).toBe(0);
  });
});

describe('compose', () => {
  it('chains two rewrites so offsets lead back to the first text', () => {
    const original = '  n组织领导强。  课后服务工作以各旗县区政府为主导';
    const first = applyEdits(original, [
      { start: 0, end: 2, text: '' },
      { start: 2, end: 3, text: '' },
    ]);
    expect(first.text).toBe('组织领导强。  课后服务工作以各旗县区政府为主导');
    const second = applyEdits(first.text, [{ start: 6, end: 8, text: '' }]);
    expect(second.text).toBe('组织领导强。课后服务工作以各旗县区政府为主导');
    const runs = compose(second.runs, first.runs);
    const at = second.text.indexOf('课后服务');
    const [from, to] = spanToSource(runs, at, at + 4);
    expect(original.slice(from, to)).toBe('课后服务');
    expect(original.slice(...spanToSource(runs, 0, 6))).toBe('组织领导强。');
  });

  it('keeps the invariants over random chains of edits on seed lines', () => {
    const next = random(20240521);
    const lines = SIMPLIFIED_SEEDS.flatMap((name) => seedLines(name).filter((line) => line.trim().length > 20).slice(0, 8));
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      const sample = line.slice(0, 60);
      const a = applyEdits(sample, randomEdits(sample, next));
      const b = applyEdits(a.text, randomEdits(a.text, next));
      const c = applyEdits(b.text, randomEdits(b.text, next));
      checkRuns(a.text, sample, a.runs);
      const ab = compose(b.runs, a.runs);
      checkRuns(b.text, sample, ab);
      const abc = compose(c.runs, ab);
      checkRuns(c.text, sample, abc);
      // A span of untouched characters maps back to the same characters.
      for (let start = 0; start < c.text.length; start += 3) {
        const end = Math.min(c.text.length, start + 4);
        const piece = c.text.slice(start, end);
        if (/[XYZ]/.test(piece)) continue;
        const [from, to] = spanToSource(abc, start, end);
        if (to - from === piece.length) expect(sample.slice(from, to)).toBe(piece);
        else expect(isSubsequence(piece, sample.slice(from, to)), `${piece} in ${sample.slice(from, to)}`).toBe(true);
      }
    }
  });
});

/** Whether the characters of `part` appear in `whole` in order (a span over a deletion maps to a longer source). */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const char of part) {
    at = whole.indexOf(char, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

describe('EditSet', () => {
  it('refuses an edit that overlaps one already claimed, and an insert at a claimed point', () => {
    const set = new EditSet(10);
    expect(set.add(2, 5)).toBe(true);
    expect(set.add(4, 6)).toBe(false);
    expect(set.add(3, 3, 'x')).toBe(false);
    expect(set.add(5, 7)).toBe(true);
    expect(set.add(0, 0, 'y')).toBe(true);
    expect(set.add(0, 0, 'z')).toBe(false);
    expect(set.edits).toEqual([
      { start: 2, end: 5, text: '' },
      { start: 5, end: 7, text: '' },
      { start: 0, end: 0, text: 'y' },
    ]);
  });
});

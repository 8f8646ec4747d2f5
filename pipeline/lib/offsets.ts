/**
 * Offset maps between a derived text and the text it was derived from.
 *
 * A map is a list of runs `[outStart, srcStart, outLength, srcLength]` covering the derived text without gaps.
 * A run with equal lengths maps character by character; an unequal one (a replacement) maps only as a whole.
 * Source text between runs was removed. Stages express their changes as edits; `applyEdits` builds text and map,
 * `compose` chains the maps of successive stages so every offset in the final text leads back to the decoded source.
 */

export type Run = [outStart: number, srcStart: number, outLength: number, srcLength: number];
export type OffsetRuns = Run[];

/** Replace `source[start, end)` with `text` (empty text deletes). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Rewritten {
  text: string;
  runs: OffsetRuns;
}

function pushRun(runs: OffsetRuns, run: Run): void {
  if (run[2] === 0 && run[3] === 0) return;
  const last = runs[runs.length - 1];
  if (
    last &&
    last[2] === last[3] &&
    run[2] === run[3] &&
    last[0] + last[2] === run[0] &&
    last[1] + last[3] === run[1]
  ) {
    last[2] += run[2];
    last[3] += run[3];
    return;
  }
  runs.push(run);
}

/** Identity map of a text of the given length. */
export function identityRuns(length: number): OffsetRuns {
  return length === 0 ? [] : [[0, 0, length, length]];
}

/**
 * Applies edits to `source`. Edits may come in any order but must not overlap; an edit whose replacement has the
 * same length as what it replaces keeps a character-level mapping.
 */
export function applyEdits(source: string, edits: readonly Edit[]): Rewritten {
  if (edits.length === 0) return { text: source, runs: identityRuns(source.length) };
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const runs: OffsetRuns = [];
  let srcPos = 0;
  let outPos = 0;
  for (const edit of sorted) {
    if (edit.start < srcPos) throw new RangeError(`overlapping edit at ${edit.start}`);
    if (edit.start > srcPos) {
      const kept = edit.start - srcPos;
      parts.push(source.slice(srcPos, edit.start));
      pushRun(runs, [outPos, srcPos, kept, kept]);
      outPos += kept;
    }
    if (edit.text.length > 0) {
      parts.push(edit.text);
      pushRun(runs, [outPos, edit.start, edit.text.length, edit.end - edit.start]);
      outPos += edit.text.length;
    }
    srcPos = edit.end;
  }
  if (srcPos < source.length) {
    parts.push(source.slice(srcPos));
    pushRun(runs, [outPos, srcPos, source.length - srcPos, source.length - srcPos]);
  }
  return { text: parts.join(''), runs };
}

/** Index of the run containing output offset `offset` (the last run for the end of text). */
function findRun(runs: OffsetRuns, offset: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]![0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps an offset of the derived text to the source; `side` says whether it opens or closes a span. */
export function toSource(runs: OffsetRuns, offset: number, side: 'start' | 'end' = 'start'): number {
  if (runs.length === 0) return 0;
  const run = runs[findRun(runs, side === 'end' && offset > 0 ? offset - 1 : offset)]!;
  const [outStart, srcStart, outLength, srcLength] = run;
  if (outLength === srcLength) {
    const within = Math.min(Math.max(offset - outStart, 0), outLength);
    return srcStart + within;
  }
  return side === 'start' ? srcStart : srcStart + srcLength;
}

/** Maps a span of the derived text to a span of the source. */
export function spanToSource(runs: OffsetRuns, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = toSource(runs, start, 'start');
    return [at, at];
  }
  return [toSource(runs, start, 'start'), toSource(runs, end, 'end')];
}

/** Chains `outer` (text2 → text1) after `inner` (text1 → text0) into one map text2 → text0. */
export function compose(outer: OffsetRuns, inner: OffsetRuns): OffsetRuns {
  const result: OffsetRuns = [];
  for (const [o2, s1, l2, l1] of outer) {
    if (l2 !== l1 || l1 === 0) {
      const [from, to] = spanToSource(inner, s1, s1 + l1);
      pushRun(result, [o2, from, l2, to - from]);
      continue;
    }
    let index = findRun(inner, s1);
    let pos = s1;
    const stop = s1 + l1;
    while (pos < stop && index < inner.length) {
      const [o1, s0, m1, m0] = inner[index]!;
      const segEnd = Math.min(stop, o1 + m1);
      if (segEnd > pos) {
        const length = segEnd - pos;
        if (m1 === m0) pushRun(result, [o2 + (pos - s1), s0 + (pos - o1), length, length]);
        else pushRun(result, [o2 + (pos - s1), s0, length, m0]);
        pos = segEnd;
      }
      index++;
    }
  }
  return result;
}

/** Collects non-overlapping edits over a text of known length; a claim that overlaps an earlier one is refused. */
export class EditSet {
  private readonly claimed: Uint8Array;
  readonly edits: Edit[] = [];

  constructor(length: number) {
    this.claimed = new Uint8Array(length + 1);
  }

  /** Adds the edit unless it overlaps one already taken; says whether it was added. */
  add(start: number, end: number, text = ''): boolean {
    for (let i = start; i < end; i++) if (this.claimed[i]) return false;
    if (start === end && this.claimed[start]) return false;
    this.claimed.fill(1, start, Math.max(end, start + 1));
    this.edits.push({ start, end, text });
    return true;
  }
}

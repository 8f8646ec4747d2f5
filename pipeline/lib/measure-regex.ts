/**
 * Cheap screens for rule patterns, so that the engine runs only where a pattern could match. Most rules look for
 * a few words a clause seldom holds: a pattern runs only on a span holding one of the characters it requires
 * (requiredChars), which one scan over a table of character codes tells for a whole list of rules at once. A
 * pattern that opens with a lookbehind before a group (`(?<!(解决|缓解)[^,，。]{0,12})(不够…|偏少)`) makes the engine
 * try the lookbehind at every position of the text, ten times the cost of the other rules; the rest of the pattern
 * alone is a necessary condition and scans fast, so it is tried first. The rules stay written the readable way. Pure.
 */

/** Index just past the group opening at `open` (a `(`), skipping escapes and character classes; -1 when unclosed. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The pattern without its leading lookbehind, or null when it has none (or nothing after it). */
export function coreOf(pattern: RegExp): RegExp | null {
  const { source } = pattern;
  if (!source.startsWith('(?<!') && !source.startsWith('(?<=')) return null;
  const end = groupEnd(source, 0);
  if (end < 0 || end === source.length) return null;
  return new RegExp(source.slice(end), pattern.flags.replace(/[gy]/g, ''));
}

/**
 * A table of the characters some patterns require (requiredChars): one scan over a span sets the bit of every
 * pattern one of whose characters the span holds; a pattern whose need is unknown always has its bit.
 */
class CharScreen {
  private readonly table: Uint8Array | Uint32Array;
  private readonly always: number;

  constructor(patterns: readonly RegExp[]) {
    if (patterns.length > 31) throw new Error(`${patterns.length} patterns: more than one screen holds`);
    this.table = patterns.length <= 8 ? new Uint8Array(0x10000) : new Uint32Array(0x10000);
    let always = 0;
    patterns.forEach((pattern, i) => {
      const need = requiredChars(pattern);
      if (!need) always |= 1 << i;
      else for (const code of need) this.table[code]! |= 1 << i;
    });
    this.always = always;
  }

  /** Bits of the patterns that may match inside text[start, end). */
  mask(text: string, start: number, end: number): number {
    let mask = this.always;
    for (let i = start; i < end; i++) mask |= this.table[text.charCodeAt(i)]!;
    return mask;
  }
}

/** A test of text[start, end) (the whole text by default) against `pattern`, as if on that slice alone, screened first. */
export type SpanTest = (text: string, start?: number, end?: number) => boolean;

/** `pattern.test` on a span, screened by its required characters, then by its core when it opens with a lookbehind. */
export function screenedTest(pattern: RegExp): SpanTest {
  const screen = new CharScreen([pattern]);
  const test = coreTest(pattern);
  return (text, start = 0, end = text.length) => screen.mask(text, start, end) !== 0 && test(sliceOf(text, start, end));
}

/** `pattern.test`, with the core tried first when the pattern opens with a lookbehind. */
function coreTest(pattern: RegExp): (text: string) => boolean {
  const core = coreOf(pattern);
  return core ? (text) => core.test(text) && pattern.test(text) : (text) => pattern.test(text);
}

const sliceOf = (text: string, start: number, end: number): string => (start === 0 && end === text.length ? text : text.slice(start, end));

/** The first of `rules` whose pattern tests true on text[start, end) (the whole text by default). */
export function firstRule<R>(rules: readonly R[], patternOf: (rule: R) => RegExp): (text: string, start?: number, end?: number) => R | undefined {
  const screen = new CharScreen(rules.map(patternOf));
  const tests = rules.map((rule) => coreTest(patternOf(rule)));
  return (text, start = 0, end = text.length) => {
    const mask = screen.mask(text, start, end);
    if (mask === 0) return undefined;
    const span = sliceOf(text, start, end);
    for (let i = 0; i < rules.length; i++) if (mask & (1 << i) && tests[i]!(span)) return rules[i];
    return undefined;
  };
}

/**
 * Characters of which every match of a pattern contains at least one: for each branch of an alternation, the
 * smallest set of a part the branch cannot skip (a literal, a group, a plain character class). A text without
 * any of them cannot match, which a scan over a table of character codes tells far faster than the engine trying
 * the pattern at every position. Lookarounds consume nothing and are never counted on; anything this reader does
 * not know (`.`, `\s`, `\p{…}`, a negated class, a backreference) makes a part unknown, and a branch with no known
 * part makes the whole pattern unknown (null): a screen must never reject a text the pattern would match.
 */
export function requiredChars(pattern: RegExp): Set<number> | null {
  if (pattern.flags.includes('i')) return null;
  const { source } = pattern;
  const [need, end] = alternationAt(source, 0);
  return end === source.length ? need : null;
}

type Need = Set<number> | null;

/** Known escapes of single characters; every other escaped letter is a class or an assertion. */
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
/** The widest character range a class may spell out before it counts as unknown. */
const MAX_RANGE = 256;

/** The alternation from `at` up to the `)` closing it (or the end): the union of its branches, null if one is unknown. */
function alternationAt(source: string, at: number): [Need, number] {
  let union: Need = new Set();
  for (;;) {
    const [need, end] = sequenceAt(source, at);
    if (!need) union = null;
    else if (union) for (const code of need) union.add(code);
    if (source[end] !== '|') return [union, end];
    at = end + 1;
  }
}

/** A branch from `at` up to `|`, `)` or the end: the smallest need among its parts it cannot skip. */
function sequenceAt(source: string, at: number): [Need, number] {
  let best: Need = null;
  while (at < source.length && source[at] !== '|' && source[at] !== ')') {
    const [need, end] = atomAt(source, at);
    const [least, after] = quantifierAt(source, end);
    if (need && least > 0 && (!best || need.size < best.size)) best = need;
    at = after;
  }
  return [best, at];
}

/** The least repeat count of the quantifier at `at` (1 when there is none) and the index after it. */
function quantifierAt(source: string, at: number): [number, number] {
  const char = source[at];
  let least = 1;
  let end = at;
  if (char === '?' || char === '*') [least, end] = [0, at + 1];
  else if (char === '+') end = at + 1;
  else if (char === '{') {
    const braces = /^\{([0-9]+)(,[0-9]*)?\}/.exec(source.slice(at));
    if (braces) [least, end] = [Number(braces[1]), at + braces[0].length];
  }
  if (end > at && source[end] === '?') end++; // lazy
  return [least, end];
}

/** One part of a branch at `at`: what it needs (null when unknown or zero-width) and the index after it. */
function atomAt(source: string, at: number): [Need, number] {
  const char = source[at]!;
  if (char === '(') {
    const { head, lookaround } = groupHeadAt(source, at);
    const [need, end] = alternationAt(source, at + head);
    if (source[end] !== ')') throw new Error(`unbalanced group in /${source}/`);
    return [lookaround ? null : need, end + 1];
  }
  if (char === '[') return classAt(source, at);
  if (char === '\\') {
    const [code, end] = escapeAt(source, at);
    return [code === null ? null : new Set([code]), end];
  }
  if (char === '.' || char === '^' || char === '$') return [null, at + 1];
  const code = source.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) return [null, at + 2]; // a supplementary character: not in a BMP table
  return [new Set([code]), at + 1];
}

/** Length of the opening of the group at `at` (`(`, `(?:`, `(?<name>`, a lookaround's) and whether it is a lookaround. */
function groupHeadAt(source: string, at: number): { head: number; lookaround: boolean } {
  const lookaround = /^\(\?<?[=!]/.exec(source.slice(at, at + 4));
  if (lookaround) return { head: lookaround[0].length, lookaround: true };
  return { head: source.startsWith('(?:', at) ? 3 : (/^\(\?<[A-Za-z_][A-Za-z0-9_]*>/.exec(source.slice(at))?.[0].length ?? 1), lookaround: false };
}

/** The code of the escape at `at` when it stands for one character, else null; and the index after it. */
function escapeAt(source: string, at: number): [number | null, number] {
  const letter = source[at + 1]!;
  if (letter === 'p' || letter === 'P') return [null, source.indexOf('}', at) + 1];
  if (letter === 'k') return [null, source.indexOf('>', at) + 1];
  if (letter === 'u' || letter === 'x' || letter === 'c') throw new Error(`unsupported escape \\${letter} in /${source}/`);
  if (CONTROL_ESCAPES[letter]) return [CONTROL_ESCAPES[letter]!.charCodeAt(0), at + 2];
  if (/[A-Za-z0-9]/.test(letter)) return [null, at + 2]; // \s, \d, \w, \b, backreferences
  return [letter.charCodeAt(0), at + 2];
}

/** A character class at `at`: its characters, null when negated or when it holds a class escape or a wide range. */
function classAt(source: string, at: number): [Need, number] {
  let i = at + 1;
  let need: Need = source[i] === '^' ? null : new Set();
  if (source[i] === '^') i++;
  let previous: number | null = null;
  while (source[i] !== ']') {
    if (i >= source.length) throw new Error(`unclosed class in /${source}/`);
    let code: number | null;
    if (source[i] === '\\') [code, i] = escapeAt(source, i);
    else if (source[i] === '-' && previous !== null && source[i + 1] !== ']') {
      let last: number | null;
      if (source[i + 1] === '\\') [last, i] = escapeAt(source, i + 1);
      else [last, i] = [source.charCodeAt(i + 1), i + 2];
      if (last === null || last - previous > MAX_RANGE) need = null;
      else for (let c = previous; c <= last; c++) need?.add(c);
      previous = null;
      continue;
    } else [code, i] = [source.charCodeAt(i), i + 1];
    if (code === null || (code >= 0xd800 && code <= 0xdfff)) need = null;
    else need?.add(code);
    previous = code;
  }
  return [need, i + 1];
}

/**
 * Characters a match of a pattern anchored at the start can begin with: the first part of every branch after its
 * `^`, which the branch cannot skip. Null when a branch is not anchored, may match empty, or begins with a part this
 * reader does not know: then any first character may start a match.
 */
export function firstChars(pattern: RegExp): Set<number> | null {
  if (pattern.flags.includes('i') || pattern.flags.includes('m')) return null;
  const { source } = pattern;
  const [first, end] = leadingAlternationAt(source, 0, false);
  return end === source.length ? first : null;
}

/** The alternation from `at` (anchored already when `anchored`): the union of its branches' first characters. */
function leadingAlternationAt(source: string, at: number, anchored: boolean): [Need, number] {
  let union: Need = new Set();
  for (;;) {
    let branchAnchored = anchored;
    while (source[at] === '^') [branchAnchored, at] = [true, at + 1];
    const first = branchAnchored && at < source.length && source[at] !== '|' && source[at] !== ')' ? leadingAtomAt(source, at) : null;
    if (!first) union = null;
    else if (union) for (const code of first) union.add(code);
    const [, end] = sequenceAt(source, at);
    if (source[end] !== '|') return [union, end];
    at = end + 1;
  }
}

/** First characters of the part at `at`, which begins an anchored branch; null when it may be skipped or is unknown. */
function leadingAtomAt(source: string, at: number): Need {
  const [need, end] = atomAt(source, at);
  if (quantifierAt(source, end)[0] === 0) return null;
  if (source[at] !== '(') return need;
  const { head, lookaround } = groupHeadAt(source, at);
  return lookaround ? null : leadingAlternationAt(source, at + head, true)[0];
}

/**
 * `pattern.exec` at the head of text[start, end), reading no more than `window` characters (the pattern must be
 * anchored at the start and read no further: no `$`, lookaheads inside the window). Null at once when the span's
 * first character cannot begin a match (firstChars), which is most clauses for a list of openers.
 */
export function headMatcher(pattern: RegExp, window: number): (text: string, start: number, end: number) => RegExpExecArray | null {
  const first = firstChars(pattern);
  const table = new Uint8Array(0x10000);
  if (first) for (const code of first) table[code] = 1;
  else table.fill(1);
  return (text, start, end) => ((start < end ? table[text.charCodeAt(start)] === 1 : !first) ? pattern.exec(text.slice(start, Math.min(end, start + window))) : null);
}

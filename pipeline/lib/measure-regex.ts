/**
 * A cheap screen for rule patterns. A pattern that opens with a lookbehind before a group
 * (`(?<!(解决|缓解)[^,，。]{0,12})(不够…|偏少)`) makes the engine try the lookbehind at every position of the text,
 * ten times the cost of the other rules; the rest of the pattern alone is a necessary condition and scans fast, so
 * it is tried first. The rules stay written the readable way. Pure.
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

/** `pattern.test`, with the core screened first when the pattern opens with a lookbehind. */
export function screenedTest(pattern: RegExp): (text: string) => boolean {
  const core = coreOf(pattern);
  return core ? (text) => core.test(text) && pattern.test(text) : (text) => pattern.test(text);
}

/** The first of `rules` whose pattern tests true on a text. */
export function firstRule<R>(rules: readonly R[], patternOf: (rule: R) => RegExp): (text: string) => R | undefined {
  const tests = rules.map((rule) => screenedTest(patternOf(rule)));
  return (text) => {
    for (let i = 0; i < rules.length; i++) if (tests[i]!(text)) return rules[i];
    return undefined;
  };
}

/**
 * The unit after a number (`所`, `万元`'s `元`, `个百分点`, `两个半小时`), unless the measure word is the head of
 * another word (`周期`, `项目`, `一门式`). Looked up by the char code of its first character, longest spelling first.
 */
import { FALSE_UNIT_SUFFIXES, FALSE_UNIT_WORDS, UNITS, UNIT_WORDS, type UnitEntry } from './number-lexicon.js';
import { codeAt, codeSet } from './number-chars.js';

const SPACE = 32;
const GE = '个'.charCodeAt(0);
const HALF = '半'.charCodeAt(0);

/** A unit spelling with the false words that begin with it (`周` → `周期`, `周年`), checked where it matches. */
interface UnitSpelling {
  word: string;
  entry: UnitEntry;
  /** Words of FALSE_UNIT_WORDS that extend the spelling by one to three characters. */
  longer: string[];
  /** The characters that follow the spelling in those words: only after one of them is the list read. */
  longerNext: ReadonlySet<number>;
  /** The spelling's second character (-1 for one character), compared before the whole spelling is. */
  second: number;
  /** The spelling is itself a false word: rejected only at the very end of the text, as the sliced lookup did. */
  falseAtEnd: boolean;
}
/** How many characters past a unit a false word may reach (`年一贯` after `年`). */
const FALSE_WORD_REACH = 3;
/** Unit spellings grouped by first char code, longest first, so a lookup tries only the few that can match. */
const UNITS_BY_FIRST = new Map<number, UnitSpelling[]>();
for (const word of UNIT_WORDS) {
  const longer = [...FALSE_UNIT_WORDS].filter((falseWord) => falseWord.startsWith(word) && falseWord.length > word.length && falseWord.length - word.length <= FALSE_WORD_REACH);
  const list = UNITS_BY_FIRST.get(word.charCodeAt(0)) ?? [];
  const longerNext = new Set(longer.map((falseWord) => falseWord.charCodeAt(word.length)));
  list.push({ word, entry: UNITS.get(word)!, longer, longerNext, second: word.length > 1 ? word.charCodeAt(1) : -1, falseAtEnd: FALSE_UNIT_WORDS.has(word) });
  UNITS_BY_FIRST.set(word.charCodeAt(0), list);
}
const isFalseUnitSuffix = codeSet(FALSE_UNIT_SUFFIXES);

export interface UnitMatch {
  entry: UnitEntry;
  /** Where the unit (or the 个 of `个半`) begins, after any spaces. */
  start: number;
  end: number;
  /** `两个半小时`: half a unit added to the number. */
  halfAdded: boolean;
}

/** The unit at `p` (after at most two spaces), unless the measure word is the head of another word (`周期`, `项目`). */
export function matchUnit(text: string, p: number): UnitMatch | null {
  let q = p;
  while (q < text.length && q - p < 2 && text.charCodeAt(q) === SPACE) q++;
  const halfAdded = codeAt(text, q) === GE && codeAt(text, q + 1) === HALF; // 两个半小时
  const from = halfAdded ? q + 2 : q;
  const spellings = UNITS_BY_FIRST.get(codeAt(text, from));
  if (spellings === undefined) return null;
  const second = codeAt(text, from + 1);
  for (let k = 0; k < spellings.length; k++) {
    const spelling = spellings[k]!;
    if ((spelling.second < 0 || spelling.second === second) && text.startsWith(spelling.word, from)) return unitAt(text, spelling, q, from, halfAdded);
  }
  return null;
}

/** The longest spelling found at `from`: the unit, unless the measure word is part of another word. */
function unitAt(text: string, spelling: UnitSpelling, start: number, from: number, halfAdded: boolean): UnitMatch | null {
  const { word, entry } = spelling;
  const end = from + word.length;
  if (halfAdded && entry.kind !== 'duration') return null;
  if (spelling.falseAtEnd && end === text.length) return null;
  const next = codeAt(text, end);
  if (spelling.longerNext.has(next)) for (const falseWord of spelling.longer) if (text.startsWith(falseWord, from)) return null;
  if (isFalseUnitSuffix(next) || (word.length === 1 && next === word.charCodeAt(0))) return null; // 一门式, 一次次
  return { entry: halfAdded ? { unit: entry.unit === '月' ? '个月' : entry.unit, kind: entry.kind } : entry, start, end, halfAdded };
}

/** Characters that can begin a unit where matchUnit looks: a unit's first character, a space before it, 个 of `个半`. */
export const UNIT_OPENERS = `${String.fromCharCode(...UNITS_BY_FIRST.keys())} 个`;

/**
 * The character tables that make the agency scan fast must answer exactly as the plain forms they replace: a regex
 * alternation per word list, a substring per candidate length. Checked on seeded random texts built from the
 * lists' own words, so matches, overlaps and near misses are frequent. No timing here: speed is the benchmark's.
 */
import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../pipeline/adapters/divisions.js';
import { GAZETTEER_SCAN, HEAD_SCAN } from '../../pipeline/lib/agency-find.js';
import { WordSet } from '../../pipeline/lib/agency-grow.js';
import {
  DOC_NUMBER_AFTER, FUNCTION_WORDS, GAZETTEER, LEVEL_SYSTEM, METADATA_ROW, METONYM_WORDS, TIER_PHRASES,
} from '../../pipeline/lib/agency-lexicon.js';
import { LIST_END_SCAN, METONYM_SCAN } from '../../pipeline/lib/agency-lists.js';
import { placeEndingAt, placeIndexFrom, placeStartingAt, WORD_LIKE_NAMES } from '../../pipeline/lib/agency-places.js';
import { CodeSet, LiteralScan, LiteralScans, type LiteralMatches } from '../../pipeline/lib/agency-scan.js';
import { isHanCode } from '../../pipeline/lib/han.js';

/** A small deterministic generator (the tests must not depend on the run). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const places = placeIndexFrom(loadDivisions());
const FILLER = ['的', '和', '、', '，', '。', '市', '县', '区', '省', '局', '部', '委', '会', '“', '”', '\n', 'a', '1', '等'];

/** Texts of words from `pool` with filler between, and now and then a word cut short. */
function texts(pool: readonly string[], seed: number, count = 200): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    let text = '';
    for (let k = 0; k < 30; k++) {
      const word = next() < 0.6 ? pick(pool) : pick(FILLER);
      text += next() < 0.1 ? word.slice(0, -1) : word;
    }
    return text;
  });
}

function byRegex(text: string, words: readonly string[]): LiteralMatches {
  const found: LiteralMatches = { starts: [], words: [] };
  for (const match of text.matchAll(new RegExp(words.join('|'), 'g'))) {
    found.starts.push(match.index);
    found.words.push(match[0]);
  }
  return found;
}

describe('literal scans', () => {
  const lists = {
    gazetteer: Object.keys(GAZETTEER).sort((a, b) => b.length - a.length),
    heads: ['人大常委会', '人民政府', '委员会', '办公室', '部门', '政府', '人大', '局', '部', '委', '室'],
    metonyms: [...METONYM_WORDS],
    listEnds: ['等有关部门', '等部门', '等单位'],
  };
  const pool = Object.values(lists).flat();

  it('find what the regex alternation finds, alone and together', () => {
    const scans = Object.values(lists).map((words) => new LiteralScan(words));
    const together = new LiteralScans(scans);
    for (const text of texts(pool, 1)) {
      const expected = Object.values(lists).map((words) => byRegex(text, words));
      expect(scans.map((scan) => scan.matches(text))).toEqual(expected);
      expect(together.matches(text)).toEqual(expected);
    }
  });

  it('take, at one position, the alternative listed first', () => {
    expect(new LiteralScan(['委', '委员会']).matches('县委员会').words).toEqual(['委']);
    expect(new LiteralScan(['委员会', '委']).matches('县委员会').words).toEqual(['委员会']);
  });

  it('serve the stage as its own lists', () => {
    const together = new LiteralScans([GAZETTEER_SCAN, HEAD_SCAN, METONYM_SCAN, LIST_END_SCAN]);
    for (const text of texts([...pool, '领导小组', '办事处', '处', '司', '等相关单位'], 2, 50)) {
      expect(together.matches(text)).toEqual([GAZETTEER_SCAN, HEAD_SCAN, METONYM_SCAN, LIST_END_SCAN].map((scan) => scan.matches(text)));
    }
  });
});

describe('word and place look-ups', () => {
  /** The plain forms: a substring per length, longest first. */
  function endingAt(words: ReadonlySet<string>, longest: number, text: string, end: number, floor: number, shortest = 1): string | null {
    for (let length = Math.min(longest, end - Math.max(0, floor)); length >= shortest; length--) {
      if (words.has(text.slice(end - length, end))) return text.slice(end - length, end);
    }
    return null;
  }
  function startingAt(words: ReadonlySet<string>, longest: number, text: string, start: number, ceil: number, shortest = 1): string | null {
    for (let length = Math.min(longest, ceil - start); length >= shortest; length--) {
      if (words.has(text.slice(start, start + length))) return text.slice(start, start + length);
    }
    return null;
  }

  it('WordSet finds the longest word ending or starting at every position', () => {
    const list = [...FUNCTION_WORDS, ...TIER_PHRASES, '教', '纪'];
    const words = new WordSet(list);
    const plain = new Set(list);
    for (const text of texts(list, 3, 100)) {
      for (let at = 0; at <= text.length; at++) {
        expect(words.endingAt(text, at, at - 7)).toBe(endingAt(plain, words.longest, text, at, at - 7));
        expect(words.startingAt(text, at, at + 9)).toBe(startingAt(plain, words.longest, text, at, Math.min(text.length, at + 9)));
      }
    }
  });

  /** The plain place look-up: a substring per length, a word-like name only at a boundary or after another place. */
  function plainPlaceEndingAt(text: string, end: number, floor: number): number | null {
    floor = Math.max(0, floor);
    for (let length = Math.min(places.longest, end - floor); length >= 2; length--) {
      const form = text.slice(end - length, end);
      if (!places.forms.has(form)) continue;
      const start = end - length;
      if (WORD_LIKE_NAMES.has(form.slice(0, -1)) && start > 0 && /\p{Script=Han}/u.test(text[start - 1]!)) {
        if (plainPlaceEndingAt(text, start, Math.max(floor, start - places.longest)) === null) continue;
      }
      return start;
    }
    return null;
  }

  it('place look-ups find the longest name at every position', () => {
    const names = [...places.forms.keys()].filter((_, k) => k % 7 === 0).concat([...WORD_LIKE_NAMES].map((stem) => `${stem}县`));
    const forms = new Set(places.forms.keys());
    for (const text of texts(names, 4, 60)) {
      for (let at = 0; at <= text.length; at++) {
        const start = startingAt(forms, places.longest, text, at, text.length, 2);
        expect(placeStartingAt(places, text, at)?.end ?? null).toBe(start === null ? null : at + start.length);
        expect(placeEndingAt(places, text, at, at - 16)?.start ?? null).toBe(plainPlaceEndingAt(text, at, at - 16));
      }
    }
  });
});

describe('character sets', () => {
  it('CodeSet holds exactly its characters and never NaN', () => {
    const set = new CodeSet('的了和“”');
    for (const char of '的了和“”') expect(set.has(char.charCodeAt(0))).toBe(true);
    for (const char of '局部a 1') expect(set.has(char.charCodeAt(0))).toBe(false);
    expect(set.has(''.charCodeAt(0))).toBe(false);
  });

  it('isHanCode agrees with the Unicode property on every code unit', () => {
    const han = /\p{Script=Han}/u;
    for (let code = 0; code < 0x10000; code += 7) expect(isHanCode(code), code.toString(16)).toBe(han.test(String.fromCharCode(code)));
  });
});

describe('the cheap tests run before a regex', () => {
  // The stage tests one character before running these patterns (a colon, a bracket, 级): an edit to a pattern
  // that changes what its matches must hold has to change that test too.
  it('rest on what every match of the pattern holds', () => {
    expect(METADATA_ROW.source).toMatch(/\[:：\]$/);
    expect(DOC_NUMBER_AFTER.source).toContain('\\s*[〔\\[［【﹝〖]\\s*');
    expect(LEVEL_SYSTEM.source).toMatch(/级\$$/);
  });
});

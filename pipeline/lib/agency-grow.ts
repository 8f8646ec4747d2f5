/**
 * Growing an agency leftwards from its head: function words, region and tier prefixes, open topics. Pure text
 * helpers with bounded look-behind, so the scan over a whole document stays linear.
 */
import {
  GENERIC_TIERS, LEVEL_SYSTEM, MAX_TOPIC, NOT_A_TIER, NOT_A_TIER_START, PRONOUN_BEFORE_TIER, TIER_CHARS, TIER_LEVELS,
  TIER_PHRASES, TOPIC_PROTECTED, TOPIC_STOP_CHARS, TOPIC_STOP_WORDS,
} from './agency-lexicon.js';
import { placeEndingAt, placeStartingAt, type Place, type PlaceIndex } from './agency-places.js';
import { codeSet, EdgeLengths } from './agency-scan.js';
import { isHanCode } from './han.js';

export type Level = 'national' | 'province' | 'city' | 'county' | 'unknown';

/** A closed word list with longest-match look-ups ending or starting at a position. */
export class WordSet {
  private readonly words: ReadonlySet<string>;
  readonly longest: number;
  private readonly endings: EdgeLengths;
  private readonly openings: EdgeLengths;
  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.longest = Math.max(0, ...[...this.words].map((word) => word.length));
    this.endings = new EdgeLengths(this.words, true);
    this.openings = new EdgeLengths(this.words, false);
  }
  has(word: string): boolean {
    return this.words.has(word);
  }
  endingAt(text: string, end: number, floor = 0): string | null {
    const lengths = this.endings.at(text, end);
    if (!lengths) return null;
    for (let length = Math.min(this.longest, end - Math.max(0, floor)); length >= 1; length--) {
      if (!((lengths >>> length) & 1)) continue;
      const word = text.slice(end - length, end);
      if (this.words.has(word)) return word;
    }
    return null;
  }
  startingAt(text: string, start: number, ceil = text.length): string | null {
    const lengths = this.openings.at(text, start);
    if (!lengths) return null;
    for (let length = Math.min(this.longest, ceil - start); length >= 1; length--) {
      if (!((lengths >>> length) & 1)) continue;
      const word = text.slice(start, start + length);
      if (this.words.has(word)) return word;
    }
    return null;
  }
}

const HAN = /\p{Script=Han}/u;
export const isHan = (char: string | undefined): boolean => char !== undefined && HAN.test(char);

/** A region or tier prefix in front of a body: a named place (楚雄市, 湖南省岳阳县) or a tier word (市, 旗县区, 同级). */
export interface Region {
  start: number;
  end: number;
  place?: Place | undefined;
  tier?: string | undefined;
}

export interface RegionScan {
  region: Region | null;
  /** A generic tier stood there (各级政府): the body is a bare reference. */
  generic: boolean;
  /** A tier phrase spanning levels stood there (市区校三级), with its text. */
  system: string | null;
  /** The tier was a pronoun's (我市, 本县): not part of the name, but it tells the level. */
  pronounTier: string | null;
}

const tierPhrases = new WordSet(TIER_PHRASES);
const tierChars = codeSet(TIER_CHARS);
/** Every match of LEVEL_SYSTEM ends in 级, so the regex runs only where that character stands. */
const LEVEL_SYSTEM_LAST = '级'.charCodeAt(0);
const LEVEL_SYSTEM_WINDOW = 8;

/** Scans and regions are built in one place each, so every one has the same shape (the JIT's look-ups stay monomorphic). */
const regionScan = (region: Region | null, generic: boolean, system: string | null, pronounTier: string | null): RegionScan => ({ region, generic, system, pronounTier });
const newRegion = (start: number, end: number, place: Place | undefined, tier: string | undefined): Region => ({ start, end, place, tier });

/** The region prefix ending at `end`, looking back no further than `floor`. */
export function regionEndingAt(places: PlaceIndex, text: string, end: number, floor = 0): RegionScan {
  floor = Math.max(0, floor);
  const windowStart = Math.max(floor, end - LEVEL_SYSTEM_WINDOW);
  if (end - 1 >= windowStart && text.charCodeAt(end - 1) === LEVEL_SYSTEM_LAST) {
    const system = LEVEL_SYSTEM.exec(text.slice(windowStart, end));
    if (system) return regionScan(null, false, system[0], null);
  }
  let start = end;
  let place: Place | undefined;
  let tier: string | undefined;
  for (let step = 0; step < 4; step++) {
    const named = placeEndingAt(places, text, start, floor);
    if (named) {
      place ??= named.place;
      start = named.start;
      continue;
    }
    if (start !== end) break;
    const phrase = tierPhrases.endingAt(text, start, floor);
    if (phrase && phrase.length > 1) {
      tier = phrase;
      start -= phrase.length;
      continue;
    }
    if (start - 1 >= floor && tierChars.has(text.charCodeAt(start - 1)) && !NOT_A_TIER.test(text.slice(Math.max(0, start - 2), start))) {
      tier = text[start - 1]!;
      start -= 1;
      continue;
    }
    break;
  }
  if (start === end) return regionScan(null, GENERIC_TIERS.has(text.slice(Math.max(0, end - 2), end)), null, null);
  if (!place && tier && PRONOUN_BEFORE_TIER.test(text.slice(Math.max(floor, start - 1), start))) return regionScan(null, false, null, tier);
  return regionScan(newRegion(start, end, place, tier), false, null, null);
}

/**
 * The region at the start of a span (楚雄市校外培训机构专家委员会 → 楚雄市), for level and merging; `rest` characters
 * of the span must remain after it.
 */
export function leadingRegion(places: PlaceIndex, text: string, start: number, end: number, rest = 1): Region | null {
  let at = start;
  let place: Place | undefined;
  let tier: string | undefined;
  for (let step = 0; step < 4; step++) {
    const named = placeStartingAt(places, text, at, end - rest);
    if (named) {
      place ??= named.place;
      at = named.end;
      continue;
    }
    if (at !== start) break;
    const phrase = tierPhrases.startingAt(text, at, end - rest);
    if (phrase && phrase.length > 1) {
      tier = phrase;
      at += phrase.length;
      continue;
    }
    if (at < text.length && at + 1 + rest <= end && tierChars.has(text.charCodeAt(at)) && !NOT_A_TIER_START.test(text.slice(at, at + 2))) {
      tier = text[at]!;
      at += 1;
      continue;
    }
    break;
  }
  return at === start ? null : newRegion(start, at, place, tier);
}

export function tierLevel(tier: string): Level {
  const level = TIER_LEVELS[tier];
  if (level) return level;
  const first = tier[0] ?? '';
  return TIER_LEVELS[first] ?? 'unknown';
}

export function regionLevel(region: Region | null | undefined): Level | null {
  if (!region) return null;
  if (region.place) return region.place.level;
  return region.tier ? tierLevel(region.tier) : null;
}

const stopWords = new WordSet(TOPIC_STOP_WORDS);
const stopChars = codeSet(TOPIC_STOP_CHARS);
const topicMarks = codeSet('“”‘’"');

/** For each character of a protected compound, the compounds holding it and where: one look-up per position. */
const PROTECTED_AT: ReadonlyMap<number, readonly [string, number][]> = (() => {
  const at = new Map<number, [string, number][]>();
  for (const word of TOPIC_PROTECTED) {
    for (let k = 0; k < word.length; k++) {
      const code = word.charCodeAt(k);
      const list = at.get(code);
      if (list) list.push([word, k]);
      else at.set(code, [[word, k]]);
    }
  }
  return at;
})();

function isProtected(text: string, index: number): boolean {
  const holders = PROTECTED_AT.get(text.charCodeAt(index));
  if (!holders) return false;
  for (const [word, k] of holders) if (text.startsWith(word, index - k)) return true;
  return false;
}

/** Where an open topic before a head begins: the scan stops at a verb of setting up, a particle or punctuation. */
export function topicStart(text: string, headStart: number, floor = 0): number {
  floor = Math.max(0, floor);
  const lowest = Math.max(floor, headStart - MAX_TOPIC);
  let at = headStart;
  while (at > lowest) {
    const code = text.charCodeAt(at - 1);
    if (!isHanCode(code) && !topicMarks.has(code)) break;
    if (stopWords.endingAt(text, at, lowest) && !isProtected(text, at - 1)) break;
    if (stopChars.has(code) && !isProtected(text, at - 1)) break;
    at--;
  }
  return at;
}

/** Leading words of a topic that are not part of the name: 市区两级, 各级, 各, 我市. */
export const TOPIC_LEAD = /^(?:[省市县区乡镇]{1,5}[两三四五]级|各级|各|全|本级|我[省市县区州旗局])/;

import type { Region } from '../../schemas/meta.js';
import {
  type Division, type DivisionIndex, type PlaceMention, levelWord, lineage, scanPlaces, stemsIn, within,
} from './meta-divisions.js';
import { COMMON_WORD_STEMS, GENERIC_PLACE, SELF_REFERENCE } from './meta-patterns.js';

/**
 * The region a document speaks for: the smallest administrative area that is certain, with its GB/T 2260 code.
 * A documented cascade (after trafilatura): the names that say who speaks (responder, signature, publisher) decide
 * first, the title next (a news headline: 巴彦淖尔市扎实推进…); running text engages only when none of them names a
 * place, and then only together with a self-reference (我县, 我市) that fixes the level. Never from a URL.
 */

export interface RegionEvidence {
  /** Strings that say who speaks, strongest first: responder, signature, publisher. */
  speakers: readonly (string | null)[];
  /** Strings about the document, read when no speaker names a place: the title (and a news page's 来源). */
  subjects: readonly (string | null)[];
  /** Normalised text of the document. */
  text: string;
  /** Agency names found by the agencies extractor (an extra signal; may be empty). */
  agencies: readonly string[];
}

export interface RegionResult {
  region: Region | null;
  /** Why a region stayed uncertain, for a warning on the record. */
  note: string | null;
}

/** Shortest place name read in running text; two-character names (和县, 城区) are everyday words there. */
const MIN_TEXT_NAME = 3;

function regionOf(division: Division, surface: string): Region {
  const name = /(省|市|州|县|区|旗|盟|地区)$/.test(surface) ? surface : division.name;
  return { name, code: division.code };
}

/** Codes of every division named unambiguously anywhere: the context that settles an ambiguous name. */
function contextCodes(mentions: readonly PlaceMention[]): Set<string> {
  const codes = new Set<string>();
  for (const mention of mentions) if (mention.candidates.length === 1) codes.add(mention.candidates[0]!.code);
  return codes;
}

/**
 * A value made on first use. The place context costs a scan of the whole text, and most documents are settled by
 * unambiguous names in their speakers or title, which never ask for it.
 */
type Lazy<T> = () => T;

function lazy<T>(make: () => T): Lazy<T> {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/** The one candidate of an ambiguous name that lies inside (or above) a division named elsewhere, if exactly one does. */
function settle(index: DivisionIndex, candidates: readonly Division[], context: Lazy<ReadonlySet<string>>): Division | null {
  if (candidates.length === 1) return candidates[0]!;
  const related = (c: Division, code: string): boolean => code !== c.code && (within(index, c.code, code) || within(index, code, c.code));
  const fitting = candidates.filter((c) => {
    for (const code of context()) if (related(c, code)) return true;
    return false;
  });
  return fitting.length === 1 ? fitting[0]! : null;
}

type Found = { division: Division; surface: string };

/** Divisions named in one source string, smallest that is consistent with the rest of that string. */
function fromSource(index: DivisionIndex, source: string, context: Lazy<ReadonlySet<string>>): Found | 'ambiguous' | null {
  const mentions = scanPlaces(index, source, { generic: GENERIC_PLACE });
  if (!mentions.length) return null;
  const local = lazy(() => new Set([...context(), ...contextCodes(mentions)]));
  let best: Found | null = null;
  let ambiguous = false;
  for (const mention of mentions) {
    const division = settle(index, mention.candidates, local);
    if (!division) {
      ambiguous = true;
      continue;
    }
    if (!best || within(index, division.code, best.division.code)) best = { division, surface: mention.text };
  }
  return best ?? (ambiguous ? 'ambiguous' : null);
}

/** The dominant self-reference level word (我县 → 县), or null. */
function selfLevel(text: string): string | null {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(SELF_REFERENCE)) {
    const weight = match[0].startsWith('全') ? 1 : 2;
    counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + weight);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return top ? top[0] : null;
}

function endsWithLevel(name: string, word: string): boolean {
  return levelWord(name) === word || (word === '区' && name.endsWith('自治区'));
}

/** Running text: places whose level word matches the self-reference, the most named first; then bare stems. */
function fromText(
  index: DivisionIndex, evidence: RegionEvidence, mentions: Lazy<readonly PlaceMention[]>, context: Lazy<ReadonlySet<string>>,
): RegionResult {
  const word = selfLevel(evidence.text);
  if (!word) return { region: null, note: null };
  const tally = new Map<string, { division: Division; surface: string; count: number; first: number }>();
  for (const mention of mentions()) {
    if (!endsWithLevel(mention.text, word)) continue;
    const division = settle(index, mention.candidates, context);
    if (!division) continue;
    const entry = tally.get(division.code);
    if (entry) entry.count++;
    else tally.set(division.code, { division, surface: mention.text, count: 1, first: mention.start });
  }
  const ranked = [...tally.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  if (ranked.length) return { region: regionOf(ranked[0]!.division, ranked[0]!.surface), note: null };
  // 我市 with only a bare stem (000: 承德家庭教育, 河北省): the stem read with the level word, inside an area the
  // text names (a stem alone is too often a word: 教育资源, 延长服务时间).
  const stems: { stem: string; division: Division; count: number }[] = [];
  for (const [stem, count] of stemsIn(index, evidence.text)) {
    if (COMMON_WORD_STEMS.test(stem)) continue;
    const fitting = index.byStem.get(stem)!.filter((d) => endsWithLevel(d.name, word) || index.byName.get(`${stem}${word}`)?.includes(d));
    if (fitting.length !== 1) continue;
    const division = fitting[0]!;
    const anchored = lineage(index, division.code).slice(1).some((d) => context().has(d.code));
    if (anchored) stems.push({ stem, division, count });
  }
  // The most frequent anchored stem; a tie leaves the region unknown.
  stems.sort((a, b) => b.count - a.count);
  const [top, second] = stems;
  if (top && (!second || top.count > second.count)) {
    return { region: regionOf(top.division, `${top.stem}${word}`), note: null };
  }
  return { region: null, note: top ? `several places fit 我${word}: ${stems.map((s) => s.stem).join(', ')}` : null };
}

/** Resolves the region through the divisions index; null when no place is certain. */
export function resolveRegion(index: DivisionIndex, evidence: RegionEvidence): RegionResult {
  const present = (list: readonly (string | null)[]): string[] => list.filter((s): s is string => Boolean(s));
  const speakers = present(evidence.speakers);
  const subjects = present(evidence.subjects);
  const textMentions = lazy(() => [
    ...scanPlaces(index, evidence.text, { minLength: MIN_TEXT_NAME, generic: GENERIC_PLACE }),
    ...evidence.agencies.flatMap((name) => scanPlaces(index, name, { generic: GENERIC_PLACE })),
  ]);
  const context = lazy(() => {
    const sourceMentions = [...speakers, ...subjects].flatMap((s) => scanPlaces(index, s, { generic: GENERIC_PLACE }));
    return contextCodes([...sourceMentions, ...textMentions()]);
  });

  let chosen: Found | null = null;
  let ambiguous: string | null = null;
  for (const group of [speakers, subjects]) {
    for (const source of group) {
      const found = fromSource(index, source, context);
      if (found === 'ambiguous') {
        ambiguous ??= source;
        continue;
      }
      if (!found) continue;
      if (!chosen) chosen = found;
      // A smaller area named by another speaker is as certain and smaller (市教育局 signed, 岳阳县 publisher).
      else if (found.division.code !== chosen.division.code && within(index, found.division.code, chosen.division.code)) chosen = found;
    }
    if (chosen) break;
  }
  if (chosen) return { region: regionOf(chosen.division, chosen.surface), note: null };
  const fallback = fromText(index, evidence, textMentions, context);
  if (!fallback.region && ambiguous) {
    const name = scanPlaces(index, ambiguous, { generic: GENERIC_PLACE })[0]!.text;
    return { region: { name, code: null }, note: `place name ${name} fits several divisions` };
  }
  return fallback;
}

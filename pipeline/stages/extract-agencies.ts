import type { Agency } from '../../schemas/fields.js';
import type { Message } from '../../schemas/record.js';
import { need, warning } from '../document.js';
import { CandidateIndex, GAZETTEER_SCAN, gazetteerCandidates, HEAD_SCAN, headCandidates, type Candidate } from '../lib/agency-find.js';
import { ellipsisCandidates, LIST_END_SCAN, listCandidates, METONYM_SCAN, metonymCandidates } from '../lib/agency-lists.js';
import { DOC_NUMBER_AFTER, METADATA_ROW } from '../lib/agency-lexicon.js';
import { addTruncatedMentions, groupCandidates, selectCandidates, toAgency } from '../lib/agency-merge.js';
import { placeIndexFrom, PROVINCES_ONLY, type PlaceIndex } from '../lib/agency-places.js';
import { codeSet, LiteralScans, type CodeSet } from '../lib/agency-scan.js';
import { quotedSpans } from '../lib/citation-find.js';
import type { Stage } from './stage.js';

const STAGE = 'extract-agencies';

/** How much of a line's start METADATA_ROW reads, and of the text after a candidate DOC_NUMBER_AFTER reads. */
const METADATA_WINDOW = 12;
const DOC_NUMBER_WINDOW = 12;
/**
 * Cheap necessary conditions, tested before slicing a window for a regex (most windows fail them): every match of
 * METADATA_ROW ends in one of these colons, every match of DOC_NUMBER_AFTER holds one of these brackets. Keep
 * them in step with the two patterns in agency-lexicon.ts.
 */
const COLONS = [':', '：'];
const DOC_NUMBER_BRACKETS = codeSet('〔[［【﹝〖');
const NEWLINE = 10;

/** Whether one of `codes` stands in text[from, to): a cheap necessary condition before a regex on that window. */
function holdsAny(text: string, from: number, to: number, codes: CodeSet): boolean {
  for (let at = from; at < to; at++) if (codes.has(text.charCodeAt(at))) return true;
  return false;
}

/**
 * The start of the line holding `at` when `at` lies within its first `reach` characters, else -1: a look back of at
 * most `reach` characters.
 */
function lineStartWithin(text: string, at: number, reach: number): number {
  for (let k = at - 1; k >= Math.max(0, at - reach); k--) if (text.charCodeAt(k) === NEWLINE) return k + 1;
  return at < reach ? 0 : -1;
}

/**
 * Spans where candidates are not content: rows of the page's metadata table (索引号 | 发布机构: …). Only a line with
 * a colon in its METADATA_WINDOW can be one, so the lines are reached from the colons (a tenth as many as lines).
 */
function furnitureSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  /** Per colon, its next offset (or -1 once there is none). */
  const next: number[] = [];
  for (const colon of COLONS) next.push(text.indexOf(colon));
  let tested = -1; // the start of the last line tested
  for (;;) {
    let k = -1;
    for (let j = 0; j < next.length; j++) if (next[j]! >= 0 && (k < 0 || next[j]! < next[k]!)) k = j;
    if (k < 0) break;
    const at = next[k]!;
    next[k] = text.indexOf(COLONS[k]!, at + 1);
    const start = lineStartWithin(text, at, METADATA_WINDOW);
    if (start < 0 || start === tested) continue;
    tested = start;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (METADATA_ROW.test(text.slice(start, Math.min(end, start + METADATA_WINDOW)))) spans.push([start, end]);
  }
  return spans;
}

/**
 * Inside a cited title only the issuers count (教育部等五部门关于… → 教育部): the part before 关于, or the body that
 * opens a title without 关于. Returns the spans of the titles' other parts.
 */
function titleBodies(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // A cited title opens with 《: without one there is nothing to scan for.
  if (!text.includes('《')) return spans;
  // The first 关于 at or after the current title's start (-1 when there is none): the titles are ascending, so one
  // native search moves it forward when it falls behind, and the text is searched once in all.
  let about = text.indexOf('关于');
  for (const span of quotedSpans(text, true).spans) {
    if (about >= 0 && about < span.open + 1) about = text.indexOf('关于', span.open + 1);
    spans.push([about >= 0 && about + 2 <= span.close ? about : span.open + 2, span.close]);
  }
  return spans;
}

/** The candidates starting outside the spans, which are ascending by start (as both kinds of span are made). */
function outside(candidates: readonly Candidate[], sorted: readonly [number, number][]): readonly Candidate[] {
  if (!sorted.length) return candidates;
  return candidates.filter((c) => {
    // Binary search for the last span starting at or before the candidate.
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]![0] <= c.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 || sorted[found]![1] <= c.start;
  });
}

/** A document number's tail follows (中办发〔2019〕54号 after 中办): a short name there is no mention. */
function beforeDocNumber(text: string, end: number): boolean {
  const window = Math.min(text.length, end + DOC_NUMBER_WINDOW);
  return holdsAny(text, end, window, DOC_NUMBER_BRACKETS) && DOC_NUMBER_AFTER.test(text.slice(end, window));
}

/** The literals the rules start from, found in one pass: gazetteer names, suffix heads, bare function words, list ends. */
const LITERALS = new LiteralScans([GAZETTEER_SCAN, HEAD_SCAN, METONYM_SCAN, LIST_END_SCAN]);

/** The agencies of a text, once each with all mentions (ANNOTATION.md § Agencies). */
export function findAgencies(text: string, places: PlaceIndex): Agency[] {
  const index = new CandidateIndex(places);
  const [names, heads, words, listEnds] = LITERALS.matches(text);
  gazetteerCandidates(text, index, names);
  headCandidates(text, index, heads);
  metonymCandidates(text, index, words);
  listCandidates(text, index, listEnds);
  ellipsisCandidates(text, index);
  const content = outside(outside(index.all, furnitureSpans(text)), titleBodies(text)).filter((c) => !beforeDocNumber(text, c.end));
  // Pushed, not mapped: an empty mapped array has another elements kind, on which addTruncatedMentions's optimised
  // code bails out.
  const agencies: Agency[] = [];
  for (const group of groupCandidates(selectCandidates(content))) agencies.push(toAgency(text, group));
  addTruncatedMentions(text, agencies);
  return agencies;
}

/** Agencies (ANNOTATION.md § Agencies), once per document with all mentions, a canonical name and a level. */
export const extractAgencies: Stage = {
  name: STAGE,
  run(doc, context) {
    const text = need(doc, 'text', STAGE);
    const messages: Message[] = [];
    let places = PROVINCES_ONLY;
    try {
      places = placeIndexFrom(context.divisions);
    } catch (error) {
      // Without the divisions dataset agencies keep their tier prefixes (市教育局) but lose place names (楚雄市).
      messages.push(warning(STAGE, 'divisions-missing', error instanceof Error ? error.message : String(error)));
    }
    let agencies: Agency[] = [];
    try {
      agencies = findAgencies(text, places);
    } catch (error) {
      // A rule that breaks on odd text must not lose the document: report it and return nothing for this field.
      messages.push(warning(STAGE, 'agency-error', error instanceof Error ? error.message : String(error)));
    }
    return { patch: { agencies }, messages };
  },
};

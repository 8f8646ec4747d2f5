import type { Agency } from '../../schemas/fields.js';
import type { Message } from '../../schemas/record.js';
import { need, warning } from '../document.js';
import { CandidateIndex, gazetteerCandidates, headCandidates, type Candidate } from '../lib/agency-find.js';
import { ellipsisCandidates, listCandidates, metonymCandidates } from '../lib/agency-lists.js';
import { DOC_NUMBER_AFTER, METADATA_ROW } from '../lib/agency-lexicon.js';
import { addTruncatedMentions, groupCandidates, selectCandidates, toAgency } from '../lib/agency-merge.js';
import { placeIndexFrom, PROVINCES_ONLY, type PlaceIndex } from '../lib/agency-places.js';
import { quotedSpans } from '../lib/citation-find.js';
import type { Stage } from './stage.js';

const STAGE = 'extract-agencies';

/** Spans where candidates are not content: rows of the page's metadata table (索引号 | 发布机构: …). */
function furnitureSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (METADATA_ROW.test(text.slice(start, Math.min(end, start + 12)))) spans.push([start, end]);
    if (newline < 0) break;
    start = newline + 1;
  }
  return spans;
}

/**
 * Inside a cited title only the issuers count (教育部等五部门关于… → 教育部): the part before 关于, or the body that
 * opens a title without 关于. Returns the spans of the titles' other parts.
 */
function titleBodies(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const span of quotedSpans(text).spans) {
    if (span.kind !== 'book') continue;
    const about = text.slice(span.open + 1, span.close).indexOf('关于');
    spans.push([about >= 0 ? span.open + 1 + about : span.open + 2, span.close]);
  }
  return spans;
}

function outside(candidates: readonly Candidate[], spans: readonly [number, number][]): Candidate[] {
  if (!spans.length) return [...candidates];
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
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

/** The agencies of a text, once each with all mentions (ANNOTATION.md § Agencies). */
export function findAgencies(text: string, places: PlaceIndex): Agency[] {
  const index = new CandidateIndex(places);
  gazetteerCandidates(text, index);
  headCandidates(text, index);
  metonymCandidates(text, index);
  listCandidates(text, index);
  ellipsisCandidates(text, index);
  const content = outside(outside(index.all, furnitureSpans(text)), titleBodies(text)).filter(
    (c) => !DOC_NUMBER_AFTER.test(text.slice(c.end, c.end + 12)),
  );
  const agencies = groupCandidates(selectCandidates(content)).map((group) => toAgency(text, group));
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

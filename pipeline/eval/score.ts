import type { GoldFile } from '../../schemas/gold.js';
import type { Record as DocRecord } from '../../schemas/record.js';
import { comparable, diceBigram, matchPairs, sameText, sameValue } from './match.js';

/** Thresholds of the matching rules (issue 2): bigram Dice for citation titles and for measure texts. */
export const CITATION_DICE = 0.8;
export const MEASURE_DICE = 0.6;

export interface Counts {
  gold: number;
  predicted: number;
  matched: number;
}
export interface Accuracy {
  correct: number;
  total: number;
}

export interface Scores {
  documents: number;
  missingRecords: string[];
  fields: Record<'numbers' | 'agencies' | 'citations' | 'measures', Counts>;
  attributes: Record<string, Accuracy>;
  meta: Record<string, Accuracy>;
}

/** The metadata fields scored, flattened: nested objects are scored field by field. */
export const META_FIELDS = [
  'title', 'docType', 'publisher', 'responder', 'region', 'publishedDate', 'signedDate', 'indexNumber', 'docNumber',
  'replyClass', 'proposal.body', 'proposal.level', 'proposal.term', 'proposal.session', 'proposal.number',
  'proposal.title', 'proposal.proposer', 'proposal.proposerRole', 'contact.person', 'contact.phone',
] as const;

type MetaLike = GoldFile['meta'];

function metaValue(meta: MetaLike | null | undefined, field: string): unknown {
  if (!meta) return null;
  const [head, tail] = field.split('.') as [keyof MetaLike, string | undefined];
  const value = meta[head];
  if (tail === undefined) return value ?? null;
  return value && typeof value === 'object' ? ((value as Record<string, unknown>)[tail] ?? null) : null;
}

function sameMeta(field: string, gold: unknown, predicted: unknown): boolean {
  if (field === 'region') {
    const g = gold as { name: string; code: string | null } | null;
    const p = predicted as { name: string; code: string | null } | null;
    if (!g || !p) return !g && !p;
    return g.code && p.code ? g.code === p.code : sameText(g.name, p.name);
  }
  if (typeof gold === 'string' || typeof predicted === 'string') return sameText(gold as string | null, predicted as string | null);
  return gold === predicted;
}

const emptyCounts = (): Counts => ({ gold: 0, predicted: 0, matched: 0 });
const tally = (scores: Scores, name: string, ok: boolean): void => {
  const entry = (scores.attributes[name] ??= { correct: 0, total: 0 });
  entry.total++;
  if (ok) entry.correct++;
};

export function emptyScores(): Scores {
  return {
    documents: 0,
    missingRecords: [],
    fields: { numbers: emptyCounts(), agencies: emptyCounts(), citations: emptyCounts(), measures: emptyCounts() },
    attributes: {},
    meta: Object.fromEntries(META_FIELDS.map((field) => [field, { correct: 0, total: 0 }])),
  };
}

/** Adds one document's comparison to `scores`; a missing record counts every gold item as missed. */
export function scoreDocument(scores: Scores, gold: GoldFile, record: DocRecord | undefined): void {
  scores.documents++;
  if (!record) scores.missingRecords.push(gold.doc);
  const f = scores.fields;

  const numbers = record?.numbers ?? [];
  const numberPairs = matchPairs(gold.numbers, numbers, (g, p) => {
    if (!sameValue(g.value, p.value)) return 0;
    const a = comparable(g.raw);
    const b = comparable(p.raw);
    return a.includes(b) || b.includes(a) ? 1 : 0;
  }, 1);
  f.numbers.gold += gold.numbers.length;
  f.numbers.predicted += numbers.length;
  f.numbers.matched += numberPairs.length;
  for (const [gi, pi] of numberPairs) {
    const g = gold.numbers[gi]!;
    const p = numbers[pi]!;
    tally(scores, 'number.unit', sameText(g.unit, p.unit));
    tally(scores, 'number.kind', g.kind === p.kind);
    tally(scores, 'number.qualifier', g.qualifier === p.qualifier);
  }

  const agencies = record?.agencies ?? [];
  const agencyPairs = matchPairs(gold.agencies, agencies, (g, p) => {
    const target = comparable(g);
    // Gold names an agency by its surface form in the text (ANNOTATION.md): the canonical name, an expansion the
    // text need not contain (县政府 → 县人民政府), does not count.
    const names = [p.name, ...p.mentions.map((m) => m.text)];
    return names.some((name) => comparable(name) === target) ? 1 : 0;
  }, 1);
  f.agencies.gold += gold.agencies.length;
  f.agencies.predicted += agencies.length;
  f.agencies.matched += agencyPairs.length;

  const citations = record?.citations ?? [];
  const citationPairs = matchPairs(gold.citations, citations, (g, p) => diceBigram(g.title, p.title), CITATION_DICE);
  f.citations.gold += gold.citations.length;
  f.citations.predicted += citations.length;
  f.citations.matched += citationPairs.length;
  for (const [gi, pi] of citationPairs) tally(scores, 'citation.docNumber', sameText(gold.citations[gi]!.docNumber, citations[pi]!.docNumber));

  const measures = record?.measures ?? [];
  const measurePairs = matchPairs(gold.measures, measures, (g, p) => diceBigram(g.text, p.text), MEASURE_DICE);
  f.measures.gold += gold.measures.length;
  f.measures.predicted += measures.length;
  f.measures.matched += measurePairs.length;
  for (const [gi, pi] of measurePairs) {
    const g = gold.measures[gi]!;
    const p = measures[pi]!;
    tally(scores, 'measure.status', g.status === p.status);
    tally(scores, 'measure.category', g.category === p.category);
    tally(scores, 'measure.instrument', g.instrument === p.instrument);
  }

  for (const field of META_FIELDS) {
    const entry = scores.meta[field]!;
    entry.total++;
    if (sameMeta(field, metaValue(gold.meta, field), metaValue(record?.meta, field))) entry.correct++;
  }
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(counts: Counts): Prf {
  const precision = counts.predicted === 0 ? (counts.gold === 0 ? 1 : 0) : counts.matched / counts.predicted;
  const recall = counts.gold === 0 ? 1 : counts.matched / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function ratio(accuracy: Accuracy): number {
  return accuracy.total === 0 ? 1 : accuracy.correct / accuracy.total;
}

/** Accuracy over all metadata fields of all documents. */
export function metaAccuracy(scores: Scores): Accuracy {
  let correct = 0;
  let total = 0;
  for (const entry of Object.values(scores.meta)) {
    correct += entry.correct;
    total += entry.total;
  }
  return { correct, total };
}

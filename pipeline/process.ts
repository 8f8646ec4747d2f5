import { createHash } from 'node:crypto';
import { Record as RecordSchema, SCHEMA_VERSION, type Failure, type Record as DocRecord } from '../schemas/record.js';
import { ChineseScript } from './adapters/opencc.js';
import { loadDivisions } from './adapters/divisions.js';
import { Segmenter } from './adapters/jieba.js';
import { loadMeasureModel } from './adapters/models.js';
import { StageFailure, type DocState, type DocumentHints } from './document.js';
import type { Stage, StageContext } from './stages/stage.js';

/** What processing one document gives: a record or a failure, and the time each stage took. */
export type DocumentOutcome =
  | { ok: true; record: DocRecord; timings: Record<string, number> }
  | { ok: false; failure: Failure; timings: Record<string, number> };

export interface ContextOptions {
  maxBytes: number;
}

/** Loads the adapters a thread needs (the jieba dictionaries take about a second and 250 MB). */
export function createContext(options: ContextOptions): StageContext {
  return { segmenter: new Segmenter(), script: new ChineseScript(), divisions: loadDivisions(), measureModel: loadMeasureModel(), maxBytes: options.maxBytes };
}

/** Stable document id: the first 64 bits of the SHA-256 of the normalised text. */
export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function toRecord(doc: DocState): unknown {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: documentId(doc.text ?? ''),
    source: { path: doc.path, ...doc.source, url: doc.hints?.url ?? null, archive: doc.hints?.archive ?? null },
    script: doc.script,
    meta: doc.meta,
    text: doc.text,
    sourceMap: doc.runs,
    sentences: doc.sentences,
    keywords: doc.keywords,
    numbers: doc.numbers,
    agencies: doc.agencies,
    citations: doc.citations,
    measures: doc.measures,
    messages: doc.messages,
  };
}

/** A document to process: where it comes from, its bytes, and what is known beforehand. */
export interface DocumentJob {
  path: string;
  bytes: Uint8Array;
  hints?: DocumentHints;
}

/**
 * Runs the stages over a batch of documents, stage by stage: each stage meets the whole batch while its code,
 * regexes and tables are warm (the segmenter's 250 MB of dictionaries evict them between documents otherwise), which
 * makes a one-thread run about a fifth faster than document by document. Documents stay independent: the outcomes
 * are those of `processDocument` on each alone. Bad input ends as a failure naming the stage, code and reason, and
 * the document leaves the batch; a record that does not satisfy the schema ends as an `invalid-record` failure,
 * never as a silent bad record.
 */
export function processBatch(jobs: readonly DocumentJob[], stages: readonly Stage[], context: StageContext): DocumentOutcome[] {
  const timings = jobs.map((): Record<string, number> => ({}));
  const outcomes: DocumentOutcome[] = new Array(jobs.length);
  const docs: (DocState | null)[] = jobs.map(({ path, bytes, hints = {} }) => ({ path, bytes, hints, messages: [] }));
  for (const stage of stages) {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      if (!doc) continue;
      const started = performance.now();
      try {
        const result = stage.run(doc, context);
        docs[i] = { ...doc, ...result.patch, messages: result.messages?.length ? [...doc.messages, ...result.messages] : doc.messages };
      } catch (error) {
        outcomes[i] = { ok: false, failure: failureFrom(doc.path, stage.name, error), timings: timings[i]! };
        docs[i] = null;
      }
      timings[i]![stage.name] = performance.now() - started;
    }
  }
  docs.forEach((doc, i) => {
    if (!doc) return;
    try {
      outcomes[i] = validated(doc, timings[i]!);
    } catch (error) {
      // A stage left something the record cannot even be built from (the id hashes the text): this document fails.
      outcomes[i] = { ok: false, failure: failureFrom(doc.path, 'validate', error), timings: timings[i]! };
    }
  });
  return outcomes;
}

/** What an error thrown while processing a document says: a stage's own failure code, or `internal`. */
function failureFrom(path: string, stage: string, error: unknown): Failure {
  if (error instanceof StageFailure) return { path, stage, code: error.code, message: error.message };
  return { path, stage, code: 'internal', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** The record of a document that went through every stage, checked against the schema. */
function validated(doc: DocState, timings: Record<string, number>): DocumentOutcome {
  const started = performance.now();
  const parsed = RecordSchema.safeParse(toRecord(doc));
  timings.validate = performance.now() - started;
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, failure: { path: doc.path, stage: 'validate', code: 'invalid-record', message: issues }, timings };
  }
  return { ok: true, record: parsed.data, timings };
}

/** A processed document as it crosses the thread boundary: the record already serialised by the worker. */
export type WireResult =
  | { index: number; ok: true; line: string; timings: Record<string, number> }
  | { index: number; ok: false; failure: Failure; timings: Record<string, number> };

function toWireResult(index: number, outcome: DocumentOutcome): WireResult {
  return outcome.ok
    ? { index, ok: true, line: JSON.stringify(outcome.record), timings: outcome.timings }
    : { index, ok: false, failure: outcome.failure, timings: outcome.timings };
}

/**
 * `processBatch` as the runner's processors answer it, in a worker thread or in this one: each document's result
 * under its index in the run, its record serialised.
 */
export function answerBatch(jobs: readonly (DocumentJob & { index: number })[], stages: readonly Stage[], context: StageContext): WireResult[] {
  const outcomes = processBatch(jobs, stages, context);
  return jobs.map((job, i) => toWireResult(job.index, outcomes[i]!));
}

/** Runs the stages over one document: `processBatch` of one. */
export function processDocument(
  path: string,
  bytes: Uint8Array,
  stages: readonly Stage[],
  context: StageContext,
  hints: DocumentHints = {},
): DocumentOutcome {
  return processBatch([{ path, bytes, hints }], stages, context)[0]!;
}

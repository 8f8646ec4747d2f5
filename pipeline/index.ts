/** Public API: the default stage list, the runner and the shapes they exchange. */
import { clean } from './stages/clean.js';
import { extractAgencies } from './stages/extract-agencies.js';
import { extractCitations } from './stages/extract-citations.js';
import { extractMeasures } from './stages/extract-measures.js';
import { extractMeta } from './stages/extract-meta.js';
import { extractNumbers } from './stages/extract-numbers.js';
import { ingest } from './stages/ingest.js';
import { normalise } from './stages/normalise.js';
import { segment } from './stages/segment.js';
import type { Stage } from './stages/stage.js';

/**
 * The default stage list. Extractors run after the text layer; later extractors may read what earlier ones
 * found: metadata uses agencies (responder, region), measures link the numbers and agencies inside them.
 */
export const defaultStages: readonly Stage[] = [
  ingest,
  clean,
  normalise,
  segment,
  extractNumbers,
  extractCitations,
  extractAgencies,
  extractMeta,
  extractMeasures,
];

export { createContext, processDocument, documentId, type DocumentOutcome } from './process.js';
export { runDocuments, runPipeline, type InputDocument, type RunOptions, type RunSummary } from './run.js';
export type { Stage, StageContext } from './stages/stage.js';
export type { DocState, StageResult } from './document.js';
export type { Record, Failure } from '../schemas/record.js';

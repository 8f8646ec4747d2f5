/** Public API: the default stage list, the runner and the shapes they exchange. */
import { clean } from './stages/clean.js';
import { extract } from './stages/extract.js';
import { ingest } from './stages/ingest.js';
import { normalise } from './stages/normalise.js';
import { segment } from './stages/segment.js';
import type { Stage } from './stages/stage.js';

export const defaultStages: readonly Stage[] = [ingest, clean, normalise, segment, extract];

export { createContext, processDocument, documentId, type DocumentOutcome } from './process.js';
export { runPipeline, type RunOptions } from './run.js';
export type { Stage, StageContext } from './stages/stage.js';
export type { DocState, StageResult } from './document.js';
export type { Record, Failure } from '../schemas/record.js';

import type { Agency, Citation, Measure, NumberMention, Span } from '../schemas/fields.js';
import type { Meta } from '../schemas/meta.js';
import type { FailureCode, Message } from '../schemas/record.js';
import type { ScriptName, ScriptProfile } from './adapters/opencc.js';
import type { OffsetRuns } from './lib/offsets.js';
import type { Words } from './lib/words.js';


/**
 * The per-document envelope that travels through the stages (after unified's vfile). Each stage reads what it
 * needs and returns the fields it produces; the runner merges them into a new envelope, never mutating the old one.
 */
/** What is known about a document from how it was acquired, before its bytes are read. */
export interface DocumentHints {
  /** Charset from an HTTP Content-Type header: trusted ahead of <meta> and byte sniffing. */
  declaredCharset?: string | null;
  /** The URL the bytes were fetched from. */
  url?: string | null;
  /** Where the response is archived. */
  archive?: { file: string; offset: number; recordId: string } | null;
}

export interface DocState {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly hints?: DocumentHints;
  readonly messages: readonly Message[];
  source?: { sha256: string; encoding: string; bytes: number; format: 'text' | 'html' };
  /** Decoded source text (for HTML, the main content as text): what `runs` lead back to. */
  sourceText?: string;
  /** Current working text. */
  text?: string;
  /** Map from `text` back to `sourceText`. */
  runs?: OffsetRuns;
  /** A title found by the ingest stage outside the text (an HTML <title> or ArticleTitle). */
  pageTitle?: string | null;
  /** Script of the source text, detected before cleaning so furniture rules can match a simplified view. */
  scriptProfile?: ScriptProfile;
  script?: { original: ScriptName; converted: boolean };
  sentences?: Span[];
  /** The segmenter's words with their offsets into `text`. */
  tokens?: Words;
  keywords?: { word: string; weight: number }[];
  meta?: Meta;
  numbers?: NumberMention[];
  agencies?: Agency[];
  citations?: Citation[];
  measures?: Measure[];
}

/** What a stage gives back: new or replaced fields, and messages to add to the envelope. */
export interface StageResult {
  patch: Partial<Omit<DocState, 'path' | 'bytes' | 'messages'>>;
  messages?: Message[];
}

/** A document-level failure: the runner turns it into a failure record naming document, stage, code and reason. */
export class StageFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'StageFailure';
  }
}

export function fail(code: FailureCode, message: string): never {
  throw new StageFailure(code, message);
}

/** Reads a field an earlier stage must have produced; its absence is a broken pipeline order, not bad input. */
export function need<K extends keyof DocState>(doc: DocState, key: K, stage: string): NonNullable<DocState[K]> {
  const value = doc[key];
  if (value === undefined || value === null) {
    throw new Error(`stage ${stage} needs "${String(key)}", which no earlier stage produced`);
  }
  return value as NonNullable<DocState[K]>;
}

/** Something odd in the input that the stage worked around. */
export function warning(stage: string, code: string, message: string): Message {
  return { level: 'warning', stage, code, message };
}

/** A note on what a stage did. */
export function info(stage: string, code: string, message: string): Message {
  return { level: 'info', stage, code, message };
}

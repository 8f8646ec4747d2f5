import { z } from 'zod';
import { Agency, Citation, Measure, NumberMention, Span } from './fields.js';
import { Meta } from './meta.js';

export const SCHEMA_VERSION = 1;

export const Source = z.object({
  path: z.string().describe('input file path as given to the run'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('hash of the input bytes'),
  encoding: z.string().describe('detected charset the bytes were decoded with'),
  bytes: z.number().int().nonnegative(),
  format: z.enum(['text', 'html']),
  url: z.string().nullable().describe('the URL the page was fetched from (crawls); null for local files'),
  archive: z
    .object({ file: z.string(), offset: z.number().int().nonnegative(), recordId: z.string() })
    .nullable()
    .describe('the WARC file and byte offset of the response record the document was read from'),
});

export const Script = z.object({
  original: z.enum(['simplified', 'traditional', 'mixed']),
  converted: z.boolean().describe('whether traditional → simplified conversion ran'),
});

export const Message = z.object({
  level: z.enum(['info', 'warning']).describe('info: a note on what a stage did; warning: something odd in the input'),
  stage: z.string(),
  code: z.string(),
  message: z.string(),
});
export type Message = z.infer<typeof Message>;

/**
 * Runs of the map from `text` back to the decoded source text: each run `[textStart, sourceStart, textLength, sourceLength]`.
 * Equal lengths map character by character; unequal ones map the run as a whole. Gaps between runs are removed source text.
 */
export const OffsetMap = z.array(z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]));

export const Keyword = z.object({ word: z.string(), weight: z.number() });

export const Record = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().regex(/^[0-9a-f]{16}$/).describe('stable: hash of the normalised text'),
  source: Source,
  script: Script,
  meta: Meta,
  text: z.string().describe('the normalised text every offset points into'),
  sourceMap: OffsetMap,
  sentences: z.array(Span),
  keywords: z.array(Keyword),
  numbers: z.array(NumberMention),
  agencies: z.array(Agency),
  citations: z.array(Citation),
  measures: z.array(Measure),
  messages: z.array(Message).describe('notes and warnings from the stages, in order'),
});
export type Record = z.infer<typeof Record>;

export const FailureCode = z.enum([
  'unreadable',
  'empty',
  'binary',
  'undecodable',
  'no-content',
  'too-large',
  'invalid-record',
  'internal',
]);

export const Failure = z.object({
  path: z.string(),
  stage: z.string(),
  code: FailureCode,
  message: z.string(),
});
export type Failure = z.infer<typeof Failure>;
export type FailureCode = z.infer<typeof FailureCode>;

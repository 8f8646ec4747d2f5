import { z } from 'zod';

/**
 * Shapes of the crawl: the site profile a user may give, the journal lines that make a crawl resumable, the
 * lines that say why a URL did not become a record, and the summary. Types are inferred, never written twice.
 */

/** A regular expression given as a string; rejected at load time when it does not compile. */
const RegexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

export const SiteProfile = z
  .object({
    name: z.string().optional().describe('a label for logs'),
    listSelector: z.string().optional().describe('CSS selector of the container(s) holding the links to detail pages on a list page'),
    linkPattern: RegexSource.optional().describe('detail page URLs match this regular expression; others on a list page are not followed'),
    paginationSelector: z.string().optional().describe('CSS selector of the pager; its links are followed as further list pages'),
    contentSelector: z.string().optional().describe('CSS selector of the main text on a detail page'),
    titleSelector: z.string().optional().describe('CSS selector of the title on a detail page'),
    dateSelector: z.string().optional().describe('CSS selector of the publication date on a detail page; kept as a header line'),
    replyPattern: RegexSource.optional().describe('a page whose title or text matches this is a reply, replacing the built-in markers'),
  })
  .strict();
export type SiteProfile = z.infer<typeof SiteProfile>;

/** What a fetched page turned out to be. */
export const PageKind = z.enum(['list', 'reply', 'not-reply', 'other', 'robots']);
export type PageKind = z.infer<typeof PageKind>;

/**
 * Why a URL ended where it did. `http-NNN` carries the status of the last answer; the other codes are fixed.
 * The policy that maps each code to retry / skip / decline lives in pipeline/crawl/policy.ts.
 */
export const AcquireCode = z.union([
  z.string().regex(/^http-\d{3}$/),
  z.enum([
    'timeout',
    'connection-reset',
    'connection-refused',
    'dns',
    'network',
    'too-many-redirects',
    'redirect-offsite',
    'robots-disallowed',
    'robots-unreachable',
    'declined-challenge',
    'retry-after-too-long',
    'too-large',
    'not-html',
    'not-a-reply',
  ]),
]);
export type AcquireCode = z.infer<typeof AcquireCode>;

export const Outcome = z.enum(['archived', 'unchanged', 'skipped', 'declined', 'failed']);
export type Outcome = z.infer<typeof Outcome>;

export const ArchivePointer = z.object({
  file: z.string().describe('WARC file, relative to the output folder'),
  offset: z.number().int().nonnegative().describe('byte offset of the response record (its gzip member)'),
  recordId: z.string().describe('WARC-Record-ID of the response record'),
  payloadDigest: z.string().describe('sha256:<hex> of the HTTP body'),
});
export type ArchivePointer = z.infer<typeof ArchivePointer>;

/** One line of DIR/crawl/state.jsonl, appended and fsync'd one at a time. */
export const CrawlStateLine = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run'),
    run: z.number().int().positive(),
    startedAt: z.string(),
    seeds: z.array(z.string()),
    refetch: z.boolean(),
    userAgent: z.string(),
  }),
  z.object({
    type: z.literal('discovered'),
    url: z.string(),
    kind: z.enum(['list', 'detail']),
    depth: z.number().int().nonnegative(),
    from: z.string().nullable(),
  }),
  z.object({
    type: z.literal('outcome'),
    run: z.number().int().positive(),
    url: z.string(),
    outcome: Outcome,
    code: AcquireCode.nullable(),
    message: z.string(),
    status: z.number().int().nullable().describe('HTTP status of the last answer, if any'),
    attempts: z.number().int().nonnegative(),
    finalUrl: z.string().nullable().describe('where redirects ended'),
    kind: PageKind.nullable(),
    charset: z.string().nullable().describe('charset of the HTTP Content-Type header'),
    contentType: z.string().nullable(),
    archive: ArchivePointer.nullable(),
    fetchedAt: z.string().nullable(),
  }),
]);
export type CrawlStateLine = z.infer<typeof CrawlStateLine>;
export type OutcomeLine = Extract<CrawlStateLine, { type: 'outcome' }>;
export type DiscoveredLine = Extract<CrawlStateLine, { type: 'discovered' }>;

/** One line of DIR/crawl/skipped.jsonl: a URL that did not end as an archived reply, and why. */
export const AcquireIssue = z.object({
  url: z.string(),
  stage: z.literal('acquire'),
  outcome: z.enum(['skipped', 'declined', 'failed']),
  code: AcquireCode,
  message: z.string(),
  status: z.number().int().nullable(),
  attempts: z.number().int().nonnegative(),
});
export type AcquireIssue = z.infer<typeof AcquireIssue>;

/** DIR/crawl/summary.json. */
export const CrawlSummary = z.object({
  run: z.number().int().positive(),
  interrupted: z.boolean().describe('stopped by a signal before the frontier was empty'),
  stoppedAtMaxPages: z.boolean(),
  pages: z.object({
    requested: z.number().int().describe('page URLs requested in this run (robots.txt not counted)'),
    archived: z.number().int().describe('responses newly written to WARC in this run'),
    unchanged: z.number().int().describe('refetched with the same payload digest: not written again'),
    skipped: z.number().int(),
    declined: z.number().int(),
    failed: z.number().int(),
    pending: z.number().int().describe('discovered but not done: a later run resumes them'),
  }),
  recovered: z
    .object({
      pages: z.number().int().describe('pages an earlier run archived but was killed before journaling: journaled from their WARC records, not fetched again'),
      tornWrites: z.number().int().describe('writes a kill tore, cut off the end of their WARC file: their pages are fetched again'),
    })
    .describe('what this run found to repair when it started'),
  requests: z.number().int().describe('HTTP requests sent, retries and robots.txt included'),
  byCode: z.record(z.string(), z.number().int()),
  replies: z.number().int().describe('archived reply pages fed to the pipeline (this and earlier runs)'),
  records: z.object({ succeeded: z.number().int(), failed: z.number().int() }).nullable(),
  warcFiles: z.array(z.string()),
  durationMs: z.number().int(),
  outputs: z.object({ state: z.string(), skipped: z.string(), summary: z.string() }),
});
export type CrawlSummary = z.infer<typeof CrawlSummary>;

/**
 * Crawl settings with their defaults: polite unless told otherwise (two requests at a time per host, a second
 * between request starts, robots.txt obeyed). A bad value is a ZodError, which the command reports as fatal.
 */
export const CrawlConfig = z.object({
  maxPages: z.number().int().positive().optional().describe('stop after visiting this many URLs in this run'),
  concurrency: z.number().int().min(1).max(16).default(2).describe('requests in flight to one host'),
  delay: z.number().int().min(0).default(1000).describe('milliseconds between request starts to one host'),
  userAgent: z.string().min(1).optional().describe('default: policy-miner/<version> (+government reply crawler)'),
  refetch: z.boolean().default(false),
  timeoutMs: z.number().int().positive().default(30_000).describe('per attempt, headers and body'),
  retries: z.number().int().min(0).max(10).default(3).describe('further attempts on timeouts, resets, 429 and 5xx'),
  backoffMs: z.number().int().min(0).default(1000).describe('first retry pause; doubles per retry, with jitter'),
  maxBackoffMs: z.number().int().min(0).default(60_000),
  maxRetryAfterMs: z.number().int().min(0).default(120_000).describe('a longer Retry-After fails the URL instead of waiting'),
  maxRedirects: z.number().int().min(0).max(20).default(5),
});
export type CrawlConfig = z.infer<typeof CrawlConfig>;

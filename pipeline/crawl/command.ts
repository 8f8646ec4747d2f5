import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CrawlConfig, CrawlSummary, SiteProfile } from '../../schemas/crawl.js';
import { prepareOutputDir, writeFileAtomic } from '../adapters/files.js';
import { jsonProgress, plainProgress, terminalProgress } from '../adapters/progress.js';
import { packageVersion } from '../adapters/resources.js';
import { runDocuments, type Progress } from '../run.js';
import type { Stage } from '../stages/stage.js';
import { crawl, type CrawlEvent } from './crawler.js';
import { FileCrawlStore } from './journal.js';
import { acquireIssues, archivedReplies } from './records.js';
import { crawlReporter } from './progress.js';

/**
 * `policy-miner crawl URL... --out DIR`: crawl, then run the pipeline over every archived reply page.
 *
 * DIR/crawl/state.jsonl   the journal (frontier and outcomes), appended and fsync'd; a re-run resumes from it
 * DIR/warc/*.warc.gz      every answer: request, response and metadata records (one file series per run)
 * DIR/crawl/skipped.jsonl URLs that did not end as an archived reply, with outcome (skipped/declined/failed) and code
 * DIR/crawl/summary.json  the crawl summary
 * DIR/records.jsonl, DIR/failures.jsonl, DIR/run.json   as `run` writes them, from the archive
 *
 * Exit codes: 0 every page ended well (skips by design included); 1 a page failed or was declined, a record
 * failed, or the crawl was interrupted; 2 a fatal error (bad URL, bad profile, unwritable output).
 */

const EXIT_OK = 0;
const EXIT_SOME_FAILED = 1;
const EXIT_FATAL = 2;

export interface CrawlCommandOptions {
  out: string;
  maxPages?: number;
  concurrency?: number;
  delay?: number;
  userAgent?: string;
  /** A site profile JSON file (schemas/crawl.ts SiteProfile). */
  profile?: string;
  refetch?: boolean;
  timeoutMs?: number;
  retries?: number;
  quiet?: boolean;
  log?: 'text' | 'json';
  workers: number;
  maxBytes: number;
  /** Embedding and tests: stop the crawl (in-flight fetches are dropped, the journal stays consistent). */
  signal?: AbortSignal;
  backoffMs?: number;
  maxRedirects?: number;
  /** Embedding and tests: the stage list for the pipeline run (in-thread runs only). */
  stages?: readonly Stage[];
  onEvent?: (event: CrawlEvent) => void;
}

export function defaultUserAgent(): string {
  return `policy-miner/${packageVersion('policy-miner')} (+government reply crawler; obeys robots.txt)`;
}

class FatalError extends Error {}

function checkSeeds(urls: readonly string[]): string[] {
  if (urls.length === 0) throw new FatalError('crawl needs at least one start URL');
  return urls.map((url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FatalError(`not a URL: ${url}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FatalError(`not an http(s) URL: ${url}`);
    return parsed.href;
  });
}

async function loadProfile(path: string | undefined): Promise<SiteProfile> {
  if (!path) return {};
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new FatalError(`cannot read the profile ${path}: ${(error as Error).message}`);
  }
  const parsed = SiteProfile.safeParse(json);
  if (!parsed.success) throw new FatalError(`bad profile ${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

function pipelineProgress(mode: 'text' | 'json' | 'quiet'): Progress | undefined {
  if (mode === 'quiet') return undefined;
  if (mode === 'json') return jsonProgress();
  return process.stderr.isTTY ? terminalProgress() : plainProgress();
}

export async function crawlCommand(urls: string[], options: CrawlCommandOptions): Promise<number> {
  const mode = options.quiet ? 'quiet' : (options.log ?? 'text');
  const reporter = crawlReporter(mode);
  const started = performance.now();
  let seeds: string[];
  let profile: SiteProfile;
  let config: CrawlConfig;
  try {
    seeds = checkSeeds(urls);
    profile = await loadProfile(options.profile);
    config = CrawlConfig.parse(Object.fromEntries(Object.entries(options).filter(([key, value]) => key in CrawlConfig.shape && value !== undefined)));
    await prepareOutputDir(join(options.out, 'crawl'));
  } catch (error) {
    if (!(error instanceof FatalError || error instanceof z.ZodError) && (error as NodeJS.ErrnoException).code === undefined) throw error;
    const message = error instanceof z.ZodError ? error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ') : (error as Error).message;
    process.stderr.write(`policy-miner: ${message}\n`);
    return EXIT_FATAL;
  }

  const outputs = { state: join(options.out, 'crawl', 'state.jsonl'), skipped: join(options.out, 'crawl', 'skipped.jsonl'), summary: join(options.out, 'crawl', 'summary.json') };
  const store = new FileCrawlStore(outputs.state);
  let result;
  try {
    result = await crawl({
      seeds,
      outDir: options.out,
      store,
      refetch: config.refetch,
      maxPages: config.maxPages,
      profile,
      signal: options.signal,
      onEvent: (event) => {
        reporter.event(event);
        options.onEvent?.(event);
      },
      http: {
        userAgent: config.userAgent ?? defaultUserAgent(),
        timeoutMs: config.timeoutMs,
        retries: config.retries,
        perHostConcurrency: config.concurrency,
        delayMs: config.delay,
        maxRedirects: config.maxRedirects,
        maxBytes: options.maxBytes,
        backoffMs: config.backoffMs,
        maxBackoffMs: config.maxBackoffMs,
        maxRetryAfterMs: config.maxRetryAfterMs,
      },
    });
  } finally {
    await store.close();
  }

  const lines = (await store.load()).lines;
  const replies = archivedReplies(lines, options.out);
  let records: CrawlSummary['records'] = null;
  if (!result.interrupted) {
    const run = await runDocuments(replies, { outDir: options.out, workers: options.workers, maxBytes: options.maxBytes, progress: pipelineProgress(mode), stages: options.stages });
    records = { succeeded: run.documents.succeeded, failed: run.documents.failed };
  }
  const issues = acquireIssues(lines);
  await writeFileAtomic(outputs.skipped, issues.map((issue) => `${JSON.stringify(issue)}\n`).join(''));
  const { counts } = result;
  const summary: CrawlSummary = {
    run: result.run,
    interrupted: result.interrupted,
    stoppedAtMaxPages: result.stoppedAtMaxPages,
    pages: { requested: counts.requested, archived: counts.archived, unchanged: counts.unchanged, skipped: counts.skipped, declined: counts.declined, failed: counts.failed, pending: counts.pending },
    recovered: result.recovered,
    requests: result.requests,
    byCode: result.byCode,
    replies: replies.length,
    records,
    warcFiles: result.warcFiles,
    durationMs: Math.round(performance.now() - started),
    outputs,
  };
  await writeFileAtomic(outputs.summary, `${JSON.stringify(summary, null, 2)}\n`);
  reporter.summary(summary, join(options.out, 'records.jsonl'));
  const troubled = counts.failed + counts.declined + (records?.failed ?? 0) > 0 || result.interrupted;
  return troubled ? EXIT_SOME_FAILED : EXIT_OK;
}

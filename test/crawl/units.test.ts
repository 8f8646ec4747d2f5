import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrawlStateLine, OutcomeLine } from '../../schemas/crawl.js';
import { SiteProfile } from '../../schemas/crawl.js';
import type { FetchResult } from '../../pipeline/adapters/http.js';
import { RobotsCache } from '../../pipeline/adapters/robots.js';
import { isReply, parseContentType } from '../../pipeline/crawl/classify.js';
import { Frontier } from '../../pipeline/crawl/frontier.js';
import { FileCrawlStore } from '../../pipeline/crawl/journal.js';
import { discoverLinks } from '../../pipeline/crawl/links.js';
import { dispositionOf, isSettled } from '../../pipeline/crawl/policy.js';
import { crawlReporter } from '../../pipeline/crawl/progress.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('link discovery on list pages', () => {
  const list = `<html><body>
    <div class="nav"><a href="/">首页</a><a href="/xxgk/index.html">政府信息公开目录总览页面</a></div>
    <ul class="list">
      <li><a href="./2022/t20220728_001.html">关于市政协十届一次会议第78号提案的答复</a></li>
      <li><a href="/xxgk/2022/t20220729_002.html#top" title="关于市人大代表第12号建议的答复">第12号建议</a></li>
      <li><a href="./2022/attach.pdf">关于市政协十届一次会议第79号提案的答复(附件)</a></li>
      <li><a href="http://elsewhere.invalid/a.html">关于市政协十届一次会议第80号提案的答复</a></li>
      <li><a href="javascript:void(0)">关于市政协十届一次会议第81号提案的答复</a></li>
    </ul>
    <div class="page"><a href="index.html">首页</a> <a href="index_1.html">下一页</a> <a href="index_2.html">3</a> <a href="/other/index_1.html">下一页</a></div>
    <script>createPageHTML(4, 0, "index", "html");</script>
    <div class="footer"><a href="/xxgk/2022/t20220101_about.html">关于本网站的版权与隐私保护声明</a></div>
  </body></html>`;

  it('finds pagination (下一页, page numbers, createPageHTML) in the same folder and detail links by title', () => {
    const links = discoverLinks(list, 'http://127.0.0.1:1/xxgk/index.html');
    expect(links.pages.sort()).toEqual(['http://127.0.0.1:1/xxgk/index_1.html', 'http://127.0.0.1:1/xxgk/index_2.html', 'http://127.0.0.1:1/xxgk/index_3.html']);
    expect(links.details).toEqual(['http://127.0.0.1:1/xxgk/2022/t20220728_001.html', 'http://127.0.0.1:1/xxgk/2022/t20220729_002.html']);
  });

  it('follows a profile: list container and link pattern', () => {
    const profile = SiteProfile.parse({ listSelector: 'ul.list', linkPattern: '/t\\d{8}_\\d+\\.html$' });
    const links = discoverLinks(list, 'http://127.0.0.1:1/xxgk/index.html', profile);
    expect(links.details).toEqual(['http://127.0.0.1:1/xxgk/2022/t20220728_001.html', 'http://127.0.0.1:1/xxgk/2022/t20220729_002.html']);
  });

  it('rejects a profile with a broken pattern or an unknown key', () => {
    expect(SiteProfile.safeParse({ linkPattern: '([' }).success).toBe(false);
    expect(SiteProfile.safeParse({ contentSelecter: '#zoom' }).success).toBe(false);
  });
});

describe('reply classification', () => {
  const body = '您提出的关于加强教师队伍建设的建议收悉,现答复如下。'.repeat(8);
  it('wants 答复 and what it answers, in enough text', () => {
    expect(isReply({ title: '关于第3号建议的答复', text: body })).toBe(true);
    expect(isReply({ title: '关于做好开学工作的通知', text: '各县教育局:为确保春季学期平稳开学,现就有关事项通知如下。'.repeat(8) })).toBe(false);
    expect(isReply({ title: '答复', text: '关于建议的答复' })).toBe(false);
  });
  it('reads charsets from Content-Type', () => {
    expect(parseContentType('text/html; charset="GBK"')).toEqual({ mime: 'text/html', charset: 'gbk' });
    expect(parseContentType('text/html')).toEqual({ mime: 'text/html', charset: null });
  });
});

describe('policy', () => {
  it('skips what asking again cannot fix, fails what may pass later', () => {
    expect(dispositionOf('http-404')).toMatchObject({ outcome: 'skipped', retryNextRun: false });
    expect(dispositionOf('http-503')).toMatchObject({ outcome: 'failed', retryNextRun: true });
    expect(dispositionOf('declined-challenge')).toMatchObject({ outcome: 'declined', retryNextRun: true });
    expect(isSettled('skipped', 'robots-disallowed')).toBe(true);
    expect(isSettled('failed', 'timeout')).toBe(false);
  });
});

const outcome = (url: string, fields: Partial<OutcomeLine>): OutcomeLine => ({
  type: 'outcome', run: 1, url, outcome: 'archived', code: null, message: '', status: 200, attempts: 1, finalUrl: null, kind: 'reply',
  charset: null, contentType: 'text/html', archive: null, fetchedAt: null, ...fields,
});

describe('frontier replay', () => {
  const lines: CrawlStateLine[] = [
    { type: 'run', run: 1, startedAt: '', seeds: ['http://h/l.html'], refetch: false, userAgent: 'x' },
    { type: 'discovered', url: 'http://h/l.html', kind: 'list', depth: 0, from: null },
    { type: 'discovered', url: 'http://h/a.html', kind: 'detail', depth: 1, from: 'http://h/l.html' },
    { type: 'discovered', url: 'http://h/b.html', kind: 'detail', depth: 1, from: 'http://h/l.html' },
    { type: 'discovered', url: 'http://h/c.html', kind: 'detail', depth: 1, from: 'http://h/l.html' },
    { type: 'discovered', url: 'http://h/moved.html', kind: 'detail', depth: 1, from: 'http://h/l.html' },
    outcome('http://h/l.html', { kind: 'list' }),
    outcome('http://h/a.html', { archive: { file: 'w', offset: 1, recordId: 'r', payloadDigest: 'sha256:1' } }),
    outcome('http://h/b.html', { outcome: 'failed', code: 'timeout' }),
    outcome('http://h/old.html', { finalUrl: 'http://h/moved.html', archive: { file: 'w', offset: 9, recordId: 's', payloadDigest: 'sha256:2' } }),
  ];
  const drain = (frontier: Frontier): string[] => {
    const urls: string[] = [];
    for (let entry = frontier.next(); entry; entry = frontier.next()) urls.push(entry.url);
    return urls;
  };

  it('resumes with what is not settled: failures and never-fetched URLs, not redirect targets already archived', () => {
    const frontier = new Frontier(lines, false);
    expect(frontier.previousRuns).toBe(1);
    expect(drain(frontier)).toEqual(['http://h/b.html', 'http://h/c.html']);
    expect(frontier.add({ url: 'http://h/a.html', kind: 'detail', depth: 1, from: null })).toBe(false);
  });

  it('with refetch queues everything known and remembers where each page was archived', () => {
    const frontier = new Frontier(lines, true);
    expect(drain(frontier)).toEqual(['http://h/l.html', 'http://h/a.html', 'http://h/b.html', 'http://h/c.html', 'http://h/moved.html']);
    expect(frontier.previousArchive('http://h/a.html')?.payloadDigest).toBe('sha256:1');
    expect(frontier.previousArchive('http://h/moved.html')?.recordId).toBe('s');
  });
});

describe('the journal file', () => {
  it('appends line by line and, after a torn last line, goes on from a fresh line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-miner-journal-'));
    dirs.push(dir);
    const file = join(dir, 'crawl', 'state.jsonl');
    const store = new FileCrawlStore(file);
    await store.append({ type: 'discovered', url: 'http://h/a.html', kind: 'detail', depth: 1, from: null });
    await store.close();
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"type":"discovered","url":"http://h/b.ht`);
    const resumed = new FileCrawlStore(file);
    expect((await resumed.load()).rejected).toBe(1);
    await resumed.append({ type: 'discovered', url: 'http://h/c.html', kind: 'detail', depth: 1, from: null });
    await resumed.close();
    const { lines, rejected } = await new FileCrawlStore(file).load();
    expect(rejected).toBe(1);
    expect(lines.map((line) => (line.type === 'discovered' ? line.url : ''))).toEqual(['http://h/a.html', 'http://h/c.html']);
  });
});

describe('robots.txt', () => {
  const answer = (status: number, body: string): FetchResult =>
    status === 200
      ? { ok: true, attempts: 1, hops: [], exchange: { url: 'http://h/robots.txt', requestHeaders: [], status, statusText: 'OK', headers: [], body: new TextEncoder().encode(body), startedAt: '', elapsedMs: 1 } }
      : { ok: false, code: `http-${status}`, message: `HTTP ${status}`, status, attempts: 1, hops: [], exchange: null };

  it('obeys rules for our agent and passes on Crawl-delay', async () => {
    const delays: number[] = [];
    const robots = new RobotsCache('policy-miner/1.0', async () => answer(200, 'User-agent: policy-miner\nDisallow: /private/\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /'), undefined, (_host, ms) => delays.push(ms));
    expect((await robots.check(new URL('http://h/xxgk/a.html'))).allowed).toBe(true);
    expect(await robots.check(new URL('http://h/private/a.html'))).toMatchObject({ allowed: false, code: 'robots-disallowed' });
    expect(delays).toEqual([2000]);
  });

  it('allows everything without robots.txt (4xx) and nothing when it is unreachable (5xx)', async () => {
    expect((await new RobotsCache('a', async () => answer(404, '')).check(new URL('http://h/x.html'))).allowed).toBe(true);
    expect(await new RobotsCache('a', async () => answer(503, '')).check(new URL('http://h/x.html'))).toMatchObject({ allowed: false, code: 'robots-unreachable' });
  });

  it('fetches robots.txt once per origin', async () => {
    let fetched = 0;
    const robots = new RobotsCache('a', async () => (fetched++, answer(200, '')));
    await Promise.all([robots.check(new URL('http://h/1.html')), robots.check(new URL('http://h/2.html'))]);
    expect(fetched).toBe(1);
  });
});

describe('crawl progress and summary', () => {
  it('prints one line per URL and a summary of what was fetched, archived, skipped and failed, and why', () => {
    const chunks: string[] = [];
    const stream = { write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WritableStream;
    const reporter = crawlReporter('text', stream);
    reporter.event({ type: 'start', run: 1, pending: 1 });
    reporter.event({ type: 'recover', outcomes: [outcome('http://h/c.html', { run: 1 })], cut: [{ file: 'warc/crawl-00001-001.warc.gz', bytes: 120 }] });
    reporter.event({ type: 'page', url: 'http://h/a.html', outcome: 'archived', code: null, status: 200, kind: 'reply', attempts: 1, written: true, pending: 0 });
    reporter.event({ type: 'page', url: 'http://h/b.html', outcome: 'failed', code: 'timeout', status: null, kind: null, attempts: 3, written: false, pending: 0 });
    reporter.summary(
      {
        run: 1, interrupted: false, stoppedAtMaxPages: false, requests: 5, replies: 1, records: { succeeded: 1, failed: 0 }, warcFiles: [], durationMs: 1,
        pages: { requested: 2, archived: 1, unchanged: 0, skipped: 1, declined: 0, failed: 1, pending: 0 },
        byCode: { timeout: 1, 'http-404': 1 },
        recovered: { pages: 1, tornWrites: 1 },
        outputs: { state: 's', skipped: 'k', summary: 'm' },
      },
      'out/records.jsonl',
    );
    const text = chunks.join('');
    expect(text).toContain('taken from the archive of interrupted run 1: 200 archived reply http://h/c.html');
    expect(text).toContain('cut a torn write (120 bytes) off the end of warc/crawl-00001-001.warc.gz');
    expect(text).toContain('200 archived reply http://h/a.html');
    expect(text).toContain('--- failed timeout (3 attempts) http://h/b.html');
    expect(text).toContain('2 page(s) fetched with 5 HTTP request(s); 1 archived, 0 unchanged, 1 skipped (1 http-404), 0 declined, 1 failed (1 timeout)');
    expect(text).toContain('; recovered from an interrupted run: 1 page(s) taken from the archive, 1 torn write(s) cut');
    expect(text).toContain('records: 1/1 reply page(s) → out/records.jsonl');
    const json: string[] = [];
    crawlReporter('json', { write: (chunk: string) => json.push(chunk) } as unknown as NodeJS.WritableStream).event({ type: 'stop', reason: 'done' });
    expect(JSON.parse(json[0]!)).toMatchObject({ event: 'crawl-stop', reason: 'done' });
  });
});

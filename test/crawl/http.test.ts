import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, looksLikeChallenge, retryAfterMs, type HttpOptions } from '../../pipeline/adapters/http.js';

/** The HTTP adapter against a local server whose routes misbehave on purpose; only 127.0.0.1 is touched. */

const hits = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;
let lastUserAgent = '';

const routes: Record<string, (req: IncomingMessage, res: ServerResponse, hit: number) => void> = {
  '/ok': (_req, res) => res.end('<html><body><p>正文</p></body></html>'),
  '/always-503': (_req, res) => res.writeHead(503, { 'retry-after': '0' }).end('busy'),
  '/503-twice': (_req, res, hit) => (hit <= 2 ? res.writeHead(503).end('busy') : res.end('ok')),
  '/404': (_req, res) => res.writeHead(404).end('missing'),
  '/never': () => {},
  '/reset': (req) => req.socket.destroy(),
  '/429-then-ok': (_req, res, hit) => (hit === 1 ? res.writeHead(429, { 'retry-after': '1' }).end('slow down') : res.end('ok')),
  '/503-wait-an-hour': (_req, res) => res.writeHead(503, { 'retry-after': '3600' }).end('maintenance'),
  '/r1': (_req, res) => res.writeHead(302, { location: '/r2' }).end(),
  '/r2': (_req, res) => res.writeHead(301, { location: '/r3' }).end(),
  '/r3': (_req, res) => res.writeHead(301, { location: '/ok' }).end(),
  '/412': (_req, res) => res.writeHead(412, { 'content-type': 'text/html' }).end('<html><script>var $_ts=window.$_ts||{};</script></html>'),
  '/script-only': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><script>document.cookie="a=1";location.reload()</script></body></html>'),
  '/slowish': (_req, res) => setTimeout(() => res.end('ok'), 40),
};

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const hit = (hits.get(path) ?? 0) + 1;
  hits.set(path, hit);
  lastUserAgent = String(req.headers['user-agent']);
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  res.on('close', () => inFlight--);
  (routes[path] ?? ((_q, r) => r.writeHead(404).end()))(req, res, hit);
});
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (overrides: Partial<HttpOptions> = {}): HttpClient =>
  new HttpClient({ userAgent: 'policy-miner-test/1.0', timeoutMs: 300, retries: 2, perHostConcurrency: 2, delayMs: 0, maxRedirects: 5, maxBytes: 1e6, backoffMs: 5, maxBackoffMs: 50, maxRetryAfterMs: 5000, ...overrides });

describe('HttpClient', () => {
  it('retries 5xx exactly as configured, then fails with the status', async () => {
    const result = await client({ retries: 2 }).get(`${origin}/always-503`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('http-503');
    expect(result.attempts).toBe(3);
    expect(hits.get('/always-503')).toBe(3);
  });

  it('gets through a page that answers 503 twice then 200', async () => {
    const result = await client({ retries: 2 }).get(`${origin}/503-twice`);
    expect(result.ok).toBe(true);
    expect(hits.get('/503-twice')).toBe(3);
  });

  it('does not retry a 404', async () => {
    const result = await client().get(`${origin}/404`);
    expect(!result.ok && result.code).toBe('http-404');
    expect(hits.get('/404')).toBe(1);
  });

  it('times out, retries the timeout, and reports it', async () => {
    const started = performance.now();
    const result = await client({ retries: 1, timeoutMs: 100 }).get(`${origin}/never`);
    expect(!result.ok && result.code).toBe('timeout');
    expect(hits.get('/never')).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(180);
  });

  it('retries a connection reset', async () => {
    const result = await client({ retries: 1 }).get(`${origin}/reset`);
    expect(!result.ok && result.code).toBe('connection-reset');
    expect(hits.get('/reset')).toBe(2);
  });

  it('waits at least what Retry-After asks', async () => {
    const started = performance.now();
    const result = await client({ retries: 1, backoffMs: 0 }).get(`${origin}/429-then-ok`);
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After is longer than it will wait', async () => {
    const result = await client({ retries: 3 }).get(`${origin}/503-wait-an-hour`);
    expect(!result.ok && result.code).toBe('retry-after-too-long');
    expect(hits.get('/503-wait-an-hour')).toBe(1);
  });

  it('follows redirects up to the cap and lets the caller veto a hop', async () => {
    const followed = await client().get(`${origin}/r1`);
    expect(followed.ok && followed.exchange.url).toBe(`${origin}/ok`);
    expect(followed.hops.map((hop) => hop.status)).toEqual([302, 301, 301]);
    const capped = await client({ maxRedirects: 2 }).get(`${origin}/r1`);
    expect(!capped.ok && capped.code).toBe('too-many-redirects');
    const vetoed = await client().get(`${origin}/r1`, async (url) => (url.pathname === '/r3' ? { code: 'robots-disallowed', message: 'no' } : null));
    expect(!vetoed.ok && vetoed.code).toBe('robots-disallowed');
  });

  it('declines anti-bot challenges without retrying them', async () => {
    const wall = await client().get(`${origin}/412`);
    expect(!wall.ok && wall.code).toBe('declined-challenge');
    expect(hits.get('/412')).toBe(1);
    const script = await client().get(`${origin}/script-only`);
    expect(!script.ok && script.code).toBe('declined-challenge');
    expect(looksLikeChallenge(new TextEncoder().encode('<html><script>var a=1</script><body><p>这是一个正常的页面,有足够多的正文内容可以阅读,并不只是一段脚本而已,所以不是挑战页。</p></body></html>'), 'text/html')).toBe(false);
  });

  it('keeps to the per-host limit and spaces request starts by the delay', async () => {
    maxInFlight = 0;
    // Starts are taken where the adapter sends, not where the server receives: arrival jitters under load.
    const sent: number[] = [];
    const http = client({ perHostConcurrency: 2, delayMs: 20, fetch: (input, init) => (sent.push(performance.now()), fetch(input, init)) });
    const results = await Promise.all(Array.from({ length: 6 }, () => http.get(`${origin}/slowish`)));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBe(2);
    const gaps = sent.slice(1).map((start, i) => start - sent[i]!);
    // Each start is scheduled 20 ms after the one before; a busy event loop may send one a little late, which
    // shortens the next measured gap but never the span.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(12);
    expect(sent.at(-1)! - sent[0]!).toBeGreaterThanOrEqual(5 * 20 - 1);
    expect(lastUserAgent).toBe('policy-miner-test/1.0');
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString())).toBeGreaterThan(1000);
    expect(retryAfterMs('soon')).toBeNull();
  });
});

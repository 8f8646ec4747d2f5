import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * The fixture site on 127.0.0.1 (port 0): routes from test/fixtures/site/site.json, plus the misbehaviours the
 * crawler must survive — a page that answers 503 twice before 200, a page slower than the client's timeout, a
 * redirect, an anti-bot 521, and 404 for anything unknown. It logs every request and keeps the counts the tests
 * assert on: hits per path and the most requests it ever had in flight at once.
 */

export const SITE_DIR = join(import.meta.dirname, '..', 'fixtures', 'site');

interface Route {
  file?: string;
  type?: string;
  status?: number;
  redirect?: string;
  behaviour?: 'fail-twice' | 'slow';
}

export interface RequestLog {
  path: string;
  userAgent: string;
  startedAt: number;
  status: number;
}

export interface FixtureServer {
  origin: string;
  seed: string;
  log: RequestLog[];
  hits(path: string): number;
  maxInFlight: number;
  reset(): void;
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** How long the slow page keeps the client waiting before its headers. */
  slowMs?: number;
  /** Extra latency on every page, so concurrent requests overlap measurably. */
  latencyMs?: number;
}

export async function startFixtureServer(options: FixtureOptions = {}): Promise<FixtureServer> {
  const { slowMs = 1500, latencyMs = 15 } = options;
  const site = JSON.parse(readFileSync(join(SITE_DIR, 'site.json'), 'utf8')) as { seed: string; routes: Record<string, Route> };
  const bodies = new Map<string, Buffer>();
  const body = (file: string): Buffer => {
    if (!bodies.has(file)) bodies.set(file, readFileSync(join(SITE_DIR, 'pages', file)));
    return bodies.get(file)!;
  };
  const state = { log: [] as RequestLog[], hits: new Map<string, number>(), inFlight: 0, maxInFlight: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void, res: ServerResponse): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) fn();
    }, ms);
    timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const hit = (state.hits.get(path) ?? 0) + 1;
    state.hits.set(path, hit);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    const entry: RequestLog = { path, userAgent: String(req.headers['user-agent'] ?? ''), startedAt: performance.now(), status: 0 };
    state.log.push(entry);
    res.on('close', () => state.inFlight--);
    const send = (status: number, headers: Record<string, string>, payload: Buffer | string = ''): void => {
      entry.status = status;
      const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
      res.writeHead(status, { ...headers, 'content-length': String(bytes.length), server: 'TRS WCM' });
      res.end(bytes);
    };
    const route = site.routes[path];
    if (!route) return later(latencyMs, () => send(404, { 'content-type': 'text/html; charset=utf-8' }, '<html><body><h1>404 Not Found</h1></body></html>'), res);
    if (route.redirect) return later(latencyMs, () => send(route.status ?? 301, { location: route.redirect! }), res);
    const headers = { 'content-type': route.type ?? 'text/html' };
    if (route.behaviour === 'fail-twice' && hit <= 2) {
      return later(latencyMs, () => send(503, { 'content-type': 'text/html', 'retry-after': '0' }, '<html><body>Service Unavailable</body></html>'), res);
    }
    if (route.behaviour === 'slow') return later(slowMs, () => send(200, headers, body(route.file!)), res);
    later(latencyMs, () => send(route.status ?? 200, headers, body(route.file!)), res);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    seed: `${origin}${site.seed}`,
    get log() {
      return state.log;
    },
    hits: (path) => state.hits.get(path) ?? 0,
    get maxInFlight() {
      return state.maxInFlight;
    },
    reset() {
      state.log = [];
      state.hits.clear();
      state.maxInFlight = state.inFlight;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

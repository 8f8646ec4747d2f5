import pLimit, { type LimitFunction } from 'p-limit';

/**
 * The HTTP adapter: the only code of the crawl that talks to servers, and (with the crawl runner) the only place
 * where concurrency and retries live. One GET goes through, in this order: the per-host limit (p-limit) and the
 * delay between request starts to the same host; a timeout covering headers and body; retries with exponential
 * backoff and jitter on timeouts, connection errors, 429 and 5xx, waiting at least what `Retry-After` asks;
 * redirects followed one hop at a time up to a cap, each hop vetted by the caller (robots.txt, scope); anti-bot
 * challenges recognised and declined, never worked around. Nothing throws for a bad answer: the result says why.
 */

/** Statuses worth asking again: the server is busy or broken for now. */
const RETRY_STATUS = (status: number): boolean => status === 408 || status === 429 || status >= 500;
/** Network error codes (undici's `cause.code`) and what the crawl calls them. */
const NETWORK_CODES: Readonly<Record<string, 'connection-reset' | 'connection-refused' | 'dns' | 'timeout'>> = {
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  UND_ERR_SOCKET: 'connection-reset',
  UND_ERR_CLOSED: 'connection-reset',
  ECONNREFUSED: 'connection-refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
};
/** Failures worth another attempt. `dns` is not: a name that does not resolve will not resolve in a second. */
const RETRY_CODES = new Set(['timeout', 'connection-reset', 'connection-refused', 'network']);
/** Statuses of anti-bot walls in front of Chinese government sites: 412 (Ruishu / 瑞数), 521 (Jiasule / 加速乐). */
const CHALLENGE_STATUS = new Set([412, 521]);
/** Cookie-setting scripts of the same walls when they answer 200. */
const CHALLENGE_MARKERS = /__jsl_clearance|\$_ts\s*=|_\$[a-zA-Z]{2}\s*=|document\.cookie\s*=.*location|acw_sc__v2|challenge-platform/;
/** A page with less visible text than this besides its scripts is a script-only page. */
const SCRIPT_ONLY_MAX_TEXT = 40;
/** A marker counts only on a page this bare: a real page with a cookie script still has its text. */
const MARKED_MAX_TEXT = 400;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** Headers sent with every request, besides the User-Agent. */
const REQUEST_HEADERS: Readonly<Record<string, string>> = {
  accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
  'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
};

export interface HttpOptions {
  userAgent: string;
  /** Per attempt, headers and body together. */
  timeoutMs: number;
  /** Further attempts after the first (0: none). */
  retries: number;
  /** Requests in flight to one host at most. */
  perHostConcurrency: number;
  /** Least time between the starts of two requests to one host. */
  delayMs: number;
  maxRedirects: number;
  /** Bodies longer than this are cut off and reported as `too-large`. */
  maxBytes: number;
  /** First backoff; each retry doubles it, up to `maxBackoffMs`, with jitter. */
  backoffMs: number;
  maxBackoffMs: number;
  /** A `Retry-After` longer than this is not waited for: the URL fails with `retry-after-too-long`. */
  maxRetryAfterMs: number;
  /** Aborts waits and requests in flight; the pending call rejects with the signal's reason. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  random?: () => number;
}

/** One request and its answer, as the archive keeps it. */
export interface HttpExchange {
  url: string;
  requestHeaders: [string, string][];
  status: number;
  statusText: string;
  headers: [string, string][];
  /** The body as received, content-encoding already undone by fetch. */
  body: Uint8Array;
  startedAt: string;
  elapsedMs: number;
}

export type FetchResult =
  | { ok: true; exchange: HttpExchange; hops: HttpExchange[]; attempts: number }
  | { ok: false; code: string; message: string; status: number | null; exchange: HttpExchange | null; hops: HttpExchange[]; attempts: number };

/** The caller's say on a redirect target: null to follow, or the code to stop with. */
export type HopCheck = (url: URL) => Promise<{ code: string; message: string } | null>;

type Attempt =
  | { kind: 'answer'; exchange: HttpExchange }
  | { kind: 'error'; code: string; message: string };

export class AbortedError extends Error {
  override name = 'AbortedError';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(new AbortedError('aborted')) : Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedError('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** True when a 200 answer is an anti-bot page rather than the page asked for. */
export function looksLikeChallenge(body: Uint8Array, contentType: string | null): boolean {
  if (contentType && !/html|text\/plain/i.test(contentType)) return false;
  const html = Buffer.from(body.subarray(0, 64 * 1024)).toString('latin1');
  if (!/<script/i.test(html)) return false;
  const visible = html
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, '');
  return visible.length < SCRIPT_ONLY_MAX_TEXT || (visible.length < MARKED_MAX_TEXT && CHALLENGE_MARKERS.test(html));
}

interface HostGate {
  limit: LimitFunction;
  nextStart: number;
  delayMs: number;
}

export class HttpClient {
  /** Requests sent, retries included. */
  requests = 0;
  private readonly gates = new Map<string, HostGate>();
  private readonly fetchImpl: typeof fetch;
  private readonly random: () => number;

  constructor(private readonly options: HttpOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.random = options.random ?? Math.random;
  }

  /** Raises the delay for one host (robots.txt `Crawl-delay`); never lowers it below the configured delay. */
  setHostDelay(host: string, delayMs: number): void {
    const gate = this.gate(host);
    gate.delayMs = Math.max(this.options.delayMs, delayMs);
  }

  private gate(host: string): HostGate {
    let gate = this.gates.get(host);
    if (!gate) {
      gate = { limit: pLimit(this.options.perHostConcurrency), nextStart: 0, delayMs: this.options.delayMs };
      this.gates.set(host, gate);
    }
    return gate;
  }

  /** GET with redirects, retries and challenge detection. Rejects only with `AbortedError` when the signal fires. */
  async get(url: string, checkHop: HopCheck = async () => null): Promise<FetchResult> {
    const hops: HttpExchange[] = [];
    let current = new URL(url);
    let attempts = 0;
    for (;;) {
      const { attempt, tries } = await this.withRetries(current.href);
      attempts = tries;
      if (attempt.kind === 'error') {
        return { ok: false, code: attempt.code, message: attempt.message, status: null, exchange: null, hops, attempts };
      }
      const { exchange } = attempt;
      const location = header(exchange.headers, 'location');
      if (REDIRECT_STATUS.has(exchange.status) && location) {
        hops.push(exchange);
        if (hops.length > this.options.maxRedirects) {
          return { ok: false, code: 'too-many-redirects', message: `more than ${this.options.maxRedirects} redirects`, status: exchange.status, exchange: null, hops, attempts };
        }
        const next = new URL(location, current);
        const refusal = await checkHop(next);
        if (refusal) return { ok: false, ...refusal, status: exchange.status, exchange: null, hops, attempts };
        current = next;
        continue;
      }
      return this.judge(exchange, hops, attempts);
    }
  }

  private judge(exchange: HttpExchange, hops: HttpExchange[], attempts: number): FetchResult {
    const { status } = exchange;
    if (CHALLENGE_STATUS.has(status) || (status === 200 && looksLikeChallenge(exchange.body, header(exchange.headers, 'content-type')))) {
      return { ok: false, code: 'declined-challenge', message: `anti-bot challenge (HTTP ${status}): declined, not bypassed`, status, exchange, hops, attempts };
    }
    if (status >= 200 && status < 300) return { ok: true, exchange, hops, attempts };
    return { ok: false, code: `http-${status}`, message: `HTTP ${status} ${exchange.statusText}`.trim(), status, exchange, hops, attempts };
  }

  private async withRetries(url: string): Promise<{ attempt: Attempt; tries: number }> {
    const { retries, backoffMs, maxBackoffMs, maxRetryAfterMs, signal } = this.options;
    for (let tryIndex = 0; ; tryIndex++) {
      const attempt = await this.once(url);
      const retryable = attempt.kind === 'error' ? RETRY_CODES.has(attempt.code) : RETRY_STATUS(attempt.exchange.status) && !CHALLENGE_STATUS.has(attempt.exchange.status);
      if (!retryable || tryIndex >= retries) return { attempt, tries: tryIndex + 1 };
      // Equal jitter: half the exponential step for sure, the other half at random, so clients spread out.
      const step = Math.min(maxBackoffMs, backoffMs * 2 ** tryIndex);
      let wait = step / 2 + this.random() * (step / 2);
      if (attempt.kind === 'answer') {
        const asked = retryAfterMs(header(attempt.exchange.headers, 'retry-after'));
        if (asked !== null && asked > maxRetryAfterMs) {
          return {
            attempt: { kind: 'error', code: 'retry-after-too-long', message: `HTTP ${attempt.exchange.status} with Retry-After ${Math.round(asked / 1000)} s, over the ${Math.round(maxRetryAfterMs / 1000)} s limit` },
            tries: tryIndex + 1,
          };
        }
        if (asked !== null) wait = Math.max(wait, asked);
      }
      await sleep(wait, signal);
    }
  }

  private once(url: string): Promise<Attempt> {
    const host = new URL(url).host;
    const gate = this.gate(host);
    return gate.limit(async () => {
      const start = Math.max(performance.now(), gate.nextStart);
      gate.nextStart = start + gate.delayMs;
      // Timers run on the event loop's cached clock and may fire a little early: wait until the clock agrees.
      for (let left = start - performance.now(); left > 0; left = start - performance.now()) await sleep(Math.ceil(left), this.options.signal);
      if (this.options.signal?.aborted) throw new AbortedError('aborted');
      return this.send(url);
    });
  }

  private async send(url: string): Promise<Attempt> {
    const { signal, timeoutMs, userAgent } = this.options;
    if (signal?.aborted) throw new AbortedError('aborted');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const requestHeaders: [string, string][] = [['user-agent', userAgent], ...Object.entries(REQUEST_HEADERS)];
    const startedAt = new Date();
    this.requests++;
    try {
      const response = await this.fetchImpl(url, { redirect: 'manual', headers: requestHeaders, signal: controller.signal });
      const body = await readCapped(response, this.options.maxBytes);
      if (body === null) {
        controller.abort();
        return { kind: 'error', code: 'too-large', message: `body over ${this.options.maxBytes} bytes` };
      }
      return {
        kind: 'answer',
        exchange: {
          url,
          requestHeaders: [['host', new URL(url).host], ...requestHeaders],
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body,
          startedAt: startedAt.toISOString(),
          elapsedMs: Date.now() - startedAt.getTime(),
        },
      };
    } catch (error) {
      if (signal?.aborted) throw new AbortedError('aborted');
      if (timedOut) return { kind: 'error', code: 'timeout', message: `no complete answer within ${timeoutMs} ms` };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const code = (cause?.code && NETWORK_CODES[cause.code]) || 'network';
      return { kind: 'error', code, message: cause?.message ? `${cause.code ?? ''} ${cause.message}`.trim() : String(error) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** First value of a header (names compared without case). */
export function header(headers: readonly [string, string][], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1] ?? null;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) return null;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

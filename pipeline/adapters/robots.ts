import robotsParserModule from 'robots-parser';
import type { FetchResult } from './http.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}
/** robots-parser is CommonJS with `module.exports = fn` but types it as a default export: take whichever is there. */
const robotsParser = ((robotsParserModule as unknown as { default?: unknown }).default ?? robotsParserModule) as unknown as (url: string, text: string) => Robot;

/**
 * robots.txt, fetched once per origin and run, read with robots-parser for our user agent. What the status of
 * robots.txt means follows RFC 9309 §2.3.1: a 4xx answer (no robots.txt) allows everything; a 5xx answer, a
 * network failure or an anti-bot wall means the rules are unreachable, so nothing on that origin is fetched in
 * this run (the URLs fail as `robots-unreachable` and a later run tries again).
 */

/** Statuses that say robots.txt is unreachable rather than absent (429 is treated like a 5xx, as Google does). */
const UNREACHABLE_STATUS = (status: number): boolean => status === 429 || status >= 500;
/** RFC 9309 asks crawlers to read at least 500 KiB; rules past that are ignored. */
const MAX_ROBOTS_BYTES = 512 * 1024;

type Rules =
  | { kind: 'parsed'; robot: Robot }
  | { kind: 'allow-all'; why: string }
  | { kind: 'unreachable'; why: string };

export type RobotsVerdict =
  | { allowed: true }
  | { allowed: false; code: 'robots-disallowed' | 'robots-unreachable'; message: string };

export class RobotsCache {
  private readonly rules = new Map<string, Promise<Rules>>();

  /**
   * @param fetchRobots GETs a robots.txt URL (through the politeness of the HTTP adapter).
   * @param onFetched sees every robots.txt answer, so the crawl can archive it.
   * @param onCrawlDelay receives a `Crawl-delay` for our agent, in milliseconds.
   */
  constructor(
    private readonly userAgent: string,
    private readonly fetchRobots: (url: string) => Promise<FetchResult>,
    private readonly onFetched: (url: string, result: FetchResult) => Promise<void> = async () => {},
    private readonly onCrawlDelay: (host: string, ms: number) => void = () => {},
  ) {}

  async check(url: URL): Promise<RobotsVerdict> {
    let pending = this.rules.get(url.origin);
    if (!pending) {
      pending = this.load(url);
      this.rules.set(url.origin, pending);
    }
    const rules = await pending;
    if (rules.kind === 'allow-all') return { allowed: true };
    if (rules.kind === 'unreachable') return { allowed: false, code: 'robots-unreachable', message: `robots.txt of ${url.origin} is unreachable (${rules.why}): not crawling that site in this run` };
    const allowed = rules.robot.isAllowed(url.href, this.userAgent) ?? true;
    if (allowed) return { allowed: true };
    const line = rules.robot.getMatchingLineNumber(url.href, this.userAgent);
    return { allowed: false, code: 'robots-disallowed', message: `disallowed for ${this.userAgent} by ${url.origin}/robots.txt line ${line}` };
  }

  private async load(url: URL): Promise<Rules> {
    const robotsUrl = new URL('/robots.txt', url.origin).href;
    const result = await this.fetchRobots(robotsUrl);
    await this.onFetched(robotsUrl, result);
    if (result.ok) {
      const text = Buffer.from(result.exchange.body.subarray(0, MAX_ROBOTS_BYTES)).toString('utf8');
      const robot = robotsParser(robotsUrl, text);
      const delay = robot.getCrawlDelay(this.userAgent);
      if (delay !== undefined && Number.isFinite(delay) && delay > 0) this.onCrawlDelay(url.host, delay * 1000);
      return { kind: 'parsed', robot };
    }
    if (result.status !== null && result.status >= 400 && result.status < 500 && !UNREACHABLE_STATUS(result.status) && result.code !== 'declined-challenge') {
      return { kind: 'allow-all', why: `HTTP ${result.status}` };
    }
    return { kind: 'unreachable', why: result.message };
  }
}

import type { Outcome } from '../../schemas/crawl.js';

/**
 * How a URL ends, as a small policy language (after Crawlee): each acquire code says whether the URL is skipped
 * (nothing to gain from asking again), declined (we will not get past what the site put in the way) or failed
 * (a transient fault, already retried by the HTTP adapter within the run), and whether a later run of the same
 * crawl asks again. "Retry" within a run is the HTTP adapter's job; "stop everything" is an exception from the
 * archive or the journal (a full disk, a folder that cannot be written), which ends the crawl as fatal.
 */

export interface Disposition {
  outcome: Extract<Outcome, 'skipped' | 'declined' | 'failed'>;
  /** Asked again by a later run without --refetch. */
  retryNextRun: boolean;
  why: string;
}

const SKIP = (why: string): Disposition => ({ outcome: 'skipped', retryNextRun: false, why });
const FAIL = (why: string): Disposition => ({ outcome: 'failed', retryNextRun: true, why });

export const ACQUIRE_POLICY: Readonly<Record<string, Disposition>> = {
  'robots-disallowed': SKIP('the site asks crawlers to stay out'),
  'redirect-offsite': SKIP('the page moved to a host outside the crawl'),
  'too-large': SKIP('over --max-bytes; raising the limit is a new crawl decision'),
  'not-html': SKIP('a file the pipeline does not read (PDF, image, archive)'),
  'not-a-reply': SKIP('a page the crawl archived but that is not a reply'),
  'declined-challenge': { outcome: 'declined', retryNextRun: true, why: 'an anti-bot wall; declined, never bypassed' },
  'robots-unreachable': FAIL('robots.txt could not be read, so nothing there is fetched this run'),
  timeout: FAIL('no complete answer in time'),
  'connection-reset': FAIL('the connection broke'),
  'connection-refused': FAIL('nothing listening'),
  dns: FAIL('the host name does not resolve'),
  network: FAIL('another network error'),
  'too-many-redirects': FAIL('a redirect chain longer than the cap, probably a loop'),
  'retry-after-too-long': FAIL('the server asked for a longer pause than we wait'),
};

/** The disposition of a code; `http-NNN` codes go by status class. */
export function dispositionOf(code: string): Disposition {
  const known = ACQUIRE_POLICY[code];
  if (known) return known;
  const status = /^http-(\d{3})$/.exec(code)?.[1];
  if (status) {
    const value = Number(status);
    if (value === 408 || value === 429 || value >= 500) return FAIL(`HTTP ${value} after the configured retries`);
    if (value >= 400) return SKIP(`HTTP ${value}: the page is not there for us`);
    return FAIL(`HTTP ${value}: an answer the crawl cannot use`);
  }
  return FAIL('unknown');
}

/** Outcomes a later run (without --refetch) does not ask again. */
export function isSettled(outcome: Outcome, code: string | null): boolean {
  if (outcome === 'archived' || outcome === 'unchanged') return true;
  return code !== null && !dispositionOf(code).retryNextRun;
}

import type { ArchivePointer, CrawlStateLine, OutcomeLine } from '../../schemas/crawl.js';
import { isSettled } from './policy.js';

/**
 * The frontier, rebuilt from the journal: every URL discovered so far in discovery order, which of them are
 * settled (archived, or skipped for good) and where each was last archived. A run without --refetch queues what
 * is not settled, so a killed crawl resumes where it stopped; with --refetch it queues everything known again and
 * the crawler compares payload digests against `previousArchive` before writing. Pure data: no I/O.
 */

export interface FrontierEntry {
  url: string;
  kind: 'list' | 'detail';
  depth: number;
  from: string | null;
}

/** The form a URL is known by: no fragment, host lower-cased and default port dropped (WHATWG URL does both). */
export function canonicalUrl(url: string | URL): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

export class Frontier {
  /** Runs recorded in the journal before this one. */
  readonly previousRuns: number;
  private readonly known = new Map<string, FrontierEntry>();
  private readonly settled = new Set<string>();
  private readonly archives = new Map<string, ArchivePointer>();
  private readonly done = new Set<string>();
  private readonly queue: FrontierEntry[] = [];
  private head = 0;

  constructor(lines: readonly CrawlStateLine[], private readonly refetch: boolean) {
    let runs = 0;
    for (const line of lines) {
      if (line.type === 'run') runs = Math.max(runs, line.run);
      else if (line.type === 'discovered') {
        if (!this.known.has(line.url)) this.known.set(line.url, { url: line.url, kind: line.kind, depth: line.depth, from: line.from });
      } else this.record(line);
    }
    this.previousRuns = runs;
    for (const entry of this.known.values()) if (refetch || !this.settled.has(entry.url)) this.queue.push(entry);
  }

  private record(line: OutcomeLine): void {
    if (line.archive) {
      this.archives.set(line.url, line.archive);
      if (line.finalUrl) this.archives.set(line.finalUrl, line.archive);
    }
    if (isSettled(line.outcome, line.code)) {
      this.settled.add(line.url);
      if (line.finalUrl) this.settled.add(line.finalUrl);
    }
  }

  /** Adds a URL; true when it is new to the crawl (the caller journals it). */
  add(entry: FrontierEntry): boolean {
    if (this.known.has(entry.url)) return false;
    this.known.set(entry.url, entry);
    this.queue.push(entry);
    return true;
  }

  /** The next URL to fetch in this run, or undefined when none is left. */
  next(): FrontierEntry | undefined {
    while (this.head < this.queue.length) {
      const entry = this.queue[this.head++]!;
      if (this.done.has(entry.url)) continue;
      if (!this.refetch && this.settled.has(entry.url)) continue;
      this.done.add(entry.url);
      return entry;
    }
    return undefined;
  }

  /** Notes how a URL ended in this run; its redirect target counts as done too. */
  settle(line: OutcomeLine): void {
    this.record(line);
    this.done.add(line.url);
    if (line.finalUrl) this.done.add(line.finalUrl);
  }

  /** Where a URL (or the page it redirected to) was last archived, in this run or an earlier one. */
  previousArchive(url: string): ArchivePointer | undefined {
    return this.archives.get(url);
  }

  /** URLs still queued, counted cheaply for progress lines (a queued URL may yet turn out done). */
  get queued(): number {
    return this.queue.length - this.head;
  }

  /** URLs still to fetch in this run, exactly (a walk over the queue: for the summary, not per page). */
  get pending(): number {
    let count = 0;
    for (let i = this.head; i < this.queue.length; i++) {
      const { url } = this.queue[i]!;
      if (!this.done.has(url) && (this.refetch || !this.settled.has(url))) count++;
    }
    return count;
  }
}

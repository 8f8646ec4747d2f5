import { join } from 'node:path';
import type { AcquireIssue, CrawlStateLine, OutcomeLine } from '../../schemas/crawl.js';
import { readResponseAt } from '../adapters/warc.js';
import type { InputDocument } from '../run.js';
import { dispositionOf } from './policy.js';

/**
 * What the journal says the archive holds, turned into the pipeline's input and the acquire report. Records are
 * derived from the archive, not from the fetches of one run: every reply page whose latest outcome points into a
 * WARC file — archived by this run or by an earlier, interrupted one — is read back from its offset and fed to
 * `runDocuments`, once per page and sorted by URL, so re-running a finished crawl writes the same records.
 */

/** The latest outcome of each URL, robots.txt aside. */
export function latestOutcomes(lines: readonly CrawlStateLine[]): Map<string, OutcomeLine> {
  const latest = new Map<string, OutcomeLine>();
  for (const line of lines) if (line.type === 'outcome' && line.kind !== 'robots') latest.set(line.url, line);
  return latest;
}

/** Archived reply pages as pipeline input: path and URL are where the bytes came from, hints carry the HTTP charset. */
export function archivedReplies(lines: readonly CrawlStateLine[], outDir: string): InputDocument[] {
  const byPage = new Map<string, OutcomeLine>();
  for (const line of latestOutcomes(lines).values()) {
    if (line.kind !== 'reply' || !line.archive || (line.outcome !== 'archived' && line.outcome !== 'unchanged')) continue;
    const page = line.finalUrl ?? line.url;
    const seen = byPage.get(page);
    if (!seen || line.url === page) byPage.set(page, line);
  }
  return [...byPage.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([page, line]) => {
      const { file, offset, recordId } = line.archive!;
      return {
        path: page,
        load: async () => (await readResponseAt(join(outDir, file), offset)).payload,
        hints: { declaredCharset: line.charset, url: page, archive: { file, offset, recordId } },
      };
    });
}

/** Every URL (and robots.txt) whose latest outcome carries a code: why it did not become a record. */
export function acquireIssues(lines: readonly CrawlStateLine[]): AcquireIssue[] {
  const latest = new Map<string, OutcomeLine>();
  for (const line of lines) if (line.type === 'outcome') latest.set(line.url, line);
  const issues: AcquireIssue[] = [];
  for (const line of latest.values()) {
    if (!line.code) continue;
    issues.push({
      url: line.url,
      stage: 'acquire',
      outcome: line.outcome === 'archived' || line.outcome === 'unchanged' ? dispositionOf(line.code).outcome : line.outcome,
      code: line.code,
      message: line.message,
      status: line.status,
      attempts: line.attempts,
    });
  }
  return issues;
}

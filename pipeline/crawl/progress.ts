import type { CrawlSummary } from '../../schemas/crawl.js';
import type { CrawlEvent } from './crawler.js';
import { dispositionOf } from './policy.js';

/**
 * Crawl progress on stderr, like `run`: plain lines (one per URL, with its outcome), one JSON object per event
 * with `--log json`, nothing with `--quiet`. The summary at the end says what was fetched, archived, skipped and
 * failed, and why.
 */

export type LogMode = 'text' | 'json' | 'quiet';

export interface CrawlReporter {
  event(event: CrawlEvent): void;
  summary(summary: CrawlSummary, recordsPath: string): void;
  message(text: string): void;
}

export function crawlReporter(mode: LogMode, stream: NodeJS.WritableStream = process.stderr): CrawlReporter {
  const write = (text: string): void => void stream.write(text);
  if (mode === 'quiet') return { event: () => {}, summary: () => {}, message: () => {} };
  if (mode === 'json') {
    const emit = (event: Record<string, unknown>): void => write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
    return {
      event: ({ type, ...fields }) => emit({ event: `crawl-${type}`, ...fields }),
      summary: (summary) => emit({ event: 'crawl-summary', ...summary }),
      message: (text) => emit({ event: 'message', text }),
    };
  }
  let done = 0;
  return {
    event(event) {
      if (event.type === 'start') write(`crawl run ${event.run}: ${event.pending} URL(s) queued\n`);
      else if (event.type === 'stop') write(`crawl ${event.reason === 'done' ? 'finished' : event.reason === 'max-pages' ? 'stopped at --max-pages' : 'interrupted'}\n`);
      else if (event.type === 'recover') {
        for (const line of event.outcomes) write(`taken from the archive of interrupted run ${line.run}: ${line.status} ${[line.outcome, line.code ?? line.kind].filter(Boolean).join(' ')} ${line.url}\n`);
        for (const { file, bytes } of event.cut) write(`cut a torn write (${bytes} bytes) off the end of ${file}\n`);
      } else {
        done++;
        const status = event.status === null ? '---' : String(event.status);
        const what = [event.outcome, event.code ?? event.kind].filter(Boolean).join(' ');
        write(`[${done} done, ${event.pending} queued] ${status} ${what}${event.attempts > 1 ? ` (${event.attempts} attempts)` : ''} ${event.url}\n`);
      }
    },
    summary(summary, recordsPath) {
      write(`${formatSummary(summary)}\n`);
      if (summary.records) write(`records: ${summary.records.succeeded}/${summary.replies} reply page(s) → ${recordsPath}${summary.records.failed ? `; ${summary.records.failed} failed` : ''}\n`);
    },
    message: (text) => write(`${text}\n`),
  };
}

export function formatSummary(summary: CrawlSummary): string {
  const { pages, recovered } = summary;
  const why = (codes: string[]): string => {
    const parts = Object.entries(summary.byCode)
      .filter(([code]) => codes.includes(code))
      .map(([code, n]) => `${n} ${code}`);
    return parts.length ? ` (${parts.join(', ')})` : '';
  };
  const codes = Object.keys(summary.byCode);
  const withOutcome = (outcome: string): string[] => codes.filter((code) => dispositionOf(code).outcome === outcome);
  const [skipped, declined, failed] = [withOutcome('skipped'), withOutcome('declined'), withOutcome('failed')];
  return (
    `crawl run ${summary.run}${summary.interrupted ? ' (interrupted)' : ''}: ${pages.requested} page(s) fetched with ${summary.requests} HTTP request(s); ` +
    `${pages.archived} archived, ${pages.unchanged} unchanged, ${pages.skipped} skipped${why(skipped)}, ${pages.declined} declined${why(declined)}, ` +
    `${pages.failed} failed${why(failed)}; ${pages.pending} pending → ${summary.outputs.skipped}` +
    (recovered.pages + recovered.tornWrites > 0 ? `; recovered from an interrupted run: ${recovered.pages} page(s) taken from the archive, ${recovered.tornWrites} torn write(s) cut` : '')
  );
}

import { basename, join, relative } from 'node:path';
import { CrawlStateLine, type OutcomeLine } from '../../schemas/crawl.js';
import { header } from '../adapters/http.js';
import { cutWarcFile, listWarcFiles, payloadDigest, scanRecords, type ScannedRecord } from '../adapters/warc.js';
import { parseContentType } from './classify.js';
import { canonicalUrl } from './frontier.js';
import { dispositionOf } from './policy.js';

/**
 * The archive squared with the journal when a crawl starts in a folder where an earlier run was killed. The crawler
 * journals a fetch's outcome in the writer's turn, right after its WARC records are fsync'd (WarcWriter.write),
 * so a kill can leave only two states the journal does not describe, both at the end of a WARC file: a whole
 * write whose outcome line never reached the journal (an orphan), or a write cut short (a torn gzip member).
 *
 * An orphan is kept and its outcome line rebuilt, rather than cut and fetched again, because nothing the line
 * says existed only in memory: the response record holds status, headers, final URL, date and payload; the
 * metadata record holds the rest of the line as the crawler made it (run, requested URL, kind, code, message,
 * attempts); and the page's links were journaled before its records were written. The rebuilt line is the one
 * the crawler would have written, so the page counts as done and a reply goes through the pipeline from the
 * archive like any other. Classifying the payload again would not do: it would follow the profile of the resuming
 * run, and could not recover the HTTP adapter's verdict on the answer (a challenge wall, a status) or its message.
 *
 * A torn write cannot be rebuilt (its metadata record, written last, is missing) and nothing points at it, so the
 * file is cut back to the end of its last whole write, with anything else there that is no whole record (the
 * zeros a power cut can leave), and the page is fetched again into the only copy. A file is read from its last
 * journaled response on and never cut below it; one whose journaled response cannot be read whole was not damaged
 * by a kill, and recovery stops with an error rather than guess. Run again, recovery finds the rebuilt lines in the
 * journal and the files whole: it changes nothing. Archives written before this order (outcome fields in the
 * metadata record, the outcome journaled in the writer's turn) may hold orphans that recovery cannot rebuild or
 * does not read: they are left as they are.
 */

export interface Recovery {
  /** Outcome lines rebuilt from archived fetches the journal lacked, in file order, for the caller to journal. */
  outcomes: OutcomeLine[];
  /** Torn writes cut off the end of WARC files (paths relative to the output folder). */
  cut: { file: string; bytes: number }[];
}

/** The stem of a run's WARC files: `crawl-00002-001.warc.gz` is the first file of run 2. */
export const runWarcPrefix = (run: number): string => `crawl-${String(run).padStart(5, '0')}`;
/** Only files a crawl wrote are ever cut. */
const RUN_WARC_FILE = /^crawl-\d{5}-\d{3}\.warc\.gz$/;
/** `kind` in the metadata record of a redirect hop, which never ends the write of a fetch. */
export const HOP_KIND = 'redirect';

/** What a written answer's metadata record says of its outcome line, beyond what its response record holds. */
export function outcomeFields(line: OutcomeLine): Record<string, string> {
  return {
    run: String(line.run),
    requestedUrl: line.url,
    kind: line.kind ?? 'none',
    outcome: line.code ?? 'ok',
    message: line.message,
    attempts: String(line.attempts),
  };
}

/** The outcome line of an archived answer, from its response and metadata records; null when they lack a field. */
function rebuiltOutcome(file: string, response: ScannedRecord, fields: Record<string, string>): OutcomeLine | null {
  const answer = response.response!;
  const code = fields.outcome === 'ok' ? null : fields.outcome;
  const type = parseContentType(header(answer.headers, 'content-type'));
  const parsed = CrawlStateLine.safeParse({
    type: 'outcome',
    run: Number(fields.run),
    url: fields.requestedUrl,
    outcome: code ? dispositionOf(code).outcome : 'archived',
    code,
    message: fields.message,
    status: answer.status,
    attempts: Number(fields.attempts),
    finalUrl: canonicalUrl(answer.url),
    kind: fields.kind === 'none' ? null : fields.kind,
    charset: type.charset,
    contentType: type.mime,
    archive: { file, offset: response.offset, recordId: answer.recordId, payloadDigest: payloadDigest(answer.payload) },
    fetchedAt: response.date,
  });
  return parsed.success && parsed.data.type === 'outcome' ? parsed.data : null;
}

/** Squares one WARC file with the journal, which points into it no further than `journaled` (a response's offset). */
async function recoverFile(path: string, file: string, journaled: number | undefined): Promise<Recovery> {
  const records: ScannedRecord[] = [];
  for await (const record of scanRecords(path, journaled ?? 0)) records.push(record);
  const first = records[0];
  if (journaled !== undefined && (first?.offset !== journaled || first.type !== 'response')) {
    throw new Error(`${file}: the journal points at a response at byte ${journaled} that cannot be read whole; left as it is`);
  }
  let keep = journaled === undefined ? 0 : first!.end;
  const responses = new Map<string, ScannedRecord>();
  const outcomes: OutcomeLine[] = [];
  for (const record of records) {
    if (record.type === 'warcinfo' && record.offset === 0) keep = record.end;
    if (record.type === 'response') responses.set(record.id, record);
    if (record.type !== 'metadata' || record.fields.kind === HOP_KIND) continue;
    keep = record.end; // the metadata record of an answer ends a whole write
    const response = responses.get(record.concurrentTo ?? '');
    const line = response && response.offset !== journaled ? rebuiltOutcome(file, response, record.fields) : null;
    if (line) outcomes.push(line);
  }
  const bytes = await cutWarcFile(path, keep);
  return { outcomes, cut: bytes > 0 ? [{ file, bytes }] : [] };
}

/** Rebuilds the outcome lines of orphan writes and cuts torn ones, in every WARC file of the crawl in `outDir`. */
export async function recoverArchive(outDir: string, lines: readonly CrawlStateLine[]): Promise<Recovery> {
  const journaled = new Map<string, number>();
  for (const line of lines) {
    if (line.type === 'outcome' && line.archive) journaled.set(line.archive.file, Math.max(line.archive.offset, journaled.get(line.archive.file) ?? 0));
  }
  const recovery: Recovery = { outcomes: [], cut: [] };
  for (const path of await listWarcFiles(join(outDir, 'warc'))) {
    if (!RUN_WARC_FILE.test(basename(path))) continue;
    const file = relative(outDir, path);
    const { outcomes, cut } = await recoverFile(path, file, journaled.get(file));
    recovery.outcomes.push(...outcomes);
    recovery.cut.push(...cut);
  }
  return recovery;
}

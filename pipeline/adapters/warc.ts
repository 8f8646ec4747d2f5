import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, type FileHandle } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import type { HttpExchange } from './http.js';
import { packageVersion } from './resources.js';

/**
 * The archive: WARC 1.1 files written with webrecorder's warcio, one gzip member per record so each record can
 * be read alone from its offset. Every exchange becomes a request record, a response record and a metadata record
 * (what the crawl made of the page); each file starts with a warcinfo record. The records of one fetch are written
 * and fsync'd before the caller hears its offset, so a journal line never points at bytes that are not on disk.
 */

/** A new file is started past this size. */
const MAX_WARC_BYTES = 1024 ** 3;
/** Payload digests as `sha256:<hex>`, so the crawl can compute the same value before deciding to write. */
const DIGEST = { algo: 'sha-256', prefix: 'sha256:', base32: false } as const;
/**
 * Headers that describe the bytes on the wire rather than the body we keep (fetch has already undone gzip and
 * chunking): kept under the `X-Archive-Orig-` prefix, as pywb and Heritrix do, so replay tools are not misled.
 */
const WIRE_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length']);

export function payloadDigest(body: Uint8Array): string {
  return `${DIGEST.prefix}${createHash('sha256').update(body).digest('hex')}`;
}

/** One exchange to archive, and the fields of its metadata record: what the crawl made of it. */
export interface Capture {
  exchange: HttpExchange;
  metadata: Record<string, string>;
}

export interface WrittenResponse {
  /** The WARC file, relative to the folder given as `relativeTo`. */
  file: string;
  offset: number;
  recordId: string;
  payloadDigest: string;
}

function archivedHeaders(exchange: HttpExchange): [string, string][] {
  const kept = exchange.headers.map(([name, value]): [string, string] => (WIRE_HEADERS.has(name.toLowerCase()) ? [`X-Archive-Orig-${name}`, value] : [name, value]));
  return [...kept, ['Content-Length', String(exchange.body.byteLength)]];
}

function requestLine(url: string): string {
  const parsed = new URL(url);
  return `GET ${parsed.pathname}${parsed.search} HTTP/1.1`;
}

async function serialise(record: WARCRecord): Promise<Uint8Array> {
  return WARCSerializer.serialize(record, { gzip: true, digest: DIGEST });
}

interface SerialisedCapture {
  /** Request, response and metadata records, in file order. */
  records: Uint8Array[];
  bytes: number;
  /** Where the response record starts, counted from the request record. */
  responseAt: number;
  responseId: string;
  payloadDigest: string;
}

async function serialiseCapture({ exchange, metadata }: Capture): Promise<SerialisedCapture> {
  const date = exchange.startedAt;
  const responseId = `<urn:uuid:${randomUUID()}>`;
  const response = WARCRecord.create(
    {
      url: exchange.url,
      date,
      type: 'response',
      warcVersion: 'WARC/1.1',
      keepHeadersCase: true,
      statusline: `HTTP/1.1 ${exchange.status} ${exchange.statusText}`.trim(),
      httpHeaders: archivedHeaders(exchange),
      warcHeaders: { 'WARC-Record-ID': responseId },
    },
    [exchange.body],
  );
  const request = WARCRecord.create(
    {
      url: exchange.url,
      date,
      type: 'request',
      warcVersion: 'WARC/1.1',
      keepHeadersCase: true,
      statusline: requestLine(exchange.url),
      httpHeaders: exchange.requestHeaders,
      warcHeaders: { 'WARC-Record-ID': `<urn:uuid:${randomUUID()}>`, 'WARC-Concurrent-To': responseId },
    },
    [],
  );
  const fields = Object.entries({ ...metadata, fetchTimeMs: String(exchange.elapsedMs) })
    .map(([key, value]) => `${key}: ${value.replace(/[\r\n]+/g, ' ')}\r\n`)
    .join('');
  const meta = WARCRecord.create(
    {
      url: exchange.url,
      date,
      type: 'metadata',
      warcVersion: 'WARC/1.1',
      keepHeadersCase: true,
      warcHeaders: { 'WARC-Record-ID': `<urn:uuid:${randomUUID()}>`, 'WARC-Concurrent-To': responseId, 'Content-Type': 'application/warc-fields' },
    },
    [new TextEncoder().encode(fields)],
  );
  const records = [await serialise(request), await serialise(response), await serialise(meta)];
  return {
    records,
    bytes: records.reduce((sum, bytes) => sum + bytes.byteLength, 0),
    responseAt: records[0]!.byteLength,
    responseId,
    payloadDigest: payloadDigest(exchange.body),
  };
}

export class WarcWriter {
  private handle: FileHandle | null = null;
  private file = '';
  private size = 0;
  private part = 0;
  private queue: Promise<unknown> = Promise.resolve();
  readonly files: string[] = [];

  /**
   * @param dir folder of the WARC files
   * @param relativeTo paths handed back are relative to this folder (the crawl output folder)
   * @param prefix file name stem, e.g. `crawl-00002` for the second run
   */
  constructor(
    private readonly dir: string,
    private readonly relativeTo: string,
    private readonly prefix: string,
    private readonly info: Record<string, string> = {},
    private readonly maxBytes = MAX_WARC_BYTES,
  ) {}

  /**
   * Writes one fetch — its redirect hops, then the answer, each as request, response and metadata records — and
   * fsyncs it; then runs `commit` with the answer's pointer before any other write starts. The crawl journals the
   * outcome in `commit`, so the journal follows the file: after a kill, only the last write of a file can lack its
   * outcome line.
   */
  write(fetch: readonly [...Capture[], Capture], commit: (written: WrittenResponse) => Promise<void>): Promise<WrittenResponse> {
    const task = this.queue.then(() => this.writeNow(fetch, commit));
    this.queue = task.catch(() => {});
    return task;
  }

  private async writeNow(fetch: readonly Capture[], commit: (written: WrittenResponse) => Promise<void>): Promise<WrittenResponse> {
    const groups: SerialisedCapture[] = [];
    for (const capture of fetch) groups.push(await serialiseCapture(capture));
    const handle = await this.ensureFile(groups.reduce((sum, group) => sum + group.bytes, 0));
    for (const bytes of groups.flatMap((group) => group.records)) {
      await handle.write(bytes);
      this.size += bytes.byteLength;
    }
    await handle.datasync();
    const answer = groups.at(-1)!;
    const offset = this.size - answer.bytes + answer.responseAt;
    const written = { file: relative(this.relativeTo, this.file), offset, recordId: answer.responseId, payloadDigest: answer.payloadDigest };
    await commit(written);
    return written;
  }

  private async ensureFile(incoming: number): Promise<FileHandle> {
    if (this.handle && this.size + incoming <= this.maxBytes) return this.handle;
    await this.handle?.close();
    await mkdir(this.dir, { recursive: true });
    this.part++;
    this.file = join(this.dir, `${this.prefix}-${String(this.part).padStart(3, '0')}.warc.gz`);
    this.handle = await open(this.file, 'a');
    this.size = (await this.handle.stat()).size;
    this.files.push(relative(this.relativeTo, this.file));
    const info = WARCRecord.createWARCInfo(
      { filename: this.file.split('/').pop()!, warcVersion: 'WARC/1.1', keepHeadersCase: true },
      { software: `policy-miner/${packageVersion('policy-miner')} (warcio ${packageVersion('warcio')})`, format: 'WARC File Format 1.1', robots: 'obey', ...this.info },
    );
    const bytes = await serialise(info);
    await this.handle.write(bytes);
    this.size += bytes.byteLength;
    return this.handle;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle?.close();
    this.handle = null;
  }
}

export interface ArchivedResponse {
  recordId: string;
  url: string;
  status: number;
  headers: [string, string][];
  payload: Uint8Array;
  payloadDigest: string | null;
}

/** Reads the response record that starts at `offset` of a WARC file. */
export async function readResponseAt(file: string, offset: number): Promise<ArchivedResponse> {
  const stream = createReadStream(file, { start: offset });
  try {
    const record = await new WARCParser(stream as unknown as AsyncIterable<Uint8Array>).parse();
    if (!record || record.warcType !== 'response') throw new Error(`no response record at ${file}:${offset}`);
    const payload = await record.readFully(false);
    const headers = record.httpHeaders ? [...(record.httpHeaders.headers as Iterable<[string, string]>)] : [];
    return {
      recordId: record.warcHeader('WARC-Record-ID') ?? '',
      url: record.warcTargetURI ?? '',
      status: Number(record.httpHeaders?.statusCode ?? 0),
      headers,
      payload,
      payloadDigest: record.warcPayloadDigest ?? null,
    };
  } finally {
    stream.destroy();
  }
}

/** WARC files of a folder, by name. */
export async function listWarcFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => /\.warc(\.gz)?$/.test(name)).sort().map((name) => join(dir, name));
  } catch {
    return [];
  }
}

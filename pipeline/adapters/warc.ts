import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, unlink, type FileHandle } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import type { HttpExchange } from './http.js';
import { packageVersion } from './resources.js';

/**
 * The archive: WARC 1.1 files written with webrecorder's warcio, one gzip member per record so each record can
 * be read alone from its offset. Every exchange becomes a request record, a response record and a metadata record
 * (what the crawl made of the page); each file starts with a warcinfo record. The records of one fetch are written
 * and fsync'd before the caller hears its offset, so a journal line never points at bytes that are not on disk.
 * Reading back, a file can be scanned record by record from any record's offset, stopping where a write was cut
 * short, and cut back to a record boundary.
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
/** How every member the writer's compressor emits begins: gzip magic, deflate, and no flags (no optional fields). */
const GZIP_MEMBER_START = Buffer.from([0x1f, 0x8b, 0x08, 0x00]);
const GZIP_HEADER_BYTES = 10;
const GZIP_TRAILER_BYTES = 8;
/** Bytes read at first when scanning a member; doubled until the member fits. */
const SCAN_WINDOW = 256 * 1024;

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
   * outcome line, and recovery reads a file from its last journaled record on rather than whole.
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

async function archivedResponse(record: WARCRecord): Promise<ArchivedResponse> {
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
}

/** Reads the response record that starts at `offset` of a WARC file. */
export async function readResponseAt(file: string, offset: number): Promise<ArchivedResponse> {
  const stream = createReadStream(file, { start: offset });
  try {
    const record = await new WARCParser(stream as unknown as AsyncIterable<Uint8Array>).parse();
    if (!record || record.warcType !== 'response') throw new Error(`no response record at ${file}:${offset}`);
    return await archivedResponse(record);
  } finally {
    stream.destroy();
  }
}

/** A record read back whole by `scanRecords`. */
export interface ScannedRecord {
  type: string;
  id: string;
  offset: number;
  /** Where its gzip member ends: the next record's offset. */
  end: number;
  date: string;
  /** The response record a request or metadata record belongs to. */
  concurrentTo: string | null;
  /** Response records: the answer as archived. */
  response: ArchivedResponse | null;
  /** Metadata records: their `name: value` fields. */
  fields: Record<string, string>;
}

type Member = { length: number; bytes: Buffer } | 'short' | 'unreadable';

/** The gzip member at the start of `chunk`, whole and checked; 'short' when it runs past the end of `chunk`. */
function readMember(chunk: Buffer): Member {
  if (chunk.length < GZIP_HEADER_BYTES) return 'short';
  if (!chunk.subarray(0, GZIP_MEMBER_START.length).equals(GZIP_MEMBER_START)) return 'unreadable';
  let deflated: number;
  try {
    // With `info`, zlib hands back its engine, whose count of bytes taken says where the deflate stream ended.
    const { engine } = inflateRawSync(chunk.subarray(GZIP_HEADER_BYTES), { info: true }) as unknown as { engine: { bytesWritten: number } };
    deflated = engine.bytesWritten;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ? 'short' : 'unreadable';
  }
  const length = GZIP_HEADER_BYTES + deflated + GZIP_TRAILER_BYTES;
  if (length > chunk.length) return 'short';
  try {
    return { length, bytes: gunzipSync(chunk.subarray(0, length)) }; // gunzip checks the trailer: CRC and size
  } catch {
    return 'unreadable';
  }
}

async function scannedRecord(bytes: Buffer, offset: number, end: number): Promise<ScannedRecord | null> {
  const record = await WARCParser.parse([bytes]);
  if (!record) return null;
  const base = { type: record.warcType ?? '', id: record.warcHeader('WARC-Record-ID') ?? '', offset, end, date: record.warcDate ?? '', concurrentTo: record.warcHeader('WARC-Concurrent-To') ?? null };
  if (record.warcType === 'response') return { ...base, response: await archivedResponse(record), fields: {} };
  const fields: Record<string, string> = {};
  if (record.warcType === 'metadata') {
    for (const line of new TextDecoder().decode(await record.readFully(false)).split('\r\n')) {
      const colon = line.indexOf(': ');
      if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 2);
    }
  }
  return { ...base, response: null, fields };
}

/**
 * The records of a WARC file from `offset` (where a record starts) on, each read whole from its own gzip member.
 * The scan ends at the first member that is cut short or unreadable: where a write interrupted by a kill stops.
 */
export async function* scanRecords(file: string, offset: number): AsyncGenerator<ScannedRecord> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    for (let at = offset, window = SCAN_WINDOW; at < size; ) {
      const chunk = Buffer.alloc(Math.min(window, size - at));
      await handle.read(chunk, 0, chunk.length, at);
      const member = readMember(chunk);
      if (member === 'short' && at + chunk.length < size) {
        window *= 2;
        continue;
      }
      const record = typeof member === 'string' ? null : await scannedRecord(member.bytes, at, at + member.length);
      if (!record) return;
      yield record;
      at = record.end;
      window = SCAN_WINDOW;
    }
  } finally {
    await handle.close();
  }
}

/** Cuts a WARC file back to `end`, where a record ends, and syncs it (a file left without a record is removed); the bytes cut. */
export async function cutWarcFile(file: string, end: number): Promise<number> {
  const handle = await open(file, 'r+');
  let size: number;
  try {
    size = (await handle.stat()).size;
    if (end > 0 && end < size) {
      await handle.truncate(end);
      await handle.datasync();
    }
  } finally {
    await handle.close();
  }
  if (end === 0) await unlink(file);
  return size - end;
}

/** WARC files of a folder, by name. */
export async function listWarcFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => /\.warc(\.gz)?$/.test(name)).sort().map((name) => join(dir, name));
  } catch {
    return [];
  }
}

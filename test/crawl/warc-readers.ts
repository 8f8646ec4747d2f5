import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { PassThrough, type Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { WARCParser } from 'warcio';

/** The archive read back by two independent readers: webrecorder's warcio and node-warc. */

export interface ReadRecord {
  type: string;
  id: string;
  url: string | null;
  offset?: number;
  payloadDigest: string | null;
  /** sha256:<hex> of the payload this reader got out of the record. */
  computedDigest: string;
  payload: Buffer;
  concurrentTo: string | null;
}

const sha256 = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export async function readWithWarcio(file: string): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  const parser = new WARCParser(createReadStream(file) as unknown as AsyncIterable<Uint8Array>);
  for await (const record of parser) {
    const payload = Buffer.from(await record.readFully(false));
    records.push({
      type: record.warcType,
      id: record.warcHeader('WARC-Record-ID') ?? '',
      url: record.warcTargetURI ?? null,
      offset: parser.offset,
      payloadDigest: record.warcPayloadDigest ?? null,
      computedDigest: sha256(payload),
      payload,
      concurrentTo: record.warcHeader('WARC-Concurrent-To') ?? null,
    });
  }
  return records;
}

interface NodeWarcRecord {
  warcType: string;
  warcRecordID: string;
  warcTargetURI?: string;
  warcPayloadDigest?: string;
  warcConcurrentTo?: string;
  warcHeader: Record<string, string>;
  content: Buffer | null;
}

interface StreamTransform extends Transform {
  buffered?: Buffer;
  _consumeChunk(chunk: Buffer, done: () => void, pushLast?: boolean): void;
}

/**
 * node-warc 3.3.1 parses line by line, not by Content-Length, so it is a truly different reader. Its transform
 * calls the flush callback twice when the file ends in CRLF, as every WARC does (ERR_MULTIPLE_CALLBACK after the
 * last record); the reader below runs the same flush logic with the callback called once.
 */
export async function readWithNodeWarc(file: string): Promise<ReadRecord[]> {
  const require = createRequire(import.meta.url);
  const WARCStreamTransform = require('node-warc/lib/parsers/warcStreamTransform') as new () => StreamTransform;
  const transform = new WARCStreamTransform();
  transform._flush = function flush(this: StreamTransform, done: () => void): void {
    if (this.buffered) this._consumeChunk(this.buffered, () => {}, true);
    done();
  };
  const source = createReadStream(file).pipe(file.endsWith('.gz') ? createGunzip() : new PassThrough());
  // pipe() passes no errors on: a torn gzip member must fail the read, not the process.
  source.on('error', (error) => transform.destroy(error));
  const records: ReadRecord[] = [];
  for await (const record of source.pipe(transform) as AsyncIterable<NodeWarcRecord>) {
    // The line parser leaves the first CRLF of the record separator on a non-empty block.
    const content = record.content ?? Buffer.alloc(0);
    const payload = content.length > 0 && content.subarray(-2).toString('latin1') === '\r\n' ? content.subarray(0, -2) : content;
    records.push({
      type: record.warcType,
      id: record.warcRecordID,
      url: record.warcHeader['WARC-Target-URI'] ?? null,
      payloadDigest: record.warcHeader['WARC-Payload-Digest'] ?? null,
      computedDigest: sha256(payload),
      payload,
      concurrentTo: record.warcHeader['WARC-Concurrent-To'] ?? null,
    });
  }
  return records;
}

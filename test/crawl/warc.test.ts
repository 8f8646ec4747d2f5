import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanRecords, WarcWriter, type Capture, type ScannedRecord, type WrittenResponse } from '../../pipeline/adapters/warc.js';

/** The WARC writer's ordering promise and the scan that recovery reads a file's tail with. */

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function writerIn(): { writer: WarcWriter; file: string } {
  const out = mkdtempSync(join(tmpdir(), 'policy-miner-warc-'));
  folders.push(out);
  return { writer: new WarcWriter(join(out, 'warc'), out, 'crawl-00001'), file: join(out, 'warc', 'crawl-00001-001.warc.gz') };
}

const capture = (path: string, body: Uint8Array = Buffer.from(`<p>${path}</p>`), metadata: Record<string, string> = {}): Capture => ({
  exchange: { url: `http://127.0.0.1/${path}`, requestHeaders: [], status: 200, statusText: 'OK', headers: [['content-type', 'text/html']], body, startedAt: '2025-01-02T03:04:05.678Z', elapsedMs: 1 },
  metadata,
});
/** Bytes that do not compress: a member far larger than the scan's first read. */
const noise = Buffer.concat(Array.from({ length: 20_000 }, (_, i) => createHash('sha256').update(String(i)).digest()));
const noCommit = async (): Promise<void> => {};

async function scan(file: string, offset = 0): Promise<ScannedRecord[]> {
  const records: ScannedRecord[] = [];
  for await (const record of scanRecords(file, offset)) records.push(record);
  return records;
}

describe('the WARC writer', () => {
  it('starts no write before the commit of the one before has run, so the journal follows the file', async () => {
    const { writer, file } = writerIn();
    const sizes: number[] = [];
    const first = writer.write([capture('a')], async () => {
      sizes.push(statSync(file).size);
      await new Promise((resolve) => setTimeout(resolve, 50)); // time for a write that did not wait to land
      sizes.push(statSync(file).size);
    });
    const second = writer.write([capture('b')], noCommit);
    expect((await second).offset).toBeGreaterThan((await first).offset);
    await writer.close();
    expect(sizes[1]).toBe(sizes[0]);
    expect(statSync(file).size).toBeGreaterThan(sizes[0]!);
  });
});

describe('scanning a WARC file', () => {
  async function written(): Promise<{ file: string; pointers: WrittenResponse[] }> {
    const { writer, file } = writerIn();
    const pointers = [
      await writer.write([capture('a', Buffer.from('<p>a</p>'), { kind: 'reply', message: 'reply' })], noCommit),
      await writer.write([capture('big', noise)], noCommit),
      await writer.write([capture('old', Buffer.from('moved'), { kind: 'redirect' }), capture('new')], noCommit),
    ];
    await writer.close();
    return { file, pointers };
  }

  it('reads every record back whole, end to end, a member larger than the first read included', async () => {
    const { file, pointers } = await written();
    const records = await scan(file);
    expect(records.map((record) => record.type)).toEqual(['warcinfo', ...Array<string[]>(4).fill(['request', 'response', 'metadata']).flat()]);
    for (const [i, record] of records.entries()) expect(record.offset).toBe(i === 0 ? 0 : records[i - 1]!.end);
    expect(records.at(-1)!.end).toBe(statSync(file).size);
    const responses = records.filter((record) => record.type === 'response');
    expect(pointers.map((pointer) => pointer.offset)).toEqual([responses[0]!.offset, responses[1]!.offset, responses[3]!.offset]);
    expect(Buffer.from(responses[1]!.response!.payload).equals(noise)).toBe(true);
    expect(responses[0]!.response).toMatchObject({ url: 'http://127.0.0.1/a', status: 200, recordId: pointers[0]!.recordId });
    expect(records[3]).toMatchObject({ type: 'metadata', concurrentTo: pointers[0]!.recordId, date: '2025-01-02T03:04:05.678Z', fields: { kind: 'reply', message: 'reply', fetchTimeMs: '1' } });
  });

  it('starts at any record', async () => {
    const { file, pointers } = await written();
    const records = await scan(file, pointers[1]!.offset);
    expect(records.map((record) => record.type)).toEqual(['response', 'metadata', 'request', 'response', 'metadata', 'request', 'response', 'metadata']);
    expect(records[0]!.id).toBe(pointers[1]!.recordId);
  });

  it('stops before a member cut short, or bytes that are no member', async () => {
    const { file, pointers } = await written();
    const offsets = async (): Promise<number[]> => (await scan(file)).map((record) => record.offset);
    const whole = await scan(file);
    const big = whole.find((record) => record.id === pointers[1]!.recordId)!;
    appendFileSync(file, Buffer.alloc(64)); // zeros, as a power cut can leave past the last fsync
    expect(await offsets()).toEqual(whole.map((record) => record.offset));
    truncateSync(file, big.end - 1); // the gzip trailer of the big response one byte short
    expect(await offsets()).toEqual(whole.filter((record) => record.offset < big.offset).map((record) => record.offset));
  });
});

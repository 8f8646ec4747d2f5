import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WarcWriter, type Capture } from '../../pipeline/adapters/warc.js';

/** The WARC writer's ordering promise. */

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
const noCommit = async (): Promise<void> => {};

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

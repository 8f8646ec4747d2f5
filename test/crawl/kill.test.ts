import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Record as DocRecord } from '../../schemas/record.js';
import { listWarcFiles } from '../../pipeline/adapters/warc.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { readWithWarcio } from './warc-readers.js';

/**
 * The built CLI killed for real (SIGKILL, no chance to clean up) in the middle of a crawl, then started again:
 * each page must end archived once and each reply recorded once, as in a crawl never interrupted.
 */
const CLI = join(import.meta.dirname, '..', '..', 'dist', 'pipeline', 'cli.js');
const FLAGS = ['--concurrency', '1', '--delay', '120', '--timeout', '2500', '--retries', '2', '--workers', '1', '--quiet'];

let server: FixtureServer;
const folders: string[] = [];
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-miner-kill-'));
  folders.push(dir);
  return dir;
};
const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '') : []);
/** Runs the built CLI to the end; asynchronously, since the fixture server answers from this very process. */
function crawlTo(out: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'crawl', server.seed, '--out', out, ...FLAGS], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

async function responses(out: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const file of await listWarcFiles(join(out, 'warc'))) {
    for (const record of await readWithWarcio(file)) {
      if (record.type === 'response') counts.set(new URL(record.url!).pathname, (counts.get(new URL(record.url!).pathname) ?? 0) + 1);
    }
  }
  return counts;
}

beforeAll(async () => {
  server = await startFixtureServer({ slowMs: 3500 });
});

afterAll(async () => {
  await server?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('the CLI killed with SIGKILL midway and started again', () => {
  it('ends with each page archived once and each reply recorded once', async () => {
    const reference = fresh();
    const first = await crawlTo(reference);
    expect(first.code, first.stderr).toBe(1); // the slow page times out: exit 1, as in the other crawl tests
    const expected = lines(join(reference, 'records.jsonl')).map((line) => (JSON.parse(line) as DocRecord).id);
    expect(expected.length).toBeGreaterThan(0);

    const out = fresh();
    server.reset(); // the page that fails twice before answering fails twice again
    const child = spawn(process.execPath, [CLI, 'crawl', server.seed, '--out', out, ...FLAGS], { stdio: 'ignore' });
    const journal = join(out, 'crawl', 'state.jsonl');
    const deadline = Date.now() + 30_000;
    while (lines(journal).filter((line) => line.includes('"outcome"')).length < 5 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const killed = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await killed;
    expect(existsSync(join(out, 'records.jsonl'))).toBe(false);

    const resumed = await crawlTo(out);
    expect(resumed.code, resumed.stderr).toBe(1);
    const counts = await responses(out);
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual([...(await responses(reference)).keys()].sort());
    expect(lines(join(out, 'records.jsonl')).map((line) => (JSON.parse(line) as DocRecord).id)).toEqual(expected);
  }, 120_000);
});

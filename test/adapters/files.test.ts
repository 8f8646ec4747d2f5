import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtomicLineWriter, InputError, listInputs, prepareOutputDir, readInput, writeFileAtomic } from '../../pipeline/adapters/files.js';
import { SEED_FILES, SEEDS_DIR, seedPath } from '../support/seeds.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-miner-files-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('listInputs', () => {
  it('lists a folder of seeds in name order', async () => {
    expect(await listInputs([SEEDS_DIR])).toEqual(SEED_FILES.map(seedPath));
  });

  it('walks folders recursively, keeps .txt/.html/.htm only, and drops repeats', async () => {
    const root = join(dir, 'walk');
    mkdirSync(join(root, 'b-sub'), { recursive: true });
    for (const name of ['c.txt', 'a.HTML', 'notes.md', 'image.png', 'b-sub/z.htm', 'b-sub/y.txt']) writeFileSync(join(root, name), '答复');
    const listed = await listInputs([root, join(root, 'c.txt')]);
    expect(listed).toEqual([join(root, 'a.HTML'), join(root, 'b-sub', 'y.txt'), join(root, 'b-sub', 'z.htm'), join(root, 'c.txt')]);
  });

  it('takes a file named explicitly whatever its ending', async () => {
    const file = join(dir, 'reply.dat');
    writeFileSync(file, '答复');
    expect(await listInputs([file])).toEqual([file]);
  });

  it('throws an InputError naming a path that does not exist', async () => {
    await expect(listInputs([join(dir, 'nowhere')])).rejects.toThrow(InputError);
    await expect(listInputs([join(dir, 'nowhere')])).rejects.toThrow(/nowhere/);
  });
});

/** Bytes this process has passed through read(2) and pread(2), all threads (Linux), or null where /proc is not. */
function bytesReadByProcess(): number | null {
  if (!existsSync('/proc/self/io')) return null;
  return Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))![1]);
}

/** The bytes `readInput` gave, failing the test if it refused them. */
async function readBytes(path: string, maxBytes: number): Promise<Buffer> {
  const read = await readInput(path, maxBytes);
  if (!(read instanceof Uint8Array)) throw new Error(`refused as too large: ${read.size} bytes`);
  return Buffer.from(read);
}

describe('readInput', () => {
  const LIMIT = 1000;

  it('reads the bytes of a file', async () => {
    const seed = seedPath(SEED_FILES[0]!);
    expect((await readBytes(seed, 64 * 2 ** 20)).equals(readFileSync(seed))).toBe(true);
  });

  it('reads a file of exactly the limit, and refuses one byte more with its size', async () => {
    const file = join(dir, 'at-limit.txt');
    writeFileSync(file, 'a'.repeat(LIMIT));
    expect((await readBytes(file, LIMIT)).length).toBe(LIMIT);
    writeFileSync(file, 'a'.repeat(LIMIT + 1));
    expect(await readInput(file, LIMIT)).toEqual({ tooLarge: true, size: LIMIT + 1 });
  });

  it('refuses a 50 MB file over the limit without reading it', async () => {
    const size = 50 * 2 ** 20;
    const sparse = join(dir, 'sparse.txt');
    writeFileSync(sparse, '');
    truncateSync(sparse, size); // a hole: no disk, but 50 MB of zeros to whoever reads it
    const before = bytesReadByProcess();
    expect(await readInput(sparse, LIMIT)).toEqual({ tooLarge: true, size });
    const after = bytesReadByProcess();
    if (before === null || after === null) return;
    expect(after - before).toBeLessThan(2 ** 20);
    // The counter does see a file read under the limit, so the line above is not vacuous.
    expect((await readBytes(sparse, size)).length).toBe(size);
    expect(bytesReadByProcess()! - after).toBeGreaterThanOrEqual(size);
  });

  it.runIf(process.platform !== 'win32')('reads a named pipe, which has no size beforehand, whole', async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.end('答复'.repeat(LIMIT));
    expect((await readBytes(fifo, LIMIT)).toString('utf8')).toBe('答复'.repeat(LIMIT));
  });
});

describe('atomic writes', () => {
  it('publishes lines only on commit, with no temporary file left', async () => {
    const out = join(dir, 'atomic');
    mkdirSync(out);
    const target = join(out, 'records.jsonl');
    writeFileSync(target, 'old\n');
    const writer = new AtomicLineWriter(target);
    await writer.write('{"a":1}');
    await writer.write('{"b":"答复"}');
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    await writer.commit();
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n{"b":"答复"}\n');
    expect(readdirSync(out)).toEqual(['records.jsonl']);
  });

  it('keeps the previous output and removes the temporary file on abort', async () => {
    const out = join(dir, 'aborted');
    mkdirSync(out);
    const target = join(out, 'failures.jsonl');
    writeFileSync(target, 'previous\n');
    const writer = new AtomicLineWriter(target);
    await writer.write('half a run');
    await writer.abort();
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
    expect(readdirSync(out)).toEqual(['failures.jsonl']);
  });

  it('streams many large lines through backpressure without leaking listeners', async () => {
    const out = join(dir, 'many');
    mkdirSync(out);
    const target = join(out, 'big.jsonl');
    const writer = new AtomicLineWriter(target);
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    const line = 'x'.repeat(100_000);
    for (let i = 0; i < 50; i++) await writer.write(line);
    await writer.commit();
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(readFileSync(target, 'utf8').length).toBe(50 * (line.length + 1));
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('replaces a whole file atomically', async () => {
    const target = join(dir, 'run.json');
    await writeFileAtomic(target, '{"documents":5}\n');
    await writeFileAtomic(target, '{"documents":6}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"documents":6}\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('prepareOutputDir', () => {
  it('creates nested folders and leaves no probe file behind', async () => {
    const out = join(dir, 'deep', 'er', 'out');
    await prepareOutputDir(out);
    expect(readdirSync(out)).toEqual([]);
  });

  it('throws when the folder would sit under a regular file', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    await expect(prepareOutputDir(join(file, 'out'))).rejects.toThrow(/ENOTDIR|EEXIST|not a directory/i);
  });
});

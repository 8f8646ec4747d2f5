import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('readInput', () => {
  it('reads the bytes of a file', async () => {
    expect(Buffer.from(await readInput(seedPath(SEED_FILES[0]!))).equals(readFileSync(seedPath(SEED_FILES[0]!)))).toBe(true);
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

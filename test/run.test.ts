/**
 * Bad input through the real runner, in one run beside good documents: none crashes the run, each yields a record
 * or exactly one failure line, the good documents still come out, and run.json counts what happened.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDocuments, runPipeline, type RunSummary } from '../pipeline/run.js';
import { Failure, Record as RecordSchema, type Record as DocRecord } from '../schemas/record.js';
import { seedText, TRADITIONAL_SEED } from './support/seeds.js';

const LARGE_BYTES = 20 * 1024 * 1024;
/** The 20 MB document takes several seconds on one thread; the whole run gets generous room. */
const RUN_TIMEOUT = 240_000;

let dir: string;
let out: string;
let summary: RunSummary;
let records: DocRecord[];
let failures: Failure[];
let largeCopies: number;
const input = (name: string): string => join(dir, 'in', name);

/** The run's inputs in the order their names sort, which is the order of the output. */
const NAMES = {
  good000: '00-good-000.txt',
  good003: '01-good-003.txt',
  empty: '02-empty.txt',
  binary: '03-binary.txt',
  gbk: '04-gbk-000.txt',
  big5: '05-big5-003.txt',
  truncated: '06-truncated-004.txt',
  noBody: '07-no-body.html',
  large: '08-large-002.txt',
  good004: '09-good-004.txt',
} as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-miner-run-'));
  out = join(dir, 'out');
  const inDir = join(dir, 'in');
  mkdirSync(inDir);
  const write = (name: string, bytes: Uint8Array | string): void => writeFileSync(input(name), bytes);

  write(NAMES.good000, seedText('000_723d0d538beac877.txt'));
  write(NAMES.good003, seedText(TRADITIONAL_SEED));
  write(NAMES.empty, '');
  let state = 12345;
  const noise = Array.from({ length: 8192 }, () => ((state = (state * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
  write(NAMES.binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise]));
  const gbkText = seedText('000_723d0d538beac877.txt');
  expect(iconv.decode(iconv.encode(gbkText, 'gbk'), 'gbk')).toBe(gbkText); // the GBK file carries the seed whole
  write(NAMES.gbk, iconv.encode(gbkText, 'gbk'));
  // Big5 has no simplified 关键词 nor U+00A0/U+2002: a Big5 page would carry 關鍵詞 and plain spaces.
  const big5Text = seedText(TRADITIONAL_SEED).replace(/关键词/g, '關鍵詞').replace(/[\u00a0\u2002]/g, ' ');
  expect(iconv.decode(iconv.encode(big5Text, 'big5'), 'big5')).toBe(big5Text);
  write(NAMES.big5, iconv.encode(big5Text, 'big5'));
  const whole = Buffer.from(`${seedText('004_56730d38a0832aa8.txt')}\n结束`, 'utf8');
  write(NAMES.truncated, whole.subarray(0, whole.length - 2)); // ends one byte into 束
  write(NAMES.noBody, '<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于某某提案的答复</title><script>var x = "答复正文";</script></head><body><nav><a href="/">首页</a></nav><script>track();</script></body></html>');
  const unit = `${seedText('002_1064e609e7cb096d.txt')}\n`;
  largeCopies = Math.ceil(LARGE_BYTES / Buffer.byteLength(unit));
  write(NAMES.large, unit.repeat(largeCopies));
  write(NAMES.good004, seedText('004_56730d38a0832aa8.txt'));

  summary = await runPipeline({ inputs: [inDir], outDir: out, workers: 1, maxBytes: 64 * 1024 * 1024 });
  records = readFileSync(join(out, 'records.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => RecordSchema.parse(JSON.parse(line)));
  failures = readFileSync(join(out, 'failures.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => Failure.parse(JSON.parse(line)));
}, RUN_TIMEOUT);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const recordOf = (name: string): DocRecord => {
  const record = records.find((r) => r.source.path === input(name));
  if (!record) throw new Error(`no record for ${name}`);
  return record;
};

describe('runner: bad input beside good documents', () => {
  it('writes the good and the recoverable documents as records, in input order', () => {
    expect(records.map((record) => record.source.path)).toEqual(
      [NAMES.good000, NAMES.good003, NAMES.gbk, NAMES.big5, NAMES.truncated, NAMES.large, NAMES.good004].map(input),
    );
  });

  it('writes exactly one failure line for each bad document, naming path, stage, code and message', () => {
    expect(failures).toEqual([
      { path: input(NAMES.empty), stage: 'ingest', code: 'empty', message: expect.any(String) },
      { path: input(NAMES.binary), stage: 'ingest', code: 'binary', message: expect.stringMatching(/binary|not text/) },
      { path: input(NAMES.noBody), stage: 'ingest', code: 'no-content', message: expect.stringMatching(/body/) },
    ]);
    for (const failure of failures) expect(failure.message.length).toBeGreaterThan(5);
  });

  it('counts the documents and the failures by code in run.json', () => {
    const written = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunSummary;
    expect(written.documents).toEqual({ total: 10, succeeded: 7, failed: 3 });
    expect(written.failuresByCode).toEqual({ empty: 1, binary: 1, 'no-content': 1 });
    expect(written.documents).toEqual(summary.documents);
    expect(written.workers).toBe(1);
    expect(written.bytes).toBeGreaterThan(LARGE_BYTES);
    expect(written.outputs).toEqual({ records: join(out, 'records.jsonl'), failures: join(out, 'failures.jsonl'), summary: join(out, 'run.json') });
  });

  it('gives each stage its documents and its throughput in MB/s and documents/s', () => {
    const written = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunSummary;
    // The three bad documents fail at ingest: it meets all ten, every later stage only the seven that pass it.
    expect(written.stages.ingest!.documents).toBe(10);
    for (const stage of ['clean', 'normalise', 'segment', 'extract-measures', 'validate']) expect(written.stages[stage]!.documents).toBe(7);
    for (const { ms, documents, mbPerSecond, documentsPerSecond } of Object.values(written.stages)) {
      expect(ms).toBeGreaterThan(0);
      expect(documentsPerSecond).toBeCloseTo(documents / (ms / 1000), -1);
      expect(mbPerSecond).toBeCloseTo(written.bytes / 1e6 / (ms / 1000), -1);
    }
  });

  it('decodes a GBK file without a charset label to the same text as the UTF-8 seed', () => {
    const gbk = recordOf(NAMES.gbk);
    expect(gbk.source.encoding).toBe('gb18030');
    expect(gbk.text).toBe(recordOf(NAMES.good000).text);
    expect(gbk.id).toBe(recordOf(NAMES.good000).id);
  });

  it('decodes a Big5 file, converts it to simplified, and matches the UTF-8 traditional seed', () => {
    const big5 = recordOf(NAMES.big5);
    expect(big5.source.encoding).toBe('big5');
    expect(big5.script).toEqual({ original: 'traditional', converted: true });
    expect(big5.text).toBe(recordOf(NAMES.good003).text);
    expect(big5.text).toContain('岳阳县教育体育局');
  });

  it('keeps a UTF-8 file cut inside its last character, with a warning', () => {
    const truncated = recordOf(NAMES.truncated);
    expect(truncated.text.endsWith('结')).toBe(true);
    expect(truncated.messages).toContainEqual(expect.objectContaining({ level: 'warning', stage: 'ingest', code: 'charset', message: expect.stringMatching(/UTF-8/) }));
    expect(recordOf(NAMES.good004).text.length).toBe(truncated.text.length - 2);
  });

  it(
    'turns a 20 MB file into one record with every copy of the text',
    () => {
      const large = recordOf(NAMES.large);
      expect(large.source.bytes).toBeGreaterThanOrEqual(LARGE_BYTES);
      expect(large.text.split('三、强化师资配备 凸显服务成效').length - 1).toBe(largeCopies);
      expect(large.text).not.toContain('上一条');
      expect(large.sentences.length).toBeGreaterThan(largeCopies * 200);
    },
    RUN_TIMEOUT,
  );

  it('leaves no temporary files in the output folder', () => {
    expect(readdirSync(out).sort()).toEqual(['failures.jsonl', 'records.jsonl', 'run.json']);
  });
});

describe('runner: a file over --max-bytes', () => {
  const LIMIT = 64 * 1024;
  const OVERSIZE = 50 * 2 ** 20;
  const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean);

  it('is refused unread with the ingest stage\'s failure line, beside documents that still come out', async () => {
    const inDir = join(dir, 'oversize');
    mkdirSync(inDir);
    const good = [join(inDir, 'a-good-000.txt'), join(inDir, 'c-good-004.txt')];
    const sparse = join(inDir, 'b-sparse.txt');
    writeFileSync(good[0]!, seedText('000_723d0d538beac877.txt'));
    writeFileSync(good[1]!, seedText('004_56730d38a0832aa8.txt'));
    writeFileSync(sparse, '');
    truncateSync(sparse, OVERSIZE);
    const goodBytes = good.reduce((sum, path) => sum + readFileSync(path).length, 0);

    const unread = join(dir, 'out-oversize-unread');
    const refused = await runPipeline({ inputs: [inDir], outDir: unread, workers: 1, maxBytes: LIMIT });
    expect(lines(join(unread, 'failures.jsonl')).map((line) => JSON.parse(line) as unknown)).toEqual([
      { path: sparse, stage: 'ingest', code: 'too-large', message: `${OVERSIZE} bytes is over the limit of ${LIMIT} (set --max-bytes to raise it)` },
    ]);
    expect(lines(join(unread, 'records.jsonl')).map((line) => RecordSchema.parse(JSON.parse(line)).source.path)).toEqual(good);
    expect(refused.documents).toEqual({ total: 3, succeeded: 2, failed: 1 });
    expect(refused.failuresByCode).toEqual({ 'too-large': 1 });
    expect(refused.bytes).toBe(goodBytes);

    // The same files read whole, as every document was before: the ingest stage's check writes the same lines.
    const wholeOut = join(dir, 'out-oversize-whole');
    const whole = await runDocuments(
      [...good, sparse].sort().map((path) => ({ path, load: () => readFile(path) })),
      { outDir: wholeOut, workers: 1, maxBytes: LIMIT },
    );
    expect(lines(join(unread, 'failures.jsonl'))).toEqual(lines(join(wholeOut, 'failures.jsonl')));
    expect(lines(join(unread, 'records.jsonl'))).toEqual(lines(join(wholeOut, 'records.jsonl')));
    expect(whole.documents).toEqual(refused.documents);
    expect(whole.bytes).toBe(goodBytes + OVERSIZE);
  }, RUN_TIMEOUT);
});

/**
 * `npm run bench`: throughput of each stage and of the whole run, beside nodejieba's bare `cut` on the same text,
 * and peak memory for a corpus four times larger. The corpus is made by repeating the seeds to at least 50 MB.
 *
 * Targets (issue 2): one thread reaches ≥ 70% of bare `cut` throughput; `--workers 2` reaches ≥ 1.6× one thread;
 * peak memory for the 4× corpus is ≤ 1.3× that of the 1× corpus.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourcePath } from '../pipeline/adapters/resources.js';
import type { RunSummary } from '../pipeline/run.js';

const SEEDS = resourcePath('corpus/seeds');
const CLI = resourcePath('dist/pipeline/cli.js');
const CUT = resourcePath('dist/bench/cut.js');
const TARGET_MB = Number(process.env.BENCH_MB ?? 50);
const WORK = join(tmpdir(), 'policy-miner-bench');

function makeCorpus(name: string, megabytes: number): { dir: string; bytes: number; documents: number } {
  const dir = join(WORK, name);
  const seeds = readdirSync(SEEDS).sort().map((file) => ({ file, bytes: readFileSync(join(SEEDS, file)) }));
  const perRound = seeds.reduce((sum, seed) => sum + seed.bytes.length, 0);
  const rounds = Math.ceil((megabytes * 1e6) / perRound);
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (let round = 0; round < rounds; round++) {
      for (const seed of seeds) writeFileSync(join(dir, `${String(round).padStart(5, '0')}-${seed.file}`), seed.bytes);
    }
    writeFileSync(join(dir, '.complete'), '');
  }
  return { dir, bytes: rounds * perRound, documents: rounds * seeds.length };
}

/** Bare `cut` figures of a corpus (bench/cut.ts), measured in a child process of their own. */
interface CutFigures {
  bytes: number;
  /** One thread, with HMM (as the pipeline calls it) and without. */
  hmmSeconds: number;
  seconds: number;
  /** Two threads at once, with HMM, each with its own dictionaries and half of the files. */
  twoThreadSeconds: number;
}

/**
 * Runs bench/cut.ts on `dir`. In a child process, so that this process never holds jieba's dictionaries: a child
 * forked from a large process starts with that process's peak RSS as its own (Linux carries the high-water mark
 * across exec), which would hide the runs' real peak memory.
 */
function bareCut(dir: string): CutFigures {
  const child = spawnSync(process.execPath, [CUT, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`the bare cut measurement exited with ${child.status}`);
  return JSON.parse(child.stdout) as CutFigures;
}

function run(dir: string, workers: number): { seconds: number; summary: RunSummary } {
  const out = join(WORK, `out-${workers}`);
  const started = performance.now();
  const child = spawnSync(process.execPath, [CLI, 'run', dir, '--out', out, '--workers', String(workers), '--quiet'], { stdio: 'inherit' });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`run with ${workers} worker(s) exited with ${child.status}`);
  const summary = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunSummary;
  rmSync(out, { recursive: true, force: true });
  return { seconds, summary };
}

const mbps = (bytes: number, seconds: number): number => bytes / 1e6 / seconds;
const fixed = (value: number, digits = 2): string => value.toFixed(digits);

function main(): void {
  mkdirSync(WORK, { recursive: true });
  const corpus = makeCorpus(`corpus-${TARGET_MB}`, TARGET_MB);
  process.stdout.write(`corpus: ${corpus.documents} documents, ${fixed(corpus.bytes / 1e6, 1)} MB (seeds repeated) in ${corpus.dir}\n`);

  const cut = bareCut(corpus.dir);
  const one = run(corpus.dir, 1);
  const two = run(corpus.dir, 2);
  const large = makeCorpus(`corpus-${TARGET_MB * 4}`, TARGET_MB * 4);
  const oneLarge = run(large.dir, 1);

  const cutRate = mbps(cut.bytes, cut.hmmSeconds);
  const oneRate = mbps(corpus.bytes, one.seconds);
  const twoRate = mbps(corpus.bytes, two.seconds);
  const cutTwoRate = mbps(cut.bytes, cut.twoThreadSeconds);
  const memoryRatio = oneLarge.summary.peakRssBytes / one.summary.peakRssBytes;
  const stageSeconds = (name: string): number => (one.summary.stages[name]?.ms ?? 0) / 1000;
  const segmentSeconds = stageSeconds('segment');
  const otherSeconds = Object.keys(one.summary.stages).reduce((sum, name) => sum + stageSeconds(name), 0) - segmentSeconds;

  const rows: [string, string][] = [
    ['nodejieba bare cut (HMM, as the pipeline calls it)', `${fixed(cutRate)} MB/s`],
    ['nodejieba bare cut (no HMM)', `${fixed(mbps(cut.bytes, cut.seconds))} MB/s`],
    ['nodejieba bare cut (HMM), 2 threads at once', `${fixed(cutTwoRate)} MB/s, ${fixed(cutTwoRate / cutRate)}× one thread`],
    ...Object.entries(one.summary.stages).map(([stage, { mbPerSecond, documentsPerSecond }]): [string, string] => [
      `stage ${stage} (1 thread)`,
      `${fixed(mbPerSecond)} MB/s, ${fixed(documentsPerSecond, 0)} docs/s`,
    ]),
    ['whole run, 1 thread', `${fixed(oneRate)} MB/s, ${fixed(corpus.documents / one.seconds, 1)} docs/s, ${fixed(one.seconds, 1)} s`],
    ['  of which start-up (dictionaries, models)', `${fixed(one.summary.setupMs / 1000, 1)} s`],
    ['  of which segment stage (cut, offsets, keywords)', `${fixed(segmentSeconds, 1)} s (bare cut of the same text: ${fixed(cut.hmmSeconds, 1)} s)`],
    ['  of which the other stages', `${fixed(otherSeconds, 1)} s`],
    ['whole run, --workers 2', `${fixed(twoRate)} MB/s, ${fixed(corpus.documents / two.seconds, 1)} docs/s, ${fixed(two.seconds, 1)} s`],
    [`peak RSS, ${fixed(corpus.bytes / 1e6, 0)} MB corpus, 1 thread`, `${fixed(one.summary.peakRssBytes / 2 ** 20, 0)} MiB`],
    [`peak RSS, ${fixed(large.bytes / 1e6, 0)} MB corpus, 1 thread`, `${fixed(oneLarge.summary.peakRssBytes / 2 ** 20, 0)} MiB`],
    [`peak RSS, ${fixed(corpus.bytes / 1e6, 0)} MB corpus, 2 workers`, `${fixed(two.summary.peakRssBytes / 2 ** 20, 0)} MiB`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);

  const checks: [string, boolean, string][] = [
    ['1 thread ≥ 70% of bare cut', oneRate >= 0.7 * cutRate, `${fixed((100 * oneRate) / cutRate, 0)}% (the run took ${fixed(one.seconds, 1)} s; 70% means ${fixed(cut.hmmSeconds / 0.7, 1)} s at most)`],
    ['2 workers ≥ 1.6× 1 thread', twoRate >= 1.6 * oneRate, `${fixed(twoRate / oneRate)}× (bare cut in 2 threads: ${fixed(cutTwoRate / cutRate)}×)`],
    ['4× corpus peak memory ≤ 1.3×', memoryRatio <= 1.3, `${fixed(memoryRatio)}×`],
  ];
  process.stdout.write('\n');
  for (const [name, ok, figure] of checks) process.stdout.write(`${ok ? 'PASS' : 'MISS'}  ${name}: ${figure}\n`);
  const report = { corpus: { documents: corpus.documents, bytes: corpus.bytes }, cut, one: { seconds: one.seconds, summary: one.summary }, two: { seconds: two.seconds, summary: two.summary }, large: { bytes: large.bytes, seconds: oneLarge.seconds, peakRssBytes: oneLarge.summary.peakRssBytes }, checks };
  mkdirSync(resourcePath('output'), { recursive: true });
  writeFileSync(resourcePath('output/bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write('details: output/bench.json\n');
}

main();

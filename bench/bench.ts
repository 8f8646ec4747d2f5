/**
 * `npm run bench`: throughput of each stage and of the whole run, beside nodejieba's bare `cut` on the same text,
 * and peak memory for a corpus four times larger. The corpus is made by repeating the seeds to at least 50 MB.
 *
 * Targets (issue 2): one thread reaches ≥ 70% of bare `cut` throughput; `--workers 2` reaches ≥ 1.6× one thread;
 * peak memory for the 4× corpus is ≤ 1.3× that of the 1× corpus.
 *
 * The 1× measurements run in BENCH_ROUNDS rounds (default 3), interleaved; the checks take the medians.
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
/**
 * Rounds of the 1× measurements (bare cut, one thread, two workers), interleaved so that each round meets the
 * machine in the same state: a shared VM's speed drifts by ±15% from minute to minute, so a single run of each can
 * pass or miss a target by luck. The figures are the rounds' medians, with their range.
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
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

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of the rounds' values and, with more than one round, their range. */
function spread(values: readonly number[], digits = 2): string {
  if (values.length < 2) return fixed(values[0]!, digits);
  return `${fixed(median(values), digits)} (${fixed(Math.min(...values), digits)}–${fixed(Math.max(...values), digits)})`;
}

/** The item whose `key` is the median (the lower middle for an even count). */
function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[(items.length - 1) >> 1]!;
}

function main(): void {
  mkdirSync(WORK, { recursive: true });
  const corpus = makeCorpus(`corpus-${TARGET_MB}`, TARGET_MB);
  process.stdout.write(`corpus: ${corpus.documents} documents, ${fixed(corpus.bytes / 1e6, 1)} MB (seeds repeated) in ${corpus.dir}\n`);

  const rounds = Array.from({ length: ROUNDS }, (_, k) => {
    process.stdout.write(`round ${k + 1} of ${ROUNDS}: bare cut, one thread, two workers\n`);
    return { cut: bareCut(corpus.dir), one: run(corpus.dir, 1), two: run(corpus.dir, 2) };
  });
  const large = makeCorpus(`corpus-${TARGET_MB * 4}`, TARGET_MB * 4);
  const oneLarge = run(large.dir, 1);

  // Per round, each figure against the same round's others; the checks use the medians of those ratios.
  const oneSeconds = rounds.map(({ one }) => one.seconds);
  const twoSeconds = rounds.map(({ two }) => two.seconds);
  const cutRates = rounds.map(({ cut }) => mbps(cut.bytes, cut.hmmSeconds));
  const oneRates = oneSeconds.map((seconds) => mbps(corpus.bytes, seconds));
  const twoRates = twoSeconds.map((seconds) => mbps(corpus.bytes, seconds));
  const cutShares = rounds.map((_, k) => oneRates[k]! / cutRates[k]!);
  const workerGains = rounds.map((_, k) => twoRates[k]! / oneRates[k]!);
  const cutTwoGains = rounds.map(({ cut }) => cut.hmmSeconds / cut.twoThreadSeconds);
  const allowances = rounds.map(({ cut }) => cut.hmmSeconds / 0.7);
  // The round whose one-thread run took the median time: its stage split is the one printed.
  const { cut, one, two } = medianBy(rounds, (round) => round.one.seconds);
  const memoryRatio = oneLarge.summary.peakRssBytes / one.summary.peakRssBytes;
  const stageSeconds = (name: string): number => (one.summary.stages[name]?.ms ?? 0) / 1000;
  const segmentSeconds = stageSeconds('segment');
  const otherSeconds = Object.keys(one.summary.stages).reduce((sum, name) => sum + stageSeconds(name), 0) - segmentSeconds;

  const rows: [string, string][] = [
    ['nodejieba bare cut (HMM, as the pipeline calls it)', `${spread(cutRates)} MB/s`],
    ['nodejieba bare cut (no HMM)', `${spread(rounds.map(({ cut }) => mbps(cut.bytes, cut.seconds)))} MB/s`],
    ['nodejieba bare cut (HMM), 2 threads at once', `${spread(rounds.map(({ cut }) => mbps(cut.bytes, cut.twoThreadSeconds)))} MB/s, ${spread(cutTwoGains)}× one thread`],
    ['whole run, 1 thread', `${spread(oneRates)} MB/s, ${spread(oneSeconds.map((seconds) => corpus.documents / seconds), 1)} docs/s, ${spread(oneSeconds, 1)} s`],
    ['whole run, --workers 2', `${spread(twoRates)} MB/s, ${spread(twoSeconds.map((seconds) => corpus.documents / seconds), 1)} docs/s, ${spread(twoSeconds, 1)} s`],
    [`the one-thread run of the median round (${fixed(one.seconds, 1)} s), by stage`, ''],
    ...Object.entries(one.summary.stages).map(([stage, { mbPerSecond, documentsPerSecond }]): [string, string] => [
      `  stage ${stage}`,
      `${fixed(mbPerSecond)} MB/s, ${fixed(documentsPerSecond, 0)} docs/s`,
    ]),
    ['  start-up (dictionaries, models)', `${fixed(one.summary.setupMs / 1000, 1)} s`],
    ['  segment stage (cut, offsets, keywords)', `${fixed(segmentSeconds, 1)} s (bare cut of the same text, same round: ${fixed(cut.hmmSeconds, 1)} s)`],
    ['  the other stages', `${fixed(otherSeconds, 1)} s`],
    [`peak RSS, ${fixed(corpus.bytes / 1e6, 0)} MB corpus, 1 thread`, `${fixed(one.summary.peakRssBytes / 2 ** 20, 0)} MiB`],
    [`peak RSS, ${fixed(large.bytes / 1e6, 0)} MB corpus, 1 thread`, `${fixed(oneLarge.summary.peakRssBytes / 2 ** 20, 0)} MiB`],
    [`peak RSS, ${fixed(corpus.bytes / 1e6, 0)} MB corpus, 2 workers`, `${fixed(two.summary.peakRssBytes / 2 ** 20, 0)} MiB`],
  ];
  if (ROUNDS > 1) process.stdout.write(`\nfigures of the rounds: median (lowest–highest) of ${ROUNDS}\n`);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);

  const checks: [string, boolean, string][] = [
    [
      '1 thread ≥ 70% of bare cut',
      median(cutShares) >= 0.7,
      `${spread(cutShares.map((share) => 100 * share), 0)}% (the run took ${spread(oneSeconds, 1)} s; 70% means ${spread(allowances, 1)} s at most)`,
    ],
    ['2 workers ≥ 1.6× 1 thread', median(workerGains) >= 1.6, `${spread(workerGains)}× (bare cut in 2 threads: ${spread(cutTwoGains)}×)`],
    ['4× corpus peak memory ≤ 1.3×', memoryRatio <= 1.3, `${fixed(memoryRatio)}×`],
  ];
  process.stdout.write('\n');
  for (const [name, ok, figure] of checks) process.stdout.write(`${ok ? 'PASS' : 'MISS'}  ${name}: ${figure}\n`);
  const report = {
    corpus: { documents: corpus.documents, bytes: corpus.bytes },
    rounds,
    large: { bytes: large.bytes, seconds: oneLarge.seconds, peakRssBytes: oneLarge.summary.peakRssBytes },
    checks,
  };
  mkdirSync(resourcePath('output'), { recursive: true });
  writeFileSync(resourcePath('output/bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write('details: output/bench.json\n');
}

main();

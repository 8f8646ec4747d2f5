#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { Record as RecordSchema } from '../schemas/record.js';
import { InputError } from './adapters/files.js';
import { jsonProgress, plainProgress, terminalProgress } from './adapters/progress.js';
import { DEFAULT_MAX_BYTES, loadConfig } from './config.js';
import { packageVersion } from './adapters/resources.js';
import type { Scores } from './eval/score.js';

// Each command imports what it needs when it runs: the crawler, the evaluation peers and the trainer pull in
// large libraries (cheerio, warcio, Recognizers-Text) that would cost a `run` half a second of start-up.

/** Exit codes: every document succeeded; some failed; the run itself could not proceed. */
const EXIT_OK = 0;
const EXIT_SOME_FAILED = 1;
const EXIT_FATAL = 2;

/** A commander parser for whole numbers of at least `min`. */
function wholeNumberFrom(min: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new InvalidArgumentError(min === 1 ? 'expected a positive whole number' : `expected a whole number, ${min} or more`);
    return parsed;
  };
}
const integer = wholeNumberFrom(1);
const wholeNumber = wholeNumberFrom(0);

async function runCommand(paths: string[], options: { out: string; workers?: number; maxBytes?: number; quiet?: boolean; log?: string }): Promise<number> {
  const config = loadConfig({ workers: options.workers, maxBytes: options.maxBytes, quiet: options.quiet, log: options.log });
  const progress = config.log === 'json' ? jsonProgress() : config.quiet ? undefined : process.stderr.isTTY ? terminalProgress() : plainProgress();
  const { runPipeline } = await import('./run.js');
  const summary = await runPipeline({
    inputs: paths.length > 0 ? paths : ['corpus'],
    outDir: options.out,
    workers: config.workers,
    maxBytes: config.maxBytes,
    progress,
  });
  const { total, succeeded, failed } = summary.documents;
  if (config.log === 'json') process.stderr.write(`${JSON.stringify({ event: 'summary', ...summary })}\n`);
  else if (!config.quiet) {
    const codes = Object.entries(summary.failuresByCode).map(([code, n]) => `${n} ${code}`).join(', ');
    process.stderr.write(
      `${succeeded}/${total} documents → ${summary.outputs.records}` +
        (failed ? `; ${failed} failed (${codes}) → ${summary.outputs.failures}` : '') +
        `; ${(summary.bytes / 1e6).toFixed(2)} MB in ${(summary.durationMs / 1000).toFixed(1)} s with ${summary.workers} worker(s)\n`,
    );
  }
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

/** Peers that can be scored beside the pipeline, each on the same records' texts. */
const PEERS = {
  recognizers: {
    label: 'Microsoft Recognizers-Text (Chinese number, percentage, currency, age, dimension)',
    load: async () => {
      const { recognizersNumbers } = await import('./eval/peer-recognizers.js');
      return (text: string) => recognizersNumbers(text).map((number) => ({ ...number, measure: null }));
    },
  },
} as const;
type PeerName = keyof typeof PEERS;

async function evalCommand(options: { gold: string; records: string; json?: boolean; peer?: string[]; crossValidate?: boolean }): Promise<number> {
  const { loadGold, loadRecords, scoreAll, withNumbersFrom } = await import('./eval/evaluate.js');
  const { formatComparison, formatReport, summarise } = await import('./eval/report.js');
  const gold = await loadGold(options.gold);
  if (gold.length === 0) throw new InputError(`no gold files (*.json) in ${options.gold}: nothing to score against`);
  const records = await loadRecords(options.records, new Set(gold.map((file) => file.doc.replace(/\.[^.]+$/, ''))));
  const scores = scoreAll(gold, records);
  const peers: { name: string; label: string; scores: Scores }[] = [];
  for (const name of options.peer ?? []) {
    if (!(name in PEERS)) throw new InputError(`unknown peer "${name}" (known: ${Object.keys(PEERS).join(', ')})`);
    const peer = PEERS[name as PeerName];
    peers.push({ name, label: peer.label, scores: scoreAll(gold, withNumbersFrom(records, await peer.load())) });
  }
  // Leave-one-document-out: each document's measures re-classified by a model trained without its gold, and by
  // natural's naive Bayes trained on the same folds, as a baseline.
  let heldOut: Scores | null = null;
  let heldOutNatural: Scores | null = null;
  if (options.crossValidate) {
    const [{ crossValidate, prepareFolds }, { textSegmenter }, { naturalBayes }] = await Promise.all([import('./eval/cross-validate.js'), import('./train.js'), import('./eval/peer-natural.js')]);
    const segment = textSegmenter();
    const folds = prepareFolds(gold, records, segment);
    heldOut = crossValidate(gold, records, segment, { folds });
    heldOutNatural = crossValidate(gold, records, segment, { folds, fit: naturalBayes });
  }
  if (options.json) {
    const report = {
      ...summarise(scores),
      ...(heldOut && heldOutNatural ? { leaveOneOut: summarise(heldOut), leaveOneOutNaturalBayes: summarise(heldOutNatural) } : {}),
      peers: Object.fromEntries(peers.map((peer) => [peer.name, { label: peer.label, numbers: summarise(peer.scores).fields, attributes: summarise(peer.scores).attributes }])),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT_OK;
  }
  process.stdout.write(`${formatReport(scores)}\n`);
  if (heldOut && heldOutNatural) {
    process.stdout.write(
      '\nmeasures in-sample (shipped model, trained on all gold) beside leave-one-document-out (each document classified by a model trained without it),\n' +
        "and natural's BayesClassifier trained on the same folds with the same words of each measure, as a baseline\n\n",
    );
    const runs = [
      { label: 'in-sample', scores },
      { label: 'leave-one-out', scores: heldOut },
      { label: 'natural NB, leave-one-out', scores: heldOutNatural },
    ];
    process.stdout.write(`${formatComparison(runs, ['measures', 'measure.status', 'measure.category', 'measure.instrument'])}\n`);
  }
  if (peers.length > 0) {
    const runs = [{ label: 'policy-miner', scores }, ...peers.map((peer) => ({ label: `peer: ${peer.name}`, scores: peer.scores }))];
    process.stdout.write(`\nnumbers beside peers, on the same gold and the same texts (${peers.map((p) => `${p.name} = ${p.label}`).join('; ')})\n\n`);
    process.stdout.write(`${formatComparison(runs, ['numbers', 'number.unit', 'number.kind', 'number.qualifier'])}\n`);
  }
  return EXIT_OK;
}

function schemaCommand(): number {
  process.stdout.write(`${JSON.stringify(z.toJSONSchema(RecordSchema, { target: 'draft-2020-12' }), null, 2)}\n`);
  return EXIT_OK;
}

/**
 * The options of a pipeline run, the same for `run` and `crawl` (whose pages go through the same run): workers,
 * the size limit on `what` each document is, progress and log format. Each also has an environment variable
 * (config.ts).
 */
function withRunOptions(command: Command, what: string): Command {
  return command
    .option('-w, --workers <n>', 'worker threads (default: the machine’s cores; 1 runs in the main thread)', integer)
    .option('--max-bytes <n>', `largest ${what} accepted, in bytes (default ${DEFAULT_MAX_BYTES}, 64 MiB); a larger one fails as too-large`, integer)
    .option('-q, --quiet', 'no progress output')
    .option('--log <format>', 'text or json (one JSON object per event on stderr)');
}

export function buildProgram(): Command {
  const program = new Command()
    .name('policy-miner')
    .description('Turns Chinese government replies to proposals and suggestions into structured, validated JSON.')
    .version(packageVersion('policy-miner'))
    .exitOverride();
  withRunOptions(
    program
      .command('run')
      .description('run the pipeline over .txt/.html/.htm files or folders (default: corpus/)')
      .argument('[paths...]', 'files or folders')
      .requiredOption('-o, --out <dir>', 'output folder for records.jsonl, failures.jsonl and run.json'),
    'input file',
  ).action(async (paths: string[], options) => {
    process.exitCode = await runCommand(paths, options);
  });
  withRunOptions(
    program
      .command('crawl')
      .description('crawl government sites from list pages, archive every response to WARC, and run the pipeline on the reply pages')
      .argument('<urls...>', 'start URLs (list pages or detail pages)')
      .requiredOption('-o, --out <dir>', 'output folder: warc/, crawl/ (journal, skipped, summary), records.jsonl, failures.jsonl, run.json')
      .option('--max-pages <n>', 'stop after visiting this many URLs in this run (resume later)', integer)
      .option('--concurrency <n>', 'requests in flight to one host (default 2)', integer)
      .option('--delay <ms>', 'milliseconds between request starts to one host (default 1000)', wholeNumber)
      .option('--user-agent <ua>', 'User-Agent header, also the name robots.txt rules are matched against')
      .option('--profile <file>', 'site profile JSON (list selector, link pattern, content selector, date selector)')
      .option('--refetch', 'request pages already archived again; unchanged payloads are not archived twice')
      .option('--timeout <ms>', 'per-attempt request timeout (default 30000)', integer)
      .option('--retries <n>', 'further attempts on timeouts, resets, 429 and 5xx (default 3)', wholeNumber),
    'page',
  ).action(async (urls: string[], options) => {
    const config = loadConfig({ workers: options.workers, maxBytes: options.maxBytes, quiet: options.quiet, log: options.log });
    // Ctrl-C stops the crawl cleanly: the journal stays consistent and the next run resumes where this one stopped.
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const { crawlCommand } = await import('./crawl/command.js');
      process.exitCode = await crawlCommand(urls, {
        ...options,
        timeoutMs: options.timeout,
        workers: config.workers,
        maxBytes: config.maxBytes,
        quiet: config.quiet,
        log: config.log,
        signal: controller.signal,
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  });
  program
    .command('eval')
    .description('score records against gold annotations: P/R/F1 per field, accuracy per attribute and metadata field')
    .requiredOption('--gold <dir>', 'folder of gold JSON files')
    .requiredOption('--records <file>', 'records.jsonl written by `run`')
    .option('--json', 'print JSON instead of tables')
    .option('--cross-validate', 'also score measure category and instrument leave-one-document-out')
    .option('--peer <name...>', `also score a peer baseline on the same texts (${Object.keys(PEERS).join(', ')})`)
    .action(async (options) => {
      process.exitCode = await evalCommand(options);
    });
  program
    .command('train')
    .description('train the measure classifiers (category, instrument) on gold annotations and write the model')
    .option('--gold <dir>', 'folder of gold JSON files; their documents are read from the seeds folder beside it', 'corpus/gold')
    .option('--out <file>', 'model file', 'pipeline/models/measure-model.json')
    .action(async (options: { gold: string; out: string }) => {
      const { trainFromGold } = await import('./train.js');
      const summary = await trainFromGold(options.gold, options.out);
      process.stderr.write(
        `trained on ${summary.examples} measures of ${summary.documents} documents → ${options.out}` +
          (summary.withoutText.length ? ` (no source text for ${summary.withoutText.join(', ')}: trained without context)` : '') +
          '\n',
      );
      process.exitCode = EXIT_OK;
    });
  program
    .command('schema')
    .description('print the JSON Schema of a record, generated from the zod schema')
    .action(() => {
      process.exitCode = schemaCommand();
    });
  return program;
}

/**
 * What a fatal error says: the message of an error the user can act on (a bad input or output path, a bad setting,
 * a file-system refusal), the stack of anything else, which is a bug.
 */
function describeError(error: unknown): string {
  if (error instanceof InputError) return error.message;
  if (error instanceof z.ZodError) return `invalid setting (a flag or POLICY_MINER_* variable): ${z.prettifyError(error).replace(/\n\s*/g, ' ')}`;
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string') return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
      process.exitCode = EXIT_OK;
      return;
    }
    if (code?.startsWith('commander.')) {
      process.exitCode = EXIT_FATAL;
      return;
    }
    process.stderr.write(`policy-miner: ${describeError(error)}\n`);
    process.exitCode = EXIT_FATAL;
  }
}

await main(process.argv);
process.exit(process.exitCode ?? EXIT_OK);

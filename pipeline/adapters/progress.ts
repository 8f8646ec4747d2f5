import cliProgress from 'cli-progress';
import type { Progress } from '../run.js';

/** A progress bar on a terminal (stderr), so stdout stays clean for data. */
export function terminalProgress(): Progress {
  const bar = new cliProgress.SingleBar(
    { format: 'policy-miner |{bar}| {value}/{total} documents | {failed} failed | {eta_formatted} left', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let failed = 0;
  return {
    start: (total) => bar.start(total, 0, { failed }),
    document: (_path, ok) => {
      if (!ok) failed++;
      bar.increment(1, { failed });
    },
    stop: () => bar.stop(),
  };
}

/** One JSON object per event on stderr, for machines. */
export function jsonProgress(): Progress {
  const emit = (event: Record<string, unknown>): void => void process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
  return {
    start: (total) => emit({ event: 'start', total }),
    document: (path, ok, detail) => emit({ event: 'document', path, ok, ...(detail ? { detail } : {}) }),
    stop: () => emit({ event: 'stop' }),
  };
}

/** Plain lines for a log file or a pipe that is not a terminal: only failures and the end. */
export function plainProgress(): Progress {
  return {
    start: () => {},
    document: (path, ok, detail) => {
      if (!ok) process.stderr.write(`failed: ${path}: ${detail ?? ''}\n`);
    },
    stop: () => {},
  };
}

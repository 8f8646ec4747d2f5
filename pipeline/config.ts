import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * Run configuration: one zod schema, defaults, and the environment variables bound to it. This is the only module
 * that reads `process.env`; command-line flags override the environment.
 */

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export const RunConfig = z.object({
  workers: z.coerce.number().int().min(1).max(64).default(() => availableParallelism()).describe('worker threads; 1 runs in the main thread'),
  maxBytes: z.coerce.number().int().positive().default(DEFAULT_MAX_BYTES).describe('largest input file accepted'),
  quiet: z.coerce.boolean().default(false).describe('no progress output'),
  log: z.enum(['text', 'json']).default('text').describe('json: one JSON object per event on stderr, for machines'),
});
export type RunConfig = z.infer<typeof RunConfig>;

/** Environment variables and the config keys they set. */
const ENVIRONMENT: Readonly<Record<string, keyof RunConfig>> = {
  POLICY_MINER_WORKERS: 'workers',
  POLICY_MINER_MAX_BYTES: 'maxBytes',
  POLICY_MINER_QUIET: 'quiet',
  POLICY_MINER_LOG: 'log',
};

/** Builds the config from the environment, then `overrides` (flags); a bad value throws a ZodError. */
export function loadConfig(overrides: Partial<Record<keyof RunConfig, unknown>>, env: NodeJS.ProcessEnv = process.env): RunConfig {
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENVIRONMENT)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = key === 'quiet' ? value === '1' || value === 'true' : value;
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return RunConfig.parse({ ...fromEnv, ...defined });
}

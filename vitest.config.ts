import { defineConfig } from 'vitest/config';

/**
 * The suite runs the TypeScript sources directly; the CLI tests spawn the build in dist/ (`npm test` builds first).
 * Each test file loads nodejieba once (about a second and 250 MB), so files run in separate processes, two at a time.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});

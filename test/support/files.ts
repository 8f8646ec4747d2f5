import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The objects of a JSON Lines file, blank lines skipped. */
export const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

/** Fresh temporary folders named after a test file, all removed by `removeAll` (in the file's afterAll). */
export function tempFolders(prefix: string): { fresh(): string; removeAll(): void } {
  const folders: string[] = [];
  return {
    fresh() {
      const dir = mkdtempSync(join(tmpdir(), `policy-miner-${prefix}-`));
      folders.push(dir);
      return dir;
    },
    removeAll() {
      for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

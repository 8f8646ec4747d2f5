import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found by walking up from this file, so data files resolve from sources and from dist/. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'policy-miner') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the policy-miner package root');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();

/** Absolute path of a file shipped in the package, given relative to its root. */
export function resourcePath(relative: string): string {
  return join(PACKAGE_ROOT, relative);
}

export function packageVersion(name: string): string {
  try {
    const manifest = name === 'policy-miner' ? join(PACKAGE_ROOT, 'package.json') : join(PACKAGE_ROOT, 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

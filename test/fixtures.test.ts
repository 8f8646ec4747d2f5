/**
 * Golden text-layer fixtures (after Readability's test pages): one folder per real page under test/fixtures/,
 * holding `fixture.json` (the source file and what the page teaches) and `expected.txt` (the normalised text).
 * `UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts` rewrites expected.txt; review the diff before keeping it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clean } from '../pipeline/stages/clean.js';
import { ingest } from '../pipeline/stages/ingest.js';
import { normalise } from '../pipeline/stages/normalise.js';
import type { StageContext } from '../pipeline/stages/stage.js';
import { FIXTURE_SLUGS, FIXTURES_DIR, ROOT, runStages, stageContext } from './support/seeds.js';

const UPDATE = process.env.UPDATE_FIXTURES === '1';

interface Fixture {
  source: string;
  teaches: string[];
}

let context: StageContext;
beforeAll(() => {
  context = stageContext();
});

describe('golden fixtures: the normalised text of each real page', () => {
  it('has a fixture for every seed', () => {
    const sources = FIXTURE_SLUGS.map((slug) => (JSON.parse(readFileSync(join(FIXTURES_DIR, slug, 'fixture.json'), 'utf8')) as Fixture).source);
    const seeds = readdirSync(join(ROOT, 'corpus', 'seeds')).map((name) => `corpus/seeds/${name}`);
    expect(sources.sort()).toEqual(seeds.sort());
  });

  it.each(FIXTURE_SLUGS)('%s', (slug) => {
    const folder = join(FIXTURES_DIR, slug);
    const fixture = JSON.parse(readFileSync(join(folder, 'fixture.json'), 'utf8')) as Fixture;
    const bytes = new Uint8Array(readFileSync(join(ROOT, fixture.source)));
    const text = runStages([ingest, clean, normalise], fixture.source, bytes, context).text!;
    const expectedPath = join(folder, 'expected.txt');
    if (UPDATE) writeFileSync(expectedPath, `${text}\n`);
    expect(existsSync(expectedPath), `${expectedPath}: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
    expect(`${text}\n`).toBe(readFileSync(expectedPath, 'utf8'));
  });
});

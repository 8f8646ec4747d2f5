/**
 * Shared test support: the seed documents, a way to run stages one by one on them, and the helpers the
 * acceptance tests use to compare a record's text with its source. No expected output lives here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import type { DocState, StageResult } from '../../pipeline/document.js';
import { BULLET_GLYPH, FURNITURE_INLINE, FURNITURE_LINES, MAX_FURNITURE_LINE } from '../../pipeline/lib/furniture.js';
import { createContext } from '../../pipeline/process.js';
import type { Stage, StageContext } from '../../pipeline/stages/stage.js';
import type { GoldFile } from '../../schemas/gold.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS_DIR = join(ROOT, 'corpus', 'seeds');
export const GOLD_DIR = join(ROOT, 'corpus', 'gold');

export const SEED_FILES = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt')).sort();
/** The one traditional-script seed (a Hunan county reply carried through a converter, with `关键词2` left in). */
export const TRADITIONAL_SEED = '003_0f8a1ac7bf094272.txt';
export const SIMPLIFIED_SEEDS = SEED_FILES.filter((name) => name !== TRADITIONAL_SEED);

export const FIXTURES_DIR = join(ROOT, 'test', 'fixtures');
/** The text-layer fixtures: folders of test/fixtures holding a fixture.json (other folders hold other kinds). */
export const FIXTURE_SLUGS = readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURES_DIR, entry.name, 'fixture.json')))
  .map((entry) => entry.name)
  .sort();

/** A text-layer fixture's expected normalised text, and the gold file of the seed it was made from. */
export function goldFixture(slug: string): { slug: string; text: string; gold: GoldFile } {
  const fixture = JSON.parse(readFileSync(join(FIXTURES_DIR, slug, 'fixture.json'), 'utf8')) as { source: string };
  const goldName = fixture.source.split('/').pop()!.replace(/\.txt$/, '.json');
  return {
    slug,
    text: readFileSync(join(FIXTURES_DIR, slug, 'expected.txt'), 'utf8').replace(/\n$/, ''),
    gold: JSON.parse(readFileSync(join(GOLD_DIR, goldName), 'utf8')) as GoldFile,
  };
}

export function seedPath(name: string): string {
  return join(SEEDS_DIR, name);
}

export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(seedPath(name)));
}

export function seedText(name: string): string {
  return readFileSync(seedPath(name), 'utf8');
}

/** The lines of a seed, exactly as in the file (no trimming). */
export function seedLines(name: string): string[] {
  return seedText(name).split('\n');
}

let sharedContext: StageContext | null = null;

/** One stage context per test file (nodejieba takes a second and 250 MB to load). */
export function stageContext(): StageContext {
  return (sharedContext ??= createContext({ maxBytes: 64 * 1024 * 1024 }));
}

/** Runs `stages` in order the way process.ts does, returning the envelope after the last one. */
export function runStages(stages: readonly Stage[], path: string, bytes: Uint8Array, context: StageContext): DocState {
  let doc: DocState = { path, bytes, messages: [] };
  for (const stage of stages) {
    const result: StageResult = stage.run(Object.freeze({ ...doc }), context);
    doc = { ...doc, ...result.patch, messages: [...doc.messages, ...(result.messages ?? [])] };
  }
  return doc;
}

export const taiwanToMainland = OpenCC.Converter({ from: 'tw', to: 'cn' });

export function withoutSpace(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Whether a source line (trimmed) is a whole furniture line by the rules of pipeline/lib/furniture.ts. */
export function isFurnitureLine(line: string, traditional = false): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > MAX_FURNITURE_LINE) return false;
  const view = traditional ? taiwanToMainland(trimmed) : trimmed;
  return FURNITURE_LINES.some((rule) => rule.pattern.test(view));
}

/** A source line without the inline furniture the issue lists (bullet glyphs, view counters, placeholders, pinyin). */
export function withoutInlineFurniture(line: string): string {
  const lead = line.length - line.trimStart().length;
  let rest = line.slice(0, lead) + line.slice(lead).replace(BULLET_GLYPH, '');
  for (const rule of FURNITURE_INLINE) rest = rest.replace(new RegExp(rule.pattern.source, 'g'), '');
  return rest;
}

/**
 * The inline furniture `withoutInlineFurniture` takes out of a source, in order: each piece a rule removes, and each
 * bullet glyph as `glyph→` with the first characters of its paragraph. Pinned by hand per seed in the acceptance
 * test, so the sentence checks that rely on `withoutInlineFurniture` cannot hide a rule that eats content.
 */
export function inlineFurniture(source: string): string[] {
  const pieces: string[] = [];
  for (const line of source.split('\n')) {
    const rest = line.trimStart();
    const bullet = BULLET_GLYPH.exec(rest);
    if (bullet) pieces.push(`${bullet[1]}→${rest.slice(bullet[1]!.length, bullet[1]!.length + 5)}`);
    for (const rule of FURNITURE_INLINE) for (const match of line.matchAll(new RegExp(rule.pattern.source, 'g'))) pieces.push(match[0]);
  }
  return pieces;
}

/**
 * The sentences of a source: split at 。！？； and newlines, furniture lines dropped, inline furniture removed,
 * white space removed. Each must appear unchanged in the white-space-free record text.
 */
export function sourceSentences(source: string, traditional = false): string[] {
  const sentences: string[] = [];
  for (const line of source.split('\n')) {
    if (isFurnitureLine(line, traditional)) continue;
    for (const piece of withoutInlineFurniture(line).split(/[。！？；]/)) {
      const bare = withoutSpace(piece);
      if (bare) sentences.push(bare);
    }
  }
  return sentences;
}

/** The furniture lines of a source, trimmed, in order. */
export function furnitureLines(source: string, traditional = false): string[] {
  return source
    .split('\n')
    .filter((line) => isFurnitureLine(line, traditional))
    .map((line) => line.trim());
}

export function hanOnly(text: string): string {
  return (text.match(/\p{Script=Han}/gu) ?? []).join('');
}

/** Picks `count` items spread evenly over `items` (first and last included). */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]!);
}

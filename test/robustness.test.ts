/**
 * Inputs a fuzzing campaign found to break a run, each rebuilt from real seed text plus the smallest mutation that
 * did it. Odd but readable input must come out as a record (never an `internal` failure, which is a thrown error
 * inside a stage); the record's text must still hold the seed's paragraphs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultStages } from '../pipeline/index.js';
import { processDocument, type DocumentOutcome } from '../pipeline/process.js';
import type { StageContext } from '../pipeline/stages/stage.js';
import { seedLines, stageContext } from './support/seeds.js';

let context: StageContext;
beforeAll(() => {
  context = stageContext();
});

/** Real paragraphs of seed 001 (楚雄市 reply). */
const paragraphs = seedLines('001_754fd2440035fb71.txt')
  .map((line) => line.trim())
  .filter((line) => line.length > 40)
  .slice(0, 3);
const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');

function run(path: string, content: string): DocumentOutcome {
  return processDocument(path, new Uint8Array(Buffer.from(content)), defaultStages, context);
}

function expectRecordWithParagraphs(outcome: DocumentOutcome): void {
  expect(outcome.ok ? null : outcome.failure).toBeNull();
  if (!outcome.ok) return;
  const text = outcome.record.text.replace(/\s+/g, '');
  for (const paragraph of paragraphs) expect(text).toContain(paragraph.replace(/\s+/g, '').slice(0, 30));
}

describe('deeply nested pages', () => {
  // Every tree walk (the renderer's, cheerio's `.text()`) recursed once per level: 500 nested tables overflowed the stack.
  it.each([
    ['tables', '<table><tr><td>', '</td></tr></table>', 2000],
    ['divs', '<div>', '</div>', 6000],
    ['unclosed spans', '<span>', '', 6000],
  ])('reads a reply nested in %s', (_, open, close, depth) => {
    expectRecordWithParagraphs(run('deep.html', `<html><body>${open.repeat(depth)}${body}${close.repeat(depth)}</body></html>`));
  });
});

describe('pages of many blocks', () => {
  // Each block was checked against every other by searching subtrees: 2,000 small metadata tables took minutes.
  it('reads a reply followed by thousands of small metadata tables', { timeout: 10_000 }, () => {
    const tables = '<table><tr><td>索引号：1</td><td>文号：2</td></tr></table>'.repeat(2000);
    expectRecordWithParagraphs(run('tables.html', `<html><body><div class="TRS_Editor">${body}</div>${tables}</body></html>`));
  });
});

describe('containers of many paragraphs', () => {
  // cheerio's `.find('a')` on the content container checked each of its children against all the others.
  it('reads a reply whose container holds 40,000 short paragraphs', { timeout: 10_000 }, () => {
    const filler = '<p>一二三四五六七八九十。</p>'.repeat(40_000);
    expectRecordWithParagraphs(run('long.html', `<html><body><div class="TRS_Editor">${body}${filler}</div></body></html>`));
  });
});

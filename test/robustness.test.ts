/**
 * Inputs a fuzzing campaign found to break a run, each rebuilt from real seed text plus the smallest mutation that
 * did it. Odd but readable input must come out as a record (never an `internal` failure, which is a thrown error
 * inside a stage); the record's text must still hold the seed's paragraphs.
 */
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultStages } from '../pipeline/index.js';
import { loadHtml, mostOpenElements } from '../pipeline/adapters/html.js';
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

function run(path: string, content: string | Uint8Array): DocumentOutcome {
  const bytes = typeof content === 'string' ? new Uint8Array(Buffer.from(content)) : content;
  return processDocument(path, bytes, defaultStages, context);
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

describe('unpaired UTF-16 surrogates', () => {
  // iconv-lite decodes UTF-16 code units as they come; parse5 read two low surrogates in a row as one code point
  // past U+10FFFF and threw. A cut or damaged UTF-16 page has such units.
  it('reads a UTF-16 page with two low surrogates in a row', () => {
    const page = iconv.encode(`<html><body><div class="TRS_Editor">${body}</div></body></html>`, 'utf-16le');
    const at = page.indexOf(iconv.encode('</div>', 'utf-16le'));
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), page.subarray(0, at), Buffer.from([0x00, 0xdc, 0x00, 0xdc]), page.subarray(at)]);
    const outcome = run('utf16.html', new Uint8Array(bytes));
    expectRecordWithParagraphs(outcome);
    if (outcome.ok) {
      expect(outcome.record.text).not.toContain('\uDC00');
      expect(outcome.record.messages).toContainEqual(expect.objectContaining({ stage: 'ingest', code: 'charset', message: '2 invalid UTF-16 code unit(s) after the byte-order mark were replaced by U+FFFD' }));
    }
  });
});

describe('pages that leave thousands of elements open', () => {
  // parse5 scans its stack of open elements at every tag: 40,000 unclosed <div><span> (440 KB) took 33 s to parse.
  // Such a page goes to htmlparser2, which is linear; which parser ran shows in the tree: only parse5 adds the
  // <tbody> HTML5 implies in a table.
  const table = '<table><tr><td>索引号：11522301MB1C47185U/2021-00042</td></tr></table>';
  it('parses a page that leaves thousands of elements open with htmlparser2, and an ordinary page with parse5', () => {
    expect(loadHtml(`<html><body>${table}${'<div><span>一'.repeat(3000)}</body></html>`)('tbody')).toHaveLength(0);
    expect(loadHtml(`<html><body>${table}${'<div><span>一</span></div>'.repeat(3000)}</body></html>`)('tbody')).toHaveLength(1);
  });

  it('reads a reply followed by thousands of unclosed <div><span>', () => {
    const junk = '<div><span>一'.repeat(5000);
    expectRecordWithParagraphs(run('unclosed.html', `<html><body>${table}<div class="TRS_Editor">${body}</div>${junk}</body></html>`));
  });

  it('counts only the elements that stay open: closed ones and those whose end tag may be left out do not', () => {
    expect(mostOpenElements('<div><div><span>a</span></div><p>b<p>c<ul><li>d<li>e</ul><br><img src=x><hr/></div>')).toBe(3);
    expect(mostOpenElements(`<html><body>${'<p>段落'.repeat(5000)}</body></html>`)).toBe(0);
    expect(mostOpenElements('<div><span>一'.repeat(3000))).toBe(6000);
  });
});

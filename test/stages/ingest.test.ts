import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { StageFailure, type DocState } from '../../pipeline/document.js';
import { ingest } from '../../pipeline/stages/ingest.js';
import type { StageContext } from '../../pipeline/stages/stage.js';
import { SEED_FILES, seedBytes, seedLines, seedPath, seedText } from '../support/seeds.js';

/** Ingest reads only the size limit from the context, so no dictionaries are loaded here. */
const context = { maxBytes: 1024 * 1024 } as StageContext;

function run(path: string, bytes: Uint8Array, hints?: DocState['hints']) {
  const doc: DocState = Object.freeze({ path, bytes, messages: Object.freeze([]), ...(hints ? { hints } : {}) });
  return ingest.run(doc, context);
}

function failure(path: string, bytes: Uint8Array): StageFailure {
  try {
    run(path, bytes);
  } catch (error) {
    if (error instanceof StageFailure) return error;
    throw error;
  }
  throw new Error(`${path} did not fail`);
}

const body = seedLines('001_754fd2440035fb71.txt')
  .map((line) => line.trim())
  .filter((line) => line.length > 40)
  .slice(0, 3);

describe('ingest', () => {
  it.each(SEED_FILES)('reads seed %s as UTF-8 text with its hash and size', (name) => {
    const bytes = seedBytes(name);
    const { patch, messages } = run(seedPath(name), bytes);
    expect(patch.sourceText).toBe(seedText(name));
    expect(patch.source).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      encoding: 'utf-8',
      bytes: bytes.length,
      format: 'text',
    });
    expect(patch.pageTitle).toBeNull();
    expect(messages).toEqual([]);
  });

  it('reads an .html file as a page: main content, title, metadata lines', () => {
    const html = `<html><head><title>楚雄市答复</title></head><body><div class="nav"><a>首页</a></div>
<div class="xxgk">发布机构: 楚雄市教育体育局</div><div id="zoom">${body.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const { patch } = run('reply.html', new Uint8Array(Buffer.from(html)));
    expect(patch.source?.format).toBe('html');
    expect(patch.pageTitle).toBe('楚雄市答复');
    for (const paragraph of body) expect(patch.sourceText).toContain(paragraph);
    expect(patch.sourceText).toContain('发布机构: 楚雄市教育体育局');
    expect(patch.sourceText).not.toContain('<p>');
  });

  it('sniffs a page saved as .txt, with or without a byte-order mark', () => {
    const html = `<!DOCTYPE html><html><body><div class="content">${body.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    for (const bytes of [Buffer.from(html), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)])]) {
      const { patch } = run('saved.txt', new Uint8Array(bytes));
      expect(patch.source?.format).toBe('html');
      expect(patch.sourceText).not.toContain('<div');
      expect(patch.sourceText).toContain(body[0]);
    }
  });

  it('decodes a page by its <meta> charset, and by an acquisition hint ahead of it', () => {
    const html = `<html><head><meta charset="gbk"></head><body><div id="zoom">${body.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const gbk = new Uint8Array(iconv.encode(html, 'gbk'));
    const { patch } = run('gbk.html', gbk);
    expect(patch.source?.encoding).toBe('gb18030');
    expect(patch.sourceText).toContain(body[1]);
    const hinted = run('gbk.html', gbk, { declaredCharset: 'gb18030' });
    expect(hinted.patch.sourceText).toContain(body[1]);
  });

  it('fails an empty file and a file of white space with code empty', () => {
    expect(failure('empty.txt', new Uint8Array())).toMatchObject({ code: 'empty' });
    expect(failure('blank.txt', new Uint8Array(Buffer.from(' \n\t\n  ')))).toMatchObject({ code: 'empty' });
  });

  it('fails a binary file with code binary', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)]);
    const error = failure('picture.txt', png);
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/binary|not text/);
  });

  it('fails bytes that no charset decodes cleanly with code undecodable, naming the best candidate', () => {
    // High bytes only, so nothing looks binary; as UTF-8, GB18030 and Big5 alike, a share of them is invalid.
    let state = 99;
    const noise = new Uint8Array(Array.from({ length: 4096 }, () => 0x80 + (((state = (state * 1103515245 + 12345) >>> 0) >>> 16) % 128)));
    const error = failure('noise.txt', noise);
    expect(error.code).toBe('undecodable');
    expect(error.message).toMatch(/no charset decodes the bytes cleanly \(best: [\w-]+, \d+(\.\d+)?% undecodable\)/);
  });

  it('fails a page with no body text with code no-content, even when it has a title', () => {
    const titled = '<html><head><title>关于某某提案的答复</title></head><body><script>var a = "正文在脚本里";</script></body></html>';
    expect(failure('titled.html', new Uint8Array(Buffer.from(titled)))).toMatchObject({ code: 'no-content' });
    const chrome = '<html><head><title>关于某某提案的答复</title></head><body><nav><a href="/">首页</a><a>政务公开</a></nav></body></html>';
    expect(failure('chrome.html', new Uint8Array(Buffer.from(chrome)))).toMatchObject({ code: 'no-content' });
    expect(failure('bare.html', new Uint8Array(Buffer.from('<html><body>  </body></html>')))).toMatchObject({ code: 'no-content' });
  });

  it('fails a text of digits and punctuation only with code no-content', () => {
    expect(failure('digits.txt', new Uint8Array(Buffer.from('2022-07-28 | 13502/2022 | ——')))).toMatchObject({ code: 'no-content' });
  });

  it('fails a file over the size limit with code too-large before decoding it', () => {
    const big = new Uint8Array(context.maxBytes + 1).fill(0x41);
    expect(failure('big.txt', big)).toMatchObject({ code: 'too-large' });
  });

  it('puts a charset warning on the document for a file cut inside a UTF-8 sequence', () => {
    const bytes = Buffer.from(`${seedText('000_723d0d538beac877.txt')}答复`, 'utf8');
    const { patch, messages } = run('cut.txt', new Uint8Array(bytes.subarray(0, bytes.length - 2)));
    expect(patch.sourceText).toBe(`${seedText('000_723d0d538beac877.txt')}答`);
    expect(messages).toEqual([expect.objectContaining({ level: 'warning', stage: 'ingest', code: 'charset' })]);
  });
});

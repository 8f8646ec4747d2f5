import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, sniffMetaCharset } from '../../pipeline/adapters/charset.js';
import { extractMainContent } from '../../pipeline/adapters/main-content.js';
import { parseContentType } from '../../pipeline/crawl/classify.js';
import { SITE_DIR } from './fixture-server.js';
import { bigramF1, charF1 } from './score.js';

/**
 * The evaluation gate of main-content extraction: every detail page of the fixture site against the text a
 * person expects from it (written by test/fixtures/site/build.mjs from the seeds). Floors are pinned per
 * template; only an explicit edit may lower them.
 */
const FLOOR = 0.95;
/** Chrome that must never reach the text unless the document itself says it. */
const CHROME_WORDS = ['版权所有', 'ICP', '网站标识码', '公网安备', '相关文章', '相关链接', '上一篇', '下一篇', '网站地图', '扫一扫', '打印本页', '字号', '政务服务', '互动交流', '热點專題'];

interface Expected {
  slug: string;
  path: string;
  template: string;
  title: string;
  text: string;
}

const site = JSON.parse(readFileSync(join(SITE_DIR, 'site.json'), 'utf8')) as { routes: Record<string, { type?: string }> };
const pages = readdirSync(join(SITE_DIR, 'expected'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(SITE_DIR, 'expected', name), 'utf8')) as Expected);

function decode(page: Expected): string {
  const bytes = readFileSync(join(SITE_DIR, 'pages', `${page.slug}.html`));
  const declared = parseContentType(site.routes[page.path]?.type ?? null).charset;
  const decoded = decodeBytes(bytes, declared ?? sniffMetaCharset(bytes));
  if (!decoded.ok) throw new Error(`${page.slug}: ${decoded.reason}`);
  return decoded.text;
}

describe('main-content extraction on the fixture site', () => {
  const rows = pages.map((page) => {
    const html = decode(page);
    const mine = extractMainContent(html);
    return { page, mine, char: charF1(mine.text, page.text), bigram: bigramF1(mine.text, page.text) };
  });

  it('prints the per-page scores', () => {
    const table = rows.map((row) => `${row.page.slug.padEnd(24)} ${row.page.template.padEnd(24)} via ${row.mine.via.padEnd(19)} F1 ${row.char.toFixed(4)} bigram ${row.bigram.toFixed(4)}`);
    console.log(`main-content F1 per page:\n${table.join('\n')}`);
    expect(rows.length).toBeGreaterThanOrEqual(9);
  });

  for (const template of [...new Set(pages.map((page) => page.template))]) {
    it(`scores F1 ≥ ${FLOOR} on every ${template} page`, () => {
      for (const row of rows.filter((r) => r.page.template === template)) {
        expect(row.char, row.page.slug).toBeGreaterThanOrEqual(FLOOR);
        expect(row.bigram, row.page.slug).toBeGreaterThanOrEqual(FLOOR);
      }
    });
  }

  it('finds the container of each template by name, and the density fallback elsewhere', () => {
    const via = Object.fromEntries(rows.map((row) => [row.page.slug, row.mine.via]));
    expect(via['d000-trs']).toBe('.TRS_Editor');
    expect(via['d001-gbk-union-table']).toBe('.Custom_UnionStyle');
    expect(via['d004-bom-zoom']).toBe('#zoom');
    expect(via['d003-big5-content']).toBe('.content');
    expect(via['d001-generic-redirect']).toBe('density');
  });

  it('keeps navigation, footers, ICP lines, widgets and related lists out', () => {
    for (const row of rows) {
      for (const word of CHROME_WORDS) {
        if (!row.page.text.includes(word)) expect(row.mine.text, `${row.page.slug}: ${word}`).not.toContain(word);
      }
    }
  });

  it('keeps metadata header lines and table rows, in page order, before the text', () => {
    const table = rows.find((row) => row.page.slug === 'd001-gbk-union-table')!.mine.text.split('\n');
    expect(table.slice(0, 3).map((line) => line.replace(/\s+/g, ''))).toEqual(['号:cxs010-/2022-0728005信息分类:政协提案', '发文日期:2022-07-28', '发布机构:楚雄市教育体育局生成日期:']);
    const trs = rows.find((row) => row.page.slug === 'd000-trs')!.mine.text;
    expect(trs.startsWith('索 引 号: 13502/2022-25477')).toBe(true);
  });

  it('takes the title from ArticleTitle, the heading, or <title> without the site name', () => {
    for (const row of rows) expect(row.mine.title, row.page.slug).toBe(row.page.title);
  });

  it('adds PubDate and ContentSource as header lines only when the page does not show them', () => {
    const html = `<html><head><meta name="ArticleTitle" content="关于第25号提案的答复"><meta name="PubDate" content="2024-11-14 09:30"><meta name="ContentSource" content="开原市人民政府办公室"></head>
<body><div class="nav"><a href="/">首页</a></div><h1>关于第25号提案的答复</h1><div class="TRS_Editor"><p>${'您提出的关于推进我市教育高质量发展的提案收悉,现答复如下。'.repeat(4)}</p></div></body></html>`;
    const result = extractMainContent(html);
    expect(result.text.split('\n').slice(0, 3)).toEqual(['关于第25号提案的答复', '发布时间:2024-11-14 09:30', '来源:开原市人民政府办公室']);
  });

  it('uses a profile content selector first', () => {
    const html = `<html><body><div class="TRS_Editor"><p>${'这是一段模板容器里的相关说明文字。'.repeat(10)}</p></div><div class="reply-body"><p>${'这是站点配置指定的正文。'.repeat(10)}</p></div></body></html>`;
    const result = extractMainContent(html, { contentSelector: '.reply-body' });
    expect(result.via).toBe('profile');
    expect(result.text).toContain('站点配置指定的正文');
    expect(result.text).not.toContain('模板容器');
  });
});

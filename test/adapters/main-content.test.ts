import { describe, expect, it } from 'vitest';
import { extractMainContent } from '../../pipeline/adapters/main-content.js';
import { seedLines } from '../support/seeds.js';

/** Real paragraphs of seed 001 (楚雄市 reply), used to build pages in the shapes government sites publish. */
const paragraphs = seedLines('001_754fd2440035fb71.txt')
  .map((line) => line.trim())
  .filter((line) => line.length > 40)
  .slice(0, 4);
const TITLE = '楚雄市教育体育局关于对市政协十届一次会议第78号提案的答复';

function templatePage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${TITLE}-楚雄市人民政府</title>
<script>var banner = "脚本里的文字不是正文";</script><style>.x { color: red }</style></head>
<body>
<div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<div class="breadcrumb">您当前的位置: <a>首页</a> &gt;&gt; <a>公开信息内容</a></div>
<table class="xxgk"><tr><td>索引号: cxs010-/2022-0728005</td><td>信息分类: 政协提案</td></tr>
<tr><td>发布机构: 楚雄市教育体育局</td><td>发文日期: 2022-07-28</td></tr></table>
<h1>${TITLE}</h1>
<div class="TRS_Editor"><p>尊敬的民进楚雄州委:</p>
${paragraphs.map((p) => `<p>&nbsp;&nbsp;${p}</p>`).join('\n')}
<p>楚雄市教育体育局<br>2022年6月28日</p></div>
<div class="footer">版权所有:楚雄市人民政府 网站标识码5323010001 滇ICP备05000000号</div>
</body></html>`;
}

describe('extractMainContent', () => {
  it('keeps the content container of a government template, one paragraph a line', () => {
    const { text, main, title, via } = extractMainContent(templatePage());
    expect(via).toBe('.TRS_Editor');
    expect(title).toBe(TITLE);
    const lines = text.split('\n').map((line) => line.trim());
    for (const paragraph of paragraphs) expect(lines).toContain(paragraph);
    expect(lines).toContain('尊敬的民进楚雄州委:');
    expect(lines).toContain('2022年6月28日');
    expect(main).toContain(paragraphs[0]);
    expect(main).not.toContain(TITLE);
  });

  it('drops scripts, styles, navigation and footers', () => {
    const { text } = extractMainContent(templatePage());
    expect(text).not.toContain('脚本里的文字');
    expect(text).not.toContain('color');
    expect(text).not.toContain('版权所有');
    expect(text).not.toContain('政务公开');
  });

  it('keeps the title heading and metadata header lines found outside the content, in page order, ahead of it', () => {
    const { text } = extractMainContent(templatePage());
    const lines = text.split('\n');
    const title = lines.indexOf(TITLE);
    expect(title).toBeGreaterThan(lines.findIndex((line) => line.includes('索引号')));
    expect(title).toBeLessThan(lines.findIndex((line) => line.includes('尊敬的民进楚雄州委')));
    const index = lines.findIndex((line) => line.includes('索引号: cxs010-/2022-0728005'));
    const agency = lines.findIndex((line) => line.includes('发布机构: 楚雄市教育体育局'));
    const body = lines.findIndex((line) => line.includes('尊敬的民进楚雄州委'));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(agency).toBeGreaterThan(index);
    expect(index).toBeLessThan(body);
    expect(agency).toBeLessThan(body);
  });

  it('falls back to the densest block of text when no known container holds the content', () => {
    const html = `<html><body>
<div id="left"><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/n${i}">教育新闻第${i}条链接标题文字</a></li>`).join('')}</ul></div>
<div id="c1">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>
</body></html>`;
    const { text, via } = extractMainContent(html);
    expect(via).toBe('density');
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);
    expect(text).not.toContain('链接标题');
  });

  it('gives no main text for a page whose body has none, whatever the title', () => {
    const empty = extractMainContent(`<html><head><title>${TITLE}</title></head><body><script>var a = 1;</script></body></html>`);
    expect(empty.main).toBe('');
    expect(empty.title).toBe(TITLE);
    const chromeOnly = extractMainContent(`<html><head><title>${TITLE}</title></head><body><nav><a href="/">首页</a></nav><div class="footer">版权所有</div></body></html>`);
    expect(chromeOnly.main).toBe('');
  });

  it('turns <br> and block ends into line breaks and collapses white space inside text nodes', () => {
    const { main } = extractMainContent(`<html><body><div class="content"><p>${paragraphs[0]}<br>${paragraphs[1]}</p>\n<p>第一\n行\t续</p>${paragraphs
      .slice(2)
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></body></html>`);
    const lines = main.split('\n').filter((line) => line.trim() !== '');
    expect(lines[0]).toBe(paragraphs[0]);
    expect(lines[1]).toBe(paragraphs[1]);
    expect(lines).toContain('第一 行 续');
  });
});

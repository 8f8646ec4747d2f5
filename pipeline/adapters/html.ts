import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/**
 * Main content of an HTML page as plain text, as a cascade (after trafilatura): a known content container of
 * government site templates first, then the block with the most Chinese text and the fewest links. Metadata
 * header lines (索引号, 发布机构, 文号, 来源, 时间) found outside the chosen block are kept ahead of it.
 */

/** Elements that never hold content. */
const DROP_SELECTORS = 'script, style, noscript, template, iframe, svg, canvas, object, embed, select, button, input, textarea, head';
/** Containers of page chrome, dropped before the density fallback looks for content. */
const CHROME_SELECTORS = 'nav, header, footer, aside, .nav, .navbar, .menu, .footer, .header, .breadcrumb, .crumb, #footer, #header, .share, .bdsharebuttonbox';
/** Content containers of common government templates (TRS, Hanweb, generic CMS), most specific first. */
const CONTENT_SELECTORS = [
  '.TRS_Editor',
  '.TRS_UEDITOR',
  '#UCAP-CONTENT',
  '.Custom_UnionStyle',
  '#zoom',
  '.zoom',
  '#Zoom',
  '.article-content',
  '.art_con',
  '.view_content',
  '#content',
  '.content',
  'article',
  '.article',
  'main',
];
/** Block elements: each starts a new line. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'tbody', 'thead', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'hr', 'center', 'form', 'main', 'figure', 'figcaption',
]);
/** Metadata labels worth keeping from a page header even when they sit outside the content block. */
const META_LABEL = /(索\s*引\s*号|发布机构|发文机关|文\s*号|来\s*源|发布时间|发文日期|成文日期|发布日期|时\s*间)\s*[:：]/;
/** A content container must carry at least this many CJK characters to be trusted. */
const MIN_CONTENT_CJK = 80;
/** Longest line that still counts as a metadata header line. */
const MAX_META_LINE = 200;

const CJK = /[\u3400-\u9fff]/g;

function cjkCount(text: string): number {
  return text.match(CJK)?.length ?? 0;
}

function blockText($: cheerio.CheerioAPI, root: AnyNode): string {
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      parts.push((node as unknown as { data: string }).data.replace(/[\r\n\t]+/g, ' '));
      return;
    }
    if (node.type !== 'tag') return;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n');
    if (tag === 'td' || tag === 'th') parts.push(' ');
    for (const child of element.children) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+$/g, ''))
    .filter((line, i, lines) => line.trim() !== '' || (i > 0 && lines[i - 1]!.trim() !== ''))
    .join('\n')
    .trim();
}

function linkDensity($: cheerio.CheerioAPI, element: Element): number {
  const total = $(element).text().length || 1;
  const linked = $(element).find('a').text().length;
  return linked / total;
}

function densest($: cheerio.CheerioAPI): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  $('div, td, article, section, main').each((_, element) => {
    const own = $(element)
      .children('p, span, font, br, strong, b')
      .text();
    const direct = cjkCount(own) + cjkCount($(element).contents().filter((_, n) => n.type === 'text').text());
    const score = direct * (1 - linkDensity($, element));
    if (score > bestScore) {
      bestScore = score;
      best = element;
    }
  });
  return best;
}

export interface HtmlContent {
  /** The page title, the metadata header lines found outside the content, and the content, one per line. */
  text: string;
  /** The content block alone: what decides whether the page has any body text. */
  main: string;
  title: string | null;
  /** Which rule of the cascade found the content. */
  via: string;
}

export function htmlToText(html: string): HtmlContent {
  const $ = cheerio.load(html);
  const title =
    $('meta[name="ArticleTitle"]').attr('content')?.trim() ||
    $('h1').first().text().trim() ||
    $('title').first().text().trim() ||
    null;
  $(DROP_SELECTORS).remove();

  let content: Element | null = null;
  let via = 'body';
  for (const selector of CONTENT_SELECTORS) {
    const found = $(selector)
      .toArray()
      .filter((element) => cjkCount($(element).text()) >= MIN_CONTENT_CJK)
      .sort((a, b) => cjkCount($(b).text()) - cjkCount($(a).text()))[0];
    if (found) {
      content = found as Element;
      via = selector;
      break;
    }
  }
  const metaLines: string[] = [];
  if (content) {
    const body = $('body').get(0);
    if (body) {
      for (const line of blockText($, body).split('\n')) {
        if (line.length <= MAX_META_LINE && META_LABEL.test(line)) metaLines.push(line.trim());
      }
    }
  } else {
    $(CHROME_SELECTORS).remove();
    content = densest($);
    via = content ? 'density' : 'body';
  }
  const root = content ?? $('body').get(0) ?? $.root().get(0);
  const main = root ? blockText($, root as AnyNode) : '';
  const header = metaLines.filter((line) => !main.includes(line));
  const text = [...(title && !main.includes(title) ? [title] : []), ...header, main].filter(Boolean).join('\n');
  return { text, main, title, via };
}

import * as cheerio from 'cheerio';
import { hasChildren, type AnyNode, type ChildNode, type Element, type ParentNode } from 'domhandler';
import { countScriptHan } from '../lib/han.js';
import { loadHtml } from './html.js';

/**
 * Main content of a Chinese government page, as a cascade (after trafilatura), each step engaging only when the
 * one before found nothing: a profile's content selector; the content containers of the templates these sites are
 * built with (TRS `TRS_Editor`, `Custom_UnionStyle`, `#zoom`, `.content` …); the block with the densest text
 * (readability's paragraph scoring). Page chrome goes first: navigation, breadcrumbs, footers with their ICP
 * lines, share and font-size widgets, previous/next links, related-article lists. The header lines above the
 * text that carry the document's facts stay, in page order: the title heading, lines with a metadata label
 * (索引号, 发布机构, 文号, 来源, 时间 …) and the rows of a metadata table. Every heuristic is a named constant here.
 */

/** Elements that never hold content. */
const DROP_SELECTORS =
  'script, style, noscript, template, iframe, svg, canvas, object, embed, select, button, input, textarea, head, [hidden], [style*="display:none"], [style*="display: none"]';
/** Page chrome by tag, class or id: site banners, menus, breadcrumbs, footers, widgets, related lists, pagers. */
const CHROME_SELECTORS = [
  'nav, header, footer, aside',
  '.nav, .navbar, .menu, #menu, #nav, .header, #header, .top, #top, .banner, .logo, .search',
  '.footer, #footer, .foot, .bottom, #bottom, .copyright',
  '.breadcrumb, .crumb, .position, .location, .dqwz, .curpos',
  '.share, .bdsharebuttonbox, .fenxiang, .print, .fontsize, .font-size, .zh-font',
  '.related, .xgwz, .xgxx, .relevant, .pager, .pagination, .prev-next, .sxp, .sidebar, .side',
].join(', ');
/** Chrome recognised by its words, for widgets without telling classes (字体:[大 中 小], 上一篇:, 【打印】 …). */
const CHROME_TEXT =
  /^\s*(上一[篇条页]|下一[篇条页]|上一個|下一個|前一篇|后一篇)\s*[:：]|^\s*[【\[]?\s*(打印|关闭|關閉|收藏|返回顶部)|^\s*[【\[]?\s*字[体體號号]\s*[:：]?\s*[\[【]|^\s*(分享到|扫一扫|掃一掃|打印本页|关闭窗口)|^\s*(浏览|访问|阅读|点击|瀏覽|訪問|閱讀)(量|数|次数|數|次數)\s*[:：]/;
/** Chrome text is short; a longer element that starts with such words is content. */
const MAX_CHROME_TEXT = 80;
/** Content containers of common government templates, most specific first. */
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
  '.wzcon',
  '#content',
  '.content',
  'article',
  '.article',
  'main',
];
/** A container must hold this many Han characters to be trusted (a real reply is several paragraphs). */
const MIN_CONTENT_HAN = 80;
/** A container that is a layout column (`.content` around everything): an inner match holding this share of its text wins. */
const NESTED_CONTAINER_SHARE = 0.8;
/** …and be mostly text: above this share of linked text it is a list of links. */
const MAX_CONTAINER_LINK_DENSITY = 0.5;
/** Inside the content, a block with this many links and this share of linked text is a related-article list. */
const MIN_LIST_LINKS = 3;
const MAX_BLOCK_LINK_DENSITY = 0.6;
/** Labels of metadata lines, simplified and traditional, letter-spaced or not (索 引 号). */
const META_LABEL =
  /(索\s*引\s*[号號]|发\s*布\s*机\s*构|發\s*布\s*機\s*構|发文机关|發文機關|文\s*[号號]|来\s*源|來\s*源|发布时间|發布時間|发表时间|發表時間|发文日期|發文日期|成文日期|发布日期|發布日期|生成日期|主题分类|主題分類|信息分类|信息分類|有\s*效\s*性|时\s*间|時\s*間)\s*[:：]/g;
/** After the content only these labels count (a footer's 来源 or 时间 is not the document's). */
const STRICT_META_LABEL = /(索\s*引\s*[号號]|发\s*布\s*机\s*构|發\s*布\s*機\s*構|文\s*[号號]|成文日期|发布日期|發布日期)\s*[:：]/;
/** A block outside the content with at least this many metadata labels is a metadata table: all its rows stay. */
const MIN_META_LABELS = 2;
const MAX_META_BLOCK_CHARS = 800;
/** Longest line that still counts as a metadata header line. */
const MAX_META_LINE = 200;
/** Footer lines that carry labels too (承办单位, 联系电话): never header lines. */
const FOOTER_TEXT = /ICP|版权所有|版權所有|主办单位|主辦單位|承办单位|技术支持|網站標識碼|网站标识码|公网安备|联系电话|聯繫電話|地址\s*[:：]/;
/** Headings that may carry the title, and their bounds. */
const TITLE_SELECTORS = 'h1, h2, h3, .title, #title, .article-title, .art_title, .tit, .bt, .detail-title, .xl-title, .con_title';
const MIN_TITLE_HAN = 5;
const MAX_TITLE_CHARS = 150;
/** Separators between a page title and the site name in <title>; a bare hyphen only before a site's name. */
const TITLE_SUFFIX = /\s*(?:[_|｜]|\s[-–—]\s|[-–—](?=[^-–—]*(?:政府|网|網|门户|門戶|局|委员会|委員會|办公室|辦公室)\s*$))\s*/;
/** Density scoring: a paragraph needs this many Han characters to vote for its parent. */
const MIN_PARAGRAPH_HAN = 10;
/** A grandparent gets this share of a paragraph's vote (readability's rule). */
const GRANDPARENT_SHARE = 0.5;
/**
 * Deepest nesting kept as a tree: below it, the descendants of an element are lifted to be its children, in
 * document order, so the text reads the same. Every tree walk (ours, cheerio's `.text()`) recurses once a level: a
 * reply inside 2,000 nested tables overflowed the stack, and each walk cost depth × size. Real pages are far
 * shallower; Chromium's HTML parser stops nesting at 512 for the same reason.
 */
const MAX_NESTING = 512;
/** Block elements: each starts a new line. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'tbody', 'thead', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section',
  'article', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'hr', 'center', 'form', 'main', 'figure', 'figcaption', 'header', 'footer',
]);

export interface MainContentProfile {
  contentSelector?: string;
  titleSelector?: string;
  dateSelector?: string;
}

export interface MainContent {
  text: string;
  title: string | null;
  /** Which step of the cascade found the content. */
  via: string;
  /** The content block alone, without header lines: empty when the page body holds no text. */
  main: string;
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Whether `node` lies inside `outer`, by walking up from `node`: at most the page's depth, where searching the
 * subtree of `outer` for it made checking every block against every other quadratic in the page's size.
 */
function isInside(node: AnyNode, outer: AnyNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (parent === outer) return true;
  return false;
}

/** Lifts everything below MAX_NESTING to the level above (`liftDescendants`); one walk, no recursion. */
function capNesting(root: AnyNode): void {
  const pending: [AnyNode, number][] = [[root, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (!hasChildren(node)) continue;
    if (depth < MAX_NESTING) for (const child of node.children) pending.push([child, depth + 1]);
    else liftDescendants(node);
  }
}

/** Makes every descendant of `parent` a child of it, in document order; the lifted elements are left empty. */
function liftDescendants(parent: ParentNode): void {
  const flat: ChildNode[] = [];
  const pending = [...parent.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    flat.push(node);
    if (hasChildren(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
      node.children = [];
    }
  }
  flat.forEach((node, i) => {
    node.parent = parent;
    node.prev = flat[i - 1] ?? null;
    node.next = flat[i + 1] ?? null;
  });
  parent.children = flat;
}

/** Chrome widgets found by their words: only the smallest element that matches, so the line around it stays. */
function dropChromeText($: cheerio.CheerioAPI): void {
  const matches = (element: Element): boolean => {
    const text = $(element).text();
    return text.trim().length <= MAX_CHROME_TEXT && CHROME_TEXT.test(text);
  };
  // Characters other than white space, per element, counted in one walk: an element with more than
  // MAX_CHROME_TEXT of them is too long for chrome whatever its white space, and its text is never built.
  const solid = new Map<AnyNode, number>();
  const count = (node: AnyNode): number => {
    let total = 0;
    if (node.type === 'text') total = squash((node as unknown as { data: string }).data).length;
    else for (const child of (node as Element).children ?? []) total += count(child);
    solid.set(node, total);
    return total;
  };
  count($.root().get(0)!);
  const found = $('body *')
    .toArray()
    .filter((element) => (solid.get(element) ?? 0) <= MAX_CHROME_TEXT && matches(element as Element)) as Element[];
  for (const element of found) {
    if (!$(element).children().toArray().some((child) => matches(child as Element))) $(element).remove();
  }
}

/** What the container and link-block rules read of an element's text. */
interface TextStats {
  /** Han characters, as `countScriptHan($(element).text())` counts them. */
  han: number;
  /** Characters, white space aside. */
  total: number;
  /** Of those, the ones inside links. */
  linked: number;
  /** Links below the element (not the element itself). */
  links: number;
}

const NO_TEXT: TextStats = { han: 0, total: 0, linked: 0, links: 0 };

/** The share of an element's text (white space aside) that lies inside links. */
const linkDensity = ({ linked, total }: TextStats): number => linked / (total || 1);

/**
 * TextStats of every node below `root`, children before parents, in one walk of the page. Reading each element's
 * subtree again instead made the rules quadratic: cheerio's `.find('a')` checks each child against all the others
 * (a container of 40,000 paragraphs took 16 s), and a page nested 512 levels deep read its text 512 times.
 */
function textStats(root: AnyNode): Map<AnyNode, TextStats> {
  const stats = new Map<AnyNode, TextStats>();
  const pending: [AnyNode, boolean][] = [[root, false]];
  while (pending.length > 0) {
    const [node, childrenDone] = pending.pop()!;
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      stats.set(node, { han: countScriptHan(data), total: squash(data).length, linked: 0, links: 0 });
    } else if (hasChildren(node) && !childrenDone) {
      pending.push([node, true]);
      for (const child of node.children) pending.push([child, false]);
    } else if (hasChildren(node)) {
      const sum: TextStats = { han: 0, total: 0, linked: 0, links: 0 };
      for (const child of node.children) {
        const own = stats.get(child);
        if (!own) continue;
        const isLink = child.type === 'tag' && (child as Element).tagName === 'a';
        sum.han += own.han;
        sum.total += own.total;
        sum.linked += isLink ? own.total : own.linked;
        sum.links += own.links + (isLink ? 1 : 0);
      }
      stats.set(node, sum);
    }
  }
  return stats;
}

/** The densest block, by readability's rule: paragraphs vote for their parent and, half as much, grandparent. */
function densest($: cheerio.CheerioAPI, stats: ReadonlyMap<AnyNode, TextStats>): Element | null {
  const scores = new Map<Element, number>();
  $('p, td, pre, div, section, article, font, span').each((_, node) => {
    const element = node as Element;
    if ($(element).children('p, div, table, ul, ol, section, article').length > 0 && element.tagName !== 'p') return;
    const text = stats.get(element) ?? NO_TEXT;
    if (text.han < MIN_PARAGRAPH_HAN) return;
    const vote = text.han * (1 - linkDensity(text));
    const parent = element.parent?.type === 'tag' ? (element.parent as Element) : null;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + vote);
    const grandparent = parent?.parent?.type === 'tag' ? (parent.parent as Element) : null;
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + vote * GRANDPARENT_SHARE);
  });
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (element.tagName === 'body' || element.tagName === 'html') continue;
    if (score > bestScore) [best, bestScore] = [element, score];
  }
  return best;
}

function findContainer($: cheerio.CheerioAPI, profile: MainContentProfile, stats: ReadonlyMap<AnyNode, TextStats>): { element: Element | null; via: string } {
  const pick = (selector: string, among?: readonly Element[]): Element | null => {
    const candidates = (among ? among.filter((element) => $(element).is(selector)) : ($(selector).toArray() as Element[]))
      .map((element) => ({ element, text: stats.get(element) ?? NO_TEXT }))
      .filter(({ text }) => text.han >= MIN_CONTENT_HAN && linkDensity(text) <= MAX_CONTAINER_LINK_DENSITY)
      .sort((a, b) => b.text.han - a.text.han);
    let best = candidates[0];
    for (const inner of candidates.slice(1)) {
      if (best && inner.text.han >= best.text.han * NESTED_CONTAINER_SHARE && isInside(inner.element, best.element)) best = inner;
    }
    return best?.element ?? null;
  };
  if (profile.contentSelector) {
    const element = pick(profile.contentSelector);
    if (element) return { element, via: 'profile' };
  }
  // One walk of the page for every template's container; each selector then picks among those, in page order.
  const containers = $(CONTENT_SELECTORS.join(', ')).toArray() as Element[];
  for (const selector of CONTENT_SELECTORS) {
    const element = pick(selector, containers);
    if (element) return { element, via: selector };
  }
  const element = densest($, stats);
  return { element, via: element ? 'density' : 'body' };
}

/** Related-article lists and link blocks inside the content. */
function dropLinkBlocks($: cheerio.CheerioAPI, container: Element, stats: ReadonlyMap<AnyNode, TextStats>): void {
  const blocks = ($('ul, ol, div, table, dl').toArray() as Element[]).filter((element) => isInside(element, container));
  // `stats` were counted before any removal: blocks come in document order, so a block's subtree is still whole
  // when its turn comes (only blocks before it, none inside it, have been removed).
  for (const element of blocks) {
    const text = stats.get(element)!;
    if (text.links >= MIN_LIST_LINKS && linkDensity(text) > MAX_BLOCK_LINK_DENSITY) $(element).remove();
  }
}

interface Line {
  text: string;
  keep: boolean;
}

/**
 * Renders `root` as lines (block elements break lines, table cells are spaced). The subtree `skip` renders as a
 * single marker line `main`; lines with text from inside a `keep` element are flagged.
 */
function renderLines(root: AnyNode, keep: ReadonlySet<Element>, skip: Element | null): Line[] {
  const lines: Line[] = [];
  let buffer = '';
  let flagged = false;
  let keepDepth = 0;
  const flush = (): void => {
    const text = buffer.replace(/[ \u00a0\t]+$/g, '');
    if (text.trim() !== '') lines.push({ text, keep: flagged });
    buffer = '';
    flagged = false;
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data.replace(/[\r\n\t]+/g, ' ');
      buffer += data;
      if (keepDepth > 0 && data.trim() !== '') flagged = true;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const element = node as Element;
    if (element === skip) {
      flush();
      lines.push({ text: '\u0000main', keep: false });
      return;
    }
    const tag = element.tagName?.toLowerCase() ?? '';
    const block = BLOCK_TAGS.has(tag);
    const kept = keep.has(element);
    if (block) flush();
    if (tag === 'td' || tag === 'th') buffer += ' ';
    if (kept) keepDepth++;
    for (const child of element.children ?? []) walk(child);
    if (kept) keepDepth--;
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

function isMetaLine(text: string, strict: boolean): boolean {
  if (text.length > MAX_META_LINE || FOOTER_TEXT.test(text)) return false;
  return strict ? STRICT_META_LABEL.test(text) : new RegExp(META_LABEL.source).test(text);
}

/** Blocks outside the content with several metadata labels: the smallest such block, not its ancestors. */
function metadataBlocks($: cheerio.CheerioAPI, container: Element | null): Element[] {
  const qualifies = (element: Element): boolean => {
    if (container && (element === container || isInside(container, element) || isInside(element, container))) return false;
    const text = $(element).text();
    if (squash(text).length > MAX_META_BLOCK_CHARS || FOOTER_TEXT.test(text)) return false;
    const labels = new Set([...text.matchAll(META_LABEL)].map((match) => squash(match[1]!)));
    return labels.size >= MIN_META_LABELS;
  };
  const found = ($('table, tbody, ul, dl, div').toArray() as Element[]).filter(qualifies);
  const holdsAnother = new Set<AnyNode>();
  for (const element of found) {
    // An ancestor already marked has its own ancestors marked: each element is marked once.
    for (let node = element.parent; node && !holdsAnother.has(node); node = node.parent) holdsAnother.add(node);
  }
  return found.filter((element) => !holdsAnother.has(element));
}

/** A reader of `<meta name=… content=…>` values: the first tag of each name (any case) wins; one walk of the page. */
function metaContents($: cheerio.CheerioAPI): (name: string) => string | null {
  const first = new Map<string, Element>();
  for (const meta of $('meta').toArray() as Element[]) {
    const name = (meta.attribs.name ?? '').toLowerCase();
    if (!first.has(name)) first.set(name, meta);
  }
  return (name) => first.get(name.toLowerCase())?.attribs.content?.trim() || null;
}

/** The title heading: the profile's, the heading equal to ArticleTitle, or the last heading before the content. */
function titleHeading($: cheerio.CheerioAPI, profile: MainContentProfile, articleTitle: string | null, before: (element: Element) => boolean): Element | null {
  const candidates = ($(profile.titleSelector ?? TITLE_SELECTORS).toArray() as Element[]).filter((element) => {
    const text = $(element).text().trim();
    return before(element) && text.length <= MAX_TITLE_CHARS && countScriptHan(text) >= MIN_TITLE_HAN;
  });
  if (articleTitle) {
    const wanted = squash(articleTitle);
    const match = candidates.find((element) => squash($(element).text()) === wanted);
    if (match) return match;
  }
  return candidates.at(-1) ?? null;
}

export function extractMainContent(html: string, profile: MainContentProfile = {}): MainContent {
  const $ = loadHtml(html);
  const metaContent = metaContents($);
  const articleTitle = metaContent('ArticleTitle');
  const pubDate = metaContent('PubDate');
  const contentSource = metaContent('ContentSource');
  const pageTitle = $('title').first().text().split(TITLE_SUFFIX).find((part) => countScriptHan(part) >= MIN_TITLE_HAN)?.trim() ?? null;
  $(DROP_SELECTORS).remove();
  $(CHROME_SELECTORS).remove();
  // After the removals, so the text of a script or footer nested too deep is not lifted out of it.
  capNesting($.root().get(0)!);
  dropChromeText($);

  // Read once: finding the container changes nothing, and dropping link blocks reads only what it has not removed.
  const stats = textStats($.root().get(0)!);
  const { element: container, via } = findContainer($, profile, stats);
  if (container) dropLinkBlocks($, container, stats);
  const body = $('body').get(0) ?? $.root().get(0)!;
  const order = new Map<AnyNode, number>();
  let position = 0;
  const number = (node: AnyNode): void => {
    order.set(node, position++);
    for (const child of (node as Element).children ?? []) number(child);
  };
  number(body);
  const before = (element: Element): boolean => !container || (order.get(element) ?? Infinity) < (order.get(container) ?? -1);

  const keep = new Set<Element>(metadataBlocks($, container));
  const heading = titleHeading($, profile, articleTitle, before);
  if (heading) keep.add(heading);
  if (profile.dateSelector) for (const element of $(profile.dateSelector).toArray() as Element[]) keep.add(element);

  const lines = renderLines(body, keep, container);
  const mainAt = lines.findIndex((line) => line.text === '\u0000main');
  const pre = (mainAt === -1 ? [] : lines.slice(0, mainAt)).filter((line) => line.keep || isMetaLine(line.text, false));
  const post = (mainAt === -1 ? [] : lines.slice(mainAt + 1)).filter((line) => line.keep || isMetaLine(line.text, true));
  const main = container
    ? renderLines(container, new Set(), null).map((line) => line.text).join('\n')
    : lines.map((line) => line.text).join('\n');

  const header = pre.map((line) => line.text.trim());
  const visible = squash(header.join(''));
  if (pubDate && !visible.includes(squash(pubDate).slice(0, 10))) header.push(`发布时间:${pubDate}`);
  if (contentSource && !visible.includes(squash(contentSource))) header.push(`来源:${contentSource}`);
  const text = [...header, main, ...post.map((line) => line.text.trim())].filter((part) => part !== '').join('\n');
  const title = articleTitle ?? (heading ? $(heading).text().trim() : null) ?? pageTitle;
  return { text, title: title || pageTitle, via, main };
}

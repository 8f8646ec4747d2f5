import { loadHtml } from '../adapters/html.js';
import type { Element } from 'domhandler';
import type { SiteProfile } from '../../schemas/crawl.js';
import { canonicalUrl } from './frontier.js';

/**
 * Links on a list page: further list pages (pagination) and detail pages. Without a profile, generic rules:
 * pagination is a pager word or a page number pointing into the same folder, or the pages announced by the TRS
 * `createPageHTML(count, current, "index", "html")` call; a detail link is a document-looking URL whose anchor
 * reads like a title, outside the site's navigation and footer. Links are not followed from detail pages.
 */

/** Anchor texts of pager links. */
const PAGER_TEXT = /^(下一?页|下页|上一?页|上页|首页|尾页|末页|下一頁|上一頁|首頁|尾頁|next|prev(ious)?|first|last|>|<|>>|<<|»|«|›|‹|\d{1,4})$/i;
/** Containers of pagers on government templates. */
const PAGER_SELECTORS = '.page, .pages, .pagination, .pager, #page, #pages, .fy, .fenye, .page_box, .pagebar, .turn_page';
/** The TRS pager script: createPageHTML(pageCount, currentPage, "index", "html"). */
const TRS_PAGER = /createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']\s*\)/;
/** More pages than this announced by one script is a typo or a trap: capped. */
const MAX_SCRIPT_PAGES = 500;
/** Site chrome whose links are never detail pages. */
const CHROME_SELECTORS = 'nav, header, footer, .nav, .navbar, .menu, #menu, #nav, .header, #header, .footer, #footer, .foot, .bottom, .breadcrumb, .crumb, .position, .location, .related, .xgwz';
/** A detail link's anchor (or its title attribute) carries at least this many Han characters. */
const MIN_DETAIL_TITLE_HAN = 6;
/** URLs that look like one document rather than a folder or an index page. */
const DOCUMENT_PATH = /\.(s?html?|jhtml|jsp|aspx?|php)$/i;
const INDEX_PATH = /(^|\/)(index|default)(_\d+)?\.(s?html?|jsp|aspx?|php)$/i;
/** Files the pipeline does not read: not followed. */
const BINARY_PATH = /\.(pdf|docx?|xlsx?|pptx?|wps|zip|rar|7z|jpe?g|png|gif|bmp|mp4|mp3|avi|exe)$/i;

export interface DiscoveredLinks {
  pages: string[];
  details: string[];
}

function folder(url: URL): string {
  return url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
}

function resolve(href: string | undefined, base: URL): URL | null {
  if (!href || /^\s*(javascript|mailto|tel|data):/i.test(href) || href.trim().startsWith('#')) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function discoverLinks(html: string, pageUrl: string, profile: SiteProfile = {}): DiscoveredLinks {
  const $ = loadHtml(html);
  const page = new URL(pageUrl);
  const base = resolve($('base[href]').attr('href'), page) ?? page;
  const pages = new Set<string>();
  const details = new Set<string>();
  const self = canonicalUrl(page);
  const linkPattern = profile.linkPattern ? new RegExp(profile.linkPattern) : null;

  const script = TRS_PAGER.exec($('script').text());
  if (script) {
    const [count, , prefix, suffix] = [Number(script[1]), Number(script[2]), script[3], script[4]];
    for (let i = 0; i < Math.min(count, MAX_SCRIPT_PAGES); i++) pages.add(canonicalUrl(new URL(i === 0 ? `${prefix}.${suffix}` : `${prefix}_${i}.${suffix}`, base)));
  }

  const pagerAnchors = new Set<Element>($(`${profile.paginationSelector ?? PAGER_SELECTORS} a[href]`).toArray() as Element[]);
  for (const anchor of $('a[href]').toArray() as Element[]) {
    const url = resolve(anchor.attribs.href, base);
    if (!url || url.hostname !== page.hostname) continue;
    const text = $(anchor).text().replace(/\s+/g, '');
    const inPager = pagerAnchors.has(anchor);
    if ((inPager || PAGER_TEXT.test(text)) && folder(url) === folder(page) && !BINARY_PATH.test(url.pathname)) pages.add(canonicalUrl(url));
  }

  const scope = profile.listSelector ? $(profile.listSelector) : $('body');
  const excluded = new Set<Element>(profile.listSelector ? [] : ($(CHROME_SELECTORS).find('a').toArray() as Element[]));
  for (const anchor of scope.find('a[href]').toArray() as Element[]) {
    if (excluded.has(anchor) || pagerAnchors.has(anchor)) continue;
    const url = resolve(anchor.attribs.href, base);
    if (!url || url.hostname !== page.hostname || BINARY_PATH.test(url.pathname)) continue;
    const href = canonicalUrl(url);
    if (pages.has(href) || href === self) continue;
    if (linkPattern) {
      if (linkPattern.test(href)) details.add(href);
      continue;
    }
    const title = `${$(anchor).text()} ${anchor.attribs.title ?? ''}`;
    const han = title.match(/\p{Script=Han}/gu)?.length ?? 0;
    const documentLike = (DOCUMENT_PATH.test(url.pathname) && !INDEX_PATH.test(url.pathname)) || /[?&](id|docid|articleid|infoid)=/i.test(url.search);
    if (han >= MIN_DETAIL_TITLE_HAN && documentLike) details.add(href);
  }
  pages.delete(self);
  return { pages: [...pages], details: [...details] };
}

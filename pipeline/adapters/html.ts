import * as cheerio from 'cheerio';

/**
 * HTML into a cheerio tree. parse5, cheerio's HTML5 parser, scans its stack of open elements at every tag, so a
 * page that leaves thousands of elements open (`<div><span>` repeated, a broken editor's output) takes time
 * quadratic in its size: 440 KB of them took 33 s (htmlparser2: 2–4 s). Such a page is parsed by htmlparser2
 * instead; its tree skips HTML5's repairs (implied tbody, the adoption agency), which the main-content walk does not
 * need. The choice comes from one linear scan of the tags.
 */

/** Elements whose end tag may be left out (the parser closes them) or that have none: they do not stay open. */
const SELF_CLOSING = new Set(
  'p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp rtc html head body br img hr meta link input area base col embed param source track wbr'.split(
    ' ',
  ),
);
/** Elements left open at once beyond which parse5's stack scans cost more than the page is worth. */
const MAX_OPEN_FOR_PARSE5 = 2048;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/** The most elements a page leaves open at once, counting only those that must be closed by an end tag. */
export function mostOpenElements(html: string): number {
  let open = 0;
  let most = 0;
  for (const match of html.matchAll(TAG)) {
    if (match[3] === '/' || SELF_CLOSING.has(match[2]!.toLowerCase())) continue;
    if (match[1] === '/') open = Math.max(0, open - 1);
    else if (++open > most) most = open;
  }
  return most;
}

export function loadHtml(html: string): cheerio.CheerioAPI {
  return mostOpenElements(html) > MAX_OPEN_FOR_PARSE5 ? cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } }) : cheerio.load(html);
}

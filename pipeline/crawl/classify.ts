import type { SiteProfile } from '../../schemas/crawl.js';
import { decodeBytes, sniffMetaCharset } from '../adapters/charset.js';
import { extractMainContent } from '../adapters/main-content.js';

/**
 * What a fetched page is: a list page (it led to more pages), a reply (答复 to a 提案 or 建议), another page, or
 * a file that is not HTML. A reply says so in its title or text: the word 答复 (答覆, 答複) and what it answers
 * (提案, 建议, 议案). A profile's `replyPattern` replaces the markers for a site that words it otherwise.
 */

/** A reply names itself. */
const REPLY_WORD = /答[复覆複]/;
/** …and what it replies to. */
const REPLY_SUBJECT = /提案|建[议議]|[议議]案/;
/** Less main text than this is a stub or an index, not a reply. */
const MIN_REPLY_HAN = 100;
/** Content types read as pages. */
const HTML_TYPE = /^(text\/html|application\/xhtml\+xml|text\/plain)$/i;

export interface ContentType {
  mime: string | null;
  charset: string | null;
}

export function parseContentType(value: string | null): ContentType {
  if (!value) return { mime: null, charset: null };
  const [mime, ...params] = value.split(';');
  const charset = params.map((param) => /^\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(param)?.[1]).find(Boolean) ?? null;
  return { mime: mime!.trim().toLowerCase() || null, charset: charset ? charset.toLowerCase() : null };
}

/** HTML by its header or, with none, by its first bytes (a BOM, a doctype, a tag). */
export function isHtml(type: ContentType, body: Uint8Array): boolean {
  if (type.mime) return HTML_TYPE.test(type.mime);
  const head = Buffer.from(body.subarray(0, 512)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  return /^\s*</.test(head);
}

export interface ReadPage {
  html: string;
  title: string | null;
  text: string;
  encoding: string;
}

/** Decodes a page by the trust order HTTP header, <meta>, byte sniffing; null when it does not decode. */
export function readPage(body: Uint8Array, headerCharset: string | null, profile: SiteProfile = {}): ReadPage | null {
  const decoded = decodeBytes(body, headerCharset ?? sniffMetaCharset(body));
  if (!decoded.ok) return null;
  const content = extractMainContent(decoded.text, profile);
  return { html: decoded.text, title: content.title, text: content.text, encoding: decoded.encoding };
}

export function isReply(page: Pick<ReadPage, 'title' | 'text'>, profile: SiteProfile = {}): boolean {
  const words = `${page.title ?? ''}\n${page.text}`;
  if ((page.text.match(/\p{Script=Han}/gu)?.length ?? 0) < MIN_REPLY_HAN) return false;
  if (profile.replyPattern) return new RegExp(profile.replyPattern).test(words);
  return REPLY_WORD.test(words) && REPLY_SUBJECT.test(words);
}

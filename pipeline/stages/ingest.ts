import { createHash } from 'node:crypto';
import { decodeBytes, sniffMetaCharset } from '../adapters/charset.js';
import { tooLargeMessage } from '../adapters/files.js';
import { extractMainContent } from '../adapters/main-content.js';
import { fail, warning } from '../document.js';
import type { Stage } from './stage.js';

/** File endings read as HTML; anything else is sniffed. */
const HTML_EXTENSION = /\.html?$/i;
/** A text file that starts like a page is read as HTML too. */
const HTML_SNIFF = /^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[\s>])/i;
/** A document needs at least this many letters (Han or Latin) to be worth extracting from. */
const MIN_LETTERS = 2;

const LETTER = /[\p{Script=Han}A-Za-z]/gu;

/** Whether `text` holds at least `count` letters; stops counting there (a 20 MB file has millions). */
function hasLetters(text: string, count: number): boolean {
  let found = 0;
  for (const pattern = new RegExp(LETTER); pattern.exec(text) !== null; ) if (++found >= count) return true;
  return false;
}

/** Bytes → decoded text (HTML reduced to its main content), with the source facts the record keeps. */
export const ingest: Stage = {
  name: 'ingest',
  run(doc, context) {
    const { bytes } = doc;
    // The runner refuses a file over the limit before reading it; bytes from elsewhere (a crawl archive) meet it here.
    if (bytes.length > context.maxBytes) fail('too-large', tooLargeMessage(bytes.length, context.maxBytes));
    const sniffHead = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\xef\xbb\xbf/, '');
    const isHtml = HTML_EXTENSION.test(doc.path) || HTML_SNIFF.test(sniffHead);
    const declared = doc.hints?.declaredCharset ?? (isHtml ? sniffMetaCharset(bytes) : null);
    const decoded = decodeBytes(bytes, declared);
    if (!decoded.ok) fail(decoded.code, decoded.reason);
    const messages = decoded.warnings.map((message) => warning('ingest', 'charset', message));

    let sourceText = decoded.text;
    let pageTitle: string | null = null;
    if (isHtml) {
      const content = extractMainContent(decoded.text);
      // A page whose body holds nothing but chrome has no document, whatever its <title> says.
      if (!hasLetters(content.main, MIN_LETTERS)) fail('no-content', 'the page has no body text');
      sourceText = content.text;
      pageTitle = content.title;
    }
    if (sourceText.trim() === '') fail('empty', 'the file holds only white space');
    if (!hasLetters(sourceText, MIN_LETTERS)) fail('no-content', 'the document has no words to extract from');

    return {
      patch: {
        source: {
          sha256: createHash('sha256').update(bytes).digest('hex'),
          encoding: decoded.encoding,
          bytes: bytes.length,
          format: isHtml ? 'html' : 'text',
        },
        sourceText,
        pageTitle,
      },
      messages,
    };
  },
};

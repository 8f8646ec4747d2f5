import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';

/**
 * Charset detection and decoding, in order of trust: byte-order mark, a declared label (HTTP header or
 * <meta>), strict UTF-8 validity, then chardet's statistical guess decoded by iconv-lite; when both GB18030 and
 * Big5 decode the bytes cleanly, the text that reads more like Chinese wins.
 */

export type DecodeOutcome =
  | { ok: true; text: string; encoding: string; warnings: string[] }
  | { ok: false; code: 'empty' | 'binary' | 'undecodable'; reason: string };

/** Share of U+FFFD in the decoded text above which a guess is rejected. */
const MAX_REPLACEMENT_RATIO = 0.002;
/** UTF-16 byte-order marks and what they settle. */
const UTF16_MARKS: readonly [number[], string][] = [
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];
/** Share of C0 control characters (other than tab, newline, return, form feed) that marks a file as binary. */
const MAX_CONTROL_RATIO = 0.01;
/** Fewest control bytes that count at all: one stray BEL pasted into a short note is not a binary file. */
const MIN_CONTROL_BYTES = 4;
/** How far into the file the binary and <meta> sniffers look. */
const SNIFF_BYTES = 8192;
/** How much of the file chardet reads: its guess does not improve past this, and it is slow on 20 MB. */
const CHARDET_SAMPLE_BYTES = 64 * 1024;
/** How many decoded characters the plausibility score reads. */
const PLAUSIBILITY_SAMPLE_CHARS = 4000;
/** Log-probability given to a character the language model has never seen (kana, bopomofo, box drawing…). */
const UNSEEN_LOG_PROB = -20;
/**
 * The double-byte Chinese charsets always tried when the bytes are not UTF-8: GBK bytes of a short text decode
 * without error as Big5 gibberish (and Big5 as GBK gibberish), and chardet, unsure on short input, may not even
 * name the right one (a 16-character GBK line came out as Big5 `恅璃晤瘍`).
 */
const CHINESE_FALLBACKS: readonly string[] = ['gb18030', 'big5'];
/** Leading bytes of common binary formats. */
const BINARY_MAGIC: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, XLSX
  [0x1f, 0x8b], // gzip
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2 (.doc, .xls)
  [0x7f, 0x45, 0x4c, 0x46], // ELF
];
/** chardet names we accept for Chinese pages, mapped to the decoder that covers them best. */
const CHINESE_DECODERS: Readonly<Record<string, string>> = {
  'GB18030': 'gb18030',
  'GBK': 'gb18030',
  'GB2312': 'gb18030',
  'Big5': 'big5',
  'UTF-8': 'utf-8',
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function looksBinary(bytes: Uint8Array): string | null {
  if (BINARY_MAGIC.some((magic) => startsWith(bytes, magic))) return 'starts with the signature of a binary format';
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return 'contains NUL bytes';
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls++;
  }
  if (controls >= MIN_CONTROL_BYTES && controls / sample.length > MAX_CONTROL_RATIO) return 'too many control bytes for text';
  return null;
}

/** A charset declared in the first bytes of an HTML page (`<meta charset>` or `http-equiv` Content-Type). */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

function replacementRatio(text: string): number {
  return text.length === 0 ? 0 : countReplacements(text) / text.length;
}

function canonicalLabel(label: string): string | null {
  const lower = label.toLowerCase();
  if (lower === 'gb2312' || lower === 'gbk' || lower === 'x-gbk' || lower === 'gb18030') return 'gb18030';
  if (lower === 'big5' || lower === 'big5-hkscs' || lower === 'x-big5') return 'big5';
  if (lower === 'utf8' || lower === 'utf-8') return 'utf-8';
  return iconv.encodingExists(lower) ? lower : null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Length of an incomplete UTF-8 sequence at the very end of `bytes` (0 when the end is complete). */
function truncatedUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Strict UTF-8, forgiving only a sequence cut off at the very end (with a warning); null when not UTF-8. */
function decodeUtf8(bytes: Uint8Array, warnings: string[]): string | null {
  const whole = tryStrictUtf8(bytes);
  if (whole !== null) return whole;
  const tail = truncatedUtf8Tail(bytes);
  if (tail === 0) return null;
  const body = tryStrictUtf8(bytes.subarray(0, bytes.length - tail));
  if (body !== null) warnings.push(`the file ends inside a UTF-8 sequence; the last ${tail} byte(s) were dropped`);
  return body;
}

/**
 * A UTF-16 code unit of a pair whose other half is missing. iconv-lite passes them through from damaged or cut
 * UTF-16; the WHATWG decoders replace them, and parse5 read two low surrogates in a row as a code point past
 * U+10FFFF and threw.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `bytes` decoded by iconv-lite, every unpaired surrogate replaced by U+FFFD (as a WHATWG decoder does). */
function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding).replace(LONE_SURROGATE, '\uFFFD');
}

const require = createRequire(import.meta.url);

/**
 * How much a decoded text looks like Chinese: the mean log-probability of its characters (after traditional →
 * simplified conversion) under the character emission table of jieba's HMM, a model trained on real Chinese
 * text. A wrong double-byte charset yields rare characters, kana, bopomofo and symbols, which score low.
 * Loaded on first use (a 0.5 MB file) and shared: it is read-only.
 */
class Plausibility {
  private static shared: Plausibility | null = null;
  private readonly logProb = new Map<string, number>();
  private readonly simplify = OpenCC.Converter({ from: 'tw', to: 'cn' });

  static get(): Plausibility {
    return (Plausibility.shared ??= new Plausibility());
  }

  private constructor() {
    const { DEFAULT_HMM_DICT } = require('nodejieba') as { DEFAULT_HMM_DICT: string };
    for (const line of readFileSync(DEFAULT_HMM_DICT, 'utf8').split('\n')) {
      if (line.startsWith('#') || !line.includes(':')) continue;
      for (const item of line.split(',')) {
        const colon = item.lastIndexOf(':');
        const char = item.slice(0, colon);
        const value = Number(item.slice(colon + 1));
        if (char.length !== 1 || !Number.isFinite(value)) continue;
        if (!(this.logProb.get(char)! >= value)) this.logProb.set(char, value);
      }
    }
  }

  score(text: string): number {
    const sample = this.simplify(text.slice(0, PLAUSIBILITY_SAMPLE_CHARS));
    let sum = 0;
    let count = 0;
    for (const char of sample) {
      const code = char.codePointAt(0)!;
      // ASCII, and the punctuation both charsets share, say nothing about which one is right.
      if (code < 0x80 || /^[\s\u3000-\u3003\u3008-\u3011\uff01-\uff5e\u2014\u2018-\u201d\u2026]$/.test(char)) continue;
      count++;
      sum += this.logProb.get(char) ?? UNSEEN_LOG_PROB;
    }
    return count === 0 ? 0 : sum / count;
  }
}

interface Candidate {
  text: string;
  encoding: string;
  ratio: number;
  /** How much the text reads like Chinese, scored when first asked (Plausibility.score). */
  score?: number;
}

const plausibilityOf = (candidate: Candidate): number => (candidate.score ??= Plausibility.get().score(candidate.text));

/**
 * The clean decoding that needs no tie-break: the only one, or the one that reads more like Chinese than every
 * other. Null when there is none, or when the best score is shared (then chardet's confidence orders them).
 */
function mostPlausible(clean: readonly Candidate[]): Candidate | null {
  if (clean.length <= 1) return clean[0] ?? null;
  const top = Math.max(...clean.map(plausibilityOf));
  const winners = clean.filter((candidate) => plausibilityOf(candidate) === top);
  return winners.length === 1 ? winners[0]! : null;
}

/**
 * Decodes `bytes` to text. `declared` is a charset label from an HTTP header or <meta>, trusted when it decodes
 * cleanly. Never throws: bad input comes back as `{ ok: false }` with a reason.
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): DecodeOutcome {
  if (bytes.length === 0) return { ok: false, code: 'empty', reason: 'the file has no bytes' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    // The mark settles the charset; a bad or cut sequence after it is replaced, with a warning, not re-detected.
    const warnings: string[] = [];
    const body = bytes.subarray(3);
    let text = decodeUtf8(body, warnings);
    if (text === null) {
      text = decodeWith(body, 'utf-8');
      warnings.push(`${countReplacements(text)} invalid UTF-8 sequence(s) after the byte-order mark were replaced by U+FFFD`);
    }
    return { ok: true, text, encoding: 'utf-8-bom', warnings };
  }
  for (const [mark, encoding] of UTF16_MARKS) {
    if (!startsWith(bytes, mark)) continue;
    // The mark settles the charset too; an odd trailing byte or an unpaired surrogate is replaced, with a warning.
    const text = decodeWith(bytes.subarray(2), encoding);
    const replaced = countReplacements(text);
    return { ok: true, text, encoding, warnings: replaced > 0 ? [`${replaced} invalid UTF-16 code unit(s) after the byte-order mark were replaced by U+FFFD`] : [] };
  }

  const binary = looksBinary(bytes);
  if (binary) return { ok: false, code: 'binary', reason: `not text: ${binary}` };

  const warnings: string[] = [];
  const label = declared ? canonicalLabel(declared) : null;
  if (declared && !label) warnings.push(`declared charset "${declared}" is unknown; detecting instead`);
  if (label) {
    const text = label === 'utf-8' ? tryStrictUtf8(bytes) : decodeWith(bytes, label);
    if (text !== null && replacementRatio(text) <= MAX_REPLACEMENT_RATIO) return { ok: true, text, encoding: label, warnings };
    warnings.push(`declared charset "${declared}" does not decode these bytes; detecting instead`);
  }

  const utf8 = decodeUtf8(bytes, warnings);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', warnings };

  // GB18030 and Big5 are always tried. When just one decodes cleanly, or one reads clearly more like Chinese, that
  // settles it without chardet, whose single-byte recognisers cost more than both decodings together.
  const decoded = new Map<string, Candidate>();
  const decode = (encoding: string): Candidate => {
    let candidate = decoded.get(encoding);
    if (!candidate) {
      const text = decodeWith(bytes, encoding);
      decoded.set(encoding, (candidate = { text, encoding, ratio: replacementRatio(text) }));
    }
    return candidate;
  };
  const settled = mostPlausible(CHINESE_FALLBACKS.map(decode).filter((candidate) => candidate.ratio <= MAX_REPLACEMENT_RATIO));
  // Otherwise (none decodes cleanly, or a tie): Chinese candidates in chardet's order of confidence, then the
  // double-byte charsets chardet did not name; a single-byte charset decodes anything without a replacement
  // character, so it is only taken when no Chinese charset decodes the bytes.
  const clean: Candidate[] = settled ? [settled] : [];
  let best: Candidate | null = settled;
  if (!settled) {
    const candidates = chardet.analyse(bytes.subarray(0, CHARDET_SAMPLE_BYTES));
    const chinese = [
      ...new Set([...candidates.flatMap((c) => (CHINESE_DECODERS[c.name] ? [CHINESE_DECODERS[c.name]!] : [])), ...CHINESE_FALLBACKS]),
    ].filter((encoding) => encoding !== 'utf-8');
    const others = candidates
      .filter((c) => CHINESE_DECODERS[c.name] === undefined)
      .slice(0, 1)
      .flatMap((c) => {
        const encoding = canonicalLabel(c.name);
        return encoding && encoding !== 'utf-8' ? [encoding] : [];
      });
    const consider = (encoding: string): void => {
      const candidate = decode(encoding);
      if (candidate.ratio <= MAX_REPLACEMENT_RATIO) clean.push(candidate);
      if (!best || candidate.ratio < best.ratio) best = candidate;
    };
    chinese.forEach(consider);
    clean.sort((a, b) => plausibilityOf(b) - plausibilityOf(a)); // stable: a tie keeps chardet's order
    // UTF-8 damaged in a few places (a stray byte, a cut-and-pasted fragment): when no Chinese charset decodes the
    // bytes, UTF-8 with those few sequences replaced keeps the document, as the byte-order-mark branch does. A GBK
    // or Big5 file read as UTF-8 has invalid sequences nearly everywhere, far over the bound.
    if (clean.length === 0) consider('utf-8');
    others.forEach(consider);
  }
  const chosen = clean[0];
  if (chosen) {
    if (chosen.ratio > 0) warnings.push(`${Math.round(chosen.ratio * 1e4) / 100}% of characters could not be decoded`);
    return { ok: true, text: chosen.text, encoding: chosen.encoding, warnings };
  }
  return {
    ok: false,
    code: 'undecodable',
    reason: best
      ? `no charset decodes the bytes cleanly (best: ${best.encoding}, ${Math.round(best.ratio * 1000) / 10}% undecodable)`
      : 'no charset could be detected',
  };
}

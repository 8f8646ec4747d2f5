import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, sniffMetaCharset } from '../../pipeline/adapters/charset.js';
import { seedBytes, seedLines, seedText, TRADITIONAL_SEED } from '../support/seeds.js';

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const encode = (text: string, charset: string): Uint8Array => new Uint8Array(iconv.encode(text, charset));

/** Seed 003 as a Big5 page would carry it: Big5 has no 关键词 (simplified) nor the odd Unicode spaces. */
function big5Ready(text: string): string {
  return text.replace(/关键词/g, '關鍵詞').replace(/[\u00a0\u2002]/g, ' ');
}

function expectOk(outcome: ReturnType<typeof decodeBytes>): Extract<ReturnType<typeof decodeBytes>, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected a decoded text, got ${outcome.code}: ${outcome.reason}`);
  return outcome;
}

describe('decodeBytes', () => {
  it('decodes a UTF-8 seed as is', () => {
    const outcome = expectOk(decodeBytes(seedBytes('001_754fd2440035fb71.txt')));
    expect(outcome.encoding).toBe('utf-8');
    expect(outcome.text).toBe(seedText('001_754fd2440035fb71.txt'));
    expect(outcome.warnings).toEqual([]);
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...seedBytes('000_723d0d538beac877.txt')]);
    const outcome = expectOk(decodeBytes(bytes));
    expect(outcome.encoding).toBe('utf-8-bom');
    expect(outcome.text).toBe(seedText('000_723d0d538beac877.txt'));
  });

  it('warns about a cut sequence after a byte-order mark instead of passing a silent U+FFFD', () => {
    const body = Buffer.from('关于加强督学队伍建设。', 'utf8');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body.subarray(0, body.length - 1)]);
    const outcome = expectOk(decodeBytes(bytes));
    expect(outcome.text).toBe('关于加强督学队伍建设');
    expect(outcome.warnings.join(' ')).toMatch(/UTF-8 sequence/);
  });

  it('detects GBK without a label and decodes a whole seed exactly', () => {
    const text = seedText('000_723d0d538beac877.txt');
    const outcome = expectOk(decodeBytes(encode(text, 'gbk')));
    expect(outcome.encoding).toBe('gb18030');
    expect(outcome.text).toBe(text);
  });

  it('detects Big5 without a label and decodes the traditional seed exactly', () => {
    const text = big5Ready(seedText(TRADITIONAL_SEED));
    expect(iconv.decode(Buffer.from(encode(text, 'big5')), 'big5')).toBe(text); // the fixture itself is lossless
    const outcome = expectOk(decodeBytes(encode(text, 'big5')));
    expect(outcome.encoding).toBe('big5');
    expect(outcome.text).toBe(text);
  });

  it('tells GBK from Big5 on short lines, where chardet alone guesses wrong', () => {
    // Short GBK text decodes without error as Big5 gibberish (文件编号 → 恅璃晤瘍) and Big5 as GBK gibberish.
    const gbkLines = ['文件编号', '鲍龙代表:', '一、关于加强督学队伍建设。', '教师公开招聘是我市教师补充'];
    for (const line of gbkLines) expect(expectOk(decodeBytes(encode(line, 'gbk'))).text).toBe(line);
    const big5Lines = seedLines(TRADITIONAL_SEED)
      .map((line) => big5Ready(line).trim())
      .filter((line) => line.length >= 8)
      .map((line) => line.slice(0, 12));
    expect(big5Lines.length).toBeGreaterThan(10);
    for (const line of big5Lines) expect(expectOk(decodeBytes(encode(line, 'big5'))).text).toBe(line);
  });

  it('trusts a declared charset that decodes cleanly, and falls back to detection with a warning when it does not', () => {
    const text = '楚雄市教育体育局关于对市政协十届一次会议第78号提案的答复';
    const declared = expectOk(decodeBytes(encode(text, 'gbk'), 'gb2312'));
    expect(declared.text).toBe(text);
    expect(declared.warnings).toEqual([]);
    const mislabelled = expectOk(decodeBytes(utf8(text), 'big5'));
    expect(mislabelled.text).toBe(text);
    expect(mislabelled.warnings.join(' ')).toMatch(/does not decode|detecting/);
    const unknown = expectOk(decodeBytes(utf8(text), 'x-no-such-charset'));
    expect(unknown.text).toBe(text);
    expect(unknown.warnings.join(' ')).toMatch(/unknown/);
  });

  it('drops a UTF-8 sequence cut at the very end, with a warning', () => {
    const bytes = Buffer.from(seedText('004_56730d38a0832aa8.txt') + '结束', 'utf8');
    for (const cut of [1, 2]) {
      const truncated = new Uint8Array(bytes.subarray(0, bytes.length - cut));
      const outcome = expectOk(decodeBytes(truncated));
      expect(outcome.encoding).toBe('utf-8');
      expect(outcome.text).toBe(`${seedText('004_56730d38a0832aa8.txt')}结`);
      expect(outcome.warnings).toHaveLength(1);
      expect(outcome.warnings[0]).toMatch(/ends inside a UTF-8 sequence/);
    }
  });

  it('keeps a UTF-8 seed with a few stray bytes as UTF-8, each replaced by U+FFFD, with a warning', () => {
    const seed = Buffer.from(seedText('002_1064e609e7cb096d.txt'), 'utf8');
    // A 0xFF after the first and the tenth 。: no charset decodes the bytes cleanly any more.
    const stops = [...seed.toString('latin1').matchAll(/\u00e3\u0080\u0082/g)].map((match) => match.index + 3);
    const damaged = Buffer.concat([seed.subarray(0, stops[0]), Buffer.from([0xff]), seed.subarray(stops[0], stops[9]), Buffer.from([0xff]), seed.subarray(stops[9])]);
    const outcome = expectOk(decodeBytes(new Uint8Array(damaged)));
    expect(outcome.encoding).toBe('utf-8');
    expect(outcome.text.split('\uFFFD').join('')).toBe(seed.toString('utf8'));
    expect(outcome.text.split('\uFFFD')).toHaveLength(3);
    expect(outcome.warnings).toEqual([expect.stringMatching(/could not be decoded/)]);
    // A GBK page read as UTF-8 breaks nearly everywhere: it stays GBK.
    expect(expectOk(decodeBytes(encode(seedText('000_723d0d538beac877.txt'), 'gbk'))).encoding).toBe('gb18030');
  });

  it('fails empty and binary input with a reason, never throwing', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: false, code: 'empty' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 2000 }, (_, i) => (i * 37 + 11) % 256)]);
    expect(decodeBytes(png)).toMatchObject({ ok: false, code: 'binary' });
    const pdf = new Uint8Array(Buffer.from('%PDF-1.7\n关于加强督学队伍建设', 'utf8'));
    expect(decodeBytes(pdf)).toMatchObject({ ok: false, code: 'binary' });
    const withNul = new Uint8Array([...Buffer.from('关于', 'utf8'), 0, ...Buffer.from('建设', 'utf8')]);
    expect(decodeBytes(withNul)).toMatchObject({ ok: false, code: 'binary' });
    const controls = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x41)));
    expect(decodeBytes(controls)).toMatchObject({ ok: false, code: 'binary' });
  });

  it('reads a short note with one stray control character as text', () => {
    const note = '关于加强建设。\u0007完毕。';
    expect(expectOk(decodeBytes(utf8(note))).text).toBe(note);
  });
});

describe('sniffMetaCharset', () => {
  it('reads <meta charset> and http-equiv Content-Type, lower-cased', () => {
    expect(sniffMetaCharset(utf8('<html><head><meta charset="GBK"><title>答复</title>'))).toBe('gbk');
    expect(sniffMetaCharset(utf8("<meta http-equiv='Content-Type' content='text/html; charset=big5'>"))).toBe('big5');
    expect(sniffMetaCharset(utf8('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset = gb2312">'))).toBe('gb2312');
    expect(sniffMetaCharset(utf8('<html><head><title>答复</title></head>'))).toBeNull();
  });
});

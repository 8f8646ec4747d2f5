import { describe, expect, it } from 'vitest';
import { countScriptHan, isBmpHan } from '../../pipeline/lib/han.js';

const byRegex = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;

describe('countScriptHan', () => {
  it('counts every BMP code unit as /\\p{Script=Han}/u does', () => {
    const all = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));
    const disagreements = all.filter((char) => countScriptHan(char) !== byRegex(char)).map((char) => char.charCodeAt(0).toString(16));
    expect(disagreements).toEqual([]);
    expect(countScriptHan(all.join(''))).toBe(byRegex(all.join('')));
  });

  it('counts surrogate pairs as one character and lone surrogates as none', () => {
    for (const text of ['𠀀𪚥a', '\ud840', '\udc00中', '中\ud840', '𠮷野家', '〇々〻⺀', 'abc，。', '']) expect(countScriptHan(text), text).toBe(byRegex(text));
    expect(countScriptHan('𠀀')).toBe(1);
  });

  it('agrees with isBmpHan on the CJK unified ideographs of Unicode 1.1 (U+4E00–U+9FA5)', () => {
    for (let code = 0x4e00; code <= 0x9fa5; code++) expect(countScriptHan(String.fromCharCode(code))).toBe(isBmpHan(code) ? 1 : 0);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSmallInteger } from '../../pipeline/lib/meta-numerals.js';

describe('parseSmallInteger', () => {
  it.each([
    ['78', 78],
    ['０１２３', 123],
    ['十', 10],
    ['十四', 14],
    ['二十八', 28],
    ['三十一', 31],
    ['一百零二', 102],
    ['一千零五十', 1050],
    ['两', 2],
    ['二〇二二', 2022],
    ['二○二五', 2025],
    ['二零二三', 2023],
    ['一九九八', 1998],
  ])('reads %s as %d', (raw, value) => {
    expect(parseSmallInteger(raw)).toBe(value);
  });

  it.each(['', '百', '十百', '二三十', 'abc', '十二届'])('refuses %s', (raw) => {
    expect(parseSmallInteger(raw)).toBeNull();
  });
});

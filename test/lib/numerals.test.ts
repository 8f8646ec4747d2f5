import { describe, expect, it } from 'vitest';
import { numeralValue, parseNumeral, tidy } from '../../pipeline/lib/numerals.js';

describe('parseNumeral', () => {
  it.each([
    ['六', 6],
    ['两', 2],
    ['十', 10],
    ['十七', 17],
    ['二十', 20],
    ['一百零五', 105],
    ['一千零五', 1005],
    ['两千五百', 2500],
    ['三万四千', 34000],
    ['一亿二千万', 120000000],
    ['十五万', 150000],
    ['千', 1000],
    ['万', 10000],
    ['百', 100],
    ['三点五', 3.5],
    ['零点五', 0.5],
  ])('reads the Chinese numeral %s as %d', (run, value) => {
    expect(numeralValue(run)).toBe(value);
  });

  it.each([
    ['350万', 3500000],
    ['4.8亿', 480000000],
    ['18.5万', 185000],
    ['3万4000', 34000],
    ['1,100万', 11000000],
    ['1.2万亿', 1.2e12],
    ['3千5百', 3500],
    ['１２', 12],
  ])('reads the Arabic or mixed numeral %s as %d', (run, value) => {
    expect(numeralValue(run)).toBe(value);
  });

  it('reads colloquial elision as spoken', () => {
    expect(numeralValue('一百五')).toBe(150);
    expect(numeralValue('三万五')).toBe(35000);
    expect(numeralValue('三万零五')).toBe(30005);
  });

  it('reads adjacent digits as a range', () => {
    expect(parseNumeral('两三')?.value).toEqual([2, 3]);
    expect(parseNumeral('一两')?.value).toEqual([1, 2]);
    expect(parseNumeral('三四')?.value).toEqual([3, 4]);
  });

  it('marks digit-by-digit years and identifiers', () => {
    expect(parseNumeral('二〇二二')).toMatchObject({ value: 2022, digitwise: true });
    expect(parseNumeral('一九九八')).toMatchObject({ value: 1998, digitwise: true });
  });

  it('marks bare multipliers and 万/亿 scaling', () => {
    expect(parseNumeral('千')).toMatchObject({ bareMultiplier: true, scaled: false });
    expect(parseNumeral('11万')).toMatchObject({ bareMultiplier: false, scaled: true });
    expect(parseNumeral('十七')).toMatchObject({ bareMultiplier: false, scaled: false });
  });

  it.each(['十四五', '五四', '六一', '千万', '百万', '', '三八', '一万万'])('rejects the malformed or idiomatic run %j', (run) => {
    expect(parseNumeral(run)).toBeNull();
  });

  it('tidies binary noise from scaling only', () => {
    expect(tidy(0.1 + 0.2)).toBe(0.3);
    expect(tidy(480000000)).toBe(480000000);
    expect(tidy(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

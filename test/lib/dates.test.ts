import { describe, expect, it } from 'vitest';
import { findDates, isDateLine, parseDate } from '../../pipeline/lib/dates.js';

describe('parseDate', () => {
  it.each([
    ['发文日期: 2022-07-28', '2022-07-28'],
    ['来源:岳阳县教体局 2025-07-14', '2025-07-14'],
    ['发布时间：2022/07/09 10:21', '2022-07-09'],
    ['2022.7.9', '2022-07-09'],
    ['2022年6月28日', '2022-06-28'],
    ['2025 年 4 月 21 日', '2025-04-21'],
    ['二〇二二年六月二十八日', '2022-06-28'],
    ['二○二三年十二月三十一日', '2023-12-31'],
    ['二零二一年十月一日', '2021-10-01'],
    ['2023年06月05号', '2023-06-05'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['2022年2月30日', '2022-13-01', '9月15日', '2021年', '0730-7628035', '13502/2022-25477', '第2023045号'])(
    'finds no date in %s',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );

  it('lists every date in order without overlaps', () => {
    const dates = findDates('成文日期:2024年8月19日 发布日期:2024-11-14');
    expect(dates.map((d) => d.iso)).toEqual(['2024-08-19', '2024-11-14']);
  });

  // Each match was checked against every date found before it: a line of 100,000 dates (a table pasted as one line,
  // a file with CR-only line ends) took minutes.
  it('lists the dates of a line of 100,000 of them in one pass', { timeout: 5_000 }, () => {
    const dates = findDates('2023年1月1日 2022-07-28，'.repeat(50_000));
    expect(dates).toHaveLength(100_000);
    expect(dates.slice(0, 2)).toEqual([
      { iso: '2023-01-01', start: 0, end: 9 },
      { iso: '2022-07-28', start: 10, end: 20 },
    ]);
  });
});

describe('isDateLine', () => {
  it('accepts a date standing alone', () => {
    expect(isDateLine('2025年4月21日')).toBe(true);
    expect(isDateLine(' 二〇二二年六月二十八日 ')).toBe(true);
  });
  it('refuses a sentence with a date', () => {
    expect(isDateLine('2023年推动县委出台措施')).toBe(false);
    expect(isDateLine('发布日期:2024-11-14')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { recognizersNumbers } from '../../pipeline/eval/peer-recognizers.js';

describe('recognizersNumbers (Microsoft Recognizers-Text baseline)', () => {
  it('maps currency, percentage, age and bare numbers to the NumberMention shape', () => {
    const text = '涉及金额18.5万元左右,压减率达100%,年满6岁,共化解了71件';
    expect(recognizersNumbers(text)).toEqual([
      { raw: '18.5万元', value: 185000, unit: '元', kind: 'money', qualifier: 'exact', start: 4, end: 10 },
      { raw: '100%', value: 100, unit: '%', kind: 'percent', qualifier: 'exact', start: 17, end: 21 },
      { raw: '6岁', value: 6, unit: '岁', kind: 'age', qualifier: 'exact', start: 24, end: 26 },
      { raw: '71', value: 71, unit: null, kind: 'count', qualifier: 'exact', start: 31, end: 33 },
    ]);
  });

  it('gives offsets into the whole text across lines, in text order', () => {
    const text = '第一行有300余件。\n第二行投入4.8亿元。';
    const found = recognizersNumbers(text);
    expect(found.length).toBeGreaterThan(0);
    for (const number of found) expect(text.slice(number.start, number.end)).toBe(number.raw);
    expect(found.map((n) => n.start)).toEqual([...found.map((n) => n.start)].sort((a, b) => a - b));
    expect(found).toContainEqual(expect.objectContaining({ raw: '4.8亿元', value: 480000000, kind: 'money' }));
  });

  it('returns nothing for empty or numberless text', () => {
    expect(recognizersNumbers('')).toEqual([]);
    expect(recognizersNumbers('\n\n')).toEqual([]);
  });
});

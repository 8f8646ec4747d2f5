import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../pipeline/adapters/divisions.js';
import { buildDivisionIndex, levelWord, lineage, scanPlaces, within } from '../../pipeline/lib/meta-divisions.js';

/** A few real rows in the dataset's shape: a province, an autonomous prefecture, a city, a pseudo-city, areas. */
const small = buildDivisionIndex({
  provinces: [
    { code: '53', name: '云南省' },
    { code: '41', name: '河南省' },
  ],
  cities: [
    { code: '5323', name: '楚雄彝族自治州', provinceCode: '53' },
    { code: '4101', name: '郑州市', provinceCode: '41' },
    { code: '4190', name: '省直辖县级行政区划', provinceCode: '41' },
  ],
  areas: [
    { code: '532301', name: '楚雄市', cityCode: '5323', provinceCode: '53' },
    { code: '532331', name: '禄丰市', cityCode: '5323', provinceCode: '53' },
    { code: '410102', name: '中原区', cityCode: '4101', provinceCode: '41' },
    { code: '419001', name: '济源市', cityCode: '4190', provinceCode: '41' },
  ],
});

describe('buildDivisionIndex', () => {
  it('pads codes to six digits and links parents, skipping placeholder cities', () => {
    expect(small.byCode.get('532300')).toEqual({ code: '532300', name: '楚雄彝族自治州', level: 'city', parent: '530000' });
    expect(small.byCode.get('419001')!.parent).toBe('410000');
    expect([...small.byCode.values()].some((d) => d.name === '省直辖县级行政区划')).toBe(false);
  });

  it('knows short forms of autonomous areas and stems', () => {
    expect(small.byName.get('楚雄州')!.map((d) => d.code)).toEqual(['532300']);
    expect(small.byStem.get('楚雄')!.map((d) => d.code).sort()).toEqual(['532300', '532301']);
  });

  it('walks lineages', () => {
    expect(lineage(small, '532301').map((d) => d.code)).toEqual(['532301', '532300', '530000']);
    expect(within(small, '532301', '530000')).toBe(true);
    expect(within(small, '410102', '530000')).toBe(false);
  });

  it('names level words', () => {
    expect(levelWord('开原市')).toBe('市');
    expect(levelWord('楚雄州')).toBe('州');
    expect(levelWord('土默特左旗')).toBe('旗');
    expect(levelWord('广西壮族自治区')).toBe('区');
    expect(levelWord('教育局')).toBeNull();
  });
});

describe('scanPlaces', () => {
  it('finds names leftmost-longest', () => {
    expect(scanPlaces(small, '云南省楚雄市教育体育局').map((m) => m.text)).toEqual(['云南省', '楚雄市']);
    expect(scanPlaces(small, '民进楚雄州委').map((m) => m.text)).toEqual(['楚雄州']);
  });
});

describe('the real dataset', () => {
  const index = loadDivisions();

  it('is memoised and frozen', () => {
    expect(loadDivisions()).toBe(index);
    expect(Object.isFrozen(index)).toBe(true);
  });

  it.each([
    ['楚雄市', '532301'],
    ['岳阳县', '430621'],
    ['开原市', '211282'],
    ['承德市', '130800'],
    ['巴彦淖尔市', '150800'],
    ['土默特左旗', '150121'],
    ['恩施州', '422800'],
    ['东莞市', '441900'],
    ['北京市', '110000'],
    ['内蒙古', '150000'],
  ])('knows %s as %s', (name, code) => {
    expect(index.byName.get(name)?.map((d) => d.code)).toContain(code);
  });

  it('keeps ambiguous names ambiguous', () => {
    expect(index.byName.get('朝阳区')!.length).toBe(2);
  });
});

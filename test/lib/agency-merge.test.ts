import { describe, expect, it } from 'vitest';
import { truncatedForms } from '../../pipeline/lib/agency-merge.js';
import { loadDivisions } from '../../pipeline/adapters/divisions.js';
import { placeIndexFrom } from '../../pipeline/lib/agency-places.js';
import { findAgencies as findIn } from '../../pipeline/stages/extract-agencies.js';

const places = placeIndexFrom(loadDivisions());
const findAgencies = (text: string) => findIn(text, places);

describe('one agency per document with all its mentions', () => {
  it('joins a shorter later form to the agency already listed', () => {
    const text = '楚雄市教育体育局坚持疏堵结合。由市政府统筹,市教育体育局牵头。';
    const agencies = findAgencies(text);
    const bureau = agencies.find((a) => a.name === '楚雄市教育体育局')!;
    expect(bureau.mentions.map((m) => m.text)).toEqual(['楚雄市教育体育局', '市教育体育局']);
    for (const m of bureau.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('names the agency by its first full form, not an abbreviation', () => {
    const agency = findAgencies('来源:岳阳县教体局\n岳阳县教育体育局在充分听取意见的基础上')[0]!;
    expect(agency.name).toBe('岳阳县教育体育局');
    expect(agency.mentions).toHaveLength(2);
  });

  it('takes 市政府 as a later form of 市人民政府', () => {
    const agencies = findAgencies('在市委、市人民政府的领导下。由市政府统筹。通过楚雄市人民政府网站公示。');
    expect(agencies.map((a) => a.name)).toEqual(['市委', '市人民政府']);
    expect(agencies[1]!.mentions.map((m) => m.text)).toEqual(['市人民政府', '市政府', '楚雄市人民政府']);
    expect(agencies[1]!.level).toBe('county'); // 楚雄市 is a county-level city
  });

  it('keeps bodies of other regions and tiers apart', () => {
    expect(findAgencies('市教育局、旗县区教育局、湖南省教育厅和江苏省教育厅').map((a) => a.name)).toEqual([
      '市教育局', '旗县区教育局', '湖南省教育厅', '江苏省教育厅',
    ]);
    expect(findAgencies('市委要求,县委落实').map((a) => a.name)).toEqual(['市委', '县委']);
  });

  it('joins a region-less mention to an earlier regioned agency and the reverse', () => {
    const agencies = findAgencies('成立校外培训监管领导小组。楚雄市校外培训监管领导小组积极研究');
    expect(agencies).toHaveLength(1);
    expect(agencies[0]!.name).toBe('校外培训监管领导小组');
  });

  it('joins a bare function word to the earlier department of that function', () => {
    const text = '建立区教委、区民政局等部门机制。联合市市场监管、公安等部门。密切教育、市场监管、民政等部门配合。财政部门要保障,各区县(市)财政共拨付经费';
    const agencies = findAgencies(text);
    expect(agencies.map((a) => a.name)).toEqual(['区教委', '区民政局', '市市场监管', '公安', '财政部门']);
    expect(agencies.find((a) => a.name === '区民政局')!.mentions.map((m) => m.text)).toEqual(['区民政局', '民政']);
    expect(agencies.find((a) => a.name === '财政部门')!.mentions.map((m) => m.text)).toEqual(['财政部门', '区县(市)财政']);
  });

  it('finds the office cut at 办 as a later mention', () => {
    const agency = findAgencies('市成立在线家庭教育推进办公室,县、区也相应成立推进办')[0]!;
    expect(agency.mentions.map((m) => m.text)).toEqual(['在线家庭教育推进办公室', '推进办']);
  });

  it('keeps 领导小组 and its office as two agencies', () => {
    expect(findAgencies('组建“双减”工作领导小组;设立“双减”工作领导小组办公室').map((a) => a.name)).toEqual([
      '“双减”工作领导小组', '“双减”工作领导小组办公室',
    ]);
  });
});

describe('truncatedForms', () => {
  it('cuts an office name at 办', () => {
    expect(truncatedForms('在线家庭教育推进办公室')).toEqual(['推进办', '育推进办', '教育推进办']);
    expect(truncatedForms('“双减”工作领导小组办公室')).toContain('“双减”办');
    expect(truncatedForms('市教育局')).toEqual([]);
  });
});

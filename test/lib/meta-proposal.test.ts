import { describe, expect, it } from 'vitest';
import { splitLines } from '../../pipeline/lib/meta-header.js';
import {
  extractProposal, findBody, findLevel, findNumbers, findProposalTitle, findProposer, repairSpam, roleOf,
  type ProposalSources,
} from '../../pipeline/lib/meta-proposal.js';

/** Sources from a title and the lines of a short reply (the first line that opens with a salutation starts the body). */
function sources(title: string | null, body: string, header = ''): ProposalSources {
  return { title, header: splitLines(header), opening: splitLines(body), text: `${header}\n${body}` };
}

describe('findNumbers', () => {
  it.each([
    ['楚雄市教育体育局关于对市政协十届一次会议第78号提案的答复', [10, 1, 78]],
    ['对县政协十四届四次会议第45号提案的答复', [14, 4, 45]],
    ['对开原市政协九届三次会议第25号《关于推进我市教育高质量发展的提案》答复', [9, 3, 25]],
    ['对省政协第八届委员会第二次会议第3134号提案的答复', [8, 2, 3134]],
    ['关于市十三届人大三次会议第0123号建议的答复', [13, 3, 123]],
    ['对市第十五届人民代表大会第三次会议第一百零二号建议的答复', [15, 3, 102]],
    ['政协第十四届岳阳县委员会第四次会议第12号提案', [14, 4, 12]],
  ])('reads %s', (title, [term, session, number]) => {
    expect(findNumbers(sources(title, ''))).toEqual({ term, session, number });
  });

  it('reads a bare number and leaves 届 and 次 null', () => {
    expect(findNumbers(sources('关于第45号提案的答复', ''))).toEqual({ term: null, session: null, number: 45 });
    expect(findNumbers(sources(null, '您提出的建议(建议编号:2023045)收悉'))).toEqual({ term: null, session: null, number: 2023045 });
  });

  it('reads the session from the opening when the title has none', () => {
    expect(findNumbers(sources('答复', '张三代表:\n您在区十六届人大二次会议上提出的第12号建议收悉'))).toEqual({ term: 16, session: 2, number: 12 });
  });
});

describe('findLevel', () => {
  it.each([
    ['对市政协十届一次会议第78号提案的答复', 'city'],
    ['对县政协十四届四次会议第45号提案的答复', 'county'],
    ['对开原市政协九届三次会议第25号提案答复', 'city'],
    ['关于区十六届人大二次会议第5号建议的答复', 'district'],
    ['对旗政协十届二次会议第15号提案的答复', 'county'],
    ['对州政协十二届三次会议第8号提案的答复', 'city'],
    ['对自治区政协十二届二次会议第8号提案的答复', 'province'],
    ['对省十四届人大一次会议第1234号建议的答复', 'province'],
    ['对十四届全国人大一次会议第1234号建议的答复', 'national'],
    ['中国人民政治协商会议开原市第九届委员会第三次会议提案', 'city'],
  ])('reads %s', (title, level) => {
    expect(findLevel(sources(title, ''))).toBe(level);
  });

  it('falls back on the level the reply speaks from', () => {
    expect(findLevel(sources(null, '鲍龙代表:\n您提出的建议收悉', '我市高度重视。我市将…'))).toBe('city');
    expect(findLevel(sources(null, '张三代表:'))).toBeNull();
  });
});

describe('findBody', () => {
  it('prefers the council named in the title', () => {
    expect(findBody(sources('对县政协十四届四次会议第45号提案的答复', '翟亚丹委员:\n您提出的《关于…的建议》已收悉'), 'member')).toBe('cppcc');
    expect(findBody(sources('关于市人大十五届三次会议第12号建议的答复', ''), null)).toBe('npc');
  });
  it('falls back on the addressee, then the word for the proposal', () => {
    expect(findBody(sources(null, '鲍龙代表:\n您提出的“关于…的建议”收悉'), 'deputy')).toBe('npc');
    expect(findBody(sources(null, '李四委员:\n您提出的建议收悉'), 'member')).toBe('cppcc');
    expect(findBody(sources(null, '尊敬的民进楚雄州委:\n你们提出的“关于…”的提案,已交我们研究办理'), 'organization')).toBe('cppcc');
    expect(findBody(sources(null, '您好:\n您的来信收悉'), null)).toBeNull();
  });
});

describe('findProposer and roleOf', () => {
  it.each([
    ['鲍龙代表:\n您提出的…', '鲍龙', 'deputy'],
    ['翟亚丹委员:\n您提出的…', '翟亚丹', 'member'],
    ['尊敬的民进楚雄州委:\n你们提出的…', '民进楚雄州委', 'organization'],
    ['九三学社湖南省委员会：\n你们提出的…', '九三学社湖南省委员会', 'organization'],
    ['张三等5位委员:\n你们提出的…', '张三', 'member'],
    ['王五、赵六代表：\n您们提出的…', '王五、赵六', 'deputy'],
    ['李四委员:您提出的《关于…的提案》收悉', '李四', 'member'],
    ['教育界别:\n你们提出的…', '教育界别', 'organization'],
  ])('reads %s', (body, proposer, role) => {
    expect(findProposer(sources(null, body))).toEqual({ proposer, role });
  });

  it('reads a proposer named in the title', () => {
    expect(findProposer(sources('关于对刘红委员提出的第12号提案的答复', '您好:'))).toEqual({ proposer: '刘红', role: 'member' });
  });

  it('names roles', () => {
    expect(roleOf('民盟楚雄州委')).toBe('organization');
    expect(roleOf('致公党市委')).toBe('organization');
    expect(roleOf('张三')).toBeNull();
  });
});

describe('findProposalTitle', () => {
  it.each([
    ['鲍龙代表:\n您提出的“关于‘双减’新形势下为中小学教师减负,推进家庭学校教育一体化的建议”收悉,现答复如下:', '关于‘双减’新形势下为中小学教师减负,推进家庭学校教育一体化的建议'],
    ['尊敬的民进楚雄州委:\n你们提出的“关于落实双减政策提高教育质量”的提案,已交我们研究办理', '关于落实双减政策提高教育质量'],
    ['翟亚丹委员:\n您提出的《关于基层教师提质减负的建议》已收悉。', '关于基层教师提质减负的建议'],
    ['李姗姗委员:\n您好!您提出的关于推进我市教育高质量发展的提案收悉,现答复如下:', '关于推进我市教育高质量发展的提案'],
    ['张三代表:\n您在区七届人大三次会议上提出的《关于加强中小学课后服务的建议》(第20230045号)收悉。', '关于加强中小学课后服务的建议'],
    ['张三代表:\n您提出的关于加强课后服务的建议(第12号)收悉。', '关于加强课后服务的建议'],
    ['张三委员:\n您提出的第45号提案《关于加强劳动教育的提案》收悉。', '关于加强劳动教育的提案'],
    ['提案名称：关于加强校园安全的提案\n张三委员:', '关于加强校园安全的提案'],
  ])('reads %s', (body, title) => {
    expect(findProposalTitle(sources(null, body))).toBe(title);
  });

  it('reads the title in 《》 of the reply title', () => {
    expect(findProposalTitle(sources('对开原市政协九届三次会议第25号《关于推进我市教育高质量发展的提案》答复', '李姗姗委员:'))).toBe(
      '关于推进我市教育高质量发展的提案',
    );
  });
});

describe('repairSpam', () => {
  it.each([
    ['楚雄市教育体育局澳门新葡京对市政协十届一次会议第78号提案的答复', '楚雄市教育体育局关于对市政协十届一次会议第78号提案的答复'],
    ['开云体育app加强中小学体育工作的建议', '关于加强中小学体育工作的建议'],
    ['KOK体育加强学校体育工作的建议', '关于加强学校体育工作的建议'],
    ['bet365关于落实双减政策的提案', '关于落实双减政策的提案'],
  ])('repairs %s', (text, repaired) => {
    expect(repairSpam(text)).toBe(repaired);
  });

  it.each(['关于加强学校体育工作的建议', '关于丰富校园文化娱乐活动的提案', '市教育体育局对市政协第78号提案的答复'])('leaves %s alone', (text) => {
    expect(repairSpam(text)).toBe(text);
  });
});

describe('extractProposal', () => {
  it('reads a whole suggestion reply', () => {
    expect(
      extractProposal(sources('关于区七届人大三次会议第20230045号建议答复的函', '张三代表:\n您在区七届人大三次会议上提出的《关于加强中小学课后服务的建议》(第20230045号)收悉。')),
    ).toEqual({
      body: 'npc', level: 'district', term: 7, session: 3, number: 20230045, title: '关于加强中小学课后服务的建议', proposer: '张三', proposerRole: 'deputy',
    });
  });
});

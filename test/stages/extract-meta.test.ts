import { loadDivisions } from '../../pipeline/adapters/divisions.js';
import { describe, expect, it } from 'vitest';
import { emptyMeta, Meta } from '../../schemas/meta.js';
import { extractMeta } from '../../pipeline/stages/extract-meta.js';
import type { DocState } from '../../pipeline/document.js';
import type { StageContext } from '../../pipeline/stages/stage.js';

function run(text: string, extra: Partial<DocState> = {}) {
  const result = extractMeta.run({ path: 'x', bytes: new Uint8Array(), messages: [], text, sentences: [], agencies: [], ...extra }, { divisions: loadDivisions() } as StageContext);
  return { meta: result.patch.meta!, messages: result.messages ?? [] };
}

describe('extractMeta on whole replies', () => {
  it('reads a district 人大 suggestion reply with a table header and a Chinese-numeral date', () => {
    const { meta } = run(
      [
        '索 引 号：11440305MB2C00001X/2023-00045',
        '发布机构：深圳市南山区教育局 发布日期：2023/06/15',
        '文 号：深南教函[2023]12号',
        '关于区七届人大三次会议第20230045号建议答复的函',
        '张三代表:',
        '您在区七届人大三次会议上提出的《关于加强中小学课后服务的建议》(第20230045号)收悉。现答复如下:',
        '一、我区高度重视课后服务。',
        '深圳市南山区教育局',
        '二〇二三年六月十日',
        '(联系人:李四,联系电话:0755-26661234)',
      ].join('\n'),
    );
    expect(meta).toEqual({
      title: '关于区七届人大三次会议第20230045号建议答复的函',
      docType: 'suggestion_reply',
      publisher: '深圳市南山区教育局',
      responder: '深圳市南山区教育局',
      region: { name: '南山区', code: '440305' },
      publishedDate: '2023-06-15',
      signedDate: '2023-06-10',
      indexNumber: '11440305MB2C00001X/2023-00045',
      docNumber: '深南教函[2023]12号',
      replyClass: null,
      proposal: {
        body: 'npc', level: 'district', term: 7, session: 3, number: 20230045, title: '关于加强中小学课后服务的建议', proposer: '张三', proposerRole: 'deputy',
      },
      contact: { person: '李四', phone: '0755-26661234' },
    });
  });

  it('reads a banner (旗) proposal reply with 甲类 in the title', () => {
    const { meta } = run(
      '土默特左旗政协十届二次会议第十五号提案办理情况的答复(甲类)\n来源：土默特左旗教育局 时间：2022年08月01日\n尊敬的王五委员：\n您好！您提出的关于改善农村牧区学校办学条件的提案收悉，现答复如下：\n我旗高度重视。\n土默特左旗教育局\n2022年7月20日',
    );
    expect(meta.docType).toBe('proposal_reply');
    expect(meta.replyClass).toBe('甲类');
    expect(meta.region).toEqual({ name: '土默特左旗', code: '150121' });
    expect(meta.proposal).toMatchObject({ body: 'cppcc', level: 'county', term: 10, session: 2, number: 15, proposer: '王五', proposerRole: 'member' });
    expect(meta.publishedDate).toBe('2022-08-01');
    expect(meta.signedDate).toBe('2022-07-20');
  });

  it('reads a provincial reply to a party with a long-form session', () => {
    const { meta } = run(
      '湘教函（2024）88号\n对省政协第十三届委员会第二次会议第3134号提案的答复\n九三学社湖南省委员会：\n你们提出的“关于推进中小学教师减负的提案”收悉。现答复如下：\n我厅高度重视。\n湖南省教育厅\n2024年7月1日\n联系人：赵六 联系电话：13812345678',
    );
    expect(meta).toMatchObject({
      docType: 'proposal_reply',
      responder: '湖南省教育厅',
      region: { name: '湖南省', code: '430000' },
      docNumber: '湘教函（2024）88号',
      proposal: { level: 'province', term: 13, session: 2, number: 3134, proposer: '九三学社湖南省委员会', proposerRole: 'organization' },
      contact: { person: '赵六', phone: '13812345678' },
    });
  });

  it('repairs a title where spam replaced 关于', () => {
    const { meta } = run('楚雄市教育体育局澳门新葡京对市政协十届一次会议第78号提案的答复\n尊敬的民盟楚雄州委：\n你们提出的“落实双减政策”的提案收悉，现答复如下：\n正文。');
    expect(meta.title).toBe('楚雄市教育体育局关于对市政协十届一次会议第78号提案的答复');
    expect(meta.responder).toBe('楚雄市教育体育局');
  });

  it('prefers the HTML title of a reply', () => {
    const { meta } = run('李四委员:\n您提出的《关于学校体育工作的提案》收悉,现答复如下:\n正文。', { pageTitle: '对市政协第12号提案的答复_某市人民政府' });
    expect(meta.title).toBe('对市政协第12号提案的答复');
  });

  it('reads news without a responder, signature or proposal', () => {
    const { meta } = run('长沙市开福区召开课后服务推进会\n2023-05-06 10:20 来源：长沙晚报\n本报讯(记者 张三)5月5日，开福区召开课后服务推进会。\n2023年5月6日');
    expect(meta).toMatchObject({ docType: 'news', responder: null, signedDate: null, proposal: null, contact: null, region: { code: '430105' } });
  });

  it('reads a title cell in the middle of a table row and a labelled class', () => {
    const { meta } = run(
      '索引号: 000014349/2023-00156 分类: 教育\n发布机构: 宁乡市教育局 发文日期: 2023年08月15日\n名称: 关于市政协十一届二次会议第23号提案的答复 文号: 宁教提复〔2023〕23号 主题词:\n刘某某委员:\n您提出的《关于加强农村学校体育教育的提案》收悉。经认真研究，现答复如下：\n办理结果:A类(所提问题已经解决或基本解决)\n宁乡市教育局\n2023年8月10日',
    );
    expect(meta).toMatchObject({
      title: '关于市政协十一届二次会议第23号提案的答复',
      docNumber: '宁教提复〔2023〕23号',
      replyClass: 'A类',
      publishedDate: '2023-08-15',
      region: { name: '宁乡市', code: '430182' },
    });
  });

  it('keeps a news article that cites a 复函 as news', () => {
    const { meta } = run('巴彦淖尔市扎实推进中小学课后服务\n时间:2021-12-13 来源:\n根据教育部办公厅关于课后服务有关问题的复函,我市已实现课后服务全覆盖。');
    expect(meta.docType).toBe('news');
  });

  it('calls a reply to a letter other', () => {
    const { meta, messages } = run('张三同志:\n您的来信收悉,现答复如下:\n正文。');
    expect(meta.docType).toBe('other');
    expect(meta.proposal).toBeNull();
    expect(messages.map((m) => m.code)).toContain('meta-reply-body-unknown');
  });
});

describe('extractMeta on odd text', () => {
  it.each([
    ['empty', ''],
    ['white space', ' \n\n\t '],
    ['punctuation', '::::\n|||\n《》“”'],
    ['a lone surrogate', '\ud800关于\udfff的答复'],
    ['a very long line', '答复'.repeat(20000)],
    ['labels with no values', '索引号:\n发布机构:\n文号:\n来源:\n时间:\n联系人:\n联系电话:'],
    ['dates that are not dates', '2022年13月45日\n二〇二二年十三月四十日\n0000-00-00'],
  ])('never throws on %s and gives a valid Meta', (_name, text) => {
    const { meta } = run(text);
    expect(Meta.safeParse(meta).success).toBe(true);
  });

  it('works without agencies or a page title', () => {
    const result = extractMeta.run({ path: 'x', bytes: new Uint8Array(), messages: [], text: '正文。' }, { divisions: loadDivisions() } as StageContext);
    expect(result.patch.meta).toEqual({ ...emptyMeta(), docType: 'other' });
  });
});

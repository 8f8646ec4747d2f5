import { describe, expect, it } from 'vitest';
import { findBodyStart, splitLines } from '../../pipeline/lib/meta-header.js';
import {
  findContact, findSignature, isOrgLine, normalisePhone, responderFromLetterhead, responderFromSelfReference,
  responderFromTitle,
} from '../../pipeline/lib/meta-signature.js';

function foot(text: string) {
  const lines = splitLines(text);
  const body = findBodyStart(lines);
  return { signature: findSignature(lines, body), contact: findContact(lines, body) };
}

describe('findSignature', () => {
  it('reads the body and the date under it', () => {
    const { signature } = foot('翟亚丹委员:\n正文。\n感谢您对岳阳县教育体育工作的关心和支持。\n岳阳县教育体育局\n2025年4月21日\n承办负责人:袁文炳\n承办人及联系电话:袁文炳 0730--7628035');
    expect(signature).toEqual({ responder: '岳阳县教育体育局', signedDate: '2025-04-21' });
  });

  it('reads a Chinese-numeral date and a seal remark', () => {
    const { signature } = foot('张三代表:\n正文。\n深圳市南山区教育局(盖章)\n二〇二三年六月十日');
    expect(signature).toEqual({ responder: '深圳市南山区教育局', signedDate: '2023-06-10' });
  });

  it('reads a signature and date on one line', () => {
    expect(foot('张三委员:\n正文。\n开原市教育局 2024年8月19日').signature).toEqual({ responder: '开原市教育局', signedDate: '2024-08-19' });
  });

  it('keeps a date with no body above it (001 ends on its date)', () => {
    expect(foot('尊敬的民进楚雄州委:\n3.提高农村教师待遇。在对边远山区教师实行生活补助的基础上,提高聘任率。\n2022年6月28日').signature).toEqual({
      responder: null,
      signedDate: '2022-06-28',
    });
  });

  it('gives nothing when the text ends on a sentence', () => {
    expect(foot('鲍龙代表:\n今后,我们将继续宣传贯彻“家庭教育促进法”。').signature).toEqual({ responder: null, signedDate: null });
  });
});

describe('responder from the title, letterhead and body', () => {
  it('reads the body before 关于 / 对 in the title', () => {
    expect(responderFromTitle('楚雄市教育体育局关于对市政协十届一次会议第78号提案的答复')).toBe('楚雄市教育体育局');
    expect(responderFromTitle('对县政协十四届四次会议第45号提案的答复')).toBeNull();
    expect(responderFromTitle('市政协关于…的通知')).toBeNull();
  });

  it('reads a letterhead above a title line', () => {
    expect(responderFromLetterhead(splitLines('岳县教体字〔2025〕23号\n岳阳县教育体育局\n对县政协十四届四次会议第45号提案的\n答复'))).toBe('岳阳县教育体育局');
  });

  it('reads 我局 with the bureau named', () => {
    expect(responderFromSelfReference('我局高度重视', '楚雄市教育体育局', [])).toBe('楚雄市教育体育局');
    expect(responderFromSelfReference('我局高度重视', null, ['岳阳县教育体育局', '教育部'])).toBe('岳阳县教育体育局');
    expect(responderFromSelfReference('我们高度重视', '市政府办公室', ['市教育局'])).toBeNull();
  });

  it('knows an organisation line', () => {
    expect(isOrgLine('开原市教育局')).toBe(true);
    expect(isOrgLine('此复。')).toBe(false);
    expect(isOrgLine('我们将积极采纳,进一步推进工作')).toBe(false);
  });
});

describe('contact', () => {
  it('reads the handling officer before the person in charge', () => {
    expect(foot('翟亚丹委员:\n正文。\n承办负责人:袁文炳\n承办人及联系电话:袁文炳 0730--7628035').contact).toEqual({ person: '袁文炳', phone: '0730-7628035' });
  });

  it.each([
    ['张三代表:\n正文。\n(联系人:李四,联系电话:0755-26661234)', '李四', '0755-26661234'],
    ['张三代表:\n正文。\n联 系 人：王小明\n联系电话：13812345678', '王小明', '13812345678'],
    ['张三代表:\n正文。\n经办人:赵六 电话:(0871)3123456', '赵六', '0871-3123456'],
    ['张三代表:\n正文。\n联系电话：010-66096114', null, '010-66096114'],
  ])('reads %s', (text, person, phone) => {
    expect(foot(text).contact).toEqual({ person, phone });
  });

  it('is null when no contact is given', () => {
    expect(foot('鲍龙代表:\n正文。').contact).toBeNull();
  });
});

describe('normalisePhone', () => {
  it.each([
    ['0730--7628035', '0730-7628035'],
    ['0730－7628035', '0730-7628035'],
    ['（0730）7628035', '0730-7628035'],
    ['0730 7628035', '0730-7628035'],
    ['13912345678', '13912345678'],
    ['7628035', '7628035'],
    ['07307628035', '0730-7628035'],
  ])('normalises %s', (raw, phone) => {
    expect(normalisePhone(raw)).toBe(phone);
  });
  it('refuses a non-phone', () => {
    expect(normalisePhone('第45号')).toBeNull();
  });
});

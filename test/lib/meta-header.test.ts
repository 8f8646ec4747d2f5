import { describe, expect, it } from 'vitest';
import {
  cleanPageTitle, findBodyStart, findDocNumber, findHeaderTitle, findIndexNumber, findPublishedDate, findPublisher,
  findReplyClass, headerLines, splitLines,
} from '../../pipeline/lib/meta-header.js';

const lines = (text: string) => splitLines(text);

describe('splitLines and the header', () => {
  it('keeps offsets of trimmed, non-empty lines', () => {
    const text = 'a\n\n  bc \nd';
    const split = lines(text);
    expect(split.map((l) => l.text)).toEqual(['a', 'bc', 'd']);
    expect(text.slice(split[1]!.start, split[1]!.start + 2)).toBe('bc');
  });

  it('ends the header at the salutation', () => {
    const split = lines('索引号: 1/2022-1\n鲍龙代表:\n您提出的“关于…的建议”收悉,现答复如下:');
    expect(findBodyStart(split)).toBe(1);
    expect(headerLines(split).map((l) => l.text)).toEqual(['索引号: 1/2022-1']);
  });

  it('finds a salutation glued to the first paragraph', () => {
    expect(findBodyStart(lines('标题\n李四委员:您提出的《关于…的提案》收悉'))).toBe(1);
  });

  it('reads 尊敬的 and organisations as salutations, not labels', () => {
    expect(findBodyStart(lines('发布机构:楚雄市教育体育局\n尊敬的民进楚雄州委:\n你们提出的…'))).toBe(1);
    expect(findBodyStart(lines('来源:\n时间:2021-12-13\n正文。'))).toBe(-1);
  });
});

describe('findIndexNumber', () => {
  it.each([
    ['索引号: 13502/2022-25477 | 主题分类:科技、教育', '13502/2022-25477'],
    ['索 引 号：000014349/2022-00123', '000014349/2022-00123'],
    ['号: cxs010-/2022-0728005 信息分类:政协提案', 'cxs010-/2022-0728005'],
    ['信息索引号:11510600008563045T/2023-01234', '11510600008563045T/2023-01234'],
    ['索引号：MB1C80478-2023-00012', 'MB1C80478-2023-00012'],
  ])('reads %s', (line, value) => {
    expect(findIndexNumber(lines(line))).toBe(value);
  });

  it('does not take a cut label without an index shape, nor a 文号', () => {
    expect(findIndexNumber(lines('号:\n文号: 岳县教体字〔2025〕23号'))).toBeNull();
    expect(findIndexNumber(lines('编号: 2022-1'))).toBeNull();
  });
});

describe('findDocNumber', () => {
  it.each([
    ['岳县教体字〔2025〕23号 A1类 同意公开', '岳县教体字〔2025〕23号'],
    ['文号: 湘教发[2024]45号', '湘教发[2024]45号'],
    ['发文字号：深南教函［2023］12号', '深南教函［2023］12号'],
    ['文 号：开教函(2024)8号', '开教函(2024)8号'],
    ['京教函﹝2022﹞第301号', '京教函﹝2022﹞第301号'],
    ['文件编号: 鄂教办【2021】 7 号', '鄂教办【2021】7号'],
  ])('reads %s', (line, value) => {
    expect(findDocNumber(lines(line))).toBe(value);
  });

  it('leaves out empty cells, cited documents and proposal numbers', () => {
    expect(findDocNumber(lines('文件编号: | 有效性:有效'))).toBeNull();
    expect(findDocNumber(lines('按照《关于…的通知》(湘人社规〔2024〕9号)要求,我局开展了…'))).toBeNull();
    expect(findDocNumber(lines('市政协〔2023〕45号提案'))).toBeNull();
  });
});

describe('findPublisher', () => {
  it.each([
    ['索引号: 1 | 主题分类:教育 | 发布机构:市政府办公室 |', '市政府办公室'],
    ['发布机构:楚雄市教育体育局 生成日期:', '楚雄市教育体育局'],
    ['来源:岳阳县教体局 2025-07-14', '岳阳县教体局'],
    ['来源:开原市人民政府办公室 时间:2024-11-14', '开原市人民政府办公室'],
    ['信息来源：巴彦淖尔市教育局', '巴彦淖尔市教育局'],
  ])('reads %s', (line, value) => {
    expect(findPublisher(lines(line))).toBe(value);
  });

  it('gives null for an empty or self-referring source', () => {
    expect(findPublisher(lines('时间:2021-12-13 来源:'))).toBeNull();
    expect(findPublisher(lines('来源：本站'))).toBeNull();
  });
});

describe('findPublishedDate', () => {
  const date = (text: string) => {
    const all = lines(text);
    return findPublishedDate(headerLines(all), all);
  };
  it.each([
    ['发文日期: 2022-07-28\n尊敬的张三委员:', '2022-07-28'],
    ['时间:2021-12-13 来源:', '2021-12-13'],
    ['来源:岳阳县教体局 2025-07-14', '2025-07-14'],
    ['2023-05-06 10:20 来源：长沙晚报', '2023-05-06'],
    ['成文日期:2024年8月19日 发布日期:2024年11月14日', '2024-11-14'],
    ['发布时间：2022/07/09', '2022-07-09'],
  ])('reads %s', (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it('gives null when the page states no date', () => {
    expect(date('索引号: 13502/2022-25477\n鲍龙代表:\n2020年,中办印发了…')).toBeNull();
  });
});

describe('findHeaderTitle', () => {
  it('takes the 标题 or cut 称 cell', () => {
    expect(findHeaderTitle(lines('称:楚雄市教育体育局关于对市政协十届一次会议第78号提案的答复'), true)).toBe(
      '楚雄市教育体育局关于对市政协十届一次会议第78号提案的答复',
    );
  });
  it('takes the first title-shaped line of a reply and joins a broken one', () => {
    expect(findHeaderTitle(lines('岳县教体字〔2025〕23号 A1类\n岳阳县教育体育局\n对县政协十四届四次会议第45号提案的\n答复'), true)).toBe(
      '对县政协十四届四次会议第45号提案的答复',
    );
  });
  it('joins a title broken before 的答复', () => {
    expect(findHeaderTitle(lines('岳阳县教育体育局关于县政协十四届四次会议第45号提案\n的答复\n翟亚丹委员:'), true)).toBe(
      '岳阳县教育体育局关于县政协十四届四次会议第45号提案的答复',
    );
  });
  it('skips a site name above a headline', () => {
    expect(findHeaderTitle(lines('开原市人民政府\n市教育局召开课后服务推进会\n时间:2021-12-13'), false)).toBe('市教育局召开课后服务推进会');
  });
  it('takes a news headline', () => {
    expect(findHeaderTitle(lines('巴彦淖尔市扎实推进中小学课后服务\n时间:2021-12-13 来源:'), false)).toBe('巴彦淖尔市扎实推进中小学课后服务');
  });
  it('finds none in a header of labels', () => {
    expect(findHeaderTitle(lines('索引号: 13502/2022-25477 | 发布机构: 市政府办公室 |\n文件编号: |'), true)).toBeNull();
  });
  it('cuts the site name off an HTML title', () => {
    expect(cleanPageTitle('关于市政协第12号提案的答复_开原市人民政府')).toBe('关于市政协第12号提案的答复');
    expect(cleanPageTitle('开原市人民政府')).toBeNull();
  });
});

describe('findReplyClass', () => {
  const replyClass = (text: string, title: string | null = null) => {
    const all = lines(text);
    return findReplyClass(headerLines(all), all, title);
  };
  it.each([
    ['岳县教体字〔2025〕23号 A1类 同意公开', 'A1类'],
    ['答复类别：B类', 'B类'],
    ['办理结果:C', 'C类'],
    ['湘教函〔2023〕5号(乙类)', '乙类'],
  ])('reads %s', (text, value) => {
    expect(replyClass(text)).toBe(value);
  });
  it('reads the class in the title', () => {
    expect(replyClass('张三委员:', '关于市政协第12号提案的答复(甲类)')).toBe('甲类');
  });
  it('gives null without a class', () => {
    expect(replyClass('主题分类:教育 | 类型:答复')).toBeNull();
  });
});

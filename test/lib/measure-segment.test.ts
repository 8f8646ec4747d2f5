/** Segmentation of replies into measure clauses: list markers, comma clauses, and what is left out. Pure: no segmenter. */
import { describe, expect, it } from 'vitest';
import { splitClauses } from '../../pipeline/lib/measure-clauses.js';
import { segmentMeasures } from '../../pipeline/lib/measure-segment.js';

const REPLY = (body: string): string => `张三委员:\n您提出的关于减负的提案收悉,现答复如下:\n${body}\n感谢您对教育工作的关心和支持。\n某某县教育局\n2024年5月6日`;

function measuresOf(text: string): string[] {
  return segmentMeasures(text).units.filter((unit) => unit.measure).map((unit) => text.slice(unit.start, unit.end));
}

function reasonOf(text: string, piece: string): string | undefined {
  return segmentMeasures(text).units.find((unit) => text.slice(unit.start, unit.end).includes(piece))?.reason;
}

describe('segmentMeasures: the body of a reply', () => {
  it('starts after 现答复如下 and leaves out salutation, thanks, signature and date', () => {
    const text = REPLY('一、关于加强督学队伍建设。\n今后,各级政府将构建一支专兼职结合的督学队伍。');
    const measures = measuresOf(text);
    expect(measures).toEqual(['各级政府将构建一支专兼职结合的督学队伍']);
    expect(segmentMeasures(text).replyFormula).toBe(true);
    expect(measures.join()).not.toMatch(/感谢|委员|收悉|教育局$|2024/);
  });

  it('reads the whole text when there is no reply formula (a news page)', () => {
    const text = '某市扎实推进课后服务\n市教育局印发了《课后服务工作实施方案》,全面推进课后服务。';
    expect(segmentMeasures(text).replyFormula).toBe(false);
    expect(measuresOf(text)).toHaveLength(1);
  });

  it('keeps section titles out and gives them as headings of what follows', () => {
    const text = REPLY('(一)加强党对教育全面领导。持续压实全面从严治党主体责任,不断净化教育系统政治生态。');
    const units = segmentMeasures(text).units;
    expect(reasonOf(text, '加强党对教育全面领导')).toBe('item-title');
    const measure = units.find((unit) => unit.measure)!;
    expect(text.slice(measure.start, measure.end)).toBe('持续压实全面从严治党主体责任,不断净化教育系统政治生态');
    expect(measure.headings.map((title) => text.slice(title.start, title.end))).toContain('加强党对教育全面领导');
  });

  it('trims list markers 一是, 1. and 1、 and splits items given inline', () => {
    const text = REPLY('近年来我们做了积极探索。一是探索建立AB岗制度,方便教师交替轮岗。二是完善班主任选配工作,配备副班主任。');
    expect(measuresOf(text)).toEqual(['探索建立AB岗制度,方便教师交替轮岗', '完善班主任选配工作,配备副班主任']);
    const numbered = REPLY('1.落实“县管校用”机制。\n2、完善教师补充机制,每年补充一定数量的教师。');
    expect(measuresOf(numbered)).toEqual(['落实“县管校用”机制', '完善教师补充机制,每年补充一定数量的教师']);
  });

  it('splits at ; and at 一是 after a comma', () => {
    const text = REPLY('新建48个常态化录播教室,添置400台电信云电脑;对全县中小学校网络进行提质改造。实现了三个承诺,一是只辅导家庭作业,不讲新授内容。');
    const measures = measuresOf(text);
    expect(measures).toContain('对全县中小学校网络进行提质改造');
    expect(measures).toContain('只辅导家庭作业,不讲新授内容');
  });

  it('leaves out background, reported views, questions, praise and list announcements', () => {
    const text = REPLY(
      '楚雄市教育体育局共化解了71件,得到了家长与社会的一致好评。开展课后服务,是一项顺民意、暖人心的民生工程。李新翠认为,要真正落实弹性工作制。怎样切实减轻学生课业负担?我们在以下几方面做了积极探索。',
    );
    expect(reasonOf(text, '民生工程')).toBe('copula-significance');
    expect(reasonOf(text, '李新翠')).toBe('reported-speech');
    expect(reasonOf(text, '怎样')).toBe('question');
    expect(reasonOf(text, '以下几方面')).toBe('list-intro');
    expect(reasonOf(text, '一致好评')).toBe('praise');
    expect(measuresOf(text)).toEqual(['楚雄市教育体育局共化解了71件']);
  });

  it('cuts a leading purpose off the action it introduces', () => {
    const text = REPLY('为认真贯彻落实有关部署,为群众办实事解难题,市教育局于9月15日印发了《中小学生课后服务工作实施方案》。');
    expect(measuresOf(text)).toEqual(['市教育局于9月15日印发了《中小学生课后服务工作实施方案》']);
    expect(reasonOf(text, '为认真')).toBe('purpose');
  });

  it('keeps a short rule line without a full stop (小学结束时间不晚于18:30)', () => {
    const text = '服务安排\n小学结束时间不晚于18:30\n初中结束时间不晚于19:00。';
    expect(measuresOf(text)).toEqual(['小学结束时间不晚于18:30', '初中结束时间不晚于19:00']);
  });

  it('never throws on odd text', () => {
    for (const odd of ['', '\n\n', '。。。;;;', '“未闭合的引号,一直到结尾', '(一)', 'a'.repeat(5000), '一是'.repeat(300)]) {
      expect(() => segmentMeasures(odd)).not.toThrow();
    }
  });
});

describe('splitClauses: comma clauses', () => {
  const clauses = (sentence: string): string[] => splitClauses(sentence, 0, sentence.length).map((c) => sentence.slice(c.start, c.end));

  it('keeps a sentence of short pieces whole', () => {
    expect(clauses('加强督导检查,用好评价指挥棒,进一步提升课堂教学质量')).toHaveLength(1);
  });

  it('cuts a long sentence where a new action or a new subject opens a clause', () => {
    const sentence =
      '严格控制教体系统会议数量和规模,将每月最后一周设定为“无会周”,局班子成员和各股室召集下面学校开会,必须事先征得局长同意,并提前一周向局办公室报备,做到非必要不开会,能整合的会议尽量整合,进一步精简发文数量,严把发文关口';
    const parts = clauses(sentence);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join(',')).toBe(sentence);
  });

  it('never splits inside brackets or quotes', () => {
    const sentence = '出台“1+1+3”规范标准(“1”是建立预付费资金监管机制、“1”是加强办学许可证管理,“3”是明确办学培训的规范标准)';
    expect(clauses(sentence)).toEqual([sentence]);
  });
});

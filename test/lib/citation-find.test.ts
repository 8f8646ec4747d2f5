import { describe, expect, it } from 'vitest';
import { findCitations, hasDocumentShape, quotedSpans } from '../../pipeline/lib/citation-find.js';

const titles = (text: string): string[] => findCitations(text).map((c) => c.title);

describe('quotedSpans', () => {
  it('finds 《》 and “” spans, nesting 《》', () => {
    const text = '《关于印发《实施细则》的通知》和“家庭教育促进法”';
    const { spans, unbalanced } = quotedSpans(text);
    expect(spans.map((s) => [s.kind, text.slice(s.open + 1, s.close)])).toEqual([
      ['book', '关于印发《实施细则》的通知'],
      ['quote', '家庭教育促进法'],
    ]);
    expect(unbalanced).toEqual([]);
  });

  it('reports an opening mark left open at a line end, and goes on', () => {
    const { spans, unbalanced } = quotedSpans('《关于深化改革的意见\n《教师法》');
    expect(unbalanced).toEqual([0]);
    expect(spans).toHaveLength(1);
  });

  it('stays linear on a run of opening marks', () => {
    const { spans, unbalanced } = quotedSpans('《'.repeat(100_000));
    expect(spans).toEqual([]);
    expect(unbalanced.length).toBeGreaterThan(0);
  });
});

describe('hasDocumentShape', () => {
  it.each([
    ['关于深化新时代教育督导体制机制改革的意见', 'book'],
    ['中华人民共和国义务教育法', 'book'],
    ['教育法', 'book'],
    ['宪法', 'book'],
    ['第四小学课后服务课程表', 'book'],
    ['2025年省级层面中小学校社会事务进校园事项白名单', 'book'],
    ['中小学生校外培训服务合同', 'book'],
    ['义务教育课程方案和课程标准(2022年版)', 'book'],
    ['中小学教师实施教育惩戒规则(试行)', 'book'],
    ['中国教育现代化2035', 'book'],
    ['关于开展“净校安园”行动的十条措施', 'book'],
    ['家庭教育促进法', 'quote'],
    ['郑州市作业建设18条', 'quote'],
    ['关于做好2024年中小学招生入学工作的通知', 'quote'],
  ] as const)('%s (%s) is a document', (title, kind) => {
    expect(hasDocumentShape(title, kind)).toBe(true);
  });

  it.each([
    ['整改通知书', 'book', 'a form'],
    ['中国教育报', 'book', 'a newspaper'],
    ['开学第一课', 'book', 'a programme'],
    ['方案', 'book', 'a back-reference'],
    ['实施方案', 'book', 'a back-reference'],
    ['关于推进我市教育高质量发展的提案', 'book', 'a proposal'],
    ['双减', 'quote', 'a slogan'],
    ['一号工程', 'quote', 'a slogan'],
    ['三个十条', 'quote', 'a slogan with a count'],
    ['一线工作法', 'quote', 'a method'],
    ['强基计划', 'quote', 'a programme name'],
    ['白名单', 'quote', 'a bare type word'],
    ['关于落实双减政策提高教育质量', 'quote', 'a title without a type'],
  ] as const)('%s (%s) is not: %s', (title, kind, _reason) => {
    expect(hasDocumentShape(title, kind)).toBe(false);
  });

  it('leaves out the proposal title, keeps a 建议 issued by a body', () => {
    expect(hasDocumentShape('关于基层教师提质减负的建议', 'book', '您提出的')).toBe(false);
    expect(hasDocumentShape('关于基层教师提质减负的建议', 'book', '翟亚丹委员:你提出的')).toBe(false);
    expect(hasDocumentShape('中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议', 'book', '认真学习')).toBe(true);
  });
});

describe('findCitations', () => {
  it('reads the 文号 given right after a title, in any bracket', () => {
    const text =
      '印发了《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的实施方案》(承办传〔2021〕41号),' +
      '《湖南省事业单位工作人员培训实施细则》(湘人社规〔2024〕9号)《关于加强作业管理的通知》（教基厅〔2021〕13号）' +
      '《岳阳县中小学校社会事务进校园管理办法》(岳县政办发[2023]12号)《关于进一步加强中小学生睡眠管理工作的通知》(教基厅函〔2021〕11号)';
    expect(findCitations(text).map((c) => c.docNumber)).toEqual([
      '承办传〔2021〕41号', '湘人社规〔2024〕9号', '教基厅〔2021〕13号', '岳县政办发[2023]12号', '教基厅函〔2021〕11号',
    ]);
  });

  it('lists each title once, with the 文号 of any occurrence, and offsets of the first', () => {
    const text = '《关于加强中小学生手机管理工作的通知》要求。落实《关于加强中小学生手机管理工作的通知》(教基厅函〔2021〕3号)。';
    const [citation, ...rest] = findCitations(text);
    expect(rest).toEqual([]);
    expect(citation).toMatchObject({ docNumber: '教基厅函〔2021〕3号', start: 1 });
    expect(text.slice(citation!.start, citation!.end)).toBe(citation!.title);
  });

  it('skips aliases and the proposal title', () => {
    const text = '您提出的《关于基层教师提质减负的建议》已收悉。《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》(以下简称《意见》)。《意见》提出…';
    expect(titles(text)).toEqual(['关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见']);
  });

  it('skips quotes inside a cited title', () => {
    expect(titles('《关于印发“家校社协同育人行动方案”的通知》')).toEqual(['关于印发“家校社协同育人行动方案”的通知']);
  });

  it('finds nothing in odd text', () => {
    expect(findCitations('')).toEqual([]);
    expect(findCitations('》》》“”《》《')).toEqual([]);
  });
});

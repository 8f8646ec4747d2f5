import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../pipeline/lib/sentences.js';
import { seedLines, seedText } from '../support/seeds.js';

const slices = (text: string, from?: number, to?: number): string[] => splitSentences(text, from, to).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('splits a seed paragraph at 。 and keeps the mark with its sentence', () => {
    // 000, line 6: the first paragraph of the reply body.
    const line = seedLines('000_723d0d538beac877.txt').find((l) => l.startsWith('为中小学教师减负是一项系统性工作'))!;
    const sentences = slices(line);
    expect(sentences[0]).toBe('为中小学教师减负是一项系统性工作,涉及多部门、多领域,必须强化统筹协调,充分发挥政府教育督导部门的监管干预、评价导向作用。');
    expect(sentences[1]!.startsWith('目前,各级教育督导部门均设立在教育行政部门')).toBe(true);
    expect(sentences.every((s) => /[。！？；;!?]$/.test(s) || s === sentences.at(-1))).toBe(true);
    expect(sentences.join('')).toBe(line.trim());
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    // 002: “目前学校教师课后延时服务的补贴为每课时75元……大家的工作积极性较高。”深圳市龙华区……
    const text = '“大家的工作积极性较高。”深圳市龙华区教育局负责人介绍。（完）下一段';
    expect(slices(text)).toEqual(['“大家的工作积极性较高。”', '深圳市龙华区教育局负责人介绍。', '（完）下一段']);
  });

  it('splits at ！？；, their ASCII forms and runs of them, and at line breaks', () => {
    expect(slices('您好!您提出的提案收悉；现答复如下：一是……？！\n\n二是')).toEqual(['您好!', '您提出的提案收悉；', '现答复如下：一是……？！', '二是']);
  });

  it('trims white space and drops empty pieces', () => {
    const text = '  嶽陽縣教育體育局  \n\n   \n  2025年4月21日\n';
    const spans = splitSentences(text);
    expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual(['嶽陽縣教育體育局', '2025年4月21日']);
    for (const { start, end } of spans) {
      expect(/\s/.test(text[start]!)).toBe(false);
      expect(/\s/.test(text[end - 1]!)).toBe(false);
    }
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n ')).toEqual([]);
  });

  it('splits only inside [from, to) and gives offsets into the whole text', () => {
    const text = '一、关于加强督学队伍建设。同时,建立教育督导专家库。按照各类督导工作需要。';
    const from = text.indexOf('同时');
    const to = text.indexOf('按照');
    const spans = splitSentences(text, from, to);
    expect(spans).toEqual([{ start: from, end: to }]);
    expect(text.slice(from, to)).toBe('同时,建立教育督导专家库。');
  });

  it('covers every non-space character of a whole seed exactly once, in order', () => {
    const text = seedText('002_1064e609e7cb096d.txt');
    const spans = splitSentences(text);
    let last = 0;
    for (const { start, end } of spans) {
      expect(start).toBeGreaterThanOrEqual(last);
      expect(text.slice(last, start).trim()).toBe('');
      expect(end).toBeGreaterThan(start);
      last = end;
    }
    expect(text.slice(last).trim()).toBe('');
    expect(spans.length).toBeGreaterThan(200);
  });
});

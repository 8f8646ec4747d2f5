/**
 * The citations stage: the brief's shapes, warnings on odd text, and the five seeds against their gold (scored as
 * `eval` scores them). The seeds' normalised text comes from the text-layer fixtures, so no segmenter is loaded.
 */
import { describe, expect, it } from 'vitest';
import type { DocState } from '../../pipeline/document.js';
import { diceBigram, matchPairs, sameText } from '../../pipeline/eval/match.js';
import { CITATION_DICE } from '../../pipeline/eval/score.js';
import { extractCitations } from '../../pipeline/stages/extract-citations.js';
import type { StageContext } from '../../pipeline/stages/stage.js';
import { FIXTURE_SLUGS, goldFixture } from '../support/seeds.js';

function run(text: string) {
  const doc = { path: 'x', bytes: new Uint8Array(), messages: [], text } as DocState;
  return extractCitations.run(doc, {} as StageContext);
}

describe('extract-citations stage', () => {
  it('finds laws and notices with their 文号', () => {
    const { patch, messages } = run('根据《中华人民共和国义务教育法》和《关于加强义务教育阶段作业管理的通知》(教基〔2021〕4号)要求。');
    expect(patch.citations).toEqual([
      { title: '中华人民共和国义务教育法', docNumber: null, start: 3, end: 15 },
      { title: '关于加强义务教育阶段作业管理的通知', docNumber: '教基〔2021〕4号', start: 18, end: 35 },
    ]);
    expect(messages).toEqual([]);
  });

  it('warns about an unbalanced bracket and keeps what it found', () => {
    const { patch, messages } = run('《关于深化新时代教育评价改革的意见\n落实《家庭教育促进法》。');
    expect(patch.citations!.map((c) => c.title)).toEqual(['家庭教育促进法']);
    expect(messages).toHaveLength(1);
    expect(messages![0]).toMatchObject({ level: 'warning', stage: 'extract-citations', code: 'unbalanced-bracket' });
  });

  it('never throws and stays quick on odd text', () => {
    for (const text of ['', '《', '》', '“'.repeat(10_000), '《《《》'.repeat(10_000), '《关于'.repeat(10_000)]) {
      expect(Array.isArray(run(text).patch.citations)).toBe(true);
    }
  });
});

describe('the five seeds against their gold', () => {
  const cases = FIXTURE_SLUGS.map(goldFixture).map(({ text, gold }) => ({ text, gold: gold.citations }));

  it('reaches citations F1 ≥ 0.95 and docNumber accuracy ≥ 0.95 (floors: lower them only on purpose)', () => {
    let gold = 0;
    let predicted = 0;
    let matched = 0;
    let numbersRight = 0;
    for (const c of cases) {
      const citations = run(c.text).patch.citations!;
      const pairs = matchPairs(c.gold, citations, (g, p) => diceBigram(g.title, p.title), CITATION_DICE);
      gold += c.gold.length;
      predicted += citations.length;
      matched += pairs.length;
      numbersRight += pairs.filter(([gi, pi]) => sameText(c.gold[gi]!.docNumber, citations[pi]!.docNumber)).length;
    }
    const precision = matched / predicted;
    const recall = matched / gold;
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.95);
    expect(numbersRight / matched).toBeGreaterThanOrEqual(0.95);
  });
});

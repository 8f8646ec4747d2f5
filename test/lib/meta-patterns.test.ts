import { describe, expect, it } from 'vitest';
import { DATE_SHAPES } from '../../pipeline/lib/dates.js';
import { CLUES, DOC_NUMBER, DOC_NUMBER_YEAR, holdsClue, PROPOSAL_NUMBER, PROPOSED_BY, PROPOSED_BY_ADDRESSEE, SESSION } from '../../pipeline/lib/meta-patterns.js';
import { SEED_FILES, seedLines } from '../support/seeds.js';

/**
 * The metadata extractor runs its costly patterns only on lines holding their clue words (CLUES, DOC_NUMBER_YEAR,
 * the `needs` of each date shape). That is only sound while every match of a pattern holds its clue: these tests
 * tie the hand-kept clue lists to the patterns, on the seeds' lines and on varied lines made to match.
 */

const MADE_TO_MATCH = [
  '您提出的《关于减轻中小学教师负担的提案》收悉',
  '张三委员领衔提出的关于课后服务的建议',
  '李四代表在市十五届人大三次会议上联名提交的建议',
  '贵党派所提《关于双减工作的提案》',
  '你们撰写的关于校外培训治理的提案',
  '市政协十届一次会议第78号提案',
  '第八届委员会第二次会议提案第3134号',
  '十三届人大三次会议第 25 号建议',
  '提案编号:123',
  '建议号：第45号',
  '岳县教体字〔2025〕23号',
  '湘教发[2024]45号',
  '开政办发（2023）第 7 号',
  '教基函【2022】 12号',
  '二〇二二年六月二十八日',
  '2025 年 4 月 21 日',
  '发文日期: 2022-07-28',
  '2022/07/09 2022.7.9',
];

/** The lines checked: every line of the seeds, the lines above, and each of those with characters dropped. */
function lines(): string[] {
  const all = SEED_FILES.flatMap((name) => seedLines(name));
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const line of MADE_TO_MATCH) {
    all.push(line);
    for (let k = 0; k < 40; k++) {
      const chars = [...line];
      chars.splice(Math.floor(next() * chars.length), 1 + Math.floor(next() * 2));
      all.push(chars.join(''));
    }
  }
  return all;
}

const matchesOf = (pattern: RegExp, text: string): string[] =>
  [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))].map((m) => `${m.index}:${m[0]}`);

describe('meta patterns: clue words every match holds', () => {
  const checked = lines();

  it.each([
    ['PROPOSED_BY', PROPOSED_BY, CLUES.proposedBy],
    ['SESSION', SESSION, CLUES.session],
    ['PROPOSAL_NUMBER', PROPOSAL_NUMBER, CLUES.proposalNumber],
  ] as const)('every %s match holds one of its clue words', (_name, pattern, clues) => {
    let matched = 0;
    for (const line of checked) {
      for (const match of matchesOf(pattern, line)) {
        matched++;
        expect(holdsClue(match, clues), match).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(10);
  });

  it('finds the same proposers with PROPOSED_BY_ADDRESSEE on every line without 委员 or 代表', () => {
    let compared = 0;
    for (const line of checked) {
      if (holdsClue(line, CLUES.namedProposer)) continue;
      const full = matchesOf(PROPOSED_BY, line);
      expect(matchesOf(PROPOSED_BY_ADDRESSEE, line), line).toEqual(full);
      compared += full.length;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('holds a bracketed year (DOC_NUMBER_YEAR) in every 文号 match', () => {
    let matched = 0;
    for (const line of checked) {
      const match = DOC_NUMBER.exec(line);
      if (!match) continue;
      matched++;
      expect(DOC_NUMBER_YEAR.test(match[0]), match[0]).toBe(true);
    }
    expect(matched).toBeGreaterThan(10);
  });

  it.each(DATE_SHAPES.map((shape) => [shape.name, shape] as const))('holds the words date shape %s needs in each of its matches', (_name, shape) => {
    let matched = 0;
    for (const line of checked) {
      for (const match of matchesOf(shape.pattern, line)) {
        matched++;
        for (const word of shape.needs) expect(match, `${shape.name} needs ${word}`).toContain(word);
      }
    }
    expect(matched).toBeGreaterThan(0);
  });
});

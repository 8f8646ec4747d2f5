import { loadDivisions } from '../../pipeline/adapters/divisions.js';
/**
 * The agencies stage: the shapes of the brief, odd text, and the five seeds against their gold (scored as `eval`
 * scores them). The seeds' normalised text comes from the text-layer fixtures, so no segmenter is loaded.
 */
import { describe, expect, it } from 'vitest';
import type { DocState } from '../../pipeline/document.js';
import { comparable, matchPairs } from '../../pipeline/eval/match.js';
import { extractAgencies } from '../../pipeline/stages/extract-agencies.js';
import type { StageContext } from '../../pipeline/stages/stage.js';
import { FIXTURE_SLUGS, goldFixture } from '../support/seeds.js';

function run(text: string, extra: Partial<DocState> = {}) {
  const doc = { path: 'x', bytes: new Uint8Array(), messages: [], text, tokens: [], citations: [], ...extra } as DocState;
  return extractAgencies.run(doc, { divisions: loadDivisions() } as StageContext);
}

describe('extract-agencies stage', () => {
  it('finds the shapes of the brief', () => {
    const text = '区人力资源和社会保障局、省教育厅、州委宣传部、国务院教育督导委员会办公室、市发展改革委、县人民政府办公室共同参与。';
    const { patch } = run(text);
    expect(patch.agencies!.map((a) => a.name)).toEqual([
      '区人力资源和社会保障局', '省教育厅', '州委宣传部', '国务院教育督导委员会办公室', '市发展改革委', '县人民政府办公室',
    ]);
    expect(patch.agencies!.map((a) => a.level)).toEqual(['county', 'province', 'city', 'national', 'city', 'county']);
  });

  it('gives offsets into the text for every mention', () => {
    const text = '教育部等五部门联合印发。教育部统一制定合同。';
    const [agency] = run(text).patch.agencies!;
    expect(agency!.mentions.map((m) => [m.start, m.end])).toEqual([[0, 3], [12, 15]]);
  });

  it('leaves the rows of a metadata table out, keeps the 来源 line', () => {
    const text = '索引号: 13502/2022-25477 | 发布机构:市政府办公室 |\n来源:开原市人民政府办公室 时间:2024-11-14';
    expect(run(text).patch.agencies!.map((a) => a.name)).toEqual(['开原市人民政府办公室']);
  });

  it('works without tokens or citations and on text with nothing to find', () => {
    const doc = { path: 'x', bytes: new Uint8Array(), messages: [], text: '现答复如下:' } as DocState;
    expect(extractAgencies.run(doc, { divisions: loadDivisions() } as StageContext)).toEqual({ patch: { agencies: [] }, messages: [] });
    expect(run('').patch.agencies).toEqual([]);
  });

  it.each([
    ['unbalanced brackets', '《关于县教育局的通知'.repeat(50)],
    ['a run of heads', '局厅委部门办公室领导小组'.repeat(500)],
    ['a chain of offices', '办公室'.repeat(5000)],
    ['lists with no items', '等部门、、和及'.repeat(500)],
    ['stray quotes', '“双减”工作专班”“'.repeat(500)],
  ])('never throws on %s', (_, text) => {
    const { patch } = run(text);
    expect(Array.isArray(patch.agencies)).toBe(true);
    for (const agency of patch.agencies!) expect(agency.name.length).toBeLessThanOrEqual(40);
  });

  it('reads a large text whole: every repetition of a mention is found (speed is the benchmark\'s business)', () => {
    const paragraph = '楚雄市教育体育局及时与银保监、公安、政法等部门对接,由市政府统筹,成立校外培训监管领导小组。';
    const agencies = run(paragraph.repeat(20_000)).patch.agencies!;
    const bureau = agencies.find((agency) => agency.name === '楚雄市教育体育局');
    expect(bureau?.mentions).toHaveLength(20_000);
    expect(agencies.find((agency) => agency.name === '校外培训监管领导小组')?.mentions).toHaveLength(20_000);
  });
});

describe('the five seeds against their gold', () => {
  const cases = FIXTURE_SLUGS.map(goldFixture).map(({ slug, text, gold }) => ({ slug, text, gold: gold.agencies }));

  it('gives mentions that slice the text, never overlapping', () => {
    for (const c of cases) {
      const mentions = run(c.text).patch.agencies!.flatMap((a) => a.mentions).sort((x, y) => x.start - y.start);
      mentions.forEach((m, i) => {
        expect(c.text.slice(m.start, m.end), c.slug).toBe(m.text);
        if (i > 0) expect(m.start, `${c.slug} ${m.text}`).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
      });
    }
  });

  it('reaches agencies F1 ≥ 0.95 over the seeds (a floor: lower it only on purpose)', () => {
    let gold = 0;
    let predicted = 0;
    let matched = 0;
    for (const c of cases) {
      const agencies = run(c.text).patch.agencies!;
      const pairs = matchPairs(c.gold, agencies, (g, p) => ([p.name, p.canonical, ...p.mentions.map((m) => m.text)].some((n) => comparable(n) === comparable(g)) ? 1 : 0), 1);
      gold += c.gold.length;
      predicted += agencies.length;
      matched += pairs.length;
    }
    const precision = matched / predicted;
    const recall = matched / gold;
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.95);
  });
});

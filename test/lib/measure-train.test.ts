/** The measure classifiers: training on a tiny set, prediction, determinism and the JSON round trip. */
import { describe, expect, it } from 'vitest';
import { fitBayes, posteriorOf, scoreParts } from '../../pipeline/lib/measure-bayes.js';
import { measureFeatures } from '../../pipeline/lib/measure-features.js';
import { CATEGORY_LEXICON } from '../../pipeline/lib/measure-lexicon.js';
import { lexiconOnly } from '../../pipeline/lib/measure-build.js';
import { classifyMeasure, classifyMeasures, trainMeasureModel, type MeasureExample } from '../../pipeline/lib/measure-train.js';

/** Words for tests without jieba: every two characters. */
const pairs = (text: string): string[] => text.match(/.{1,2}/gu) ?? [];

const example = (text: string, category: MeasureExample['category'], instrument: MeasureExample['instrument'], doc: string): MeasureExample => ({
  text,
  tokens: pairs(text),
  category,
  instrument,
  doc,
});

const EXAMPLES: MeasureExample[] = [
  example('全面推进课后服务全覆盖', 'after_school', 'supply', 'a'),
  example('积极探索开展寒暑假课后延时服务', 'after_school', 'supply', 'a'),
  example('严禁布置惩罚性作业', 'homework', 'environment', 'a'),
  example('落实作业公示和举报制度', 'homework', 'environment', 'b'),
  example('持续加强校外培训机构监管力度', 'off_campus_training', 'environment', 'b'),
  example('对校外培训机构广告进行全面整治', 'off_campus_training', 'environment', 'b'),
  example('设立心理健康教育专项经费', 'mental_health', 'supply', 'c'),
  example('建立未成年人心理健康辅导中心', 'mental_health', 'supply', 'c'),
  example('探索政府购买服务方式引入社会资源参与课后服务', 'after_school', 'demand', 'c'),
];

describe('trainMeasureModel and classifyMeasure', () => {
  const model = trainMeasureModel(EXAMPLES);

  it('predicts the label of texts close to its examples', () => {
    expect(classifyMeasure(model, '推进课后服务', pairs('推进课后服务')).category).toBe('after_school');
    expect(classifyMeasure(model, '规范作业管理', pairs('规范作业管理')).category).toBe('homework');
    expect(classifyMeasure(model, '开展心理健康教育', pairs('开展心理健康教育')).category).toBe('mental_health');
  });

  it('carries a category no example has through the guide lexicon', () => {
    const text = '发展职业教育,办好中等职业学校';
    const withLexicon = { ...model, category: { ...model.category, lexiconWeight: 4 } };
    expect(classifyMeasure(withLexicon, text, pairs(text)).category).toBe('vocational');
    expect(lexiconOnly(text).category).toBe('vocational');
  });

  it('lets the section title decide a bare clause', () => {
    const text = '加强部门联动,发挥联合监管合力';
    const [withTitle] = classifyMeasures(model, [{ text, tokens: pairs(text), headings: [{ text: '强化规范管理校外培训机构', tokens: pairs('强化规范管理校外培训机构') }] }]);
    expect(withTitle!.category).toBe('off_campus_training');
  });

  it('is deterministic and survives a JSON round trip', () => {
    const again = trainMeasureModel(EXAMPLES);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    const restored = JSON.parse(JSON.stringify(model));
    for (const { text, tokens } of EXAMPLES) expect(classifyMeasure(restored, text, tokens)).toEqual(classifyMeasure(model, text, tokens));
  });

  it('trains with one document or none, choosing default knobs', () => {
    const single = trainMeasureModel(EXAMPLES.map((e) => ({ ...e, doc: undefined })));
    expect(single.documents).toBe(1);
    expect(classifyMeasure(single, '推进课后服务', pairs('推进课后服务')).category).toBe('after_school');
    const empty = trainMeasureModel([]);
    expect(() => classifyMeasure(empty, '任何文字', ['任何', '文字'])).not.toThrow();
  });

  it('trains and predicts fast enough for a run', () => {
    const many = Array.from({ length: 400 }, (_, i) => EXAMPLES[i % EXAMPLES.length]!).map((e, i) => ({ ...e, doc: `d${i % 4}` }));
    let started = performance.now();
    const big = trainMeasureModel(many);
    expect(performance.now() - started).toBeLessThan(10_000);
    started = performance.now();
    for (let i = 0; i < 200; i++) classifyMeasure(big, '全面推进课后服务全覆盖', pairs('全面推进课后服务全覆盖'));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('measure-bayes and features', () => {
  it('gives words and character bigrams, without digits or punctuation as words', () => {
    const features = measureFeatures('新建48个教室', ['新建', '48', '个', '教室']);
    expect(features).toContain('新建');
    expect(features).toContain('教室');
    expect(features).toContain('#新建');
    expect(features).not.toContain('48');
  });

  it('gives log posteriors that sum to one', () => {
    const items = EXAMPLES.map((e) => ({ features: measureFeatures(e.text, e.tokens), label: e.category }));
    const model = fitBayes(items, ['after_school', 'homework'], { smoothing: 0.5, lexiconWeight: 1, priorWeight: 1, lengthPower: 0 });
    const posterior = posteriorOf(model, scoreParts(model, CATEGORY_LEXICON, '作业', ['作业']));
    expect(posterior.reduce((sum, value) => sum + Math.exp(value), 0)).toBeCloseTo(1, 6);
  });
});

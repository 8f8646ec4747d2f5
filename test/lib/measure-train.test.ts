/** The measure classifiers: training on a tiny set, prediction, determinism, the JSON round trip and the scoring table. */
import { describe, expect, it } from 'vitest';
import { BayesPosterior, fitBayes } from '../../pipeline/lib/measure-bayes.js';
import { lexiconOnly } from '../../pipeline/lib/measure-build.js';
import { MeasureClassifier } from '../../pipeline/lib/measure-classify.js';
import { measureFeatures, pieceFeatures, pieceOf, wholePiece, wordOffsetsOf } from '../../pipeline/lib/measure-features.js';
import { CATEGORY_LEXICON, INSTRUMENT_LEXICON } from '../../pipeline/lib/measure-lexicon.js';
import { ScoringTable } from '../../pipeline/lib/measure-table.js';
import { trainMeasureModel, type MeasureExample } from '../../pipeline/lib/measure-train.js';

/** Words for tests without jieba: every two characters. */
const pairs = (text: string): string[] => text.match(/.{1,2}/gu) ?? [];
const piece = (text: string) => wholePiece(text, pairs(text));

const example = (text: string, category: MeasureExample['category'], instrument: MeasureExample['instrument'], doc: string): MeasureExample => ({
  own: piece(text),
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

describe('trainMeasureModel and MeasureClassifier', () => {
  const model = trainMeasureModel(EXAMPLES);
  const classifier = new MeasureClassifier(model);
  const classify = (text: string) => classifier.classifyText(text, pairs(text));

  it('predicts the label of texts close to its examples', () => {
    expect(classify('推进课后服务').category).toBe('after_school');
    expect(classify('规范作业管理').category).toBe('homework');
    expect(classify('开展心理健康教育').category).toBe('mental_health');
  });

  it('carries a category no example has through the guide lexicon', () => {
    const text = '发展职业教育,办好中等职业学校';
    const withLexicon = new MeasureClassifier({ ...model, category: { ...model.category, lexiconWeight: 4 } });
    expect(withLexicon.classifyText(text, pairs(text)).category).toBe('vocational');
    expect(lexiconOnly(text).category).toBe('vocational');
    expect(lexiconOnly('设立专项经费,购买服务').instrument).toBe('demand');
    expect(lexiconOnly('没有任何词').category).toBe('other');
  });

  it('lets the section title decide a bare clause', () => {
    const text = '加强部门联动,发挥联合监管合力';
    const context = { ...model.context, category: { headings: [1, 0.6, 0.4], paragraph: 0 } };
    const [withTitle] = new MeasureClassifier({ ...model, context }).classify([{ own: piece(text), headings: [piece('强化规范管理校外培训机构')] }]);
    expect(withTitle!.category).toBe('off_campus_training');
  });

  it('is deterministic and survives a JSON round trip', () => {
    const again = trainMeasureModel(EXAMPLES);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    const restored = new MeasureClassifier(JSON.parse(JSON.stringify(model)));
    for (const { own } of EXAMPLES) expect(restored.classify([{ own }])).toEqual(classifier.classify([{ own }]));
  });

  it('trains with one document or none, choosing default knobs', () => {
    const single = new MeasureClassifier(trainMeasureModel(EXAMPLES.map((e) => ({ ...e, doc: undefined }))));
    expect(single.model.documents).toBe(1);
    expect(single.classifyText('推进课后服务', pairs('推进课后服务')).category).toBe('after_school');
    const empty = new MeasureClassifier(trainMeasureModel([]));
    expect(() => empty.classifyText('任何文字', ['任何', '文字'])).not.toThrow();
  });

  it('trains on hundreds of measures from several documents, and classifying leaves no state behind', () => {
    // Speed lives in the benchmark (npm run bench); here, that a larger training set works and prediction is pure.
    const many = Array.from({ length: 400 }, (_, i) => EXAMPLES[i % EXAMPLES.length]!).map((e, i) => ({ ...e, doc: `d${i % 4}` }));
    const big = new MeasureClassifier(trainMeasureModel(many));
    expect(big.model.documents).toBe(4);
    const first = big.classifyText('全面推进课后服务全覆盖', pairs('全面推进课后服务全覆盖'));
    expect(first.category).toBe('after_school');
    for (let i = 0; i < 200; i++) expect(big.classifyText('全面推进课后服务全覆盖', pairs('全面推进课后服务全覆盖'))).toEqual(first);
  });
});

describe('features and pieces', () => {
  it('gives words and character bigrams, without digits or punctuation as words', () => {
    const features = measureFeatures('新建48个教室', ['新建', '48', '个', '教室']);
    expect(features).toContain('新建');
    expect(features).toContain('教室');
    expect(features).toContain('#新建');
    expect(features).not.toContain('48');
  });

  it('reads the words lying wholly inside a span of the document, as the segment stage gave them', () => {
    const text = '全市建立家长学校,开展家庭教育';
    const words = wordOffsetsOf(text, ['全市', '建立', '家长学校', ',', '开展', '家庭教育']);
    // [1, 11) cuts 全市 and 家庭教育: only 建立, 家长学校, the comma and 开展 lie wholly inside.
    const span = pieceOf(text, words, 1, 11);
    expect([span.first, span.last]).toEqual([1, 5]);
    expect(pieceFeatures(span)).toEqual(measureFeatures(text.slice(1, 11), ['建立', '家长学校', ',', '开展']));
  });
});

describe('measure-bayes and the scoring table', () => {
  const items = EXAMPLES.map((e) => ({ features: measureFeatures(e.own.text, pairs(e.own.text)), label: e.category }));
  const knobs = { smoothing: 0.5, lexiconCount: 0, lexiconWeight: 1, priorWeight: 1, lengthPower: 0 };

  it('gives log posteriors that sum to one', () => {
    const model = fitBayes(items, ['after_school', 'homework'], knobs);
    const table = new ScoringTable([{ model, lexicon: CATEGORY_LEXICON }]);
    const posterior = new BayesPosterior(model).of(table.score(piece('作业'))[0]!);
    expect(posterior.reduce((sum, value) => sum + Math.exp(value), 0)).toBeCloseTo(1, 6);
  });

  it('scores as the string features say: each known feature once, lexicon terms by half their length', () => {
    const model = fitBayes(items, ['after_school', 'homework', 'mental_health'], knobs);
    const table = new ScoringTable([{ model, lexicon: CATEGORY_LEXICON }, { model: fitBayes([], ['supply', 'environment', 'demand'], knobs), lexicon: INSTRUMENT_LEXICON }]);
    const text = '课后服务作业作业,心理健康';
    const [category, instrument] = table.score(piece(text));
    const known = new Set(measureFeatures(text, pairs(text)).filter((feature) => model.counts[feature]));
    expect(category!.known).toBe(known.size);
    // after_school: 课后服务 2 + 课后 1; homework: 作业 once; mental_health: 心理健康 2 + 心理 1
    expect(category!.hits).toEqual([3, 1, 3]);
    expect(instrument!.known).toBe(0);
  });

  it('counts lexicon terms as examples when asked, so an unseen label has likelihoods', () => {
    const lexicon = { after_school: ['课后服务'], vocational: ['职业教育'] };
    const prior = Object.entries(lexicon).flatMap(([label, terms]) => terms.map((term) => ({ features: measureFeatures(term, [term]), label })));
    const model = fitBayes(items, ['after_school', 'vocational'], { ...knobs, lexiconCount: 2 }, prior);
    expect(model.counts['职业教育']).toEqual([1, 2]);
    expect(model.members).toEqual([3, 0]);
  });

  it('refuses a lexicon term shorter than two Han characters', () => {
    const model = fitBayes([], ['a'], knobs);
    expect(() => new ScoringTable([{ model, lexicon: { a: ['元'] } }])).toThrow(/two or more Han/);
  });
});

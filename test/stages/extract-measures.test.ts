/** The measures stage on short replies and on the five seeds (scored as `eval` scores them). Loads jieba once. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMeasureModel } from '../../pipeline/adapters/models.js';
import type { DocState } from '../../pipeline/document.js';
import { loadGold } from '../../pipeline/eval/evaluate.js';
import { emptyScores, prf, scoreDocument } from '../../pipeline/eval/score.js';
import { defaultStages } from '../../pipeline/index.js';
import { extractMeasures } from '../../pipeline/stages/extract-measures.js';
import { segment } from '../../pipeline/stages/segment.js';
import type { StageContext } from '../../pipeline/stages/stage.js';
import type { NumberMention } from '../../schemas/fields.js';
import type { GoldFile } from '../../schemas/gold.js';
import type { Record as DocRecord } from '../../schemas/record.js';
import { GOLD_DIR, runStages, SEED_FILES, seedBytes, seedPath, stageContext } from '../support/seeds.js';

let context: StageContext;
let gold: GoldFile[];

beforeAll(async () => {
  context = stageContext();
  gold = await loadGold(GOLD_DIR);
});

/** The measures stage on a text, after the segment stage whose words it reads. */
function run(text: string, extra: Partial<DocState> = {}, stageContext: StageContext = context) {
  const bare = { path: 'x.txt', bytes: new Uint8Array(), messages: [], text } as DocState;
  const doc = { ...bare, ...segment.run(bare, stageContext).patch, ...extra } as DocState;
  return extractMeasures.run(Object.freeze(doc), stageContext);
}

const REPLY = '李四代表:\n您提出的建议收悉,现答复如下:\n一、关于家庭教育。\n目前,全市已建立家长学校1555所。下一步,我市将举办家庭教育讲座2次。\n感谢您的关心和支持。';

describe('extractMeasures', () => {
  it('finds measures with status, category and instrument, with offsets into the text', () => {
    const { patch } = run(REPLY);
    const measures = patch.measures!;
    expect(measures.map((m) => m.text)).toEqual(['目前,全市已建立家长学校1555所', '下一步,我市将举办家庭教育讲座2次']);
    expect(measures.map((m) => m.status)).toEqual(['done', 'planned']);
    for (const m of measures) {
      expect(REPLY.slice(m.start, m.end)).toBe(m.text);
      expect(m.category).toBe('family_school');
    }
  });

  it('links the numbers and agencies inside each measure, and sets each number’s measure as a new object', () => {
    const at = (raw: string): NumberMention => {
      const start = REPLY.indexOf(raw);
      return { raw, value: 0, unit: null, kind: 'count', qualifier: 'exact', start, end: start + raw.length, measure: null };
    };
    const numbers = [at('1555所'), at('2次')];
    const start = REPLY.indexOf('我市');
    const agencies = [{ name: '我市', canonical: '我市', level: 'city' as const, mentions: [{ text: '我市', start, end: start + 2 }] }];
    const { patch } = run(REPLY, { numbers, agencies });
    expect(patch.measures!.map((m) => m.numbers)).toEqual([[0], [1]]);
    expect(patch.measures!.map((m) => m.agencies)).toEqual([[], [0]]);
    expect(patch.numbers!.map((n) => n.measure)).toEqual([0, 1]);
    expect(numbers.map((n) => n.measure)).toEqual([null, null]);
  });

  it('leaves numbers alone when no numbers stage ran', () => {
    expect(run(REPLY).patch.numbers).toBeUndefined();
  });

  it('reads the segment stage’s words and never segments again', () => {
    const bare = { path: 'x.txt', bytes: new Uint8Array(), messages: [], text: REPLY } as DocState;
    const doc = Object.freeze({ ...bare, ...segment.run(bare, context).patch });
    const cut = vi.spyOn(context.segmenter, 'cut');
    try {
      expect(extractMeasures.run(doc, context).patch.measures).not.toHaveLength(0);
      expect(cut, 'the measures stage cut a text again').not.toHaveBeenCalled();
    } finally {
      cut.mockRestore();
    }
  });

  it('returns no measures, not an exception, on odd text', () => {
    for (const odd of ['', '。', '\n\n\n', '谢谢。', '①②③', 'x'.repeat(10_000)]) {
      const result = run(odd);
      expect(result.patch.measures).toBeDefined();
    }
    expect(run('一段没有任何措施的长文字,只是说明情况而已。'.repeat(20)).messages?.map((m) => m.code)).toContain('no-measures');
  });

  it('says when the reply formula is missing', () => {
    expect(run('某市推进课后服务工作。市教育局印发了实施方案。').messages?.map((m) => m.code)).toContain('no-reply-formula');
  });
});

describe('the shipped model', () => {
  it('comes compiled in the stage context, frozen; a broken file gives null with the reason', () => {
    const shipped = context.measureModel;
    expect(shipped.problem).toBeNull();
    expect(Object.isFrozen(shipped.classifier!.model)).toBe(true);
    expect(shipped.classifier!.model.documents).toBe(5);
    const missing = loadMeasureModel('/nonexistent/model.json');
    expect(missing.classifier).toBeNull();
    expect(missing.problem).toMatch(/cannot read/);
  });

  it('falls back to the lexicon, with a warning, when the context has no model', () => {
    const result = run(REPLY, {}, { ...context, measureModel: { classifier: null, problem: 'no model here' } });
    expect(result.messages?.map((m) => m.code)).toContain('model-unavailable');
    expect(result.patch.measures!.map((m) => m.category)).toEqual(['family_school', 'family_school']);
  });
});

describe('extractMeasures on the seeds (in-sample: the shipped model was trained on these golds)', () => {
  it('finds the gold measures with F1 ≥ 0.80 and status ≥ 0.75', () => {
    const scores = emptyScores();
    for (const name of SEED_FILES) {
      const doc = runStages(defaultStages.filter((stage) => stage.name !== 'extract-measures'), seedPath(name), seedBytes(name), context);
      const record = { ...doc, ...extractMeasures.run(doc, context).patch } as unknown as DocRecord;
      scoreDocument(scores, gold.find((file) => file.doc === name)!, { ...record, meta: doc.meta ?? null } as DocRecord);
    }
    const { f1 } = prf(scores.fields.measures);
    expect(f1).toBeGreaterThanOrEqual(0.8);
    const status = scores.attributes['measure.status']!;
    expect(status.correct / status.total).toBeGreaterThanOrEqual(0.75);
  });
});

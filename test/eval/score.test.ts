import { describe, expect, it } from 'vitest';
import { emptyMeta, type Meta } from '../../schemas/meta.js';
import type { GoldFile } from '../../schemas/gold.js';
import type { Record as DocRecord } from '../../schemas/record.js';
import { comparable, diceBigram, matchPairs, sameText, sameValue } from '../../pipeline/eval/match.js';
import { CITATION_DICE, emptyScores, MEASURE_DICE, metaAccuracy, prf, ratio, scoreDocument, type Scores } from '../../pipeline/eval/score.js';

type GoldNumber = GoldFile['numbers'][number];
type GoldMeasure = GoldFile['measures'][number];

function gold(parts: Partial<GoldFile>): GoldFile {
  return { doc: 'doc.txt', meta: emptyMeta(), numbers: [], agencies: [], citations: [], measures: [], ...parts };
}

/** A record with only what scoring reads; offsets and the rest do not take part in matching. */
function record(parts: {
  meta?: Meta;
  numbers?: Partial<DocRecord['numbers'][number]>[];
  agencies?: { name: string; canonical?: string; mentions?: string[] }[];
  citations?: { title: string; docNumber?: string | null }[];
  measures?: Partial<DocRecord['measures'][number]>[];
}): DocRecord {
  return {
    meta: parts.meta ?? emptyMeta(),
    numbers: (parts.numbers ?? []).map((n) => ({ raw: '', value: 0, unit: null, kind: 'count', qualifier: 'exact', start: 0, end: 0, measure: null, ...n })),
    agencies: (parts.agencies ?? []).map((a) => ({
      name: a.name,
      canonical: a.canonical ?? a.name,
      level: 'unknown',
      mentions: (a.mentions ?? [a.name]).map((text) => ({ text, start: 0, end: text.length })),
    })),
    citations: (parts.citations ?? []).map((c) => ({ title: c.title, docNumber: c.docNumber ?? null, start: 0, end: 0 })),
    measures: (parts.measures ?? []).map((m) => ({
      text: '',
      status: 'done',
      category: 'other',
      instrument: 'supply',
      start: 0,
      end: 0,
      agencies: [],
      numbers: [],
      ...m,
    })),
  } as unknown as DocRecord;
}

function score(g: GoldFile, r: DocRecord | undefined): Scores {
  const scores = emptyScores();
  scoreDocument(scores, g, r);
  return scores;
}

const number = (raw: string, value: GoldNumber['value'], extra: Partial<GoldNumber> = {}): GoldNumber => ({
  raw,
  value,
  unit: null,
  kind: 'count',
  qualifier: 'exact',
  ...extra,
});

describe('match helpers', () => {
  it('compares without white space and with full-width ASCII folded', () => {
    expect(comparable('答     复')).toBe('答复');
    expect(comparable('９５％以上')).toBe('95%以上');
    expect(comparable('Ａ１类\u3000')).toBe('A1类');
    expect(sameText('岳县教体字〔2025〕23号', '岳县教体字〔２０２５〕２３号')).toBe(true);
    expect(sameText(null, null)).toBe(true);
    expect(sameText(null, '')).toBe(false);
  });

  it('computes the Dice coefficient of character bigrams', () => {
    // 教育督导体制 / 教育督导体系: bigrams 5 and 5, shared 教育 育督 督导 导体 → 2·4/10.
    expect(diceBigram('教育督导体制', '教育督导体系')).toBeCloseTo(0.8, 12);
    // 教育督导体制 / 教育督导机制: shared 教育 育督 督导 → 2·3/10.
    expect(diceBigram('教育督导体制', '教育督导机制')).toBeCloseTo(0.6, 12);
    expect(diceBigram('双减', '双减')).toBe(1);
    expect(diceBigram('双减', '课后')).toBe(0);
    expect(diceBigram('减', '减')).toBe(1);
    // Repeated bigrams count as a multiset: 学习学习 has 学习 twice, 学习 once → 2·1/(3+1).
    expect(diceBigram('学习学习', '学习')).toBeCloseTo(0.5, 12);
  });

  it('compares number values: numbers, ranges, times', () => {
    expect(sameValue(480000000, 4.8e8)).toBe(true);
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(95, 96)).toBe(false);
    expect(sameValue([150, 300], [150, 300])).toBe(true);
    expect(sameValue([150, 300], [150, 301])).toBe(false);
    expect(sameValue('18:30', '18:30')).toBe(true);
    expect(sameValue('18:30', 18.3)).toBe(false);
  });

  it('matches one to one, best score first', () => {
    const pairs = matchPairs(['课后服务', '课后延时服务'], ['课后延时服务', '课后服务'], (g, p) => diceBigram(g, p), 0.5);
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(matchPairs(['1555所', '1555所'], ['1555所'], () => 1, 1)).toHaveLength(1);
  });
});

describe('scoreDocument: numbers', () => {
  it('matches a number when the value is equal and one raw contains the other', () => {
    const g = gold({ numbers: [number('300余件', 300, { unit: '件', qualifier: 'more_than' })] });
    expect(score(g, record({ numbers: [{ raw: '300余件', value: 300 }] })).fields.numbers.matched).toBe(1);
    expect(score(g, record({ numbers: [{ raw: '300余', value: 300 }] })).fields.numbers.matched).toBe(1);
    expect(score(g, record({ numbers: [{ raw: '共300余件', value: 300 }] })).fields.numbers.matched).toBe(1);
    expect(score(g, record({ numbers: [{ raw: '３００余件', value: 300 }] })).fields.numbers.matched).toBe(1);
  });

  it('does not match a number with another value or a raw that neither contains', () => {
    const g = gold({ numbers: [number('300余件', 300)] });
    expect(score(g, record({ numbers: [{ raw: '300余件', value: 3000 }] })).fields.numbers.matched).toBe(0);
    expect(score(g, record({ numbers: [{ raw: '300人', value: 300 }] })).fields.numbers.matched).toBe(0);
  });

  it('counts a repeated number once per occurrence and tallies unit, kind and qualifier on matches', () => {
    const g = gold({ numbers: [number('1555所', 1555, { unit: '所' }), number('1555所', 1555, { unit: '所' }), number('95%以上', 95, { unit: '%', kind: 'percent', qualifier: 'more_than' })] });
    const scores = score(
      g,
      record({
        numbers: [
          { raw: '1555所', value: 1555, unit: '所' },
          { raw: '95%以上', value: 95, unit: '%', kind: 'percent', qualifier: 'exact' },
          { raw: '2019年', value: 2019 },
        ],
      }),
    );
    expect(scores.fields.numbers).toEqual({ gold: 3, predicted: 3, matched: 2 });
    expect(scores.attributes['number.unit']).toEqual({ correct: 2, total: 2 });
    expect(scores.attributes['number.kind']).toEqual({ correct: 2, total: 2 });
    expect(scores.attributes['number.qualifier']).toEqual({ correct: 1, total: 2 });
    expect(prf(scores.fields.numbers)).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
  });
});

describe('scoreDocument: agencies', () => {
  it('matches an agency when its name or a mention equals the gold name', () => {
    const g = gold({ agencies: ['市教育局', '财政部门'] });
    const byName = score(g, record({ agencies: [{ name: '市教育局' }] }));
    expect(byName.fields.agencies).toEqual({ gold: 2, predicted: 1, matched: 1 });
    const byMention = score(g, record({ agencies: [{ name: '承德市教育局', mentions: ['承德市教育局', '市教育局'] }] }));
    expect(byMention.fields.agencies.matched).toBe(1);
    const partial = score(g, record({ agencies: [{ name: '教育局' }, { name: '市财政部门' }] }));
    expect(partial.fields.agencies.matched).toBe(0);
    // The canonical name is an expansion the text need not hold; gold gives the surface form.
    const byCanonical = score(gold({ agencies: ['县人民政府'] }), record({ agencies: [{ name: '县政府', canonical: '县人民政府' }] }));
    expect(byCanonical.fields.agencies.matched).toBe(0);
  });
});

describe('scoreDocument: citations and measures', () => {
  it(`matches a citation title at bigram Dice ≥ ${CITATION_DICE}, and checks its 文号`, () => {
    expect(CITATION_DICE).toBe(0.8);
    const g = gold({ citations: [{ title: '教育督导体制', docNumber: '承办传〔2021〕41号' }] });
    const bracketed = score(g, record({ citations: [{ title: '《教育督导体系》', docNumber: '承办传〔2021〕41号' }] }));
    // 《》 add bigrams: the title must be given without brackets, so this one falls below the threshold.
    expect(bracketed.fields.citations.matched).toBe(0);
    const atThreshold = score(g, record({ citations: [{ title: '教育督导体系', docNumber: '承办传〔2021〕41号' }] }));
    expect(atThreshold.fields.citations.matched).toBe(1); // Dice exactly 0.8
    expect(atThreshold.attributes['citation.docNumber']).toEqual({ correct: 1, total: 1 });
    const below = score(g, record({ citations: [{ title: '教育督导机制', docNumber: null }] }));
    expect(below.fields.citations.matched).toBe(0);
    expect(below.attributes['citation.docNumber']).toBeUndefined();
  });

  it(`matches a measure text at bigram Dice ≥ ${MEASURE_DICE}, and tallies status, category, instrument`, () => {
    expect(MEASURE_DICE).toBe(0.6);
    const g = gold({ measures: [{ text: '教育督导体制', status: 'planned', category: 'supervision', instrument: 'environment' } satisfies GoldMeasure] });
    const at = score(g, record({ measures: [{ text: '教育督导机制', status: 'planned', category: 'supervision', instrument: 'supply' }] }));
    expect(at.fields.measures).toEqual({ gold: 1, predicted: 1, matched: 1 });
    expect(at.attributes['measure.status']).toEqual({ correct: 1, total: 1 });
    expect(at.attributes['measure.category']).toEqual({ correct: 1, total: 1 });
    expect(at.attributes['measure.instrument']).toEqual({ correct: 0, total: 1 });
    // 教育督导体制 / 督导体制改革: shared 督导 导体 体制 → 2·3/(5+5) = 0.6 → a match; 督导改革 shares 督导 only.
    expect(score(g, record({ measures: [{ text: '督导体制改革' }] })).fields.measures.matched).toBe(1);
    expect(score(g, record({ measures: [{ text: '督导改革' }] })).fields.measures.matched).toBe(0);
  });
});

describe('scoreDocument: metadata and missing records', () => {
  it('scores every metadata field, nested fields one by one, white space and width ignored', () => {
    const goldMeta: Meta = {
      ...emptyMeta(),
      title: '对县政协十四届四次会议第45号提案的答复',
      region: { name: '岳阳县', code: '430621' },
      docNumber: '岳县教体字〔2025〕23号',
      proposal: { body: 'cppcc', level: 'county', term: 14, session: 4, number: 45, title: null, proposer: '翟亚丹', proposerRole: 'member' },
    };
    const predicted: Meta = {
      ...emptyMeta(),
      title: '对县政协十四届四次会议第45号提案的 答 复',
      region: { name: '岳阳', code: '430621' },
      docNumber: '岳县教体字〔2025〕23号',
      proposal: { body: 'cppcc', level: 'county', term: 14, session: 4, number: 54, title: null, proposer: null, proposerRole: 'member' },
    };
    const scores = score(gold({ meta: goldMeta }), record({ meta: predicted }));
    expect(scores.meta.title).toEqual({ correct: 1, total: 1 });
    expect(scores.meta.region).toEqual({ correct: 1, total: 1 }); // codes agree
    expect(scores.meta.docNumber).toEqual({ correct: 1, total: 1 });
    expect(scores.meta['proposal.number']).toEqual({ correct: 0, total: 1 });
    expect(scores.meta['proposal.proposer']).toEqual({ correct: 0, total: 1 });
    expect(scores.meta['proposal.term']).toEqual({ correct: 1, total: 1 });
    expect(scores.meta['contact.phone']).toEqual({ correct: 1, total: 1 }); // both null
    const all = metaAccuracy(scores);
    expect(all.total).toBe(20);
    expect(all.correct).toBe(18);
    expect(ratio(all)).toBe(0.9);
  });

  it('compares regions by name when a code is missing', () => {
    const g = gold({ meta: { ...emptyMeta(), region: { name: '开原市', code: null } } });
    expect(score(g, record({ meta: { ...emptyMeta(), region: { name: '开原市', code: '211282' } } })).meta.region!.correct).toBe(1);
    expect(score(g, record({ meta: { ...emptyMeta(), region: { name: '铁岭市', code: null } } })).meta.region!.correct).toBe(0);
    expect(score(g, record({})).meta.region!.correct).toBe(0);
  });

  it('counts every gold item as missed when the record is missing', () => {
    const g = gold({ doc: '002_1064e609e7cb096d.txt', numbers: [number('160万元', 1600000)], agencies: ['江苏省教育厅'], measures: [{ text: '引进社会力量', status: 'done', category: 'after_school', instrument: 'supply' }] });
    const scores = score(g, undefined);
    expect(scores.documents).toBe(1);
    expect(scores.missingRecords).toEqual(['002_1064e609e7cb096d.txt']);
    expect(prf(scores.fields.numbers)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(prf(scores.fields.agencies).recall).toBe(0);
    expect(prf(scores.fields.citations)).toEqual({ precision: 1, recall: 1, f1: 1 }); // nothing to find, nothing found
  });

  it('computes precision, recall and F1 from counts', () => {
    expect(prf({ gold: 4, predicted: 2, matched: 2 })).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
    expect(prf({ gold: 0, predicted: 3, matched: 0 })).toEqual({ precision: 0, recall: 1, f1: 0 });
  });
});

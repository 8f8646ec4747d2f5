import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocState } from '../../pipeline/document.js';
import { clean } from '../../pipeline/stages/clean.js';
import { ingest } from '../../pipeline/stages/ingest.js';
import { normalise } from '../../pipeline/stages/normalise.js';
import { segment } from '../../pipeline/stages/segment.js';
import type { StageContext } from '../../pipeline/stages/stage.js';
import { ROOT, runStages, SEED_FILES, seedBytes, seedPath, stageContext, TRADITIONAL_SEED } from '../support/seeds.js';

let context: StageContext;
const segmented = new Map<string, DocState>();
const textLayer = [ingest, clean, normalise, segment];

beforeAll(() => {
  context = stageContext();
  for (const name of SEED_FILES) segmented.set(name, runStages(textLayer, seedPath(name), seedBytes(name), context));
});

const dictionary = readFileSync(join(ROOT, 'pipeline', 'lexicon', 'domain.dict.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

function segmentText(text: string): DocState {
  return runStages(textLayer, 'synthetic.txt', new Uint8Array(Buffer.from(text)), context);
}

describe('segment: the domain dictionary', () => {
  it('has well-formed entries: word, frequency, tag, no duplicates', () => {
    expect(dictionary.length).toBeGreaterThan(50);
    const words = new Set<string>();
    for (const line of dictionary) {
      expect(line, line).toMatch(/^\S+ \d+ [a-z]+$/);
      const word = line.split(' ')[0]!;
      expect(words.has(word), `duplicate ${word}`).toBe(false);
      words.add(word);
    }
    for (const term of ['双减', '课后服务', '县管校聘', '教联体', '家校社', '校外培训机构', '教育体育局']) expect(words).toContain(term);
  });

  it('keeps every entry whole when it is cut inside a sentence', () => {
    const frames = [(term: string) => `我们要进一步推进${term}工作。`, (term: string) => `关于${term}的答复`, (term: string) => `全面落实${term},取得实效。`];
    const split: string[] = [];
    for (const line of dictionary) {
      const term = line.split(' ')[0]!;
      for (const frame of frames) {
        const sentence = frame(term);
        const words = context.segmenter.cut(sentence);
        expect(words.join('')).toBe(sentence);
        if (!words.includes(term)) split.push(`${term}: ${words.join('/')}`);
      }
    }
    expect(split).toEqual([]);
  });

  it('keeps domain terms whole in the seeds: 双减, 课后服务, 县管校聘, 校外培训机构, 教育体育局', () => {
    const words = (name: string): Set<string> => new Set(segmented.get(name)!.tokens!.list);
    for (const term of ['双减', '课后服务', '县管校聘', '校外培训机构', '教育体育局']) expect(words('001_754fd2440035fb71.txt').has(term), term).toBe(true);
    for (const term of ['课后服务', '校外培训机构']) expect(words('002_1064e609e7cb096d.txt').has(term), term).toBe(true);
  });
});

describe('segment: tokens', () => {
  it.each(SEED_FILES)('gives tokens of %s that index the text exactly and cover it in order', (name) => {
    const doc = segmented.get(name)!;
    const text = doc.text!;
    const tokens = doc.tokens!;
    expect(tokens.length).toBeGreaterThan(100);
    let at = 0;
    for (const token of tokens) {
      expect(text.slice(token.start, token.end)).toBe(token.word);
      expect(token.start).toBeGreaterThanOrEqual(at);
      at = token.end;
    }
    expect(tokens.list.join('')).toBe(text);
    expect(doc.messages.some((message) => message.code === 'token-alignment')).toBe(false);
  });
});

describe('segment: sentences', () => {
  it.each(SEED_FILES)('splits %s into trimmed sentences inside the text', (name) => {
    const doc = segmented.get(name)!;
    const text = doc.text!;
    expect(doc.sentences!.length).toBeGreaterThan(20);
    for (const { start, end } of doc.sentences!) {
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(text.length);
      expect(text.slice(start, end)).toBe(text.slice(start, end).trim());
      expect(text.slice(start, end)).not.toContain('\n');
    }
  });

  it('finds the sentences of a seed paragraph', () => {
    const doc = segmented.get('004_56730d38a0832aa8.txt')!;
    const sentences = doc.sentences!.map(({ start, end }) => doc.text!.slice(start, end));
    expect(sentences).toContain('李姗姗委员:');
    expect(sentences).toContain('您好!');
    expect(sentences).toContain('您提出的关于推进我市教育高质量发展的提案收悉,现答复如下:');
  });
});

describe('segment: keywords', () => {
  it.each(SEED_FILES)('gives %s up to 20 distinct Chinese keywords with decreasing positive weights', (name) => {
    const keywords = segmented.get(name)!.keywords!;
    expect(keywords.length).toBeGreaterThan(5);
    expect(keywords.length).toBeLessThanOrEqual(20);
    expect(new Set(keywords.map((k) => k.word)).size).toBe(keywords.length);
    for (const [i, keyword] of keywords.entries()) {
      expect(keyword.word).toMatch(/^(?=.*\p{Script=Han})[\p{Script=Han}A-Za-z]{2,}$/u);
      expect(keyword.weight).toBeGreaterThan(0);
      if (i > 0) expect(keyword.weight).toBeLessThanOrEqual(keywords[i - 1]!.weight);
    }
  });

  it('ranks the topic of a seed among its keywords, not stop words', () => {
    const words = (name: string): string[] => segmented.get(name)!.keywords!.map((k) => k.word);
    // 002 is a news article about 课后服务; 000 about teachers' workload and 家庭教育; 003 about 教师减负 in 岳阳县.
    expect(words('002_1064e609e7cb096d.txt').slice(0, 5)).toContain('课后服务');
    expect(words('000_723d0d538beac877.txt')).toEqual(expect.arrayContaining(['教师', '家庭教育']));
    expect(words(TRADITIONAL_SEED)).toEqual(expect.arrayContaining(['教师', '岳阳县']));
    for (const name of SEED_FILES) {
      for (const stop of ['我们', '一个', '以及', '进行了', '没有']) expect(words(name)).not.toContain(stop);
    }
  });

  it.each(SEED_FILES)('gives %s exactly the TF-IDF ranking of every distinct word, however the stage prunes', (name) => {
    // The definition, computed the slow way: every keyword-shaped word weighted and the whole list sorted.
    const doc = segmented.get(name)!;
    const words = doc.tokens!.list;
    const counts = new Map<string, number>();
    for (const word of words) if (/^(?=.*\p{Script=Han})[\p{Script=Han}A-Za-z]{2,}$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    const { segmenter } = context;
    const ranked = [...counts]
      .filter(([word]) => !segmenter.stopWords.has(word))
      .map(([word, count]) => ({ word, weight: (count / words.length) * (segmenter.idf.get(word) ?? segmenter.defaultIdf) }))
      .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1))
      .slice(0, 20)
      .map(({ word, weight }) => ({ word, weight: Math.round(weight * 1e6) / 1e6 }));
    expect(doc.keywords).toEqual(ranked);
  });

  it('is deterministic: the same text gives the same keywords and tokens', () => {
    const text = segmented.get('000_723d0d538beac877.txt')!.text!;
    const again = segmentText(text);
    expect(again.keywords).toEqual(segmentText(text).keywords);
    expect(again.tokens!.length).toBe(segmentText(text).tokens!.length);
  });
});

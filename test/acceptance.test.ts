/**
 * The text-layer acceptance points of issue 2, checked on the records the whole default pipeline writes for the
 * five seeds: what the text keeps of the source, what script conversion changes, and where the offsets lead.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultStages } from '../pipeline/index.js';
import { spanToSource } from '../pipeline/lib/offsets.js';
import { processDocument } from '../pipeline/process.js';
import { Record as RecordSchema, type Record as DocRecord } from '../schemas/record.js';
import {
  furnitureLines,
  hanOnly,
  inlineFurniture,
  isFurnitureLine,
  SEED_FILES,
  seedBytes,
  seedPath,
  seedText,
  SIMPLIFIED_SEEDS,
  sourceSentences,
  spread,
  stageContext,
  taiwanToMainland,
  TRADITIONAL_SEED,
  withoutInlineFurniture,
  withoutSpace,
} from './support/seeds.js';

const records = new Map<string, DocRecord>();

beforeAll(() => {
  const context = stageContext();
  for (const name of SEED_FILES) {
    const outcome = processDocument(seedPath(name), seedBytes(name), defaultStages, context);
    if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.failure)}`);
    records.set(name, outcome.record);
  }
});

/**
 * The furniture lines of each seed, read by hand from the files: what the sentence check below may leave out.
 * If a rule starts eating content, this list no longer matches.
 */
const EXPECTED_FURNITURE: Record<string, string[]> = {
  '000_723d0d538beac877.txt': ['用微信“扫一扫”,点击右上角分享按钮,', '即可将网页分享给您的微信好友或朋友圈。'],
  '001_754fd2440035fb71.txt': ['您当前的位置: 首页 >> 公开信息内容', '字体:[ \u00a0\u00a0 ]'],
  '002_1064e609e7cb096d.txt': [
    '当前位置: 网站首页',
    '教育新闻',
    '上一条:扎实推进见实效,我市各界热议“双减”政策',
    '下一条:巴彦淖尔市15家义务教育阶段学科类教育培训机构完成“营转非”工作',
  ],
  '003_0f8a1ac7bf094272.txt': ['瀏覽量:1 | | | | |'],
  '004_56730d38a0832aa8.txt': ["开原市人民政府 The People's Government of Kaiyuan Municipality", '政府信息公开'],
};

/** The inline furniture of each seed, read by hand: the pieces inside kept lines that the checks below may skip. */
const EXPECTED_INLINE: Record<string, string[]> = {
  '000_723d0d538beac877.txt': [],
  '001_754fd2440035fb71.txt': ['字体:[ \u00a0\u00a0 ]'],
  '002_1064e609e7cb096d.txt': ['浏览数:次', 'n→组织领导强', 'n→经费保障实', 'n→规范管理严', 'n→安全管理细', 'u→监督管理硬', 'n→宣传引导广'],
  '003_0f8a1ac7bf094272.txt': ['关键词2', '关键词2', '关键词2', '关键词2'],
  '004_56730d38a0832aa8.txt': [],
};

describe('acceptance: every record is schema-valid', () => {
  it.each(SEED_FILES)('%s', (name) => {
    const record = records.get(name)!;
    expect(RecordSchema.safeParse(JSON.parse(JSON.stringify(record))).success).toBe(true);
    expect(record.source.path).toBe(seedPath(name));
    expect(record.id).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('acceptance: the traditional seed', () => {
  it('has no traditional characters left: opencc tw→cn changes nothing in its text', () => {
    const record = records.get(TRADITIONAL_SEED)!;
    expect(record.script).toEqual({ original: 'traditional', converted: true });
    const converted = taiwanToMainland(record.text);
    const changed = [...record.text].flatMap((char, i) => (converted[i] === char ? [] : [`${char}→${converted[i]}`]));
    expect(changed).toEqual([]);
  });

  it('has no template placeholder 关键词2', () => {
    expect(seedText(TRADITIONAL_SEED)).toContain('关键词2');
    expect(records.get(TRADITIONAL_SEED)!.text).not.toMatch(/关键词|關鍵詞/);
  });

  it('keeps every sentence of its source, converted', () => {
    const text = withoutSpace(records.get(TRADITIONAL_SEED)!.text);
    const missing = sourceSentences(seedText(TRADITIONAL_SEED), true)
      .map((sentence) => taiwanToMainland(sentence))
      .filter((sentence) => !text.includes(sentence));
    expect(missing).toEqual([]);
  });
});

describe('acceptance: the simplified seeds', () => {
  it.each(Object.keys(EXPECTED_FURNITURE))('%s: the furniture lines left out are exactly the page chrome', (name) => {
    expect(furnitureLines(seedText(name), name === TRADITIONAL_SEED)).toEqual(EXPECTED_FURNITURE[name]);
  });

  it.each(SEED_FILES)('%s: the inline pieces left out are exactly the page chrome', (name) => {
    expect(inlineFurniture(seedText(name))).toEqual(EXPECTED_INLINE[name]);
  });

  it.each(SIMPLIFIED_SEEDS)('%s: the text contains every sentence of the source unchanged', (name) => {
    const text = withoutSpace(records.get(name)!.text);
    const sentences = sourceSentences(seedText(name));
    expect(sentences.length).toBeGreaterThan(30);
    const missing = sentences.filter((sentence) => !text.includes(sentence));
    expect(missing).toEqual([]);
  });

  it.each(SIMPLIFIED_SEEDS)('%s: script conversion did not run and no Han character differs from the source', (name) => {
    const record = records.get(name)!;
    expect(record.script).toEqual({ original: 'simplified', converted: false });
    const kept = seedText(name)
      .split('\n')
      .filter((line) => !isFurnitureLine(line))
      .map(withoutInlineFurniture)
      .join('\n');
    expect(hanOnly(record.text)).toBe(hanOnly(kept));
  });
});

describe('acceptance: offsets lead back to the decoded source', () => {
  it.each(SIMPLIFIED_SEEDS)('%s: a sentence maps to a source slice equal to it but for white space and furniture', (name) => {
    const record = records.get(name)!;
    const source = seedText(name);
    const sample = spread(record.sentences, 40);
    expect(sample.length).toBeGreaterThanOrEqual(Math.min(40, record.sentences.length));
    for (const { start, end } of sample) {
      const [from, to] = spanToSource(record.sourceMap, start, end);
      const original = withoutSpace(withoutInlineFurniture(source.slice(from, to)));
      expect(original, `sentence at ${start}`).toBe(withoutSpace(record.text.slice(start, end)));
    }
  });

  it('003: a sentence maps to a source slice that opencc converts to it', () => {
    const record = records.get(TRADITIONAL_SEED)!;
    const source = seedText(TRADITIONAL_SEED);
    for (const { start, end } of spread(record.sentences, 40)) {
      const [from, to] = spanToSource(record.sourceMap, start, end);
      const original = taiwanToMainland(withoutSpace(withoutInlineFurniture(source.slice(from, to))));
      expect(original, `sentence at ${start}`).toBe(withoutSpace(record.text.slice(start, end)));
    }
  });

  it.each(SEED_FILES)('%s: the map covers the text in order and stays inside the source', (name) => {
    const record = records.get(name)!;
    const sourceLength = seedText(name).length;
    let out = 0;
    let last = 0;
    for (const [outStart, srcStart, outLength, srcLength] of record.sourceMap) {
      expect(outStart).toBe(out);
      expect(srcStart).toBeGreaterThanOrEqual(last);
      expect(srcStart + srcLength).toBeLessThanOrEqual(sourceLength);
      out += outLength;
      last = srcStart;
    }
    expect(out).toBe(record.text.length);
  });
});

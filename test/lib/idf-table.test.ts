import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { IdfTable } from '../../pipeline/lib/idf-table.js';

/** The table read the obvious way: a Map of every line's word before its last space, the last value winning. */
function asMap(text: string): { map: Map<string, number>; values: number[] } {
  const map = new Map<string, number>();
  const values: number[] = [];
  for (const line of text.split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    map.set(line.slice(0, space), value);
    values.push(value);
  }
  return { map, values: values.sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b)) };
}

function expectSameAsMap(text: string, absent: readonly string[]): void {
  const table = new IdfTable(text);
  const { map, values } = asMap(text);
  expect(table.size).toBe(map.size);
  for (const [word, value] of map) expect(table.get(word), word).toBe(value);
  for (const word of absent) expect(table.get(word), word).toBe(map.get(word));
  expect([...table.sortedValues]).toEqual(values);
}

describe('IdfTable', () => {
  it("gives every word of jieba's own IDF table its value, and nothing for words it lacks", () => {
    const require = createRequire(import.meta.url);
    const jieba = require('nodejieba') as { DEFAULT_IDF_DICT: string };
    const text = readFileSync(jieba.DEFAULT_IDF_DICT, 'utf8');
    const table = new IdfTable(text);
    const { map, values } = asMap(text);
    expect(map.size).toBeGreaterThan(250_000);
    expect(table.size).toBe(map.size);
    let checked = 0;
    for (const [word, value] of map) {
      if (table.get(word) !== value) expect(table.get(word), word).toBe(value);
      checked++;
    }
    expect(checked).toBe(map.size);
    // Prefixes, extensions and domain words jieba's corpus never saw.
    for (const word of ['双减', '课后服务', '县管校聘', '教联体', '', '教', '教育局局', 'policy-miner', '𠀀字']) expect(table.get(word), word).toBe(map.get(word));
    expect(Array.from(table.sortedValues)).toEqual(values);
  });

  it('reads odd lines as a Map of the split lines would: blank lines, no value, a leading space, repeats, CRLF, no final newline', () => {
    expectSameAsMap('甲 1.5\n\n乙\n 丙 2\n甲 3\n丁 戊 4.25\r\n己 x\n庚 7', ['甲', '乙', '丙', ' 丙', '丁 戊', '丁', '己', '庚', '辛']);
    expectSameAsMap('', ['', '甲']);
    expectSameAsMap('\n\n', ['']);
    expectSameAsMap('甲 1\n', ['甲', '']);
  });
});

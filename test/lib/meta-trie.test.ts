import { describe, expect, it } from 'vitest';
import { NameTrie } from '../../pipeline/lib/meta-trie.js';

const trie = new NameTrie([
  ['楚雄', 'stem'],
  ['楚雄州', 'prefecture'],
  ['楚雄市', 'city'],
  ['云南省', 'province'],
]);

function matches(text: string, start: number, maxLength = 15): string[] {
  const found = new Int32Array(maxLength);
  const count = trie.matchesAt(text, start, maxLength, found);
  return [...found.subarray(0, count)].map((node) => `${trie.keyOf(node)}=${trie.valueOf(node)}`);
}

describe('NameTrie', () => {
  it('finds every key starting at a position, shortest first', () => {
    expect(matches('民进楚雄州委', 2)).toEqual(['楚雄=stem', '楚雄州=prefecture']);
    expect(matches('云南省楚雄市', 3)).toEqual(['楚雄=stem', '楚雄市=city']);
  });

  it('finds nothing where no key starts, a key is cut by the text end, or longer than allowed', () => {
    expect(matches('民进楚雄州委', 0)).toEqual([]);
    expect(matches('云南', 0)).toEqual([]);
    expect(matches('楚雄州', 0, 2)).toEqual(['楚雄=stem']);
  });
});

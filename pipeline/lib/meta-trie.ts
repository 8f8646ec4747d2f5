/**
 * A trie of place names for scans of whole documents, where every character is a position a name may start at.
 * A trie of Maps would answer with a fresh array per position and a Map lookup per character; here the first
 * character is read from a table over all UTF-16 code units and every later one from one flat open-addressing
 * table of (node, code unit) edges, and matches come back as node numbers in a buffer the caller owns, so a scan
 * allocates nothing per position. Most steps ask for an edge that is not there (大 followed by anything but a name's
 * second character), so a bit filter over the edges answers those with one read before the table is probed.
 * Each node keeps the key ending at it, so a match needs no slice of the text. Built once from a static table (the
 * divisions index) and read-only after.
 */

/** Node 0 stands for "no node": the root's children are in `roots`, never in the edge table. */
const NONE = 0;
/** Bits of the edge filter (2^20 bits, 128 KB): the 9 000 edges of the division names set under one in a hundred. */
const FILTER_BITS = 20;

/** The filter word of an edge hash: the top FILTER_BITS bits of the hash name a bit, the upper of them its word. */
function filterWord(hash: number): number {
  return hash >>> (32 - FILTER_BITS + 5);
}

function filterBit(hash: number): number {
  return 1 << ((hash >>> (32 - FILTER_BITS)) & 31);
}

export class NameTrie<V> {
  /** Node of each one-unit prefix, by code unit. */
  private readonly roots = new Int32Array(0x10000);
  /** Edge table: parent node, code unit and child node per slot; a slot with parent NONE is empty. */
  private readonly edgeParent: Int32Array;
  private readonly edgeCode: Uint16Array;
  private readonly edgeChild: Int32Array;
  private readonly mask: number;
  /** One bit per edge hash: clear means no edge has that hash, so the edge is not there. */
  private readonly filter = new Int32Array(1 << (FILTER_BITS - 5));
  /** The key that ends at each node and its value, null where no key ends. */
  private readonly keys: (string | null)[] = [null];
  private readonly values: (V | null)[] = [null];

  constructor(entries: Iterable<readonly [string, V]>) {
    const children: Map<number, number>[] = [new Map()];
    for (const [key, value] of entries) {
      let node = NONE;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        let next = children[node]!.get(code);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          this.keys.push(null);
          this.values.push(null);
          children[node]!.set(code, next);
        }
        node = next;
      }
      this.keys[node] = key;
      this.values[node] = value;
    }
    let size = 16;
    while (size < children.length * 2) size *= 2;
    this.mask = size - 1;
    this.edgeParent = new Int32Array(size);
    this.edgeCode = new Uint16Array(size);
    this.edgeChild = new Int32Array(size);
    for (const [code, child] of children[NONE]!) this.roots[code] = child;
    for (let parent = 1; parent < children.length; parent++) {
      for (const [code, child] of children[parent]!) {
        const hash = this.hash(parent, code);
        this.filter[filterWord(hash)]! |= filterBit(hash);
        let slot = hash & this.mask;
        while (this.edgeParent[slot] !== NONE) slot = (slot + 1) & this.mask;
        this.edgeParent[slot] = parent;
        this.edgeCode[slot] = code;
        this.edgeChild[slot] = child;
      }
    }
  }

  /** A 32-bit hash of an edge: its low bits pick the table slot, its high bits the filter bit. */
  private hash(parent: number, code: number): number {
    const mixed = Math.imul(Math.imul(parent, 0x9e3779b1) ^ code, 0x85ebca6b);
    return mixed ^ (mixed >>> 15);
  }

  private child(parent: number, code: number): number {
    const hash = this.hash(parent, code);
    if ((this.filter[filterWord(hash)]! & filterBit(hash)) === 0) return NONE;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const owner = this.edgeParent[slot]!;
      if (owner === NONE) return NONE;
      if (owner === parent && this.edgeCode[slot] === code) return this.edgeChild[slot]!;
    }
  }

  /**
   * Nodes of the keys starting at `start` and at most `maxLength` long, shortest first, written into `found` (at
   * least `maxLength` long); returns how many.
   */
  matchesAt(text: string, start: number, maxLength: number, found: Int32Array): number {
    if (maxLength <= 0) return 0;
    let node = this.roots[text.charCodeAt(start)] ?? NONE;
    const stop = Math.min(text.length, start + maxLength);
    let count = 0;
    for (let i = start + 1; node !== NONE; i++) {
      if (this.keys[node] !== null) found[count++] = node;
      if (i >= stop) break;
      node = this.child(node, text.charCodeAt(i));
    }
    return count;
  }

  /** The key ending at a node `matchesAt` found. */
  keyOf(node: number): string {
    return this.keys[node]!;
  }

  /** The value of a node `matchesAt` found. */
  valueOf(node: number): V {
    return this.values[node]!;
  }
}

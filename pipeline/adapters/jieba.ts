import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { IdfTable } from '../lib/idf-table.js';
import { resourcePath } from './resources.js';

/**
 * nodejieba behind one small interface. Known traps handled here: `cut(s)` runs without HMM unless asked, so
 * `cut(s, true)` is used to find words missing from the dictionaries; loading sets globals (`dict`, `userDict`,
 * …), removed again after load; each worker thread loads its own copy of the dictionaries (about 250 MB).
 */

const require = createRequire(import.meta.url);

/** Domain dictionary, one `word freq tag` per line (a bare `word 3000` would be read as word plus tag). */
export const DOMAIN_DICTIONARY = 'pipeline/lexicon/domain.dict.txt';
/**
 * What nodejieba's own keyword extractor loads instead of jieba's 6 MB IDF table: the pipeline never calls that
 * extractor (keywords are weighted against the full table read below), and parsing it cost a quarter second.
 */
const EXTRACTOR_IDF_STUB = 'pipeline/lexicon/extractor-idf.stub.txt';
/** Globals nodejieba's `load` assigns in sloppy mode. */
const LEAKED_GLOBALS = ['dict', 'hmmDict', 'userDict', 'idfDict', 'stopWordDict'] as const;

interface NodeJieba {
  load(options: { userDict?: string; idfDict?: string }): unknown;
  cut(text: string, hmm?: boolean): string[];
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
}

export class Segmenter {
  private readonly jieba: NodeJieba;
  /** Inverse document frequencies of jieba's own corpus, for keyword weights. */
  readonly idf: IdfTable;
  /** Median IDF: the weight given to words missing from the table. */
  readonly defaultIdf: number;
  /** The largest weight any word can have: the table's highest IDF, or the default if that is higher. */
  readonly maxIdf: number;
  readonly stopWords: Set<string>;

  constructor() {
    const before = new Set(Object.keys(globalThis));
    this.jieba = require('nodejieba') as NodeJieba;
    this.jieba.load({ userDict: resourcePath(DOMAIN_DICTIONARY), idfDict: resourcePath(EXTRACTOR_IDF_STUB) });
    for (const name of LEAKED_GLOBALS) {
      if (!before.has(name)) delete (globalThis as Record<string, unknown>)[name];
    }
    this.idf = new IdfTable(readFileSync(this.jieba.DEFAULT_IDF_DICT, 'utf8'));
    const sorted = this.idf.sortedValues;
    const count = sorted.length;
    this.defaultIdf = count > 0 ? sorted[count >> 1]! : 10;
    this.maxIdf = Math.max(this.defaultIdf, count > 0 ? sorted[count - 1]! : 0);
    this.stopWords = new Set(
      readFileSync(this.jieba.DEFAULT_STOP_WORD_DICT, 'utf8')
        .split('\n')
        .map((word) => word.trim())
        .filter(Boolean),
    );
  }

  /** Words of `text` in order, with HMM for unknown words; their concatenation is `text`. */
  cut(text: string): string[] {
    return this.jieba.cut(text, true);
  }
}

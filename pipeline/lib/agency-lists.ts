/**
 * Agencies named by a bare function word: the items of a list before 等部门, elliptical coordination before 部门,
 * and a function word after a region (同级财政). They lean on the candidates already found by agency-find.ts.
 */
import { GAZETTEER, LIST_FUNCTION_WORDS, METONYM_WORDS, MODIFIER_WORDS, NON_STATE_ITEMS } from './agency-lexicon.js';
import { expand, expandAll, general, LOOK_BEHIND, make, nonStateBefore, type Candidate, type CandidateIndex } from './agency-find.js';
import { regionEndingAt, regionLevel, WordSet, type Region } from './agency-grow.js';
import { LiteralScan, type LiteralMatches } from './agency-scan.js';

const listWords = new WordSet(LIST_FUNCTION_WORDS);
const NON_STATE_TAIL = new RegExp(`(${NON_STATE_ITEMS.source.slice(2, -2)})$`);
/** What follows a bare 财政 when it is money, not the department (财政预算, 地方财政紧张). */
const METONYM_NOT_AFTER = /^(资金|预算|收入|支出|体制|政策|状况|压力|紧张|困难|供养|性|化|事权|专户|账户|资源|投入不足)/;

function bareCandidate(text: string, word: string, wordStart: number, region: Region | null): Candidate {
  const expanded = expand(word);
  const entry = GAZETTEER[word];
  return make(text, {
    start: region?.start ?? wordStart, end: wordStart + word.length, region, body: entry?.canonical ?? `${expanded}部门`,
    functionKey: expanded, level: regionLevel(region) ?? 'unknown', abbreviated: false, bare: true,
  });
}

/** What closes a list: 等部门, 等有关单位 … (等, an optional qualifier, 部门 or 单位), as literals for one scan. */
const LIST_QUALIFIERS = ['有关', '相关', '职能', '其他', ''];
export const LIST_END_SCAN = new LiteralScan(LIST_QUALIFIERS.flatMap((q) => ['部门', '单位'].map((head) => `等${q}${head}`)));
const SEPARATOR = /(、|和|及|与|以及)$/;

/** Items of a list before 等部门: 与银保监、公安、政法等部门 (楚雄), 联合教育、金融、公安、银行等部门 (郑州). */
export function listCandidates(text: string, index: CandidateIndex, ends: LiteralMatches = LIST_END_SCAN.matches(text)): void {
  for (const listEnd of ends.starts) {
    let at = listEnd;
    for (let item = 0; item < 12; item++) {
      const known = index.endingAt(at);
      const word = known ? null : listWords.endingAt(text, at, at - 12);
      if (known) at = known.start;
      else if (word) {
        const scan = regionEndingAt(index.places, text, at - word.length, at - word.length - LOOK_BEHIND);
        const candidate = bareCandidate(text, word, at - word.length, scan.region);
        index.add(candidate);
        at = candidate.start;
      } else {
        const other = NON_STATE_TAIL.exec(text.slice(Math.max(0, at - 6), at));
        if (!other) break;
        at -= other[0].length;
      }
      const separator = SEPARATOR.exec(text.slice(Math.max(0, at - 2), at));
      if (!separator) break;
      at -= separator[0].length;
    }
  }
}

/** Elliptical coordination before a 部门: 教育行政与教研部门 names 教育行政部门 too (开原). */
export function ellipsisCandidates(text: string, index: CandidateIndex): void {
  for (const candidate of [...index.all]) {
    if (candidate.bare || !candidate.body.endsWith('部门') || !candidate.functionKey) continue;
    let at = candidate.start;
    for (let item = 0; item < 6; item++) {
      const separator = SEPARATOR.exec(text.slice(Math.max(0, at - 2), at));
      if (!separator) break;
      const end = at - separator[0].length;
      const words: string[] = [];
      let from = end;
      for (let word = general.endingAt(text, from, from - 20); word && words.length < 4; word = general.endingAt(text, from, from - 20)) {
        words.unshift(word);
        from -= word.length;
      }
      if (!words.some((word) => !MODIFIER_WORDS.has(word)) || index.endingAt(end)) break;
      const expanded = expandAll(words);
      index.add(make(text, { start: from, end, region: null, body: `${expanded}部门`, functionKey: expanded, level: 'unknown', abbreviated: true, bare: false }));
      at = from;
    }
  }
}

/** Bare function words, read where a region or tier stands before them. */
export const METONYM_SCAN = new LiteralScan(METONYM_WORDS);

/** A bare function word after a region or tier stands for the department: 由同级财政负担 (承德), 联合市市场监管. */
export function metonymCandidates(text: string, index: CandidateIndex, words: LiteralMatches = METONYM_SCAN.matches(text)): void {
  for (let k = 0; k < words.starts.length; k++) {
    const word = words.words[k]!;
    const start = words.starts[k]!;
    const end = start + word.length;
    if (METONYM_NOT_AFTER.test(text.slice(end, end + 4))) continue;
    const scan = regionEndingAt(index.places, text, start, start - LOOK_BEHIND);
    if (!scan.region || nonStateBefore(text, scan.region.start)) continue;
    index.add(bareCandidate(text, word, start, scan.region));
  }
}

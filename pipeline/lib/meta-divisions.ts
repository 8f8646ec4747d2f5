import { NameTrie } from './meta-trie.js';

/**
 * China's administrative divisions (GB/T 2260) as an in-memory index for naming places in text. Pure: the rows
 * come in from the adapter (pipeline/adapters/divisions.ts), so tests can build an index from a handful of rows.
 */

export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  /** GB/T 2260 six-digit code: 530000 province, 532300 prefecture, 532301 county level. */
  readonly code: string;
  /** Official full name: 楚雄彝族自治州. */
  readonly name: string;
  readonly level: DivisionLevel;
  /** Code of the division above (prefecture or province); null for a province. */
  readonly parent: string | null;
}

/** Rows as the dataset ships them: provinces with 2-digit codes, cities with 4, areas with 6. */
export interface DivisionRows {
  provinces: readonly { code: string; name: string }[];
  cities: readonly { code: string; name: string; provinceCode: string }[];
  areas: readonly { code: string; name: string; cityCode: string; provinceCode: string }[];
}

export interface DivisionIndex {
  readonly byCode: ReadonlyMap<string, Division>;
  /** Full names and unambiguous short forms (楚雄州, 长阳县, 内蒙古) → divisions bearing them. */
  readonly byName: ReadonlyMap<string, readonly Division[]>;
  /** Bare stems (承德, 楚雄) → divisions; only for a stem read together with a level word (我市 + 承德). */
  readonly byStem: ReadonlyMap<string, readonly Division[]>;
  readonly longestName: number;
  /** `byName` and `byStem` as tries, for scans of running text. */
  readonly nameTrie: NameTrie<readonly Division[]>;
  readonly stemTrie: NameTrie<readonly Division[]>;
}

/** City rows that are grouping placeholders, not prefectures: their areas hang from the province. */
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The 55 minority nationalities as they appear inside autonomous-area names (楚雄彝族自治州, 博尔塔拉蒙古自治州). */
const NATIONALITIES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎',
  '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔',
  '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
];
const ETHNIC = `(?:${NATIONALITIES.join('|')})族?`;

/** 楚雄彝族自治州 → 楚雄州; 长阳土家族自治县 → 长阳县; 鄂温克族自治旗 has no stem left and gets no short form. */
const AUTONOMOUS_NAME = new RegExp(`^(.+?)(?:${ETHNIC})+自治(州|县|旗)$`);

/** Autonomous regions are named by their stem alone (内蒙古, 广西); provinces and the rest are not. */
const REGION_STEM = /^(.+?)(?:(?:壮族|回族|维吾尔)?自治区|特别行政区)$/;

/** Level suffixes a stem is read with: 市, 县, 区, 旗, 州, 盟, 省, 地区. */
const SUFFIX = /(特别行政区|自治区|地区|省|市|县|区|旗|盟)$/;

function shortForms(division: Division): { names: string[]; stem: string | null } {
  const names: string[] = [];
  const autonomous = AUTONOMOUS_NAME.exec(division.name);
  if (autonomous) names.push(autonomous[1]! + autonomous[2]!);
  const region = REGION_STEM.exec(division.name);
  if (region && division.level === 'province') names.push(region[1]!);
  let stem: string | null = null;
  if (autonomous) stem = autonomous[1]!;
  else if (SUFFIX.test(division.name)) stem = division.name.replace(SUFFIX, '');
  if (stem !== null && [...stem].length < 2) stem = null;
  return { names, stem };
}

function push(map: Map<string, Division[]>, key: string, division: Division): void {
  const list = map.get(key);
  if (!list) map.set(key, [division]);
  else if (!list.some((d) => d.code === division.code)) list.push(division);
}

/** Builds the index; rows repeated across files (东莞市 is both a city and its own area) are kept once. */
export function buildDivisionIndex(rows: DivisionRows): DivisionIndex {
  const byCode = new Map<string, Division>();
  const pseudoCities = new Set<string>();
  for (const p of rows.provinces) byCode.set(`${p.code}0000`, { code: `${p.code}0000`, name: p.name, level: 'province', parent: null });
  for (const c of rows.cities) {
    if (PSEUDO_CITY.test(c.name)) {
      pseudoCities.add(c.code);
      continue;
    }
    byCode.set(`${c.code}00`, { code: `${c.code}00`, name: c.name, level: 'city', parent: `${c.provinceCode}0000` });
  }
  for (const a of rows.areas) {
    if (byCode.has(a.code) || PSEUDO_CITY.test(a.name)) continue;
    const parent = pseudoCities.has(a.cityCode) ? `${a.provinceCode}0000` : `${a.cityCode}00`;
    byCode.set(a.code, { code: a.code, name: a.name, level: 'county', parent });
  }
  const byName = new Map<string, Division[]>();
  const byStem = new Map<string, Division[]>();
  let longestName = 0;
  for (const division of byCode.values()) {
    const { names, stem } = shortForms(division);
    for (const name of [division.name, ...names]) {
      push(byName, name, division);
      longestName = Math.max(longestName, name.length);
    }
    if (stem) push(byStem, stem, division);
  }
  return { byCode, byName, byStem, longestName, nameTrie: new NameTrie(byName), stemTrie: new NameTrie(byStem) };
}

/** Longest stem `stemsIn` reads. */
const LONGEST_STEM = 8;

/** Every stem that occurs in `text` (承德 in 承德家庭教育), with its number of occurrences. */
export function stemsIn(index: DivisionIndex, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const found = new Int32Array(LONGEST_STEM);
  for (let i = 0; i < text.length; i++) {
    const count = index.stemTrie.matchesAt(text, i, LONGEST_STEM, found);
    for (let m = 0; m < count; m++) {
      const stem = index.stemTrie.keyOf(found[m]!);
      if (stem.length >= 2) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    }
  }
  return counts;
}

/** The division and every division above it, smallest first. */
export function lineage(index: DivisionIndex, code: string): Division[] {
  const chain: Division[] = [];
  let current = index.byCode.get(code);
  while (current) {
    chain.push(current);
    current = current.parent ? index.byCode.get(current.parent) : undefined;
  }
  return chain;
}

/** True when `lower` lies inside `upper` (or is it): the lineage walked without building it, as settling asks often. */
export function within(index: DivisionIndex, lower: string, upper: string): boolean {
  let current = index.byCode.get(lower);
  while (current) {
    if (current.code === upper) return true;
    current = current.parent ? index.byCode.get(current.parent) : undefined;
  }
  return false;
}

/** One-character level words; 自治区 reads as 区, and 地区 is the one two-character word. */
const LEVEL_CHARACTERS = new Set(['省', '市', '州', '县', '区', '旗', '盟']);

/** The level word a name ends with (市 for 开原市 and 承德市, 州 for 楚雄州, 县, 区, 旗, 盟, 省), or null. */
export function levelWord(name: string): string | null {
  if (name.endsWith('地区')) return '地区';
  const last = name.slice(-1);
  return LEVEL_CHARACTERS.has(last) ? last : null;
}

export interface PlaceMention {
  /** Surface form found in the text. */
  text: string;
  start: number;
  end: number;
  /** All divisions bearing this name; more than one when the name is ambiguous (朝阳区). */
  candidates: readonly Division[];
}

export interface ScanOptions {
  /** Shortest name to accept; two-character names (和县, 城区) are everyday words in running text. */
  minLength?: number;
  /** Names that are read as places only when they start the scanned string (a responder or publisher). */
  generic?: RegExp;
}

/** Leftmost-longest scan of `text` for division names and their short forms. */
export function scanPlaces(index: DivisionIndex, text: string, options: ScanOptions = {}): PlaceMention[] {
  const minLength = options.minLength ?? 2;
  const trie = index.nameTrie;
  const mentions: PlaceMention[] = [];
  const found = new Int32Array(index.longestName);
  let i = 0;
  while (i < text.length) {
    const count = trie.matchesAt(text, i, index.longestName, found);
    let next = i + 1;
    for (let m = count - 1; m >= 0; m--) {
      const surface = trie.keyOf(found[m]!);
      if (surface.length < minLength) break;
      if (i > 0 && options.generic?.test(surface)) continue;
      mentions.push({ text: surface, start: i, end: i + surface.length, candidates: trie.valueOf(found[m]!) });
      next = i + surface.length;
      break;
    }
    i = next;
  }
  return mentions;
}

/**
 * Place names for agency region prefixes (楚雄市教育体育局, 民进楚雄州委, 中共湖南省委…), read from the divisions
 * index (GB/T 2260, loaded by adapters/divisions.ts and shared with the metadata stage). Pure: the index comes in
 * from the stage; without it only the province names below are known and agencies keep their tier prefixes.
 */
import { EdgeLengths } from './agency-scan.js';
import type { DivisionIndex } from './meta-divisions.js';

export type PlaceLevel = 'province' | 'city' | 'county';

export interface Place {
  name: string;
  code: string;
  level: PlaceLevel;
}

export interface PlaceIndex {
  /** Surface form (full name or short form: 楚雄州, 内蒙古) → place; the highest level wins a shared form. */
  readonly forms: ReadonlyMap<string, Place>;
  readonly longest: number;
  readonly fromDataset: boolean;
}

/** Provinces, used when the dataset is missing (the fallback keeps 云南省教育厅, 湖南省委 working). */
const PROVINCES: readonly [string, string][] = [
  ['北京市', '11'], ['天津市', '12'], ['河北省', '13'], ['山西省', '14'], ['内蒙古自治区', '15'], ['辽宁省', '21'],
  ['吉林省', '22'], ['黑龙江省', '23'], ['上海市', '31'], ['江苏省', '32'], ['浙江省', '33'], ['安徽省', '34'],
  ['福建省', '35'], ['江西省', '36'], ['山东省', '37'], ['河南省', '41'], ['湖北省', '42'], ['湖南省', '43'],
  ['广东省', '44'], ['广西壮族自治区', '45'], ['海南省', '46'], ['重庆市', '50'], ['四川省', '51'], ['贵州省', '52'],
  ['云南省', '53'], ['西藏自治区', '54'], ['陕西省', '61'], ['甘肃省', '62'], ['青海省', '63'], ['宁夏回族自治区', '64'],
  ['新疆维吾尔自治区', '65'],
];

/** Forms that end a place name; the index also holds stems and forms (开发区, 管委会) no agency prefix uses. */
const PLACE_SUFFIX = /(省|市|自治区|特别行政区|州|地区|盟|县|区|旗|林区|特区|内蒙古|广西|西藏|宁夏|新疆)$/;

/**
 * Place names that are also common words, read as places only at a boundary (line start, punctuation) or after
 * another place: in 我局将会同县发展和改革局, 会同 is a verb, not 会同县 (湖南).
 */
export const WORD_LIKE_NAMES: ReadonlySet<string> = new Set([
  '会同', '公安', '比如', '延长', '合作', '资源', '安定', '前进', '解放', '振兴', '复兴', '和平', '平安', '友好', '新兴',
  '光明', '共和', '清新', '东方', '南部', '城中', '城北', '港口', '宏伟', '富裕', '友谊', '大同', '平定', '向阳', '东风',
  '工农', '万年', '大方', '中方', '应城', '监利', '当阳', '武功', '太和', '建平', '清水', '温泉', '白云', '凤凰',
]);

const built = new WeakMap<DivisionIndex, PlaceIndex>();

/** The place index of a divisions index (built once per divisions index). */
export function placeIndexFrom(divisions: DivisionIndex): PlaceIndex {
  const known = built.get(divisions);
  if (known) return known;
  const forms = new Map<string, Place>();
  let longest = 0;
  for (const [form, list] of divisions.byName) {
    const first = list[0];
    if (!first || form.length < 2 || !PLACE_SUFFIX.test(form)) continue;
    forms.set(form, { name: first.name, code: first.code, level: first.level });
    longest = Math.max(longest, form.length);
  }
  const index = { forms, longest, fromDataset: true };
  built.set(divisions, index);
  return index;
}

/** The provinces alone, for when the divisions dataset cannot be loaded. */
export const PROVINCES_ONLY: PlaceIndex = {
  forms: new Map(PROVINCES.map(([name, code]): [string, Place] => [name, { name, code: `${code}0000`, level: 'province' }])),
  longest: Math.max(...PROVINCES.map(([name]) => name.length)),
  fromDataset: false,
};

/** Which lengths a place name may have, by its last two characters and by its first two. */
interface PlaceEdges {
  endings: EdgeLengths;
  openings: EdgeLengths;
}

const edges = new WeakMap<PlaceIndex, PlaceEdges>();

function edgesOf(places: PlaceIndex): PlaceEdges {
  const known = edges.get(places);
  if (known) return known;
  const built = { endings: new EdgeLengths(places.forms.keys(), true), openings: new EdgeLengths(places.forms.keys(), false) };
  edges.set(places, built);
  return built;
}

const HAN_BEFORE = /\p{Script=Han}$/u;

/** The longest place name ending at `end` (exclusive) and starting at or after `floor`. */
export function placeEndingAt(places: PlaceIndex, text: string, end: number, floor = 0): { start: number; place: Place } | null {
  floor = Math.max(0, floor);
  // Only the lengths some place name with these last two characters has are tried (most positions: none).
  const lengths = edgesOf(places).endings.at(text, end);
  if (!lengths) return null;
  for (let length = Math.min(places.longest, end - floor); length >= 2; length--) {
    if (!((lengths >>> length) & 1)) continue;
    const form = text.slice(end - length, end);
    const place = places.forms.get(form);
    if (!place) continue;
    const start = end - length;
    if (WORD_LIKE_NAMES.has(form.slice(0, -1)) && HAN_BEFORE.test(text.slice(Math.max(0, start - 1), start))) {
      if (!placeEndingAt(places, text, start, Math.max(floor, start - places.longest))) continue;
    }
    return { start, place };
  }
  return null;
}

/** The longest place name starting at `start` and ending at or before `ceil`. */
export function placeStartingAt(places: PlaceIndex, text: string, start: number, ceil = text.length): { end: number; place: Place } | null {
  const lengths = edgesOf(places).openings.at(text, start);
  if (!lengths) return null;
  for (let length = Math.min(places.longest, ceil - start); length >= 2; length--) {
    if (!((lengths >>> length) & 1)) continue;
    const place = places.forms.get(text.slice(start, start + length));
    if (place) return { end: start + length, place };
  }
  return null;
}

/**
 * Agency candidates from suffix heads grown leftwards, from councils and from the gazetteer. Every candidate is a
 * span of the text with a canonical body (its name without the region) used for merging. Lists and bare function
 * words are in agency-lists.ts.
 */
import {
  ABBREVIATIONS, COMMISSION_WORDS, FUNCTION_WORDS, GAZETTEER, GENERIC_TOPIC, MAX_AGENCY_LENGTH, MAX_TOPIC, MINISTRY_WORDS,
  MODIFIER_WORDS, NAME_OPENERS, PARTY_DEPARTMENT_WORDS, NON_STATE_BEFORE, NOT_AFTER, OFFICIAL_CENTRE, ORGAN_WORDS, PARTIES, ROLE_AFTER, ROOM_WORDS,
  SCHOOL_NEIGHBOUR_AFTER, SCHOOL_NEIGHBOUR_BEFORE, SCHOOL_TOPIC, SECTION_TOPIC, WORK_COMMITTEE_WORDS,
} from './agency-lexicon.js';
import {
  leadingRegion, regionEndingAt, regionLevel, tierLevel, topicStart, TOPIC_LEAD, WordSet, type Level, type Region,
} from './agency-grow.js';
import type { PlaceIndex } from './agency-places.js';
import { LiteralScan, type LiteralMatches } from './agency-scan.js';

export interface Candidate {
  start: number;
  end: number;
  region: Region | null;
  /** Canonical name without the region: abbreviations expanded (教体局 → 教育体育局, 政府 → 人民政府). */
  body: string;
  /** Canonical full name: the region as written, then the body (县委、县人民政府督查室). */
  canonical: string;
  /** Expanded function words (教育体育), for merging a bare 民政 into an earlier 区民政局. */
  functionKey: string;
  level: Level;
  /** The surface uses an abbreviation or an elliptical form, so it is not the agency's full name. */
  abbreviated: boolean;
  /** A bare function word standing for a department (公安, 金融, 同级财政). */
  bare: boolean;
  /** The region was a pronoun's (我市教育局): its tier, kept for the canonical name. */
  pronounTier?: string | undefined;
}

export const expand = (word: string): string => ABBREVIATIONS[word] ?? word;

/**
 * The words expanded and joined. A loop rather than map and join: the array map returns has another elements kind
 * when it is empty, and the optimised join then bails out on it.
 */
export function expandAll(words: readonly string[]): string {
  let expanded = '';
  for (const word of words) expanded += expand(word);
  return expanded;
}

type Draft = Omit<Candidate, 'canonical'> & { canonical?: string };

/**
 * Every candidate is built by this one literal, so all share a shape and the JIT's look-ups on them stay
 * monomorphic (drafts and spread copies differ in their optional keys).
 */
function candidate(c: Draft, canonical = c.canonical!): Candidate {
  return {
    start: c.start, end: c.end, region: c.region, body: c.body, canonical, functionKey: c.functionKey, level: c.level,
    abbreviated: c.abbreviated, bare: c.bare, pronounTier: c.pronounTier,
  };
}

/** Completes a draft: the canonical name is the region as written (or the pronoun's tier) and the body. */
export function make(text: string, draft: Draft): Candidate {
  const regionText = draft.region ? text.slice(draft.region.start, draft.region.end) : (draft.pronounTier ?? '');
  return candidate(draft, draft.canonical ?? regionText + draft.body);
}

function withoutRegion(text: string, canonical: string, region: Region | null): string {
  const regionText = region ? text.slice(region.start, region.end) : '';
  return regionText && canonical.startsWith(regionText) ? canonical.slice(regionText.length) : canonical;
}
/** How far back a region prefix is looked for. */
export const LOOK_BEHIND = 16;

type HeadKind = 'department' | 'government' | 'council' | 'topic';
const HEADS: readonly [string, HeadKind][] = [
  ['人大常委会', 'council'], ['人民政府', 'government'], ['党委政府', 'government'], ['领导小组', 'topic'],
  ['委员会', 'topic'], ['办公室', 'topic'], ['办公厅', 'department'], ['指挥部', 'topic'], ['工作组', 'topic'], ['办事处', 'topic'],
  ['部门', 'department'], ['政府', 'government'], ['党委', 'government'], ['政协', 'council'], ['人大', 'council'],
  ['专班', 'topic'], ['中心', 'topic'], ['机关', 'department'], ['工委', 'department'], ['总局', 'department'], ['分局', 'department'], ['局', 'department'],
  ['厅', 'department'], ['部', 'department'], ['委', 'department'], ['室', 'department'], ['处', 'topic'], ['司', 'topic'],
];
/** Per head, what the scan reads for every match of it, found with one look-up: its kind and what may not follow it. */
const HEAD_SPECS: ReadonlyMap<string, { kind: HeadKind; notAfter: RegExp | undefined }> = new Map(
  HEADS.map(([head, kind]) => [head, { kind, notAfter: NOT_AFTER[head] }]),
);
export const HEAD_SCAN = new LiteralScan(HEADS.map(([head]) => head));

export const general = new WordSet(FUNCTION_WORDS);
/**
 * Per department head: the function words it takes, whether several (教育和体育局), whether a parent body may stand
 * before it (教育部办公厅), and whether it needs a function word that is not a modifier (教育局; 全部, 干部 are none).
 */
interface DepartmentSpec {
  words: WordSet;
  many: boolean;
  parent: boolean;
  needsFunction: boolean;
}
const DEPARTMENT_WORDS: Readonly<Record<string, DepartmentSpec>> = {
  局: { words: general, many: true, parent: false, needsFunction: true },
  总局: { words: general, many: true, parent: false, needsFunction: true },
  分局: { words: general, many: true, parent: false, needsFunction: true },
  厅: { words: general, many: true, parent: false, needsFunction: true },
  部门: { words: general, many: true, parent: false, needsFunction: true },
  部: { words: new WordSet(MINISTRY_WORDS), many: false, parent: true, needsFunction: true },
  委: { words: new WordSet(COMMISSION_WORDS), many: false, parent: true, needsFunction: false },
  工委: { words: new WordSet(WORK_COMMITTEE_WORDS), many: false, parent: true, needsFunction: true },
  室: { words: new WordSet(ROOM_WORDS), many: false, parent: true, needsFunction: false },
  机关: { words: new WordSet(ORGAN_WORDS), many: false, parent: false, needsFunction: true },
  办公厅: { words: new WordSet([]), many: false, parent: true, needsFunction: false },
};
/** Heads written short: 市委教育工委 = …工作委员会, 市政府 = 市人民政府 (楚雄). */
const HEAD_CANONICAL: Readonly<Record<string, string>> = { 工委: '工作委员会', 政府: '人民政府' };

const partyBefore = new WordSet(PARTIES);
const nameOpeners = new WordSet(NAME_OPENERS);
/** Bodies that may be coordinated before a shared office: 县委、县政府督查室. */
const SIMPLE_BODIES = new Set(['委', '人民政府', '党委', '党委政府']);
const TERM = /[一二三四五六七八九十]+届$/;

/**
 * The candidates of one text, indexed by end and start offset, so a head can find the body just before it
 * (教育部|办公厅, 县委、县政府|督查室); it carries the place names the scan reads regions with.
 */
export class CandidateIndex {
  readonly all: Candidate[] = [];
  constructor(readonly places: PlaceIndex) {}
  /** By end and by start offset, the longest candidate there (the first added of equal lengths). */
  private readonly byEnd = new Map<number, Candidate>();
  private readonly byStart = new Map<number, Candidate>();
  add(candidate: Candidate): void {
    if (candidate.end - candidate.start > MAX_AGENCY_LENGTH) return;
    this.all.push(candidate);
    CandidateIndex.keepLongest(this.byEnd, candidate.end, candidate);
    CandidateIndex.keepLongest(this.byStart, candidate.start, candidate);
  }
  private static keepLongest(map: Map<number, Candidate>, key: number, candidate: Candidate): void {
    const known = map.get(key);
    if (!known || candidate.end - candidate.start > known.end - known.start) map.set(key, candidate);
  }
  /** The longest candidate ending at `end`, if any. */
  endingAt(end: number): Candidate | undefined {
    return this.byEnd.get(end);
  }
  /** The longest candidate starting at `start`, if any. */
  startingAt(start: number): Candidate | undefined {
    return this.byStart.get(start);
  }
}

export function nonStateBefore(text: string, start: number): boolean {
  return NON_STATE_BEFORE.test(text.slice(Math.max(0, start - 4), start));
}

/** Gazetteer names, longest first so 全国人大常委会 wins over 全国人大. */
export const GAZETTEER_SCAN = new LiteralScan(Object.keys(GAZETTEER).sort((a, b) => b.length - a.length));

/** Named bodies of the gazetteer (党中央, 中办, 银保监, 省关工委 …). */
export function gazetteerCandidates(text: string, index: CandidateIndex, names: LiteralMatches = GAZETTEER_SCAN.matches(text)): void {
  for (let k = 0; k < names.starts.length; k++) gazetteerCandidate(text, names.words[k]!, names.starts[k]!, index);
}

function gazetteerCandidate(text: string, name: string, start: number, index: CandidateIndex): void {
  const entry = GAZETTEER[name]!;
  const end = start + name.length;
  if (/^([员长]|代表|委员(?!会))/.test(text.slice(end, end + 3))) return; // 共青团员, 全国人大代表
  if (name.endsWith('办') && /^[学理法好事公]/.test(text.slice(end, end + 1))) return; // 政府办学, 督导办法
  const scan = entry.prefix ? regionEndingAt(index.places, text, start, start - LOOK_BEHIND) : null;
  const region = scan?.region ?? null;
  if (entry.needsPrefix && !region) return;
  const from = region?.start ?? start;
  if (nonStateBefore(text, from)) return;
  const level = entry.level ?? regionLevel(region) ?? 'unknown';
  index.add(make(text, { start: from, end, region, body: entry.canonical, functionKey: name === '公安' ? '公安' : '', level, abbreviated: false, bare: false }));
}

function departmentCandidate(text: string, head: string, headStart: number, headEnd: number, index: CandidateIndex): Candidate | null {
  const spec = DEPARTMENT_WORDS[head]!;
  const words: string[] = []; // gathered right to left, then put in reading order
  let at = headStart;
  for (let word = spec.words.endingAt(text, at, at - 20); word; word = spec.many ? spec.words.endingAt(text, at, at - 20) : null) {
    words.push(word);
    at -= word.length;
    if (words.length >= 4) break;
    // 教育和体育局, 文化广电和旅游局: 和 joins two function words inside one name.
    if (spec.many && text[at - 1] === '和' && spec.words.endingAt(text, at - 1, at - 21)) {
      words.push('和');
      at -= 1;
    }
  }
  words.reverse();
  // What the words alone decide comes before the parent and the region are looked for (most 部 are 全部, 干部).
  if (spec.needsFunction && !words.some((word) => !MODIFIER_WORDS.has(word) && word !== '和')) return null;
  if (head === '室' && !words.length) return null;
  let parent: Candidate | undefined;
  if (spec.parent && (words.length || head === '办公厅')) {
    parent = index.endingAt(at);
    while (parent && SIMPLE_BODIES.has(parent.body) && text[parent.start - 1] === '、') {
      const before = index.endingAt(parent.start - 1);
      if (!before || !SIMPLE_BODIES.has(before.body)) break;
      const canonical = `${before.canonical}、${parent.canonical}`;
      parent = candidate({ ...parent, start: before.start, canonical, body: withoutRegion(text, canonical, before.region), region: before.region });
    }
  }
  const scanFrom = parent?.start ?? at;
  const scan = parent ? { region: null, generic: false, system: null, pronounTier: null } : regionEndingAt(index.places, text, scanFrom, scanFrom - LOOK_BEHIND);
  if (scan.system?.includes('校')) return null;
  const region = parent ? parent.region : scan.region;
  switch (head) {
    case '室':
      if (!(parent || region)) return null;
      break;
    case '办公厅':
      if (!parent) return null;
      break;
    case '委':
      if (!words.length && !scan.region) return null;
      if (!words.length && ROLE_AFTER.test(text.slice(headEnd, headEnd + 5))) return null;
      break;
  }
  let start = parent?.start ?? scan.region?.start ?? at;
  let party = '';
  if (head === '委' && !words.length) {
    const found = partyBefore.endingAt(text, start, start - 4);
    if (found) {
      start -= found.length;
      party = found;
    }
  }
  if (nonStateBefore(text, start)) return null;
  const expanded = expandAll(words);
  const headName = head === '委' && words.length ? '委员会' : (HEAD_CANONICAL[head] ?? head);
  const canonical = parent ? `${parent.canonical}${expanded}${headName}` : undefined;
  const body = canonical ? withoutRegion(text, canonical, region) : `${party === '中共' ? '' : party}${expanded}${headName}`;
  // 民进楚雄州委: the party comes before the region in the name.
  const partyCanonical = party && region ? `${party}${text.slice(region.start, region.end)}委员会` : undefined;
  const nationalMinistry = head === '部' && !parent && !region && !words.some((word) => PARTY_DEPARTMENT_WORDS.has(word));
  const level = regionLevel(region) ?? parent?.level ?? (nationalMinistry ? 'national' : scan.pronounTier ? tierLevel(scan.pronounTier) : 'unknown');
  const abbreviated = words.some((word) => expand(word) !== word) || headName !== head;
  return make(text, {
    start, end: headEnd, region, body, functionKey: expanded, level, abbreviated, bare: false,
    canonical: canonical ?? partyCanonical, pronounTier: scan.pronounTier ?? undefined,
  });
}

function governmentCandidate(text: string, head: string, headStart: number, headEnd: number, index: CandidateIndex): Candidate | null {
  const scan = regionEndingAt(index.places, text, headStart, headStart - LOOK_BEHIND);
  if (!scan.region) return null;
  const body = head === '党委政府' ? '党委政府' : head === '党委' ? '党委' : '人民政府';
  return make(text, { start: scan.region.start, end: headEnd, region: scan.region, body, functionKey: '', level: regionLevel(scan.region) ?? 'unknown', abbreviated: head === '政府', bare: false });
}

function councilCandidate(text: string, head: string, headStart: number, headEnd: number, index: CandidateIndex): Candidate | null {
  const term = TERM.exec(text.slice(Math.max(0, headStart - 6), headStart))?.[0] ?? '';
  const scan = regionEndingAt(index.places, text, headStart - term.length, headStart - term.length - LOOK_BEHIND);
  if (!scan.region) return null;
  return make(text, { start: scan.region.start, end: headEnd, region: scan.region, body: head, functionKey: '', level: regionLevel(scan.region) ?? 'unknown', abbreviated: false, bare: false });
}

/** Endings a head's topic must have: 校外培训工作处, 诉前调解中心, 校外培训工作专班, 城关街道办事处. */
const TOPIC_ENDINGS: Readonly<Record<string, RegExp>> = { 处: SECTION_TOPIC, 司: SECTION_TOPIC, 中心: OFFICIAL_CENTRE, 专班: /工作$/, 办事处: /街道$/ };

function topicCandidate(text: string, head: string, headStart: number, headEnd: number, index: CandidateIndex): Candidate | null {
  const before = index.endingAt(headStart);
  if (head === '办公室' && before && headEnd - before.start <= MAX_AGENCY_LENGTH) {
    // 县委、县政府办公室: two simple bodies share one office.
    const other = SIMPLE_BODIES.has(before.body) && text[before.start - 1] === '、' ? index.endingAt(before.start - 1) : undefined;
    const first = other && SIMPLE_BODIES.has(other.body) ? other : before;
    const canonical = first === before ? before.canonical + head : `${other!.canonical}、${before.canonical}${head}`;
    return candidate({ ...first, end: headEnd, body: withoutRegion(text, canonical, first.region), canonical, functionKey: '', abbreviated: false, bare: false });
  }
  if (head === '办公室' && /[局厅]/.test(text[headStart - 1] ?? '')) {
    return make(text, { start: headStart - 1, end: headEnd, region: null, body: text[headStart - 1] + head, functionKey: '', level: 'unknown', abbreviated: false, bare: false });
  }
  // Every topic is part of the MAX_TOPIC characters before the head: a topic ending the head needs is looked for
  // there first, so most 处 (处理, 之处) and 中心 (活动中心) fail before the topic is read.
  const ending = TOPIC_ENDINGS[head];
  if (ending && !ending.test(text.slice(Math.max(0, headStart - MAX_TOPIC), headStart))) return null;
  let start = topicStart(text, headStart, headStart - 20);
  const lead = TOPIC_LEAD.exec(text.slice(start, headStart));
  if (lead?.[0].includes('校')) return null;
  if (lead) start += lead[0].length;
  if (text[start] === '”' || text[start] === '’') start++;
  const topic = text.slice(start, headStart);
  const party = nameOpeners.startingAt(text, start, headStart) ?? '';
  // After an opener the region may be the whole topic: 政协开原市委员会, 中国共产党岳阳县委员会.
  const region = leadingRegion(index.places, text, start + party.length, headStart, party ? 0 : 1);
  const core = text.slice(region?.end ?? start + party.length, headStart).replace(/[“”‘’"]/g, '').replace(/工作$/, '');
  const named = party && region && region.end === headStart;
  if ((!named && GENERIC_TOPIC.test(core)) || SCHOOL_TOPIC.test(topic) || nonStateBefore(text, start)) return null;
  if (SCHOOL_NEIGHBOUR_AFTER.test(text.slice(headEnd, headEnd + 6)) || SCHOOL_NEIGHBOUR_BEFORE.test(text.slice(Math.max(0, start - 6), start))) return null;
  if (head === '中心') {
    // 中心 needs an official function and a name beyond it: 校外培训矛盾纠纷诉前调解中心, not 活动中心 or a bare 指导中心.
    const centre = OFFICIAL_CENTRE.exec(topic);
    if (!centre || centre[0].length >= topic.length) return null;
  } else if (ending && !ending.test(topic)) return null;
  const body = party + text.slice(region?.end ?? start + party.length, headStart) + head;
  // A topic opening with a known body takes its level (国务院教育督导委员会办公室, 教育部基础教育司).
  const level = regionLevel(region) ?? index.startingAt(start)?.level ?? 'unknown';
  return make(text, { start, end: headEnd, region, body, functionKey: '', level, abbreviated: false, bare: false, canonical: text.slice(start, headEnd) });
}

/** Candidates from suffix heads, in text order. */
export function headCandidates(text: string, index: CandidateIndex, heads: LiteralMatches = HEAD_SCAN.matches(text)): void {
  for (let k = 0; k < heads.starts.length; k++) {
    const head = heads.words[k]!;
    const start = heads.starts[k]!;
    const end = start + head.length;
    const { kind, notAfter } = HEAD_SPECS.get(head)!;
    if (notAfter?.test(text.slice(end, end + 3))) continue;
    const candidate =
      kind === 'department' ? departmentCandidate(text, head, start, end, index)
      : kind === 'government' ? governmentCandidate(text, head, start, end, index)
      : kind === 'council' ? councilCandidate(text, head, start, end, index)
      : topicCandidate(text, head, start, end, index);
    if (candidate) index.add(candidate);
  }
}

/**
 * From candidates to agencies: the longest of overlapping candidates wins, then mentions of one body are merged
 * once per document (a shorter later form joins the agency already listed), each with its first full name.
 */
import type { Agency } from '../../schemas/fields.js';
import type { Candidate } from './agency-find.js';
import type { Region } from './agency-grow.js';
import { lowerBound } from './search.js';

/** Keeps, of overlapping candidates, the longest (楚雄市教育体育局 over 教育体育局, 县委、县政府督查室 over 县委). */
export function selectCandidates(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    const last = kept[kept.length - 1];
    if (!last || candidate.start >= last.end) kept.push(candidate);
    else if (candidate.end - candidate.start > last.end - last.start) kept[kept.length - 1] = candidate;
  }
  return kept;
}

interface Group {
  candidates: Candidate[];
  /** The first region given to the agency, which later mentions must agree with. */
  region: Region | null;
  /** Position in the list of agencies. */
  order: number;
}

/** 楚雄市 and 市 agree (the tier of the place); 楚雄州 and 市 do not; a mention without region agrees with all. */
function regionsAgree(a: Region | null, b: Region | null): boolean {
  if (!a || !b) return true;
  if (a.place && b.place) return a.place.code === b.place.code;
  if (a.place) return !!b.tier && a.place.name.endsWith(b.tier);
  if (b.place) return !!a.tier && b.place.name.endsWith(a.tier);
  return a.tier === b.tier;
}

/** Groups by a key, each list in order of creation. */
class GroupIndex {
  private readonly map = new Map<string, Group[]>();
  get(key: string): readonly Group[] {
    return (key && this.map.get(key)) || [];
  }
  add(key: string, group: Group): void {
    if (!key) return;
    const list = this.map.get(key);
    if (!list) this.map.set(key, [group]);
    else if (!list.includes(group)) list.push(group);
  }
}

/** Of the groups that agree with the region, the earliest whose first name is a 部门, else the earliest. */
function bareHost(byFunction: readonly Group[], byBody: readonly Group[], region: Region | null): Group | undefined {
  let earliest: Group | undefined;
  let department: Group | undefined;
  for (const list of [byFunction, byBody]) {
    for (const g of list) {
      if (!regionsAgree(g.region, region)) continue;
      if (!earliest || g.order < earliest.order) earliest = g;
      if (g.candidates[0]!.body.endsWith('部门') && (!department || g.order < department.order)) department = g;
    }
  }
  return department ?? earliest;
}

/** Groups candidates (in text order) into agencies, with look-ups by body and by function (linear in practice). */
export function groupCandidates(candidates: readonly Candidate[]): Candidate[][] {
  const groups: Group[] = [];
  const byBody = new GroupIndex();
  const byFunction = new GroupIndex();
  for (const candidate of candidates) {
    let group: Group | undefined;
    if (candidate.bare) {
      // A bare function word (公安, 民政, 各区县(市)财政) joins an earlier body of that function, a 部门 first.
      group = bareHost(byFunction.get(candidate.functionKey), byBody.get(candidate.body), candidate.region);
    } else group = byBody.get(candidate.body).find((g) => regionsAgree(g.region, candidate.region));
    if (group) {
      group.candidates.push(candidate);
      group.region ??= candidate.region;
    } else {
      group = { candidates: [candidate], region: candidate.region, order: groups.length };
      groups.push(group);
    }
    byBody.add(candidate.body, group);
    byFunction.add(candidate.functionKey, group);
  }
  return groups.map((g) => g.candidates);
}

/** The agency record: the first full (unabbreviated) form names it; its canonical form and level come with it. */
export function toAgency(text: string, group: readonly Candidate[]): Agency {
  const named = group.find((c) => !c.abbreviated && !c.bare) ?? group[0]!;
  // A named place fixes the level (市人民政府 beside 楚雄市人民政府 is county level); else the name's own word.
  const place = group.find((c) => c.region?.place)?.region?.place;
  const level = place?.level ?? (named.level !== 'unknown' ? named.level : (group.find((c) => !c.bare && c.level !== 'unknown')?.level ?? 'unknown'));
  // Pushed, not mapped: once optimised, map makes arrays of another elements kind than the builtin does, and
  // addTruncatedMentions's optimised code would bail out on them.
  const mentions: Agency['mentions'] = [];
  for (const c of group) mentions.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end });
  return { name: text.slice(named.start, named.end), canonical: named.canonical, level, mentions };
}

/** Short forms of an office cut at 办: 推进办 for 在线家庭教育推进办公室 (承德), “双减”办 for …领导小组办公室. */
export function truncatedForms(name: string): string[] {
  if (!name.endsWith('办公室')) return [];
  const topic = name.slice(0, -3).replace(/(工作)?(领导小组)?$/, '');
  const quoted = /“([^“”]{2,8})”$/.exec(topic);
  const plain = topic.replace(/[“”]/g, '');
  const forms = new Set<string>();
  if (quoted) forms.add(`“${quoted[1]}”办`).add(`${quoted[1]}办`);
  for (const k of [2, 3, 4]) if (plain.length > k) forms.add(`${plain.slice(-k)}办`);
  return [...forms];
}

const NOT_AFTER_BAN = /^[公学法理事好]/;

/** Offsets of every occurrence of one character, in order. */
function offsetsOf(text: string, char: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) offsets.push(at);
  return offsets;
}

/** Adds the later truncated mentions of offices to their agencies, outside spans already taken. */
export function addTruncatedMentions(text: string, agencies: Agency[]): void {
  // Mentions never overlap and are short, so a look-up by start offset over a small window finds any overlap.
  const taken = new Map<number, number>();
  let longest = 0;
  for (const agency of agencies) {
    for (const m of agency.mentions) {
      taken.set(m.start, m.end);
      longest = Math.max(longest, m.end - m.start);
    }
  }
  const isTaken = (start: number, end: number): boolean => {
    for (let s = start - longest; s < end; s++) if ((taken.get(s) ?? -1) > start) return true;
    return false;
  };
  // Forms are found through the offsets of their last character (办), read once per text, instead of one search
  // of the whole text per form.
  const lastOffsets = new Map<string, number[]>();
  for (const agency of agencies) {
    const first = agency.mentions[0]!.end;
    let added = false;
    for (const form of truncatedForms(agency.name)) {
      const last = form[form.length - 1]!;
      let offsets = lastOffsets.get(last);
      if (!offsets) lastOffsets.set(last, (offsets = offsetsOf(text, last)));
      // As `indexOf(form, from)` would: the next occurrence at or after `from`, then after the one found.
      let from = first;
      for (let k = lowerBound(offsets, from + form.length - 1); k < offsets.length; k++) {
        const at = offsets[k]! - form.length + 1;
        if (at < from || !text.startsWith(form, at)) continue;
        from = at + form.length;
        const end = at + form.length;
        if (NOT_AFTER_BAN.test(text.slice(end, end + 1)) || isTaken(at, end)) continue;
        agency.mentions.push({ text: form, start: at, end });
        taken.set(at, end);
        added = true;
      }
    }
    // The grouped mentions are in text order already; only added ones need a sort.
    if (added) agency.mentions.sort((a, b) => a.start - b.start);
  }
}

import type { Proposal } from '../../schemas/meta.js';
import type { Line } from './meta-header.js';
import { findSalutation, salutationAddressee } from './meta-header.js';
import { parseSmallInteger } from './meta-numerals.js';
import {
  BODY_LEVEL, CLUES, holdsClue, NUMBER_AFTER_SESSION, ORGANIZATION_PROPOSER, PROPOSAL_NUMBER, PROPOSED_BY,
  PROPOSED_BY_ADDRESSEE, PROPOSER_IN_TEXT, PROPOSER_TRIM, QUOTED, RECEIVING_BODY, RECEIVING_BODY_LONG, ROLE_WORDS,
  SELF_REFERENCE, SESSION, SPAM, TITLE_LABELLED, UNQUOTED_TITLE,
} from './meta-patterns.js';

/**
 * The proposal or suggestion a reply answers: which council, at what level, its 届/次/号, title and proposer.
 * Each field is read from the title first, then the header, then the opening of the body, where a reply names
 * what it answers; the rest of the body talks about other things and is not searched.
 */

export interface ProposalSources {
  title: string | null;
  header: readonly Line[];
  /** The salutation and the first paragraphs after it. */
  opening: readonly Line[];
  /** Whole text, for self-references (我市) only. */
  text: string;
}

type Role = NonNullable<Proposal['proposerRole']>;
type Level = NonNullable<Proposal['level']>;

/** Paragraphs after the salutation that still introduce the proposal (现答复如下 usually ends the first). */
export const OPENING_PARAGRAPHS = 3;

/** Puts back 关于 where a betting-site name replaced it; drops the name when 关于 is still there. */
export function repairSpam(text: string): string {
  const match = SPAM.exec(text);
  if (!match) return text;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  const replacement = after.startsWith('关于') || before.endsWith('关于') ? '' : '关于';
  return repairSpam(before + replacement + after);
}

function searchOrder(sources: ProposalSources): string[] {
  return [sources.title ?? '', ...sources.header.map((l) => l.text), ...sources.opening.map((l) => l.text)];
}

/** The salutation's addressee, without 尊敬的 and 您好. */
function addressee(sources: ProposalSources): string | null {
  const lines = [...sources.header, ...sources.opening];
  const index = findSalutation(lines);
  return index < 0 ? null : salutationAddressee(lines[index]!.text);
}

export function roleOf(name: string): Role | null {
  for (const { word, role } of ROLE_WORDS) if (word.test(name)) return role;
  const bare = name.replace(PROPOSER_TRIM, '');
  return ORGANIZATION_PROPOSER.test(bare) ? 'organization' : null;
}

/** Proposer and role from the salutation, else from `X委员提出的` in the title or opening. */
export function findProposer(sources: ProposalSources): { proposer: string | null; role: Role | null } {
  const to = addressee(sources);
  if (to) {
    const proposer = to.replace(PROPOSER_TRIM, '').replace(PROPOSER_TRIM, '').trim();
    const role = roleOf(to);
    if (proposer && !/^(各位|您|你们)/.test(proposer)) return { proposer, role };
    if (role) return { proposer: null, role };
  }
  for (const text of searchOrder(sources)) {
    const match = PROPOSER_IN_TEXT.exec(text);
    if (match && !/(政协|人大|会议|届|各位)/.test(match[1]!)) return { proposer: match[1]!, role: match[2] === '委员' ? 'member' : 'deputy' };
  }
  return { proposer: null, role: null };
}

/** Which council: an explicit 政协 / 人大 in the title or header, then the addressee's role, then the word 提案 / 建议. */
export function findBody(sources: ProposalSources, role: Role | null): Proposal['body'] {
  const near = [sources.title ?? '', ...sources.header.map((l) => l.text)].join('\n');
  const cppcc = /政协|政治协商/.test(near);
  const npc = /人大|人民代表大会/.test(near);
  if (cppcc !== npc) return cppcc ? 'cppcc' : 'npc';
  if (role === 'member') return 'cppcc';
  if (role === 'deputy') return 'npc';
  const opening = [near, ...sources.opening.map((l) => l.text)].join('\n');
  const openingCppcc = /政协|政治协商/.test(opening);
  const openingNpc = /人大|人民代表大会/.test(opening);
  if (openingCppcc !== openingNpc) return openingCppcc ? 'cppcc' : 'npc';
  const proposal = /提案/.test(opening);
  const suggestion = /(代表|人大)[^。]{0,20}建议|建议[^。]{0,6}(收悉|办理)|议案/.test(opening);
  if (proposal !== suggestion) return proposal ? 'cppcc' : 'npc';
  return null;
}

/** The level word of the receiving body (市政协 → city); else the level the text speaks from (我市 → city). */
export function findLevel(sources: ProposalSources): Level | null {
  for (const text of searchOrder(sources)) {
    const long = RECEIVING_BODY_LONG.exec(text);
    const short = RECEIVING_BODY.exec(text);
    const match = [long, short].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
    if (match) return BODY_LEVEL[match[1]!] ?? null;
  }
  const counts = new Map<string, number>();
  for (const match of sources.text.matchAll(SELF_REFERENCE)) {
    if (match[0].startsWith('全')) continue; // 全市 also names the city a county belongs to
    counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return top ? (BODY_LEVEL[top[0]] ?? null) : null;
}

/** 届, 次 and 号 from the first session phrase (十届一次会议第78号), or a bare 第N号提案. */
export function findNumbers(sources: ProposalSources): Pick<Proposal, 'term' | 'session' | 'number'> {
  for (const text of searchOrder(sources)) {
    const session = holdsClue(text, CLUES.session) ? SESSION.exec(text) : null;
    if (session) {
      const after = text.slice(session.index + session[0].length);
      const numberMatch = NUMBER_AFTER_SESSION.exec(after) ?? PROPOSAL_NUMBER.exec(after);
      const raw = numberMatch ? (numberMatch[1] ?? numberMatch[2] ?? numberMatch[3]) : undefined;
      return {
        term: parseSmallInteger(session[1]!),
        session: parseSmallInteger(session[2]!),
        number: raw ? parseSmallInteger(raw) : null,
      };
    }
  }
  for (const text of searchOrder(sources)) {
    const match = holdsClue(text, CLUES.proposalNumber) ? PROPOSAL_NUMBER.exec(text) : null;
    if (match) return { term: null, session: null, number: parseSmallInteger((match[1] ?? match[2] ?? match[3])!) };
  }
  return { term: null, session: null, number: null };
}

/** The proposal's title: quoted after 提出的, unquoted after 提出的, labelled, quoted in the title, `关于…的提案` in the title. */
export function findProposalTitle(sources: ProposalSources): string | null {
  const opening = [...sources.header, ...sources.opening].map((l) => l.text);
  for (const text of opening) {
    const labelled = TITLE_LABELLED.exec(text);
    if (labelled) return repairSpam((labelled[1] ?? labelled[2])!.trim());
  }
  for (const text of opening) {
    if (!holdsClue(text, CLUES.proposedBy)) continue;
    for (const by of text.matchAll(holdsClue(text, CLUES.namedProposer) ? PROPOSED_BY : PROPOSED_BY_ADDRESSEE)) {
      const after = text.slice(by.index + by[0].length).replace(/^第\s*\d+\s*号\s*/, '').replace(/^(提案|建议|议案)\s*/, '');
      const quoted = QUOTED.exec(after);
      if (quoted && quoted.index === 0) return repairSpam(quoted[1]!.trim());
      const unquoted = UNQUOTED_TITLE.exec(after);
      if (unquoted) return repairSpam(unquoted[1]!.trim());
    }
  }
  const title = sources.title ?? '';
  const quoted = QUOTED.exec(title);
  if (quoted && /关于/.test(quoted[1]!)) return repairSpam(quoted[1]!.trim());
  const inTitle = /(关于(?!对)[^“”《》]{2,120}?的(?:提案|建议|议案))(?:的)?(?:答复|办理|$)/u.exec(title);
  return inTitle ? repairSpam(inTitle[1]!) : null;
}

/** Everything about the proposal; null when the document answers none. */
export function extractProposal(sources: ProposalSources): Proposal {
  const { proposer, role } = findProposer(sources);
  return {
    body: findBody(sources, role),
    level: findLevel(sources),
    ...findNumbers(sources),
    title: findProposalTitle(sources),
    proposer,
    proposerRole: role,
  };
}

import { emptyMeta, type Meta, type Proposal } from '../../schemas/meta.js';
import type { Message } from '../../schemas/record.js';
import { need, warning, type DocState } from '../document.js';
import {
  cleanPageTitle, findBodyStart, findDocNumber, findHeaderTitle, findIndexNumber, findPublishedDate, findPublisher,
  findReplyClass, headerLines, splitLines,
} from '../lib/meta-header.js';
import { NEWS_MARKERS, REPLY_MARKERS, REPLY_TITLE, TITLE_WORDS } from '../lib/meta-patterns.js';
import { OPENING_PARAGRAPHS, extractProposal, repairSpam } from '../lib/meta-proposal.js';
import { resolveRegion } from '../lib/meta-region.js';
import {
  findContact, findSignature, responderFromLetterhead, responderFromSelfReference, responderFromTitle, type Signature,
} from '../lib/meta-signature.js';
import type { DivisionIndex } from '../lib/meta-divisions.js';
import type { Stage } from './stage.js';

const STAGE = 'extract-meta';

/** A person's name as a proposer: two to four Han characters, no organisation word. */
const PERSON_NAME = /^[\p{Script=Han}·]{2,4}$/u;

const NO_SIGNATURE: Signature = { responder: null, signedDate: null };

/** Runs one field's rule; a rule that throws on odd text leaves a warning and the fallback, never an exception. */
function attempt<T>(messages: Message[], field: string, read: () => T, fallback: T): T {
  try {
    return read();
  } catch (error) {
    messages.push(warning(STAGE, 'meta-field-failed', `${field}: ${error instanceof Error ? error.message : String(error)}`));
    return fallback;
  }
}

/** A person proposing to a 政协 is a member, to a 人大 a deputy, even when the salutation gives no role (张三同志:). */
function withImpliedRole(proposal: Proposal): Proposal {
  if (proposal.proposerRole || !proposal.proposer || !proposal.body || !PERSON_NAME.test(proposal.proposer)) return proposal;
  return { ...proposal, proposerRole: proposal.body === 'cppcc' ? 'member' : 'deputy' };
}

function extract(doc: Readonly<DocState>, text: string, messages: Message[], divisions: DivisionIndex): Meta {
  const meta = emptyMeta();
  const lines = splitLines(text);
  const bodyStart = findBodyStart(lines);
  const header = headerLines(lines, bodyStart);
  const pageTitle = cleanPageTitle(doc.pageTitle);
  const isReply = bodyStart >= 0 || REPLY_MARKERS.test(text) || [...header.map((l) => l.text), pageTitle ?? ''].some((l) => REPLY_TITLE.test(l));

  const ownTitle = attempt(messages, 'title', () => {
    const fromPage = pageTitle && (!isReply || TITLE_WORDS.test(pageTitle)) ? pageTitle : null;
    const found = fromPage ?? findHeaderTitle(header, isReply);
    return found ? repairSpam(found) : null;
  }, null);

  // docType: a reply is classed by the council it answers; anything else is news unless titled like a document.
  const opening = bodyStart >= 0 ? lines.slice(bodyStart, bodyStart + 1 + OPENING_PARAGRAPHS) : [];
  const proposal = isReply ? attempt(messages, 'proposal', () => withImpliedRole(extractProposal({ title: ownTitle, header, opening, text })), null) : null;
  if (isReply) {
    meta.docType = proposal?.body === 'cppcc' ? 'proposal_reply' : proposal?.body === 'npc' ? 'suggestion_reply' : 'other';
    if (meta.docType === 'other') messages.push(warning(STAGE, 'meta-reply-body-unknown', 'a reply that names neither a 政协 提案 nor a 人大 建议'));
    else meta.proposal = proposal;
  } else {
    meta.docType = NEWS_MARKERS.test(text) || (ownTitle !== null && !TITLE_WORDS.test(ownTitle)) ? 'news' : 'other';
  }
  const news = meta.docType === 'news';

  meta.title = ownTitle ?? meta.proposal?.title ?? null;
  if (!meta.title) messages.push(warning(STAGE, 'meta-no-title', 'neither a title nor a proposal title was found'));

  meta.publisher = attempt(messages, 'publisher', () => findPublisher(header), null);
  meta.indexNumber = attempt(messages, 'indexNumber', () => findIndexNumber(header), null);
  meta.docNumber = attempt(messages, 'docNumber', () => findDocNumber(header), null);
  meta.publishedDate = attempt(messages, 'publishedDate', () => findPublishedDate(header, lines, isReply), null);
  meta.replyClass = isReply ? attempt(messages, 'replyClass', () => findReplyClass(header, lines, ownTitle), null) : null;

  // The foot: a news article has no signature, responder or handling officer.
  const signature = news ? NO_SIGNATURE : attempt(messages, 'signature', () => findSignature(lines, bodyStart), NO_SIGNATURE);
  const agencyNames = (doc.agencies ?? []).map((agency) => agency.name);
  meta.signedDate = signature.signedDate;
  meta.responder = news
    ? null
    : attempt(messages, 'responder', () =>
        signature.responder ??
        responderFromTitle(ownTitle) ??
        responderFromLetterhead(header) ??
        (isReply ? responderFromSelfReference(text, meta.publisher, agencyNames) : null), null);
  meta.contact = news ? null : attempt(messages, 'contact', () => findContact(lines, bodyStart), null);

  const region = attempt(messages, 'region', () =>
    resolveRegion(divisions, {
      // A news page's 来源 is a newspaper or a site, not a speaker: it is read after the headline.
      speakers: news ? [] : [meta.responder, signature.responder, meta.publisher],
      subjects: news ? [ownTitle, meta.publisher] : [ownTitle],
      text,
      agencies: agencyNames,
    }), { region: null, note: null });
  meta.region = region.region;
  if (region.note) messages.push(warning(STAGE, 'meta-region-uncertain', region.note));
  return meta;
}

/**
 * Metadata (ANNOTATION.md § Metadata): every field, null when the document does not state it. Each field is read
 * by its own rule family in lib/meta-*.ts; odd text gives null fields and warnings, never an exception. The
 * divisions index comes from the stage context.
 */
export const extractMeta: Stage = {
  name: STAGE,
  run(doc, context) {
    const text = need(doc, 'text', STAGE);
    const messages: Message[] = [];
    const meta = attempt(messages, 'meta', () => extract(doc, text, messages, context.divisions), emptyMeta());
    return { patch: { meta }, messages };
  },
};

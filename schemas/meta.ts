import { z } from 'zod';

/** Document metadata, one field per row of ANNOTATION.md § Metadata. Absent facts are `null`, never guessed. */

export const DocType = z
  .enum(['proposal_reply', 'suggestion_reply', 'news', 'other'])
  .describe('proposal_reply: 答复 to a 政协 提案; suggestion_reply: 答复 to a 人大 代表 建议; news: news or report article');

export const Region = z
  .object({
    name: z.string().describe('administrative area as named in the text, e.g. 楚雄市'),
    code: z.string().regex(/^\d{6}$/).nullable().describe('GB/T 2260 six-digit code'),
  })
  .describe('the smallest administrative area the document certainly speaks for');

export const Proposal = z
  .object({
    body: z.enum(['cppcc', 'npc']).nullable().describe('cppcc for 政协 提案, npc for 人大 建议'),
    level: z.enum(['national', 'province', 'city', 'county', 'district']).nullable(),
    term: z.number().int().nullable().describe('届, e.g. 十届 → 10'),
    session: z.number().int().nullable().describe('次会议, e.g. 一次会议 → 1'),
    number: z.number().int().nullable().describe('提案/建议 number, e.g. 第78号 → 78'),
    title: z.string().nullable(),
    proposer: z.string().nullable(),
    proposerRole: z.enum(['member', 'deputy', 'organization']).nullable(),
  })
  .describe('the proposal or suggestion this document replies to');

export const Contact = z.object({
  person: z.string().nullable(),
  phone: z.string().nullable().describe('digits with one hyphen after the area code, e.g. 0730-7628035'),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Meta = z.object({
  title: z.string().nullable(),
  docType: DocType.nullable(),
  publisher: z.string().nullable().describe('body named as 发布机构 / 来源'),
  responder: z.string().nullable().describe('body that signs or gives the reply'),
  region: Region.nullable(),
  publishedDate: isoDate.nullable(),
  signedDate: isoDate.nullable(),
  indexNumber: z.string().nullable().describe('索引号'),
  docNumber: z.string().nullable().describe('文号 of the reply itself'),
  replyClass: z.string().nullable().describe('result class as written: A类, B类, C类, A1类, 甲类 …'),
  proposal: Proposal.nullable(),
  contact: Contact.nullable(),
});

export type Meta = z.infer<typeof Meta>;
export type Proposal = z.infer<typeof Proposal>;
export type Region = z.infer<typeof Region>;

export function emptyMeta(): Meta {
  return {
    title: null,
    docType: null,
    publisher: null,
    responder: null,
    region: null,
    publishedDate: null,
    signedDate: null,
    indexNumber: null,
    docNumber: null,
    replyClass: null,
    proposal: null,
    contact: null,
  };
}

import type { Meta } from '../../schemas/meta.js';
import { findDates, isDateLine } from './dates.js';
import type { Line } from './meta-header.js';
import { NOT_SIGNATURE, ORG_SUFFIX, SIGNATURE_NOISE } from './meta-patterns.js';

/**
 * The foot of a reply: the signing body, the date under it, and the handling officer's name and telephone
 * (003: 岳阳县教育体育局 / 2025年4月21日 / 承办人及联系电话:袁文炳 0730--7628035).
 */

/** How many lines from the end the signature block may start: signature, date, contact lines and a 抄送 line. */
export const TAIL_LINES = 10;

/** A line that names a body and nothing else: short, no sentence punctuation, ending in an organisation suffix. */
export function isOrgLine(text: string): boolean {
  const cleaned = text.replace(SIGNATURE_NOISE, '').trim();
  if (cleaned.length < 3 || cleaned.length > 40 || NOT_SIGNATURE.test(cleaned)) return false;
  if (/[。,，;；:：!！?？“”《》、]/.test(cleaned)) return false;
  return ORG_SUFFIX.test(cleaned.split(/\s+/)[0]!);
}

export interface Signature {
  responder: string | null;
  signedDate: string | null;
}

/** The signature: the last date standing alone near the end, and the body named on the line above it (or beside it). */
export function findSignature(lines: readonly Line[], bodyStart: number): Signature {
  const from = Math.max(bodyStart + 1, lines.length - TAIL_LINES, 0);
  for (let i = lines.length - 1; i >= from; i--) {
    const text = lines[i]!.text;
    const dates = findDates(text);
    let responder: string | null = null;
    if (isDateLine(text, dates)) {
      const above = lines[i - 1];
      if (above && i - 1 > bodyStart && isOrgLine(above.text)) responder = above.text.replace(SIGNATURE_NOISE, '').trim().split(/\s+/)[0]!;
    } else {
      // 岳阳县教育体育局 2025年4月21日 on one line.
      const last = dates[dates.length - 1];
      if (!last || last.end < text.trimEnd().length - 1) continue;
      const before = text.slice(0, last.start).trim();
      if (!isOrgLine(before)) continue;
      responder = before.replace(SIGNATURE_NOISE, '').trim().split(/\s+/)[0]!;
    }
    return { responder, signedDate: dates.at(-1)!.iso };
  }
  return { responder: null, signedDate: null };
}

/** The responder named at the head of the title: 楚雄市教育体育局关于对市政协…的答复 (001). */
export function responderFromTitle(title: string | null): string | null {
  if (!title) return null;
  const match = /^([\p{Script=Han}]{3,30}?)(?:关于|对于|对|就)/u.exec(title);
  if (!match || !ORG_SUFFIX.test(match[1]!) || /(政协|人大|委员|代表)/.test(match[1]!)) return null;
  return match[1]!;
}

/** A letterhead line: a body named alone right above a title line (003: 岳阳县教育体育局 / 对县政协…的). */
export function responderFromLetterhead(header: readonly Line[]): string | null {
  for (let i = 0; i + 1 < header.length; i++) {
    if (/^(关于|对)/.test(header[i + 1]!.text) && isOrgLine(header[i]!.text)) return header[i]!.text.replace(SIGNATURE_NOISE, '').trim();
  }
  return null;
}

/** 我局 (我委, 我厅) with the bureau named: the publisher or the one agency with that suffix. */
export function responderFromSelfReference(text: string, publisher: string | null, agencies: readonly string[]): string | null {
  const self = /我(局|委|厅|办|院)/.exec(text);
  if (!self) return null;
  const suffix = self[1]!;
  if (publisher?.endsWith(suffix)) return publisher;
  const named = [...new Set(agencies.filter((name) => name.endsWith(suffix) && !/^[省市州县区]/.test(name)))];
  return named.length === 1 ? named[0]! : null;
}

/** Labels of the handling officer, strongest first: 联系人 / 承办人 / 经办人, then 承办负责人 / 负责人. */
const PERSON_LABELS = [
  /(?:联\s*系\s*人|承\s*办\s*人|经\s*办\s*人|经办人员|联络人|办理人)(?:员)?(?:及(?:其)?(?:联系)?(?:电话|方式)|和电话|\/电话|、电话)?\s*[:：]\s*/u,
  /(?:承办负责人|负\s*责\s*人|签\s*发\s*人)\s*[:：]\s*/u,
];
const NAME = /^([\p{Script=Han}·]{2,4}?)(?=电话|联系|手机|座机|同志|科长|股长|主任|[\s,，;；:：()（）0-9-]|$)/u;
const PHONE_LABEL = /(?:联\s*系\s*电\s*话|电\s*话|手\s*机|联系方式|座\s*机)\s*[:：]?/u;
/** A telephone: mobile, or optional area code (with brackets, hyphens or dashes) and a 7-8 digit local number. */
const PHONE = /(?<!\d)(1[3-9]\d{9}|(?:[(（]?(0\d{2,3})[)）]?\s*[-－—–‐]*\s*)?([2-9]\d{6,7}))(?!\d)/;

/** Digits with one hyphen after the area code: 0730--7628035 → 0730-7628035, (0730)7628035 → 0730-7628035. */
export function normalisePhone(raw: string): string | null {
  const match = PHONE.exec(raw);
  if (!match) {
    const digits = raw.replace(/\D/g, '');
    if (/^0\d{9,11}$/.test(digits)) {
      const area = /^0[12]/.test(digits) ? 3 : 4;
      return `${digits.slice(0, area)}-${digits.slice(area)}`;
    }
    return null;
  }
  if (/^1[3-9]\d{9}$/.test(match[1]!)) return match[1]!;
  return match[2] ? `${match[2]}-${match[3]}` : match[3]!;
}

/**
 * The handling officer's name and telephone from the foot of the reply; null when neither is given. Only the foot
 * is read: a body that cites a hotline (举报电话:0730-…) names no handling officer.
 */
export function findContact(lines: readonly Line[], bodyStart: number): Meta['contact'] {
  const tail = lines.slice(Math.max(bodyStart + 1, lines.length - TAIL_LINES, 0));
  let person: string | null = null;
  for (const label of PERSON_LABELS) {
    for (const line of tail) {
      const match = label.exec(line.text);
      if (!match) continue;
      const name = NAME.exec(line.text.slice(match.index + match[0].length));
      if (name) {
        person = name[1]!;
        break;
      }
    }
    if (person) break;
  }
  let phone: string | null = null;
  for (const line of tail) {
    const label = PHONE_LABEL.exec(line.text);
    if (!label) continue;
    const value = normalisePhone(line.text.slice(label.index + label[0].length));
    if (value) {
      phone = value;
      break;
    }
  }
  return person || phone ? { person, phone } : null;
}

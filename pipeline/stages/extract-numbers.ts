import type { NumberMention } from '../../schemas/fields.js';
import type { Message } from '../../schemas/record.js';
import { need, warning } from '../document.js';
import { buildRuleContext, isLoneOne, keepLoneOne, rejectReason } from '../lib/number-rules.js';
import { MAX_RUN } from '../lib/number-forms.js';
import { readExpression, type NumberCandidate } from '../lib/number-scan.js';
import type { Stage } from './stage.js';

const STAGE = 'extract-numbers';
/** Characters that can start a number expression: digits, Chinese numerals, and 半 (`半年`). */
const NUMERAL_START = /[0-9０-９零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿半]/g;

export interface NumberFinding {
  numbers: NumberMention[];
  messages: Message[];
}

/** A candidate as the record's NumberMention. */
function toMention(text: string, candidate: NumberCandidate): NumberMention {
  return {
    raw: text.slice(candidate.start, candidate.end),
    value: candidate.value,
    unit: candidate.unit,
    kind: candidate.kind,
    qualifier: candidate.qualifier,
    start: candidate.start,
    end: candidate.end,
    measure: null,
  };
}

function finiteValue(value: NumberCandidate['value']): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((part) => typeof part === 'string' || Number.isFinite(part));
  return true;
}

/**
 * Finds the numbers of ANNOTATION.md § Numbers on the normalised text, in text order. Two passes: every
 * expression is read and judged on its own, then each lone `一` is kept only where it carries quantity weight,
 * which may depend on the other numbers of its clause. Never throws: a candidate that cannot be read is skipped
 * with a warning.
 */
export function findNumbers(text: string): NumberFinding {
  const messages: Message[] = [];
  if (!text) return { numbers: [], messages };
  const context = buildRuleContext(text);
  const accepted: NumberCandidate[] = [];
  const loneOnes = new Set<NumberCandidate>();
  let longRuns = 0;
  let failures = 0;
  const pattern = new RegExp(NUMERAL_START.source, 'g');
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const at = match.index;
    try {
      const { candidate, next } = readExpression(text, at);
      if (next - at > MAX_RUN && !candidate) longRuns++;
      pattern.lastIndex = Math.max(next, at + 1);
      if (!candidate) continue;
      if (!finiteValue(candidate.value)) {
        messages.push(warning(STAGE, 'number-out-of-range', `number at ${at} is too large to represent: ${text.slice(candidate.start, candidate.end)}`));
        continue;
      }
      if (rejectReason(context, candidate) !== null) continue;
      accepted.push(candidate);
      if (isLoneOne(text, candidate)) loneOnes.add(candidate);
    } catch (error) {
      failures++;
      pattern.lastIndex = at + 1;
      if (failures <= 3) messages.push(warning(STAGE, 'number-unreadable', `skipped the expression at ${at}: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
  if (longRuns > 0) messages.push(warning(STAGE, 'number-long-digit-run', `${longRuns} digit run(s) longer than ${MAX_RUN} characters read as codes, not numbers`));
  const kept = accepted.filter((candidate) => !loneOnes.has(candidate) || keepLoneOne(text, candidate, accepted));
  return { numbers: kept.map((candidate) => toMention(text, candidate)), messages };
}

/** Numbers (ANNOTATION.md § Numbers) found on the text, with offsets; `measure` is linked by the measures stage. */
export const extractNumbers: Stage = {
  name: STAGE,
  run(doc) {
    const text = need(doc, 'text', STAGE);
    const { numbers, messages } = findNumbers(text);
    return { patch: { numbers }, messages };
  },
};

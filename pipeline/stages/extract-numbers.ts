import type { NumberMention } from '../../schemas/fields.js';
import type { Message } from '../../schemas/record.js';
import { need, warning } from '../document.js';
import { buildRuleContext, type RuleContext } from '../lib/number-context.js';
import { intrinsicRejectReason, isLoneOne, keepLoneOne, rejectReason } from '../lib/number-rules.js';
import { MAX_RUN } from '../lib/number-forms.js';
import { finishCandidate } from '../lib/number-qualifiers.js';
import { readExpression, type NumberCandidate, type ScanCursor } from '../lib/number-scan.js';
import type { Stage } from './stage.js';

const STAGE = 'extract-numbers';

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
  if (typeof value === 'string') return true;
  for (const part of value) if (typeof part === 'number' && !Number.isFinite(part)) return false;
  return true;
}

/** The candidates judged on their own, in text order, and which of them are a lone `一`. */
interface Reading {
  accepted: NumberCandidate[];
  loneOnes: Set<NumberCandidate>;
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
  const { accepted, loneOnes } = readExpressions(text, buildRuleContext(text), messages);
  const kept = accepted.filter((candidate) => !loneOnes.has(candidate) || keepLoneOne(text, candidate, accepted));
  return { numbers: kept.map((candidate) => toMention(text, candidate)), messages };
}

/**
 * The first pass, at every place a number can start. Kept apart from findNumbers so that the loop V8 optimises holds
 * only the reading and judging: the per-document setup and output stay out of that compile.
 */
function readExpressions(text: string, context: RuleContext, messages: Message[]): Reading {
  const reading: Reading = { accepted: [], loneOnes: new Set() };
  const starts = context.numeralStarts;
  let longRuns = 0;
  let failures = 0;
  let at = 0; // where scanning resumes: past the end of the last expression read
  const cursor: ScanCursor = { next: 0 };
  for (let n = 0; n < starts.length; n++) {
    const start = starts[n]!;
    if (start < at) continue;
    try {
      const candidate = readExpression(text, start, cursor);
      const next = cursor.next;
      if (next - start > MAX_RUN && !candidate) longRuns++;
      at = Math.max(next, start + 1);
      if (!candidate) continue;
      if (!finiteValue(candidate.value)) {
        messages.push(warning(STAGE, 'number-out-of-range', `number at ${start} is too large to represent: ${text.slice(candidate.start, candidate.end)}`));
        continue;
      }
      if (intrinsicRejectReason(context, candidate) !== null) continue;
      if (rejectReason(context, finishCandidate(text, candidate)) !== null) continue;
      reading.accepted.push(candidate);
      if (isLoneOne(text, candidate)) reading.loneOnes.add(candidate);
    } catch (error) {
      failures++;
      if (failures <= 3) messages.push(warning(STAGE, 'number-unreadable', `skipped the expression at ${start}: ${error instanceof Error ? error.message : String(error)}`));
      at = start + 1;
    }
  }
  if (longRuns > 0) messages.push(warning(STAGE, 'number-long-digit-run', `${longRuns} digit run(s) longer than ${MAX_RUN} characters read as codes, not numbers`));
  return reading;
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

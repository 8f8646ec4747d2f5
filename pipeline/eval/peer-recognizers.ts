/**
 * The peer baseline for numbers (issue 3, `eval --peer recognizers`): Microsoft Recognizers-Text's Chinese number,
 * percentage, currency, dimension and age recognisers, mapped to the guide's NumberMention shape with no rules of
 * our own. What the recognisers do not report stays at its plain default: no qualifiers (`exact`), no ranges, and
 * a bare number is a `count` with no unit. Where a typed result (percentage, currency, age, dimension) and a bare
 * number overlap, the typed one is kept, as the recognisers' own merged models do.
 */
import numberPackage from '@microsoft/recognizers-text-number';
import unitPackage from '@microsoft/recognizers-text-number-with-unit';

const { Culture, recognizeNumber, recognizePercentage } = numberPackage;
const { recognizeAge, recognizeCurrency, recognizeDimension } = unitPackage;

export type PeerKind = 'count' | 'percent' | 'money' | 'ratio' | 'duration' | 'time' | 'age' | 'other';
export type PeerQualifier = 'exact' | 'approx' | 'more_than' | 'at_least' | 'at_most' | 'range';

export interface PeerNumber {
  raw: string;
  value: number | [number, number] | string | [string, string];
  unit: string | null;
  kind: PeerKind;
  qualifier: PeerQualifier;
  start: number;
  end: number;
}

interface RecognizerResult {
  start: number;
  end: number;
  text: string;
  typeName: string;
  resolution?: Record<string, unknown> | null;
}

/** The recognisers' English unit names for the units our guide writes in Chinese. */
const UNIT_NAMES: Readonly<Record<string, string>> = { 'Chinese yuan': '元', Year: '岁', Month: '个月', Week: '周', Day: '天' };

function numeric(resolution: Record<string, unknown> | null | undefined): number | null {
  const value = resolution?.value;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const parsed = Number.parseFloat(String(value).replace(/[,%]/g, ''));
  return Number.isFinite(parsed) ? parsed : null;
}

function toPeer(text: string, result: RecognizerResult, kind: PeerKind, unit: string | null): PeerNumber | null {
  const value = numeric(result.resolution);
  if (value === null) return null;
  const start = result.start;
  const end = result.end + 1; // the recognisers' end is inclusive
  return { raw: text.slice(start, end), value, unit, kind, qualifier: 'exact', start, end };
}

function unitOf(result: RecognizerResult): string | null {
  const name = result.resolution?.unit;
  return typeof name === 'string' ? (UNIT_NAMES[name] ?? name) : null;
}

/**
 * Numbers found by Microsoft Recognizers-Text (Culture.Chinese) in `text`, in text order, offsets into `text`.
 * The recognisers are built for utterances: they run line by line, which finds the same numbers as one call on the
 * whole text (measured on the seeds) while their currency patterns, superlinear on long input, take seconds less.
 */
export function recognizersNumbers(text: string): PeerNumber[] {
  const found: PeerNumber[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const peer of recognizeLine(line)) found.push({ ...peer, start: peer.start + offset, end: peer.end + offset });
    offset += line.length + 1;
  }
  return found;
}

function recognizeLine(text: string): PeerNumber[] {
  if (!text.trim()) return [];
  const culture = Culture.Chinese;
  const typed: PeerNumber[] = [];
  const push = (results: RecognizerResult[], kind: PeerKind, unit: (result: RecognizerResult) => string | null): void => {
    for (const result of results) {
      const peer = toPeer(text, result, kind, unit(result));
      if (peer) typed.push(peer);
    }
  };
  push(recognizePercentage(text, culture) as RecognizerResult[], 'percent', () => '%');
  push(recognizeCurrency(text, culture) as RecognizerResult[], 'money', unitOf);
  push(recognizeAge(text, culture) as RecognizerResult[], 'age', unitOf);
  push(recognizeDimension(text, culture) as RecognizerResult[], 'other', unitOf);
  const overlaps = (a: PeerNumber, b: PeerNumber): boolean => a.start < b.end && b.start < a.end;
  const kept: PeerNumber[] = [];
  for (const peer of typed) if (!kept.some((other) => overlaps(other, peer))) kept.push(peer);
  for (const result of recognizeNumber(text, culture) as RecognizerResult[]) {
    const peer = toPeer(text, result, 'count', null);
    if (peer && !kept.some((other) => overlaps(other, peer))) kept.push(peer);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

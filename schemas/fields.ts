import { z } from 'zod';

/** Extracted fields, one schema per concept of ANNOTATION.md. Offsets are UTF-16 indices into the record's `text`. */

const offset = z.number().int().nonnegative();

export const Span = z.object({ start: offset, end: offset });
export type Span = z.infer<typeof Span>;

export const NumberKind = z.enum(['count', 'percent', 'money', 'ratio', 'duration', 'time', 'age', 'other']);
export const Qualifier = z.enum(['exact', 'approx', 'more_than', 'at_least', 'at_most', 'range']);

export const NumberValue = z
  .union([z.number(), z.tuple([z.number(), z.number()]), z.string(), z.tuple([z.string(), z.string()])])
  .describe('scaled number; [low, high] for a range or a ratio; "HH:MM" for a time of day, [from, to] for a span of times');

export const NumberMention = z.object({
  raw: z.string().describe('surface text from the qualifier or first digit to the unit and trailing qualifier'),
  value: NumberValue,
  unit: z.string().nullable(),
  kind: NumberKind,
  qualifier: Qualifier,
  start: offset,
  end: offset,
  measure: z.number().int().nullable().describe('index into measures[] of the measure this number belongs to'),
});
export type NumberMention = z.infer<typeof NumberMention>;

export const AgencyLevel = z.enum(['national', 'province', 'city', 'county', 'unknown']);

export const Mention = z.object({ text: z.string(), start: offset, end: offset });

export const Agency = z.object({
  name: z.string().describe('first full surface form in the text'),
  canonical: z.string().describe('expanded form: abbreviations resolved (教体局 → 教育体育局)'),
  level: AgencyLevel,
  mentions: z.array(Mention).min(1),
});
export type Agency = z.infer<typeof Agency>;

export const Citation = z.object({
  title: z.string().describe('document title without brackets'),
  docNumber: z.string().nullable().describe('文号 given with the citation, e.g. 承办传〔2021〕41号'),
  start: offset,
  end: offset,
});
export type Citation = z.infer<typeof Citation>;

export const MeasureStatus = z.enum(['done', 'ongoing', 'planned', 'normative']);
export const MeasureCategory = z.enum([
  'teacher_workload',
  'teacher_workforce',
  'homework',
  'after_school',
  'off_campus_training',
  'teaching_quality',
  'supervision',
  'funding',
  'facilities',
  'mental_health',
  'family_school',
  'school_layout',
  'party_ideology',
  'vocational',
  'whole_person',
  'other',
]);
export const Instrument = z.enum(['supply', 'environment', 'demand']);

export const Measure = z.object({
  text: z.string().describe('the clause, trimmed of list markers'),
  status: MeasureStatus,
  category: MeasureCategory,
  instrument: Instrument,
  start: offset,
  end: offset,
  agencies: z.array(z.number().int()).describe('indices into agencies[] named inside the measure'),
  numbers: z.array(z.number().int()).describe('indices into numbers[] inside the measure'),
});
export type Measure = z.infer<typeof Measure>;
export type MeasureStatus = z.infer<typeof MeasureStatus>;
export type MeasureCategory = z.infer<typeof MeasureCategory>;
export type Instrument = z.infer<typeof Instrument>;

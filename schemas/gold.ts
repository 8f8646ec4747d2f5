import { z } from 'zod';
import { Instrument, MeasureCategory, MeasureStatus, NumberKind, NumberValue, Qualifier } from './fields.js';
import { Meta } from './meta.js';

/** A hand-made gold annotation file (../shared/gold, copied to corpus/gold), per ANNOTATION.md § Gold file format. */
export const GoldFile = z.object({
  doc: z.string(),
  meta: Meta,
  numbers: z.array(z.object({ raw: z.string(), value: NumberValue, unit: z.string().nullable(), kind: NumberKind, qualifier: Qualifier })),
  agencies: z.array(z.string()),
  citations: z.array(z.object({ title: z.string(), docNumber: z.string().nullable() })),
  measures: z.array(z.object({ text: z.string(), status: MeasureStatus, category: MeasureCategory, instrument: Instrument })),
});
export type GoldFile = z.infer<typeof GoldFile>;

import type { Message } from '../../schemas/record.js';
import { info, need, warning } from '../document.js';
import { buildMeasures } from '../lib/measure-build.js';
import type { Stage } from './stage.js';

const STAGE = 'extract-measures';
/** A body this long without a single measure is odd enough to say so. */
const MIN_TEXT_FOR_MEASURES = 300;

/**
 * Measures (ANNOTATION.md § Measures) with status, category and instrument, linked to the numbers and agencies
 * inside them; the numbers come back with `measure` set. Segmentation and status are rules (lib/measure-segment.ts,
 * lib/measure-status.ts); category and instrument come from the trained model in the stage context
 * (adapters/models.ts), read from the segment stage's words by span, or from the guide's lexicon alone when the
 * model could not be read. Never throws on odd text: a failure becomes a warning and no measures.
 */
export const extractMeasures: Stage = {
  name: STAGE,
  run(doc, context) {
    const text = need(doc, 'text', STAGE);
    const tokens = need(doc, 'tokens', STAGE);
    const messages: Message[] = [];
    const { classifier, problem } = context.measureModel;
    if (problem) messages.push(warning(STAGE, 'model-unavailable', `${problem}; category and instrument from the lexicon only`));
    try {
      const built = buildMeasures(text, classifier, tokens, doc.numbers ?? [], doc.agencies ?? []);
      if (!built.replyFormula) messages.push(info(STAGE, 'no-reply-formula', 'no 现答复如下-style opening: the whole text was read as the answer'));
      if (built.measures.length === 0 && text.length >= MIN_TEXT_FOR_MEASURES) {
        messages.push(warning(STAGE, 'no-measures', `no measure found in ${text.length} characters`));
      }
      return { patch: doc.numbers ? { measures: built.measures, numbers: built.numbers } : { measures: built.measures }, messages };
    } catch (error) {
      messages.push(warning(STAGE, 'failed', `measures left empty: ${error instanceof Error ? error.message : String(error)}`));
      return { patch: { measures: [] }, messages };
    }
  },
};

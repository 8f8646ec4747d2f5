import { emptyMeta } from '../../schemas/meta.js';
import { need } from '../document.js';
import type { Stage } from './stage.js';

/** Placeholder until the extractors land: schema-valid empty fields, so the record shape is fixed from day one. */
export const extract: Stage = {
  name: 'extract',
  run(doc) {
    need(doc, 'text', 'extract');
    return { patch: { meta: emptyMeta(), numbers: [], agencies: [], citations: [], measures: [] } };
  },
};

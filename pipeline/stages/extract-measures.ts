import { need } from '../document.js';
import type { Stage } from './stage.js';

/** Measures (ANNOTATION.md § Measures) with status, category and instrument, linked to the numbers and agencies inside them. */
export const extractMeasures: Stage = {
  name: 'extract-measures',
  run(doc) {
    need(doc, 'text', 'extract-measures');
    return { patch: { measures: [] } };
  },
};

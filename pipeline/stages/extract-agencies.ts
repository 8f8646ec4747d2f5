import { need } from '../document.js';
import type { Stage } from './stage.js';

/** Agencies (ANNOTATION.md § Agencies), once per document with all mentions, a canonical name and a level. */
export const extractAgencies: Stage = {
  name: 'extract-agencies',
  run(doc) {
    need(doc, 'text', 'extract-agencies');
    return { patch: { agencies: [] } };
  },
};

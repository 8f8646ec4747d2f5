import { need } from '../document.js';
import type { Stage } from './stage.js';

/** Citations (ANNOTATION.md § Citations): titles in 《》 or “” with a document shape, with their 文号. */
export const extractCitations: Stage = {
  name: 'extract-citations',
  run(doc) {
    need(doc, 'text', 'extract-citations');
    return { patch: { citations: [] } };
  },
};

import { need } from '../document.js';
import type { Stage } from './stage.js';

/** Numbers (ANNOTATION.md § Numbers) found on the text, with offsets. */
export const extractNumbers: Stage = {
  name: 'extract-numbers',
  run(doc) {
    need(doc, 'text', 'extract-numbers');
    return { patch: { numbers: [] } };
  },
};

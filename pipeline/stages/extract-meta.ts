import { emptyMeta } from '../../schemas/meta.js';
import { need } from '../document.js';
import type { Stage } from './stage.js';

/** Metadata (ANNOTATION.md § Metadata): every field, null when the document does not state it. */
export const extractMeta: Stage = {
  name: 'extract-meta',
  run(doc) {
    need(doc, 'text', 'extract-meta');
    return { patch: { meta: emptyMeta() } };
  },
};

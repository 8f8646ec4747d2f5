import type { Citation } from '../../schemas/fields.js';
import { need, warning } from '../document.js';
import type { Message } from '../../schemas/record.js';
import { findCitations, quotedSpans } from '../lib/citation-find.js';
import type { Stage } from './stage.js';

const STAGE = 'extract-citations';

/** Citations (ANNOTATION.md § Citations): titles in 《》 or “” with a document shape, with their 文号. */
export const extractCitations: Stage = {
  name: STAGE,
  run(doc) {
    const text = need(doc, 'text', STAGE);
    const messages: Message[] = [];
    let citations: Citation[] = [];
    try {
      const scan = quotedSpans(text);
      citations = findCitations(text, scan);
      if (scan.unbalanced.length) {
        const first = scan.unbalanced[0]!;
        messages.push(
          warning(STAGE, 'unbalanced-bracket', `${scan.unbalanced.length} opening 《 or “ without a closing mark (first at offset ${first}: "${text.slice(first, first + 12)}…")`),
        );
      }
    } catch (error) {
      // A rule that breaks on odd text must not lose the document: report it and return what is certain (nothing).
      messages.push(warning(STAGE, 'citation-error', error instanceof Error ? error.message : String(error)));
      citations = [];
    }
    return { patch: { citations }, messages };
  },
};

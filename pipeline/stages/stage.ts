import type { ChineseScript } from '../adapters/opencc.js';
import type { Segmenter } from '../adapters/jieba.js';
import type { ModelLoad } from '../adapters/models.js';
import type { DivisionIndex } from '../lib/meta-divisions.js';
import type { DocState, StageResult } from '../document.js';

/** Per-thread resources handed to stages: the adapters, loaded once and reused for every document. */
export interface StageContext {
  readonly segmenter: Segmenter;
  readonly script: ChineseScript;
  /** China's administrative divisions (GB/T 2260), for regions and agency place prefixes. */
  readonly divisions: DivisionIndex;
  /** The measure classifier, compiled once per thread, or why it could not be read. */
  readonly measureModel: ModelLoad;
  /** Largest input accepted, in bytes. */
  readonly maxBytes: number;
}

/** One step of the pipeline: reads what it needs from the envelope and returns what it produces. */
export interface Stage {
  readonly name: string;
  run(doc: Readonly<DocState>, context: StageContext): StageResult;
}

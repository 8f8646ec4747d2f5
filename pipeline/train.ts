import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from './adapters/files.js';
import type { DocState } from './document.js';
import { goldExamples, type Segment, type SegmentedText } from './eval/cross-validate.js';
import { documentKey, loadGold } from './eval/evaluate.js';
import type { MeasureModel } from './lib/measure-classify.js';
import { trainMeasureModel } from './lib/measure-train.js';
import { createContext } from './process.js';
import { clean } from './stages/clean.js';
import { ingest } from './stages/ingest.js';
import { normalise } from './stages/normalise.js';
import { segment } from './stages/segment.js';
import type { StageContext } from './stages/stage.js';

/**
 * `policy-miner train`: the measure classifiers trained on every gold file, written as the JSON model the
 * pipeline ships (pipeline/models/measure-model.json). The documents' texts, read from `sourceDirs` (default: the
 * `seeds` folder beside the gold folder) through the pipeline's own text stages, give each gold measure the
 * context and the words it has at run time (the segment stage's words of the whole text, looked up by span); a
 * document whose source is missing trains without context, its measures segmented alone. Deterministic: the
 * same gold gives the same bytes, so a test can check that the shipped model is in sync with the gold.
 */

/** Largest source read for training, as in a run. */
const MAX_BYTES = 20_000_000;

/** The normalised text of a source file and its words, as the pipeline's text stages make them. */
async function segmentedText(path: string, context: StageContext): Promise<SegmentedText | undefined> {
  let doc: DocState = { path, bytes: await readFile(path), messages: [] };
  for (const stage of [ingest, clean, normalise, segment]) doc = { ...doc, ...stage.run(doc, context).patch };
  const { text, tokens } = doc;
  return text === undefined || tokens === undefined ? undefined : { text, words: tokens };
}

/** The words of any text as the segment stage gives them: for texts read back from records, and gold texts alone. */
export function textSegmenter(context: StageContext = createContext({ maxBytes: MAX_BYTES })): Segment {
  return (text) => {
    const tokens = segment.run({ path: '', bytes: new Uint8Array(), messages: [], text }, context).patch.tokens;
    return tokens ?? { starts: [], ends: [] };
  };
}

export interface TrainSummary {
  examples: number;
  documents: number;
  withText: string[];
  withoutText: string[];
  model: MeasureModel;
}

export async function trainFromGold(goldDir: string, outFile: string, sourceDirs: readonly string[] = [join(dirname(goldDir), 'seeds')]): Promise<TrainSummary> {
  const gold = await loadGold(goldDir);
  const context = createContext({ maxBytes: MAX_BYTES });
  const texts = new Map<string, SegmentedText>();
  const withoutText: string[] = [];
  for (const file of gold) {
    const source = sourceDirs.map((dir) => join(dir, file.doc)).find((path) => existsSync(path));
    const text = source ? await segmentedText(source, context).catch(() => undefined) : undefined;
    if (text === undefined) withoutText.push(file.doc);
    else texts.set(documentKey(file.doc), text);
  }
  const model = trainMeasureModel(goldExamples(gold, textSegmenter(context), texts));
  await writeFileAtomic(outFile, `${JSON.stringify(model)}\n`);
  return { examples: model.examples, documents: model.documents, withText: [...texts.keys()], withoutText, model };
}

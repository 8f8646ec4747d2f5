import { readFileSync } from 'node:fs';
import { MeasureClassifier, type MeasureModel } from '../lib/measure-classify.js';
import { resourcePath } from './resources.js';

/**
 * The trained measure classifier (pipeline/models/measure-model.json, written by `trainFromGold` in
 * pipeline/train.ts), read from disk and compiled for scoring once per thread, when the stage context is made
 * (process.ts `createContext`): the only I/O of the measures stage. When the file is missing or malformed the
 * load gives null with the reason, and the stage falls back to the prior lexicon.
 */

export const MEASURE_MODEL_FILE = 'pipeline/models/measure-model.json';

export type ModelLoad = { classifier: MeasureClassifier; problem: null } | { classifier: null; problem: string };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}

/** Whether parsed JSON has the shape of a MeasureModel of the version this code reads. */
function isModel(value: unknown): value is MeasureModel {
  const model = value as Partial<MeasureModel> | null;
  return (
    !!model &&
    model.version === 2 &&
    !!model.category?.labels?.length &&
    !!model.instrument?.labels?.length &&
    typeof model.category.counts === 'object' &&
    typeof model.instrument.counts === 'object' &&
    Array.isArray(model.context?.category?.headings) &&
    Array.isArray(model.context?.instrument?.headings)
  );
}

/** Reads and compiles the model at `path` (default: the shipped model); the model is frozen. */
export function loadMeasureModel(path: string = resourcePath(MEASURE_MODEL_FILE)): ModelLoad {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { classifier: null, problem: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isModel(parsed)) return { classifier: null, problem: `${path} is not a version 2 measure model` };
  return { classifier: new MeasureClassifier(deepFreeze(parsed)), problem: null };
}

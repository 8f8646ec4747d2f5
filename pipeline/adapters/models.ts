import { readFileSync } from 'node:fs';
import type { MeasureModel } from '../lib/measure-train.js';
import { resourcePath } from './resources.js';

/**
 * The trained measure classifier (pipeline/models/measure-model.json, written by `trainFromGold` in
 * pipeline/train.ts), read from disk once per thread. Stages receive their resources through StageContext, but
 * the measures stage may not change stage.ts or process.ts; so the model comes through this adapter instead: a
 * memoised loader, the only I/O, whose result is frozen and never changes after the first call. When the file is
 * missing or malformed the loader gives null with the reason, and the stage falls back to the prior lexicon.
 */

export const MEASURE_MODEL_FILE = 'pipeline/models/measure-model.json';

export type ModelLoad = { model: MeasureModel; problem: null } | { model: null; problem: string };

let loaded: ModelLoad | undefined;

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
    model.version === 1 &&
    !!model.category?.labels?.length &&
    !!model.instrument?.labels?.length &&
    typeof model.category.counts === 'object' &&
    Array.isArray(model.context?.headings)
  );
}

/** Reads `path` (default: the shipped model) once; later calls return the same frozen result. */
export function loadMeasureModelFrom(path: string = resourcePath(MEASURE_MODEL_FILE)): ModelLoad {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { model: null, problem: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isModel(parsed)) return { model: null, problem: `${path} is not a version 1 measure model` };
  return { model: deepFreeze(parsed), problem: null };
}

/** The shipped measure model, loaded on first use and memoised for the life of the thread. */
export function loadMeasureModel(): ModelLoad {
  loaded ??= loadMeasureModelFrom();
  return loaded;
}

import { META_FIELDS, metaAccuracy, prf, ratio, type Scores } from './score.js';

const pct = (value: number): string => value.toFixed(3);

/** A JSON-ready summary: P/R/F1 per field, accuracies per attribute and metadata field. */
export function summarise(scores: Scores): Record<string, unknown> {
  return {
    documents: scores.documents,
    missingRecords: scores.missingRecords,
    fields: Object.fromEntries(Object.entries(scores.fields).map(([name, counts]) => [name, { ...counts, ...prf(counts) }])),
    attributes: Object.fromEntries(Object.entries(scores.attributes).map(([name, acc]) => [name, { ...acc, accuracy: ratio(acc) }])),
    meta: {
      accuracy: ratio(metaAccuracy(scores)),
      fields: Object.fromEntries(META_FIELDS.map((field) => [field, { ...scores.meta[field]!, accuracy: ratio(scores.meta[field]!) }])),
    },
  };
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The evaluation as text tables, one section per kind of figure. `label` names a row set (in-sample, a peer…). */
export function formatReport(scores: Scores, label = 'pipeline'): string {
  const fieldRows = Object.entries(scores.fields).map(([name, counts]) => {
    const { precision, recall, f1 } = prf(counts);
    return [name, String(counts.gold), String(counts.predicted), String(counts.matched), pct(precision), pct(recall), pct(f1)];
  });
  const attributeRows = Object.entries(scores.attributes)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, acc]) => [name, String(acc.correct), String(acc.total), pct(ratio(acc))]);
  const meta = metaAccuracy(scores);
  const metaRows = [
    ...META_FIELDS.map((field) => [field, String(scores.meta[field]!.correct), String(scores.meta[field]!.total), pct(ratio(scores.meta[field]!))]),
    ['(all metadata)', String(meta.correct), String(meta.total), pct(ratio(meta))],
  ];
  return [
    `evaluation: ${label}, ${scores.documents} documents${scores.missingRecords.length ? `, no record for ${scores.missingRecords.join(', ')}` : ''}`,
    '',
    table(['field', 'gold', 'pred', 'match', 'P', 'R', 'F1'], fieldRows),
    '',
    table(['attribute (on matched items)', 'correct', 'total', 'accuracy'], attributeRows),
    'measure.category and measure.instrument come from the learned model: scored on the gold it was trained on (the',
    'shipped model: corpus/gold), they are in-sample figures; --cross-validate adds leave-one-document-out ones.',
    '',
    table(['metadata field', 'correct', 'total', 'accuracy'], metaRows),
  ].join('\n');
}

/** One row set of a side-by-side comparison: a label and its scores. */
export interface ScoredRun {
  label: string;
  scores: Scores;
}

/**
 * Figures of several runs side by side (pipeline vs. a peer, in-sample vs. leave-one-out), one column per run.
 * `figures` names fields (shown as P, R and F1 rows) and attributes (shown as accuracy).
 */
export function formatComparison(runs: readonly ScoredRun[], figures: readonly string[]): string {
  const rows: string[][] = [];
  for (const figure of figures) {
    if (figure in (runs[0]?.scores.fields ?? {})) {
      const key = figure as keyof Scores['fields'];
      for (const part of ['precision', 'recall', 'f1'] as const) {
        rows.push([`${figure} ${part === 'f1' ? 'F1' : part === 'precision' ? 'P' : 'R'}`, ...runs.map((run) => pct(prf(run.scores.fields[key])[part]))]);
      }
    } else {
      rows.push([figure, ...runs.map((run) => (run.scores.attributes[figure] ? pct(ratio(run.scores.attributes[figure]!)) : '-'))]);
    }
  }
  return table(['figure', ...runs.map((run) => run.label)], rows);
}

import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { GoldFile } from '../../schemas/gold.js';
import { Record as RecordSchema, type Record as DocRecord } from '../../schemas/record.js';
import { emptyScores, scoreDocument, type Scores } from './score.js';

/** A document's key: its file name without extension, shared by the input file, its record and its gold file. */
export function documentKey(path: string): string {
  return basename(path, extname(path));
}

export async function loadGold(dir: string): Promise<GoldFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const gold: GoldFile[] = [];
  for (const name of names) {
    const parsed = GoldFile.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`gold file ${name} does not match the gold schema: ${parsed.error.issues[0]?.message}`);
    gold.push(parsed.data);
  }
  return gold;
}

/** Reads the records of the documents in `keys` from a JSON Lines file, streaming past the others. */
export async function loadRecords(file: string, keys: ReadonlySet<string>): Promise<Map<string, DocRecord>> {
  const records = new Map<string, DocRecord>();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}:${number} is not JSON: ${(error as Error).message}`);
    }
    const parsed = RecordSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${file}:${number} is not a valid record: ${parsed.error.issues[0]?.message}`);
    const key = documentKey(parsed.data.source.path);
    if (!keys.has(key)) continue;
    if (records.has(key)) throw new Error(`${file}:${number}: a second record for document "${key}" (${parsed.data.source.path})`);
    records.set(key, parsed.data);
  }
  return records;
}

/** Scores records against every gold file of a folder. */
export function scoreAll(gold: readonly GoldFile[], records: ReadonlyMap<string, DocRecord>): Scores {
  const scores = emptyScores();
  for (const file of gold) scoreDocument(scores, file, records.get(documentKey(file.doc)));
  return scores;
}

/** Records whose numbers are replaced by what `find` gives on the record's text: how a peer is scored. */
export function withNumbersFrom(
  records: ReadonlyMap<string, DocRecord>,
  find: (text: string) => DocRecord['numbers'],
): Map<string, DocRecord> {
  return new Map([...records].map(([key, record]) => [key, { ...record, numbers: find(record.text) }]));
}

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** File endings a folder is searched for; a file named explicitly is read whatever its ending. */
export const INPUT_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Expands files and folders into the ordered list of input files: folders recursively, entries sorted by name,
 * so the same arguments always give the same order. A path that does not exist is an `InputError`.
 */
export async function listInputs(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && INPUT_EXTENSIONS.has(extname(entry.name).toLowerCase())) add(full);
    }
  };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(`input not found: ${path}`);
    }
    if (info.isDirectory()) await walk(path);
    else add(path);
  }
  return files;
}

/** What `readInput` gives instead of the bytes of a file over the size limit: the size its open handle reports. */
export interface TooLarge {
  tooLarge: true;
  size: number;
}

/**
 * Why a document is refused for its size. The ingest stage says it of bytes from any source and the runner of a
 * file it does not read; it lives here, not in the stage, so the runner's thread need not load the stage's libraries.
 */
export function tooLargeMessage(bytes: number, maxBytes: number): string {
  return `${bytes} bytes is over the limit of ${maxBytes} (set --max-bytes to raise it)`;
}

/**
 * Reads a file's bytes, unless it holds more than `maxBytes`: a 2 GB file in a corpus folder is refused, not read
 * into memory first. The size is taken from the open handle and no more than that is read, so the size checked is
 * the size of what is read, even if the path is replaced or the file grows meanwhile. A pipe or device reports no
 * size: it is read whole and left to the ingest stage's check. The error message names the reason (permissions, a
 * folder, a vanished file).
 */
export async function readInput(path: string, maxBytes: number): Promise<Uint8Array | TooLarge> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) return await handle.readFile();
    if (info.size > maxBytes) return { tooLarge: true, size: info.size };
    return await readAtMost(handle, info.size);
  } finally {
    await handle.close();
  }
}

/** Up to `size` bytes from the start of an open file: fewer if it has shrunk since its size was taken. */
async function readAtMost(handle: FileHandle, size: number): Promise<Uint8Array> {
  const bytes = Buffer.allocUnsafeSlow(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}

function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/** Writes a whole file atomically: to a temporary file beside it, then renamed over the target. */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const temporary = temporaryName(target);
  await writeFile(temporary, content);
  await rename(temporary, target);
}

/**
 * A JSON Lines file written as a stream and published atomically: lines go to a temporary file that replaces
 * the target on `commit`, so readers never see half a run and a re-run replaces the previous output whole.
 */
export class AtomicLineWriter {
  private readonly temporary: string;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(private readonly target: string) {
    this.temporary = temporaryName(target);
    this.stream = createWriteStream(this.temporary);
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Appends one line; resolves when the stream can take more (backpressure). */
  async write(line: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(`${line}\n`)) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (this.failure) throw this.failure;
    await rename(this.temporary, this.target);
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.temporary, { force: true });
  }
}

/**
 * Creates `dir` and the folders above it that are missing, one level at a time. Not `mkdir(dir, { recursive: true })`:
 * Node 20's loops for ever where a parent refuses new entries with ENOENT (`/proc/x`).
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    const found = await stat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (found) {
      if (!found.isDirectory()) throw Object.assign(new Error(`ENOTDIR: ${at} is not a folder`), { code: 'ENOTDIR' });
      break;
    }
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/** Creates the output folder and checks that it takes files; an `InputError` says why not. */
export async function prepareOutputDir(dir: string): Promise<void> {
  try {
    await makeFolders(dir);
    const probe = join(dir, `.write-test.${process.pid}`);
    await writeFile(probe, '');
    await rm(probe);
  } catch (error) {
    throw new InputError(`cannot write the output folder ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

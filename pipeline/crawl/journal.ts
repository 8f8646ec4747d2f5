import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CrawlStateLine } from '../../schemas/crawl.js';

/**
 * The crawl journal: what was discovered and how each URL ended, one JSON line at a time. Storage sits behind one
 * interface (Crawlee's habit): a file for real crawls, appended and fsync'd per line so a killed crawl loses at
 * most the line being written; memory for tests. Loading skips a torn last line and any line the schema rejects,
 * counting them, rather than refusing to resume.
 */
export interface CrawlStore {
  load(): Promise<{ lines: CrawlStateLine[]; rejected: number }>;
  append(line: CrawlStateLine): Promise<void>;
  close(): Promise<void>;
}

function parseLines(text: string): { lines: CrawlStateLine[]; rejected: number } {
  const lines: CrawlStateLine[] = [];
  let rejected = 0;
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      rejected++;
      continue;
    }
    const parsed = CrawlStateLine.safeParse(json);
    if (parsed.success) lines.push(parsed.data);
    else rejected++;
  }
  return { lines, rejected };
}

export class FileCrawlStore implements CrawlStore {
  private handle: FileHandle | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  async load(): Promise<{ lines: CrawlStateLine[]; rejected: number }> {
    try {
      return parseLines(await readFile(this.path, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], rejected: 0 };
      throw error;
    }
  }

  /** Appends one line and waits until it is on disk; lines are written in call order. */
  append(line: CrawlStateLine): Promise<void> {
    const task = this.queue.then(async () => {
      if (!this.handle) {
        await mkdir(dirname(this.path), { recursive: true });
        this.handle = await open(this.path, 'a');
        // A torn line from a killed run would glue onto ours: start on a fresh line.
        const { size } = await this.handle.stat();
        if (size > 0) {
          const last = Buffer.alloc(1);
          const reader = await open(this.path, 'r');
          await reader.read(last, 0, 1, size - 1);
          await reader.close();
          if (last[0] !== 0x0a) await this.handle.write('\n');
        }
      }
      await this.handle.write(`${JSON.stringify(line)}\n`);
      await this.handle.datasync();
    });
    this.queue = task.catch(() => {});
    return task;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle?.close();
    this.handle = null;
  }
}

export class MemoryCrawlStore implements CrawlStore {
  readonly lines: CrawlStateLine[] = [];

  async load(): Promise<{ lines: CrawlStateLine[]; rejected: number }> {
    return { lines: [...this.lines], rejected: 0 };
  }

  async append(line: CrawlStateLine): Promise<void> {
    this.lines.push(line);
  }

  async close(): Promise<void> {}
}

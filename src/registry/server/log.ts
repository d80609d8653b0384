import { closeSync, fsyncSync, openSync, readFileSync, truncateSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { SchemagateError } from '../../errors.js';
import { GroupCommit } from './group-commit.js';
import type { LogEvent } from './types.js';

export const LOG_FILE = 'registry.log';

export interface ReplayStats {
  events: number;
  /** Bytes of an unfinished last line (a write cut short by a crash) that were cut off. */
  tornBytes: number;
}

/**
 * Reads the log and hands every event to `apply`, in order. A last line without its newline is a write
 * that a crash interrupted and that was therefore never answered: it is cut off. Any other bad line
 * means the file was damaged, and the server refuses to start rather than serve a wrong history.
 */
export function replayLog(dir: string, apply: (e: LogEvent) => void): ReplayStats {
  const file = join(dir, LOG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { events: 0, tornBytes: 0 };
    throw e;
  }
  const end = text.lastIndexOf('\n') + 1;
  let tornBytes = 0;
  if (end < text.length) {
    tornBytes = Buffer.byteLength(text.slice(end));
    truncateSync(file, Buffer.byteLength(text.slice(0, end)));
  }
  let events = 0;
  let start = 0;
  let line = 0;
  while (start < end) {
    const nl = text.indexOf('\n', start);
    line++;
    const raw = text.slice(start, nl);
    start = nl + 1;
    if (raw === '') continue;
    let event: LogEvent;
    try {
      event = JSON.parse(raw) as LogEvent;
    } catch (e) {
      throw new SchemagateError(
        'REGISTRY_ERROR',
        `the registry log is damaged: ${e instanceof Error ? e.message : String(e)}; restore it from a backup or move it away`,
        { file, line },
      );
    }
    apply(event);
    events++;
  }
  return { events, tornBytes };
}

/**
 * The append side of the log, with group commit: events appended while an fsync is running go out
 * together in the next one. `durable(seq)` resolves once the event numbered `seq` is on disk, and only
 * then may a request that depends on it be answered.
 */
export class EventLog {
  private readonly commits: GroupCommit<string>;

  private constructor(private readonly handle: FileHandle) {
    this.commits = new GroupCommit(
      async (lines) => {
        await handle.write(lines.join(''));
        await handle.datasync();
      },
      (e) => new Error(`cannot write the registry log: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  static async open(dir: string): Promise<EventLog> {
    const handle = await open(join(dir, LOG_FILE), 'a');
    // A new file's directory entry must be durable too, or the whole log could vanish in a crash.
    const d = openSync(dir, 'r');
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
    return new EventLog(handle);
  }

  /** The sequence number of the last appended event. */
  get head(): number {
    return this.commits.head;
  }

  get failed(): Error | undefined {
    return this.commits.failedWith;
  }

  append(event: LogEvent): number {
    return this.commits.add([`${JSON.stringify(event)}\n`]);
  }

  isDurable(seq: number): boolean {
    return this.commits.isDurable(seq);
  }

  durable(seq: number): Promise<void> {
    return this.commits.durable(seq);
  }

  async close(): Promise<void> {
    await this.commits.drain();
    await this.handle.close();
  }
}

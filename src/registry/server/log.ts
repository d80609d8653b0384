import { closeSync, fsyncSync, openSync, readFileSync, truncateSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { SchemagateError } from '../../errors.js';
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

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * The append side of the log, with group commit: events appended while an fsync is running go out
 * together in the next one. `durable(seq)` resolves once the event numbered `seq` is on disk, and only
 * then may a request that depends on it be answered.
 */
export class EventLog {
  private pending: string[] = [];
  private appended = 0;
  private synced = 0;
  private flushing = false;
  private failure: Error | undefined;
  private waiters: Waiter[] = [];

  private constructor(private readonly handle: FileHandle) {}

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
    return this.appended;
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  append(event: LogEvent): number {
    if (this.failure !== undefined) throw this.failure;
    this.pending.push(`${JSON.stringify(event)}\n`);
    this.appended++;
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => void this.flush());
    }
    return this.appended;
  }

  isDurable(seq: number): boolean {
    return seq <= this.synced;
  }

  durable(seq: number): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (seq <= this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.join('');
        const upto = this.appended;
        this.pending = [];
        await this.handle.write(batch);
        await this.handle.datasync();
        this.synced = upto;
        const ready = this.waiters.filter((w) => w.seq <= upto);
        this.waiters = this.waiters.filter((w) => w.seq > upto);
        for (const w of ready) w.resolve();
      }
    } catch (e) {
      this.failure = new Error(
        `cannot write the registry log: ${e instanceof Error ? e.message : String(e)}`,
      );
      for (const w of this.waiters) w.reject(this.failure);
      this.waiters = [];
    } finally {
      this.flushing = false;
    }
  }

  async close(): Promise<void> {
    while (this.flushing || this.pending.length > 0) {
      if (!this.flushing) {
        this.flushing = true;
        await this.flush();
      } else await new Promise((r) => setImmediate(r));
      if (this.failure !== undefined) break;
    }
    await this.handle.close();
  }
}

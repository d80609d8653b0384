import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SchemagateError } from '../../errors.js';

export const LOCK_FILE = 'server.lock';

/** Directories locked by this process: a pid check cannot tell two servers in one process apart. */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One server per data directory: a lock file holding the owner's pid. A lock whose process is gone
 * (a crash, `kill -9`) is taken over; a live owner makes the second server refuse to start.
 */
export function acquireLock(dir: string): () => void {
  const abs = resolve(dir);
  const file = join(abs, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      heldHere.add(abs);
      return () => release(abs, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new SchemagateError(
          'LOCKED',
          `cannot lock the registry data directory ${abs}: ${(e as Error).message}`,
          { file },
        );
      }
    }
    let owner: number;
    try {
      owner = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    } catch {
      continue; // removed between our open and read: try again
    }
    const ours = owner === process.pid;
    if (Number.isInteger(owner) && owner > 0 && ((ours && heldHere.has(abs)) || (!ours && alive(owner)))) {
      throw new SchemagateError(
        'LOCKED',
        `the registry data directory ${abs} is in use by another schemagate registry server (pid ${owner}); stop it or choose another --data directory`,
        { file },
      );
    }
    try {
      unlinkSync(file); // stale: its owner is gone
    } catch {
      // another starter removed it first; the next attempt decides
    }
  }
  throw new SchemagateError('LOCKED', `cannot lock the registry data directory ${abs}`, { file });
}

function release(abs: string, file: string): void {
  heldHere.delete(abs);
  try {
    if (Number.parseInt(readFileSync(file, 'utf8').trim(), 10) === process.pid) unlinkSync(file);
  } catch {
    // already gone
  }
}

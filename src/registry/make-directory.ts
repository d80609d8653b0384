import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`, one level at a time. Node's own `mkdirSync(dir, { recursive: true })` loops forever, at
 * full CPU, when the kernel answers ENOENT for a folder whose parent exists (`/proc/x`): here that
 * answer is an error naming the folder and why. Throws an Error whose message is the reason.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const found = kindOf(at);
    if (found === 'directory') break;
    if (found === 'other') throw new Error(`${at} exists and is not a folder`);
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) throw new Error(`${at} does not exist`);
    at = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && kindOf(folder) === 'directory') continue; // made by someone else meanwhile
      const why =
        code === 'ENOENT'
          ? `its parent ${dirname(folder)} does not accept new folders (a virtual file system such as /proc?)`
          : code === 'EACCES' || code === 'EPERM'
            ? `permission denied (${code})`
            : code === 'EROFS'
              ? 'the file system is read-only'
              : (e as Error).message;
      throw new Error(`cannot create ${folder}: ${why}`, { cause: e });
    }
  }
}

function kindOf(path: string): 'directory' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new Error(`cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
}

// A tool the tests build once and keep under <repo>/.cache/<name>/<key>/ (gitignored): the key is a hash
// of everything the build depends on, so that a change rebuilds and an unchanged tree reuses it. Test
// files run in parallel processes: one builds, the others wait on a lock directory for its marker.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CachedTool {
  /** `.cache/<name>/<key>`, where `build` put its output. */
  dir: string;
  /** True when this call built it (first run), with how long it took. */
  built: boolean;
  millis: number;
}

/** Hash of files' contents and extra strings (a tool's version, say). */
export function cacheKey(files: readonly string[], extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(f)).update('\0');
  for (const e of extra) hash.update(e).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export async function cachedTool(
  name: string,
  key: string,
  build: (dir: string) => Promise<void>,
  timeoutMs: number,
): Promise<CachedTool> {
  const dir = join(REPO_ROOT, '.cache', name, key);
  const marker = join(dir, 'complete');
  const started = Date.now();
  if (existsSync(marker)) return { dir, built: false, millis: 0 };
  mkdirSync(dir, { recursive: true });
  let built = false;
  await withDirLock(join(dir, 'lock'), timeoutMs, async () => {
    if (existsSync(marker)) return;
    await build(dir);
    writeFileSync(marker, new Date().toISOString());
    built = true;
  });
  return { dir, built, millis: Date.now() - started };
}

/** Runs a command to its end; rejects with the tail of its output when it fails. */
export function runTool(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; what: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let stdout = '';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      output = (output + d.toString()).slice(-8000);
    });
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${options.what}: cannot run ${command} (${error.message})`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${options.what} failed (${command} exit ${code ?? signal}):\n${output}`));
    });
  });
}

async function withDirLock(lock: string, timeoutMs: number, body: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (lockOwnerIsGone(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await sleep(500);
    }
  }
  try {
    await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockOwnerIsGone(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ENOENT: the owner is between mkdir and writing its pid; treat as alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

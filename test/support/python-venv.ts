// A Python venv with pinned packages from a requirements file, built once under .cache/<name>/<key>/
// (the key hashes the requirements and the Python version) and shared by the test files that use it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cacheKey, cachedTool, REPO_ROOT, runTool, type CachedTool } from './tool-cache.js';

const INSTALL_TIMEOUT_MS = 10 * 60_000;

export interface PythonVenv {
  /** How the venv came to be: built now (and in how long) or from the cache. */
  install: CachedTool;
  /** The venv's python. */
  python: string;
}

export function pythonCommand(): string {
  if (process.env.SCHEMAGATE_PYTHON !== undefined) return process.env.SCHEMAGATE_PYTHON;
  for (const candidate of ['python3.11', 'python3']) {
    try {
      versionOf(candidate);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('Python 3 is needed for the Python client tests (python3.11 or python3 on the PATH)');
}

/** The venv `.cache/<name>/…` with the packages of `requirements` installed (`what` names it in errors). */
export async function pythonVenv(name: string, requirements: string, what: string): Promise<PythonVenv> {
  const python = pythonCommand();
  const key = cacheKey([requirements], [versionOf(python)]);
  const install = await cachedTool(
    name,
    key,
    async (dir) => {
      await runTool(python, ['-m', 'venv', '--clear', join(dir, 'venv')], {
        timeoutMs: INSTALL_TIMEOUT_MS,
        what,
      });
      await runTool(
        join(dir, 'venv', 'bin', 'pip'),
        ['install', '--disable-pip-version-check', '--no-input', '-q', '-r', requirements],
        {
          timeoutMs: INSTALL_TIMEOUT_MS,
          what,
          env: { ...process.env, PIP_CACHE_DIR: join(REPO_ROOT, '.cache', 'pip') },
        },
      );
    },
    INSTALL_TIMEOUT_MS,
  );
  return { install, python: join(install.dir, 'venv', 'bin', 'python') };
}

function versionOf(python: string): string {
  return execFileSync(python, ['--version'], { encoding: 'utf8' }).trim();
}

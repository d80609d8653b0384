import { spawn } from 'node:child_process';
import { SchemagateError } from '../errors.js';

export interface GitRunOptions {
  cwd: string;
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures (e.g. `rev-parse --verify` on a missing ref). */
  okCodes?: readonly number[];
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs git without a shell and collects its output. A failure is a GIT_ERROR (exit 2) with git's own
 * message, since the user can act on it; `okCodes` lets a caller treat some exit codes as answers.
 */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn('git', args, {
        cwd: options.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        // A hook runs with GIT_INDEX_FILE and friends set by git; they must reach us, so env is inherited.
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
      });
    } catch (e) {
      reject(new SchemagateError('GIT_ERROR', `cannot run git: ${(e as Error).message}`));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new SchemagateError('GIT_ERROR', `cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      const result = {
        code: code ?? 1,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (result.code === 0 || options.okCodes?.includes(result.code)) resolve(result);
      else
        reject(
          new SchemagateError(
            'GIT_ERROR',
            `git ${args[0] ?? ''} failed: ${result.stderr.trim() || `exit code ${result.code}`}`,
          ),
        );
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

export async function gitText(args: readonly string[], cwd: string): Promise<string> {
  return (await runGit(args, { cwd })).stdout.toString('utf8');
}

/** Whether a repository is shallow, learnt with its top level in the same git call (a hook counts processes). */
const shallowByTop = new Map<string, boolean>();

/** The repository's top-level folder; a GIT_ERROR that says so when `cwd` is not in a repository. */
export async function repoRoot(cwd: string): Promise<string> {
  const r = await runGit(['rev-parse', '--show-toplevel', '--is-shallow-repository'], {
    cwd,
    okCodes: [128],
  });
  if (r.code !== 0)
    throw new SchemagateError(
      'GIT_ERROR',
      `not a git repository: ${cwd} (schemagate reads schema versions from git history; run \`git init\` first)`,
    );
  const [top = '', shallow] = r.stdout.toString('utf8').split('\n');
  shallowByTop.set(top, shallow === 'true');
  return top;
}

/** The commit a revision names, or `undefined` when it names none (an unknown ref, an empty repository). */
export async function resolveCommit(cwd: string, rev: string): Promise<string | undefined> {
  const r = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
    cwd,
    okCodes: [1, 128],
  });
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

export async function isShallow(cwd: string, fresh = false): Promise<boolean> {
  const known = shallowByTop.get(cwd);
  if (known !== undefined && !fresh) return known;
  const shallow = (await gitText(['rev-parse', '--is-shallow-repository'], cwd)).trim() === 'true';
  shallowByTop.set(cwd, shallow);
  return shallow;
}

/**
 * Contents of many blobs through one `git cat-file --batch` process: one process for every version,
 * instead of one `git show` each. Missing objects are left out of the map.
 */
export async function readBlobs(cwd: string, oids: Iterable<string>): Promise<Map<string, Buffer>> {
  const unique = [...new Set(oids)];
  const blobs = new Map<string, Buffer>();
  if (unique.length === 0) return blobs;
  const { stdout } = await runGit(['cat-file', '--batch'], { cwd, input: `${unique.join('\n')}\n` });
  let pos = 0;
  for (const oid of unique) {
    const eol = stdout.indexOf(0x0a, pos);
    if (eol < 0) break;
    const header = stdout.toString('latin1', pos, eol);
    pos = eol + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.slice(header.lastIndexOf(' ') + 1));
    blobs.set(oid, stdout.subarray(pos, pos + size));
    pos += size + 1;
  }
  return blobs;
}

/** `path → blob id` of the files under `root` in a tree-ish (a commit) or the index (`tree` undefined). */
export async function listFiles(
  cwd: string,
  root: string,
  tree: string | undefined,
): Promise<Map<string, string>> {
  const pathspec = root === '.' ? [] : ['--', root];
  const files = new Map<string, string>();
  if (tree === undefined) {
    const out = (await runGit(['ls-files', '-s', '-z', ...pathspec], { cwd })).stdout.toString('utf8');
    for (const entry of out.split('\0')) {
      // "<mode> <oid> <stage>\t<path>"; conflicted entries (stage > 0) are left to git to report.
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [mode, oid, stage] = entry.slice(0, tab).split(' ');
      if (stage !== '0' || mode === '160000' || oid === undefined) continue;
      files.set(entry.slice(tab + 1), oid);
    }
  } else {
    const out = (
      await runGit(['ls-tree', '-r', '-z', '--full-tree', tree, ...pathspec], { cwd })
    ).stdout.toString('utf8');
    for (const entry of out.split('\0')) {
      // "<mode> blob <oid>\t<path>"
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [, type, oid] = entry.slice(0, tab).split(' ');
      if (type !== 'blob' || oid === undefined) continue;
      files.set(entry.slice(tab + 1), oid);
    }
  }
  return files;
}

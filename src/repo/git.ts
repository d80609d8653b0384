import { spawn } from 'node:child_process';
import { SchemagateError } from '../errors.js';

export interface GitRunOptions {
  cwd: string;
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures (e.g. `rev-parse --verify` on a missing ref). */
  okCodes?: readonly number[];
  /** Takes stdout chunk by chunk as it comes (the result's stdout is then empty). */
  onStdout?: (chunk: Buffer) => void;
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
  const early = takeStarted(args, options);
  if (early !== undefined) return early.then((result) => checked(args, options, result));
  return spawnGit(args, options).then((result) => checked(args, options, result));
}

function checked(args: readonly string[], options: GitRunOptions, result: GitResult): GitResult {
  if (result.code === 0 || options.okCodes?.includes(result.code)) return result;
  throw new SchemagateError(
    'GIT_ERROR',
    `git ${args[0] ?? ''} failed: ${result.stderr.trim() || `exit code ${result.code}`}`,
  );
}

/** Calls started ahead of need (`startGitEarly`), by cwd and arguments. */
const started = new Map<string, Promise<GitResult>>();

const startedKey = (args: readonly string[], cwd: string): string => `${cwd}\0${args.join('\0')}`;

function takeStarted(args: readonly string[], options: GitRunOptions): Promise<GitResult> | undefined {
  if (started.size === 0 || options.input !== undefined || options.onStdout !== undefined) return undefined;
  const key = startedKey(args, options.cwd);
  const early = started.get(key);
  started.delete(key);
  return early;
}

/**
 * Starts a git call (no input) that a `runGit` with the same arguments and cwd will take instead of
 * spawning its own, so that a command can run its first git calls while its modules still load. Every
 * call not taken must be dropped with `dropEarlyGit` when the command ends (the answer would go stale).
 */
export function startGitEarly(args: readonly string[], cwd: string): Promise<GitResult> {
  const key = startedKey(args, cwd);
  let early = started.get(key);
  if (early === undefined) {
    early = spawnGit(args, { cwd });
    early.catch(() => undefined);
    started.set(key, early);
  }
  return early;
}

export function dropEarlyGit(): void {
  started.clear();
}

/** Runs git and resolves with its exit code and output whatever the code; rejects when git cannot run. */
function spawnGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
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
    child.stdout.on('data', options.onStdout ?? ((b: Buffer) => out.push(b)));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new SchemagateError('GIT_ERROR', `cannot run git: ${e.message}`)));
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

export async function gitText(args: readonly string[], cwd: string): Promise<string> {
  return (await runGit(args, { cwd })).stdout.toString('utf8');
}

/** Whether a repository is shallow, learnt with its top level in the same git call (a hook counts processes). */
const shallowByTop = new Map<string, boolean>();

/** `git rev-list --first-parent <commit>`: the commits of a branch's own line, newest first. */
export const firstParentChainArgs = (commit: string): string[] => ['rev-list', '--first-parent', commit];

export const ROOT_ARGS = ['rev-parse', '--show-toplevel', '--is-shallow-repository'] as const;

/** The repository's top-level folder; a GIT_ERROR that says so when `cwd` is not in a repository. */
export async function repoRoot(cwd: string): Promise<string> {
  const r = await runGit(ROOT_ARGS, {
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

/** Blob contents by id, some of them perhaps still on their way (see `streamBlobs`). */
export interface BlobSource {
  get(oid: string): Buffer | undefined | Promise<Buffer | undefined>;
}

/**
 * Like `readBlobs`, but each blob is available as soon as `git cat-file --batch` has written it, so that
 * a caller asking for them in the order given works on the first ones while git still reads the rest
 * (git waits on the pipe when it is ahead). Unknown ids and missing objects give `undefined`; a git
 * failure rejects every blob not yet read.
 */
export function streamBlobs(cwd: string, oids: Iterable<string>): BlobSource {
  const unique = [...new Set(oids)];
  const waiting = new Map<
    string,
    {
      promise: Promise<Buffer | undefined>;
      resolve: (b: Buffer | undefined) => void;
      reject: (e: unknown) => void;
    }
  >();
  for (const oid of unique) {
    let resolve!: (b: Buffer | undefined) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<Buffer | undefined>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A blob nobody asks for must not turn a git failure into an unhandled rejection.
    promise.catch(() => undefined);
    waiting.set(oid, { promise, resolve, reject });
  }
  const source: BlobSource = {
    get: (oid) => waiting.get(oid)?.promise,
  };
  if (unique.length === 0) return source;
  let next = 0;
  let pending: Buffer = Buffer.alloc(0);
  /** The size of the blob whose header has been read, -1 while waiting for a header. */
  let size = -1;
  const settle = (buffer: Buffer | undefined): void => {
    const oid = unique[next++];
    if (oid !== undefined) waiting.get(oid)?.resolve(buffer);
  };
  // Chunks of a large blob wait here until it is complete, so that it is copied once.
  let waitingChunks: Buffer[] = [];
  let waitingLength = 0;
  const onData = (chunk: Buffer): void => {
    if (size >= 0 && pending.length + waitingLength + chunk.length < size + 1) {
      waitingChunks.push(chunk);
      waitingLength += chunk.length;
      return;
    }
    pending =
      pending.length === 0 && waitingLength === 0 ? chunk : Buffer.concat([pending, ...waitingChunks, chunk]);
    waitingChunks = [];
    waitingLength = 0;
    let pos = 0;
    for (;;) {
      if (size < 0) {
        const eol = pending.indexOf(0x0a, pos);
        if (eol < 0) break;
        const header = pending.toString('latin1', pos, eol);
        pos = eol + 1;
        if (header.endsWith(' missing')) {
          settle(undefined);
          continue;
        }
        size = Number(header.slice(header.lastIndexOf(' ') + 1));
      }
      if (pending.length - pos < size + 1) break;
      settle(pending.subarray(pos, pos + size));
      pos += size + 1;
      size = -1;
    }
    pending = pending.subarray(pos);
  };
  runGit(['cat-file', '--batch'], { cwd, input: `${unique.join('\n')}\n`, onStdout: onData }).then(
    () => {
      while (next < unique.length) settle(undefined);
    },
    (e: unknown) => {
      for (const oid of unique.slice(next)) waiting.get(oid)?.reject(e);
    },
  );
  return source;
}

/** The git call that lists the files under `root` in a tree-ish (a commit) or the index (`tree` undefined). */
export function listFilesArgs(root: string, tree: string | undefined): string[] {
  const pathspec = root === '.' ? [] : ['--', root];
  return tree === undefined
    ? ['ls-files', '-s', '-z', ...pathspec]
    : ['ls-tree', '-r', '-z', '--full-tree', tree, ...pathspec];
}

/** Entries of a file listing that are not schema contents, for the caller to report. */
export interface ListingExtras {
  /** Symbolic links: git holds the link's text, not a schema (never checked, in any mode). */
  symlinks: string[];
  /** Paths with unresolved merge conflicts in the index (stages 1–3). */
  conflicted: string[];
}

/** `path → blob id` from the output of `listFilesArgs(root, tree)`; symlinks and conflicts go to `extras`. */
export function parseFileList(
  out: string,
  tree: string | undefined,
  extras?: ListingExtras,
): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of out.split('\0')) {
    // Index: "<mode> <oid> <stage>\t<path>"; tree: "<mode> blob <oid>\t<path>".
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, second, third] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    const oid = tree === undefined ? second : third;
    if (tree === undefined ? third !== '0' : second !== 'blob') {
      if (tree === undefined && third !== undefined && !extras?.conflicted.includes(path))
        extras?.conflicted.push(path);
      continue;
    }
    if (mode === '160000' || oid === undefined) continue;
    if (mode === '120000') {
      extras?.symlinks.push(path);
      continue;
    }
    files.set(path, oid);
  }
  return files;
}

/** `path → blob id` of the files under `root` in a tree-ish (a commit) or the index (`tree` undefined). */
export async function listFiles(
  cwd: string,
  root: string,
  tree: string | undefined,
  extras?: ListingExtras,
): Promise<Map<string, string>> {
  const out = (await runGit(listFilesArgs(root, tree), { cwd })).stdout.toString('utf8');
  return parseFileList(out, tree, extras);
}

/**
 * The files of the working tree under `root` as git sees them: tracked ones and untracked ones that no
 * `.gitignore` (or `.git/info/exclude`, or core.excludesFile) ignores.
 */
export async function listWorktreeFiles(cwd: string, root: string): Promise<string[]> {
  const args = [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    ...(root === '.' ? [] : ['--', root]),
  ];
  const out = (await runGit(args, { cwd })).stdout.toString('utf8');
  return [...new Set(out.split('\0').filter((p) => p !== ''))];
}

import { SchemagateError } from '../errors.js';
import { firstParentChainArgs, isShallow, runGit } from './git.js';

/** One commit that changed a file's content, as git's first-parent history records it. */
export interface FileChange {
  commit: string;
  author: string;
  email: string;
  /** ISO-8601 author date. */
  date: string;
  /** The blob id of the file's content after the commit. */
  blob: string;
  /** The file's path in that commit (it differs from the current one before a rename). */
  path: string;
}

/** The content changes of one file along the first-parent history, oldest first, renames followed. */
export interface FileHistory {
  /** The path at the end of the history (the newest name). */
  path: string;
  changes: FileChange[];
}

export interface RepoHistory {
  /** The commit the history ends at; `undefined` for an empty repository or a missing ref. */
  commit: string | undefined;
  /** Files that exist at `commit`, by path. */
  files: Map<string, FileHistory>;
  /** Files that existed once and were deleted along the history (by their last path). */
  deleted: Map<string, FileHistory & { deletedIn: FileChange }>;
}

export interface ReadHistoryOptions {
  /** The commit to read back from. */
  commit: string | undefined;
  /** Pathspecs (the schema root, or some files in it). */
  paths: readonly string[];
  /**
   * When the repository is a shallow clone: fetch the whole history from the remote (default), or fail
   * with a message that says how to fetch it.
   */
  deepen?: boolean;
  /**
   * Whether a file moved from `from` to `to` is still the same subject. A subject's identity is its
   * name: a move that changes it ends the old file's history (a delete) and starts a new one. Default:
   * every move keeps its history.
   */
  sameSubject?: (from: string, to: string) => boolean;
}

const NULL_OID = '0000000000000000000000000000000000000000';

interface RawEntry {
  status: string;
  blob: string;
  path: string;
  from?: string;
}

interface RawCommit {
  commit: string;
  parent: string | undefined;
  author: string;
  email: string;
  date: string;
  entries: RawEntry[];
}

/** Parses `:old-mode new-mode old-oid new-oid STATUS\0path\0[path\0]` records (git's `--raw -z`). */
function parseRawEntries(tokens: string[], start: number, into: RawEntry[]): number {
  let i = start;
  while (i < tokens.length) {
    let meta = tokens[i]!;
    if (meta.charCodeAt(0) === 0x0a) meta = meta.slice(1);
    if (meta.charCodeAt(0) !== 0x3a /* : */) break;
    // The new blob id and the status are the last two of the five space-separated parts (a history
    // of 20,000 versions has as many entries, so no split and no regular expression per entry).
    const lastSpace = meta.lastIndexOf(' ');
    const blobStart = meta.lastIndexOf(' ', lastSpace - 1) + 1;
    const blob = lastSpace < 0 || blobStart === 0 ? NULL_OID : meta.slice(blobStart, lastSpace);
    const status = lastSpace < 0 ? '' : meta.slice(lastSpace + 1);
    if (status.startsWith('R') || status.startsWith('C')) {
      into.push({ status: status[0]!, blob, from: tokens[i + 1] ?? '', path: tokens[i + 2] ?? '' });
      i += 3;
    } else {
      into.push({ status: status[0] ?? 'M', blob, path: tokens[i + 1] ?? '' });
      i += 2;
    }
  }
  return i;
}

const FORMAT = '%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI';

/** Above this many changed files, one history read over the whole root is cheaper than narrow pathspecs. */
export const NARROW_LIMIT = 64;

/** Below this many first-parent commits one `git log` is quick, and a second process would cost more than it saves. */
const SPLIT_MIN_COMMITS = 256;

const chains = new Map<string, Promise<string[]>>();

/**
 * Starts listing the first-parent chain of `commit` (newest first), for a history read that follows:
 * callers that know the commit early let this run beside their other git calls. One use per call.
 */
export function prefetchFirstParentChain(cwd: string, commit: string): void {
  const key = `${cwd}\0${commit}`;
  if (chains.has(key)) return;
  const chain = runGit(firstParentChainArgs(commit), { cwd }).then((r) =>
    r.stdout
      .toString('latin1')
      .split('\n')
      .filter((line) => line !== ''),
  );
  // Not awaited when the read does not happen (an early failure): that must not crash the process.
  chain.catch(() => undefined);
  chains.set(key, chain);
}

function takeFirstParentChain(cwd: string, commit: string): Promise<string[]> {
  prefetchFirstParentChain(cwd, commit);
  const key = `${cwd}\0${commit}`;
  const chain = chains.get(key)!;
  chains.delete(key);
  return chain;
}

/**
 * The `git log` calls that read the history of `paths` back from `commit`, given its first-parent chain
 * (newest first). git diffs the trees of every commit one after the other on one core; on a long
 * history two processes, each over half of the chain, take about half the time (the older half first).
 */
export function historyLogArgs(
  commit: string,
  paths: readonly string[],
  chain: readonly string[],
): string[][] {
  const args = [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--raw',
    '--no-abbrev',
    '-M',
    '-z',
    '--reverse',
    `--format=${FORMAT}`,
  ];
  const mid = chain.length >= SPLIT_MIN_COMMITS ? chain[chain.length >> 1] : undefined;
  const ranges = mid === undefined ? [[commit]] : [[mid], [`^${mid}`, commit]];
  return ranges.map((range) => [...args, ...range, '--', ...paths]);
}

async function logCommits(cwd: string, commit: string, paths: readonly string[]): Promise<RawCommit[]> {
  const chain = await takeFirstParentChain(cwd, commit);
  // Each part is parsed as soon as its git is done, while the other may still run.
  const parts = await Promise.all(
    historyLogArgs(commit, paths, chain).map(async (args) => {
      const out = await runGit(args, { cwd });
      const commits: RawCommit[] = [];
      parseLog(out.stdout.toString('utf8'), commits);
      return commits;
    }),
  );
  return parts.length === 1 ? parts[0]! : parts.flat();
}

function parseLog(out: string, commits: RawCommit[]): void {
  for (const chunk of out.split('\x1e')) {
    if (chunk === '') continue;
    const tokens = chunk.split('\0');
    const [hash, parents, author, email, date] = (tokens[0] ?? '').split('\x1f');
    const entries: RawEntry[] = [];
    parseRawEntries(tokens, 1, entries);
    commits.push({
      commit: hash ?? '',
      parent: parents?.split(' ')[0] || undefined,
      author: author ?? '',
      email: email ?? '',
      date: (date ?? '').trim(),
      entries,
    });
  }
}

function replay(
  commits: RawCommit[],
  sameSubject: ReadHistoryOptions['sameSubject'],
): RepoHistory & { added: Array<{ path: string; commit: RawCommit }> } {
  const files = new Map<string, FileHistory>();
  const deleted = new Map<string, FileHistory & { deletedIn: FileChange }>();
  const added: Array<{ path: string; commit: RawCommit }> = [];
  for (const c of commits) {
    const change = (blob: string, path: string): FileChange => ({
      commit: c.commit,
      author: c.author,
      email: c.email,
      date: c.date,
      blob,
      path,
    });
    const remove = (path: string): void => {
      const h = files.get(path);
      if (h === undefined) return;
      files.delete(path);
      deleted.set(path, { ...h, deletedIn: change(NULL_OID, path) });
    };
    for (const e of c.entries) {
      const from = e.status === 'R' && e.from !== undefined && files.has(e.from) ? e.from : undefined;
      if (from !== undefined && sameSubject !== undefined && !sameSubject(from, e.path)) remove(from);
      if (e.status === 'D') {
        remove(e.path);
      } else if (from !== undefined && files.has(from)) {
        const h = files.get(from)!;
        files.delete(from);
        h.path = e.path;
        if (h.changes.at(-1)?.blob !== e.blob) h.changes.push(change(e.blob, e.path));
        files.set(e.path, h);
      } else {
        let h = files.get(e.path);
        if (h === undefined) {
          // A file added again where one was deleted continues that file's history (same subject).
          const before = deleted.get(e.path);
          deleted.delete(e.path);
          h =
            before === undefined ? { path: e.path, changes: [] } : { path: e.path, changes: before.changes };
          files.set(e.path, h);
          if (before === undefined) added.push({ path: e.path, commit: c });
        }
        if (h.changes.at(-1)?.blob !== e.blob) h.changes.push(change(e.blob, e.path));
      }
    }
  }
  return { commit: commits.at(-1)?.commit, files, deleted, added };
}

/** Fails clearly on a shallow clone, after trying to fetch the whole history when a remote is there. */
async function ensureFullHistory(cwd: string, deepen: boolean): Promise<void> {
  if (!(await isShallow(cwd))) return;
  const remotes = (await runGit(['remote'], { cwd })).stdout
    .toString('utf8')
    .split('\n')
    .filter((r) => r !== '');
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  if (deepen && remote !== undefined) {
    const r = await runGit(['fetch', '--unshallow', '--quiet', remote], { cwd, okCodes: [1, 128] });
    if (r.code === 0 && !(await isShallow(cwd, true))) return;
  }
  throw new SchemagateError(
    'HISTORY_MISSING',
    'this repository is a shallow clone, so the earlier versions of the schemas are missing. ' +
      'Fetch the whole history with `git fetch --unshallow`' +
      (remote === undefined ? ' (there is no remote to fetch from)' : '') +
      '; in GitHub Actions use actions/checkout with `fetch-depth: 0`.',
  );
}

/**
 * Reads the history of every file under `paths` with one `git log` pass (first parent only, git's rename
 * detection). Blob contents are not read here; see `readBlobs`.
 */
export async function readFileHistories(cwd: string, options: ReadHistoryOptions): Promise<RepoHistory> {
  if (options.commit === undefined) return { commit: undefined, files: new Map(), deleted: new Map() };
  await ensureFullHistory(cwd, options.deepen ?? true);
  const commits = await logCommits(cwd, options.commit, options.paths);
  const { added: _added, ...history } = replay(commits, options.sameSubject);
  history.commit = options.commit;
  return history;
}

/**
 * The history of a few files, with a pathspec of those files only (fast for a hook on a large
 * repository). A file added under its path may have been renamed from another path that the narrow
 * pathspec cannot see; one `git diff-tree --stdin` pass finds such renames, and then the whole root is read.
 */
export async function readFewFileHistories(
  cwd: string,
  options: ReadHistoryOptions & { root: string },
): Promise<RepoHistory> {
  if (options.commit === undefined) return { commit: undefined, files: new Map(), deleted: new Map() };
  if (options.paths.length === 0) return { commit: options.commit, files: new Map(), deleted: new Map() };
  await ensureFullHistory(cwd, options.deepen ?? true);
  const commits = await logCommits(cwd, options.commit, options.paths);
  const { added, ...history } = replay(commits, options.sameSubject);
  history.commit = options.commit;
  const withParent = added.filter((a) => a.commit.parent !== undefined);
  if (withParent.length > 0) {
    const input =
      [...new Set(withParent.map((a) => `${a.commit.commit} ${a.commit.parent}`))].join('\n') + '\n';
    const out = (
      await runGit(['diff-tree', '--stdin', '-r', '-M', '--raw', '--no-abbrev', '-z', '--', options.root], {
        cwd,
        input,
      })
    ).stdout.toString('utf8');
    const entries: RawEntry[] = [];
    const tokens = out.split('\0');
    for (let i = 0; i < tokens.length;) {
      const next = parseRawEntries(tokens, i + 1, entries);
      i = next === i + 1 ? i + 1 : next;
    }
    const addedPaths = new Set(withParent.map((a) => a.path));
    const keepsHistory = (e: RawEntry): boolean =>
      options.sameSubject === undefined || options.sameSubject(e.from ?? '', e.path);
    if (entries.some((e) => e.status === 'R' && addedPaths.has(e.path) && keepsHistory(e))) {
      return readFileHistories(cwd, {
        commit: options.commit,
        paths: [options.root],
        deepen: false,
        ...(options.sameSubject === undefined ? {} : { sameSubject: options.sameSubject }),
      });
    }
  }
  return history;
}

import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemagateError } from '../errors.js';
import type { SchemagateConfig } from './config.js';
import {
  firstParentChainArgs,
  listFiles,
  listFilesArgs,
  listWorktreeFiles,
  parseFileList,
  readBlobs,
  resolveCommit,
  ROOT_ARGS,
  runGit,
  startGitEarly,
} from './git.js';
import { historyLogArgs, NARROW_LIMIT } from './history.js';
import { DEFAULT_ROOT, isSchemaPath, isUnderRoot } from './subjects.js';
import { isExamplePath } from '../examples/paths.js';

/** `CONFIG_FILE` of config.ts, which this module does not import (it loads the YAML parser). */
const CONFIG_FILE_NAME = 'schemagate.yaml';

export interface BaseRef {
  /** The ref as found (`main`, `origin/main`, `HEAD`), or null in an empty repository. */
  ref: string | null;
  commit: string | undefined;
}

const REFS_ARGS = [
  'for-each-ref',
  '--format=%(refname)%00%(objectname)%00%(symref)',
  'refs/heads',
  'refs/remotes',
] as const;

/**
 * Starts the git calls that find the repository and its base branch, for a command to run while its
 * modules load; `repoRoot`, `resolveBase` and the history read then take their answers. For the hook
 * (`staged`), with the default layout and only modified files, it also starts the file listings and the
 * history read of the changed files: they are the hook's longest wait. Everything is started with the
 * defaults a configuration may change (root, base branch): an answer whose arguments differ from the
 * real call's is never taken. The command must call `dropEarlyGit` when it ends.
 */
export function startBaseLookupEarly(cwd: string, options: { staged?: boolean } = {}): void {
  // The refs are the same from any folder of the repository; listed from `cwd` beside finding the top
  // level, they are taken when `cwd` is the top level (a hook's case).
  const refsHere = startGitEarly(REFS_ARGS, cwd);
  startGitEarly(ROOT_ARGS, cwd)
    .then(async (r) => {
      const [top, shallow] = r.code === 0 ? r.stdout.toString('utf8').split('\n') : [];
      if (top === undefined || top === '') return;
      const refs = await (top === cwd ? refsHere : startGitEarly(REFS_ARGS, top));
      const base = refs.code === 0 ? pickBaseBranch(refs.stdout.toString('utf8'), undefined) : undefined;
      if (base?.commit === undefined) return;
      const chain = startGitEarly(firstParentChainArgs(base.commit), top);
      // A shallow clone may be deepened before the history is read; a configured root or base branch
      // makes other calls. (Looked for as words, not parsed: a false alarm only costs the head start.)
      if (options.staged !== true || shallow === 'true' || mayMoveRootOrBase(top)) return;
      const [index, atBase, chainOut] = await Promise.all([
        startGitEarly(listFilesArgs(DEFAULT_ROOT, undefined), top),
        startGitEarly(listFilesArgs(DEFAULT_ROOT, base.commit), top),
        chain,
      ]);
      if (index.code !== 0 || atBase.code !== 0 || chainOut.code !== 0) return;
      const layout = { root: DEFAULT_ROOT };
      const schemaFiles = (out: Buffer, tree: string | undefined): Map<string, string> =>
        new Map([...parseFileList(out.toString('utf8'), tree)].filter(([p]) => isSchemaPath(p, layout)));
      const now = schemaFiles(index.stdout, undefined);
      const before = schemaFiles(atBase.stdout, base.commit);
      // Added or removed files bring renames and deletions into the history read: left to the check.
      if (now.size !== before.size || [...now.keys()].some((p) => !before.has(p))) return;
      const changed = [...now.keys()].filter((p) => before.get(p) !== now.get(p));
      if (changed.length === 0 || changed.length > NARROW_LIMIT) return;
      const commits = chainOut.stdout
        .toString('latin1')
        .split('\n')
        .filter((line) => line !== '');
      for (const args of historyLogArgs(base.commit, changed, commits)) startGitEarly(args, top);
    })
    .catch(() => undefined);
}

function mayMoveRootOrBase(top: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(top, CONFIG_FILE_NAME), 'utf8');
  } catch {
    return false;
  }
  return /\b(root|baseBranch)\b/.test(text);
}

/**
 * The history's end: the configured `baseBranch` (local branch, else `origin/<branch>`); without one,
 * the remote's default branch, then `main`, then `master`; and when none exists (a fresh repository on
 * another branch, a detached checkout), `HEAD`.
 */
export async function resolveBase(
  cwd: string,
  config: Pick<SchemagateConfig, 'baseBranch'>,
): Promise<BaseRef> {
  // One for-each-ref instead of a rev-parse per candidate name: the hook's latency is mostly processes.
  const out = (await runGit(REFS_ARGS, { cwd })).stdout.toString('utf8');
  const hit = pickBaseBranch(out, config.baseBranch);
  if (hit !== undefined) return hit;
  if (config.baseBranch !== undefined) {
    const commit = await resolveCommit(cwd, config.baseBranch);
    if (commit !== undefined) return { ref: config.baseBranch, commit };
  }
  const head = await resolveCommit(cwd, 'HEAD');
  return { ref: head === undefined ? null : 'HEAD', commit: head };
}

/** The base branch among the refs `for-each-ref` listed (REFS_ARGS), if one of the names is there. */
function pickBaseBranch(out: string, baseBranch: string | undefined): BaseRef | undefined {
  const refs = new Map<string, { commit: string; symref: string }>();
  for (const line of out.split('\n')) {
    const [name, commit, symref] = line.split('\0');
    if (name !== undefined && commit !== undefined && name !== '')
      refs.set(name, { commit, symref: symref ?? '' });
  }
  const names: string[] = [];
  if (baseBranch !== undefined) {
    names.push(baseBranch, `origin/${baseBranch}`);
  } else {
    const remoteDefault = refs
      .get('refs/remotes/origin/HEAD')
      ?.symref.replace(/^refs\/remotes\/origin\//, '');
    if (remoteDefault !== undefined && remoteDefault !== '')
      names.push(remoteDefault, `origin/${remoteDefault}`);
    names.push('main', 'origin/main', 'master', 'origin/master');
  }
  for (const name of names) {
    const hit = refs.get(name.startsWith('origin/') ? `refs/remotes/${name}` : `refs/heads/${name}`);
    if (hit !== undefined) return { ref: name, commit: hit.commit };
  }
  return undefined;
}

export async function resolveRevision(cwd: string, rev: string): Promise<string> {
  const commit = await resolveCommit(cwd, rev);
  if (commit === undefined)
    throw new SchemagateError(
      'GIT_ERROR',
      `unknown revision '${rev}' (is it fetched? try \`git fetch origin ${rev.replace(/^origin\//, '')}\`)`,
    );
  return commit;
}

/** Where the candidate schemas come from. */
export type CandidateSource = { kind: 'worktree' } | { kind: 'index' } | { kind: 'commit'; commit: string };

/** A file under the schema root that is not checked, and why. */
export interface SkippedFile {
  file: string;
  reason: 'extension' | 'symlink';
}

/** The schema files of a candidate: blob ids for all, contents loaded in one batch on demand. */
export interface CandidateFiles {
  oids: Map<string, string>;
  read(paths: readonly string[]): Promise<Map<string, Buffer>>;
  /** Files under the root that are not schema files (another extension, a symbolic link). */
  skipped: SkippedFile[];
  /** Index entries with unresolved merge conflicts (staged mode only). */
  conflicted: string[];
  /** The example files (sample messages) under the root, by blob id; `read` reads them too. */
  examples: Map<string, string>;
}

/** Git's blob id of some bytes, so that worktree files compare with history without a git process each. */
export function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * The candidate schema files. In the working tree these are the files git would see (tracked, or
 * untracked and not ignored by `.gitignore`); a symbolic link is never a schema file, in any mode: git
 * holds the link's text, and the file it points to is checked under its own path when it is under the root.
 */
export async function candidateFiles(
  top: string,
  config: SchemagateConfig,
  source: CandidateSource,
): Promise<CandidateFiles> {
  const skipped: SkippedFile[] = [];
  const conflicted: string[] = [];
  const examples = new Map<string, string>();
  const isExample = (p: string): boolean => isExamplePath(p, config.examples);
  const keep = (p: string): boolean => {
    if (isSchemaPath(p, config)) return true;
    if (isUnderRoot(p, config.root)) skipped.push({ file: p, reason: 'extension' });
    return false;
  };
  if (source.kind === 'worktree') {
    const contents = new Map<string, Buffer>();
    const oids = new Map<string, string>();
    for (const p of await listWorktreeFiles(top, config.root)) {
      const full = join(top, p);
      let stat;
      try {
        stat = lstatSync(full);
      } catch (e) {
        // Deleted in the working tree but still in the index: not a candidate.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR')
          continue;
        throw e;
      }
      if (stat.isSymbolicLink()) {
        if (isUnderRoot(p, config.root)) skipped.push({ file: p, reason: 'symlink' });
        continue;
      }
      if (!stat.isFile()) continue;
      const example = isExample(p);
      if (!example && !keep(p)) continue;
      const bytes = readFileSync(full);
      contents.set(p, bytes);
      (example ? examples : oids).set(p, blobId(bytes));
    }
    return {
      oids,
      skipped,
      conflicted,
      examples,
      read: async (ps) =>
        new Map(ps.flatMap((p) => (contents.has(p) ? [[p, contents.get(p)!] as const] : []))),
    };
  }
  const symlinks: string[] = [];
  const listed = await listFiles(top, config.root, source.kind === 'index' ? undefined : source.commit, {
    symlinks,
    conflicted,
  });
  for (const p of symlinks) if (isUnderRoot(p, config.root)) skipped.push({ file: p, reason: 'symlink' });
  for (const [p, oid] of listed) if (isExample(p)) examples.set(p, oid);
  const oids = new Map([...listed].filter(([p]) => !examples.has(p) && keep(p)));
  const oidOf = (p: string): string | undefined => oids.get(p) ?? examples.get(p);
  return {
    oids,
    skipped,
    conflicted: conflicted.filter((p) => isSchemaPath(p, config)),
    examples,
    read: async (ps) => {
      const blobs = await readBlobs(
        top,
        ps.flatMap((p) => (oidOf(p) === undefined ? [] : [oidOf(p)!])),
      );
      return new Map(
        ps.flatMap((p) => (blobs.has(oidOf(p) ?? '') ? [[p, blobs.get(oidOf(p)!)!] as const] : [])),
      );
    },
  };
}

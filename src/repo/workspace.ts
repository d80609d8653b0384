import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemagateError } from '../errors.js';
import type { SchemagateConfig } from './config.js';
import {
  firstParentChainArgs,
  listFiles,
  readBlobs,
  resolveCommit,
  ROOT_ARGS,
  runGit,
  startGitEarly,
} from './git.js';
import { isSchemaPath } from './subjects.js';

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
 * modules load; `repoRoot` and `resolveBase` then take their answers. The command must call
 * `dropEarlyGit` when it ends.
 */
export function startBaseLookupEarly(cwd: string): void {
  startGitEarly(ROOT_ARGS, cwd)
    .then(async (r) => {
      const top = r.code === 0 ? r.stdout.toString('utf8').split('\n')[0] : undefined;
      if (top === undefined || top === '') return;
      const refs = await startGitEarly(REFS_ARGS, top);
      // The default base (no `baseBranch` configured): its first-parent chain is what a history read
      // lists first. With another base configured, this answer goes unused.
      const base = refs.code === 0 ? pickBaseBranch(refs.stdout.toString('utf8'), undefined) : undefined;
      if (base?.commit !== undefined) startGitEarly(firstParentChainArgs(base.commit), top);
    })
    .catch(() => undefined);
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

/** The schema files of a candidate: blob ids for all, contents loaded in one batch on demand. */
export interface CandidateFiles {
  oids: Map<string, string>;
  read(paths: readonly string[]): Promise<Map<string, Buffer>>;
}

/** Git's blob id of some bytes, so that worktree files compare with history without a git process each. */
export function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function walk(top: string, dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(join(top, dir), { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR')
      return;
    throw e;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const rel = dir === '' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) walk(top, rel, out);
    else if (e.isFile()) out.push(rel);
  }
}

export async function candidateFiles(
  top: string,
  config: SchemagateConfig,
  source: CandidateSource,
): Promise<CandidateFiles> {
  if (source.kind === 'worktree') {
    const paths: string[] = [];
    walk(top, config.root === '.' ? '' : config.root, paths);
    const contents = new Map<string, Buffer>();
    const oids = new Map<string, string>();
    for (const p of paths) {
      if (!isSchemaPath(p, config)) continue;
      const bytes = readFileSync(join(top, p));
      contents.set(p, bytes);
      oids.set(p, blobId(bytes));
    }
    return {
      oids,
      read: async (ps) =>
        new Map(ps.flatMap((p) => (contents.has(p) ? [[p, contents.get(p)!] as const] : []))),
    };
  }
  const listed = await listFiles(top, config.root, source.kind === 'index' ? undefined : source.commit);
  const oids = new Map([...listed].filter(([p]) => isSchemaPath(p, config)));
  return {
    oids,
    read: async (ps) => {
      const blobs = await readBlobs(
        top,
        ps.flatMap((p) => (oids.has(p) ? [oids.get(p)!] : [])),
      );
      return new Map(
        ps.flatMap((p) => (blobs.has(oids.get(p) ?? '') ? [[p, blobs.get(oids.get(p)!)!] as const] : [])),
      );
    },
  };
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class HistoryError extends Error {
  override readonly name = 'HistoryError';
}

async function git(cwd: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, stdout: stdout.trim(), stderr: stderr.trim() };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, stdout: (err.stdout ?? '').trim(), stderr: (err.stderr ?? err.message).trim() };
  }
}

export const FETCH_DEPTH_FIX = [
  'Let actions/checkout fetch the whole history:',
  '',
  '    - uses: actions/checkout@v4',
  '      with:',
  '        fetch-depth: 0',
].join('\n');

async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  return (await git(cwd, ['cat-file', '-e', `${sha}^{commit}`])).ok;
}

async function isShallow(cwd: string): Promise<boolean> {
  const r = await git(cwd, ['rev-parse', '--is-shallow-repository']);
  return r.ok && r.stdout === 'true';
}

export interface HistoryNeed {
  /** The commit whose history the check reads (the pull request's base, or a push's `before`). */
  sha: string;
  /** The branch that commit is on, fetched by name so the whole first-parent history arrives. */
  branch: string | undefined;
  /** What the history is for, in the error message. */
  purpose: string;
}

export type HistoryOutcome = 'present' | 'fetched';

/**
 * Makes sure the history behind `need.sha` is in the clone. actions/checkout fetches one commit by
 * default; then the base branch is fetched from the remote with its full history. Without a remote,
 * or when the fetch fails, the error shows the `fetch-depth: 0` fix.
 */
export async function ensureHistory(
  cwd: string,
  need: HistoryNeed,
  log: (line: string) => void,
): Promise<HistoryOutcome> {
  if (!(await git(cwd, ['rev-parse', '--git-dir'])).ok) {
    throw new HistoryError(
      `${cwd} is not a git repository: check out the repository before this step.\n\n${FETCH_DEPTH_FIX}`,
    );
  }
  const shallow = await isShallow(cwd);
  if (!shallow && (await hasCommit(cwd, need.sha))) return 'present';

  const remotes = (await git(cwd, ['remote'])).stdout.split('\n').filter((r) => r !== '');
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  const missing = shallow
    ? `the clone is shallow, so the history of ${need.purpose} (${need.sha.slice(0, 12)}) is incomplete`
    : `the commit ${need.sha.slice(0, 12)} (${need.purpose}) is not in the clone`;
  if (remote === undefined) {
    throw new HistoryError(
      `schemagate needs the git history: ${missing}, and there is no remote to fetch it from.\n\n${FETCH_DEPTH_FIX}`,
    );
  }
  log(`${missing}: fetching it from ${remote}`);
  const refspecs =
    need.branch === undefined ? [] : [`+refs/heads/${need.branch}:refs/remotes/${remote}/${need.branch}`];
  const attempts: string[][] = [];
  if (shallow) attempts.push(['fetch', '--no-tags', '--unshallow', remote, ...refspecs]);
  else if (refspecs.length > 0) attempts.push(['fetch', '--no-tags', remote, ...refspecs]);
  // By commit, for a base that is no longer on the branch (a force-push): servers allow reachable commits.
  attempts.push(['fetch', '--no-tags', remote, need.sha]);
  const errors: string[] = [];
  for (const args of attempts) {
    const r = await git(cwd, args);
    if (!r.ok) errors.push(`git ${args.join(' ')}: ${r.stderr.split('\n').slice(-3).join(' ')}`);
    if ((await hasCommit(cwd, need.sha)) && !(await isShallow(cwd))) return 'fetched';
  }
  const reason = errors.length > 0 ? `\n\n${errors.join('\n')}` : '';
  throw new HistoryError(
    `schemagate needs the git history: ${missing}, and fetching it from ${remote} did not help.${reason}\n\n${FETCH_DEPTH_FIX}`,
  );
}

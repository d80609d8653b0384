import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve } from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import type { CompatibilityLevel } from '../compat/level.js';
import { SchemagateError } from '../errors.js';
import { CONFIG_FILE, loadConfig, parseConfig, type SchemagateConfig } from '../repo/config.js';
import { gitText, runGit } from '../repo/git.js';
import { subjectSettings } from '../repo/subjects.js';
import type { SchemaRegistryClient } from './client/index.js';
import type { SubjectVersion } from './client/types.js';
import { matchHistory, readHeldSubjects } from './import-history.js';
import { makeDirectory } from './make-directory.js';
import { protoImportPaths } from './proto-import-paths.js';
import { subjectFileName } from './subject-file-name.js';

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
  /** Versions the repository held already (a second import of the same registry adds nothing). */
  alreadyHeld: number;
  configWritten: boolean;
  /** Subject rules added to an existing `schemagate.yaml` for subjects new to the repository. */
  rulesAdded: number;
}

interface RegistrySubject {
  subject: string;
  versions: SubjectVersion[];
  /** The subject's own level, when it has one that differs from the global level. */
  level?: CompatibilityLevel;
}

/**
 * Adopts a registry (or backs one up) as a repository: every live version of every subject becomes one
 * commit of the subject's file, in registry order, so that `check` reads the same history the registry
 * holds. Registry order: each subject's versions stay in version order, and across subjects the version
 * with the lower id (ids grow with registration) comes first.
 *
 * Into a repository that holds some of it already (an earlier import, or the repository that published
 * to the registry), only the versions it lacks are committed. When the repository is ahead of the
 * registry or has diverged from it, nothing is written: importing would roll its commits back.
 */
export async function importRegistry(
  client: SchemaRegistryClient,
  options: ImportOptions,
): Promise<ImportReport> {
  const root = checkRoot(options.root ?? 'schemas');
  const into = resolve(options.into);
  const registry = await readRegistry(client);
  prepareRepository(into);
  if ((await runGit(['rev-parse', '--show-toplevel'], { cwd: into, okCodes: [128] })).code !== 0) {
    await runGit(['init', '-q', '-b', 'main'], { cwd: into });
  }
  const identity = await commitIdentity(into);
  const configPath = join(into, CONFIG_FILE);
  const existing = existsSync(configPath) ? loadConfig(into) : undefined;
  if (existing !== undefined && options.root !== undefined && existing.root !== root) {
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--root ${options.root}: ${configPath} says the schemas are in '${existing.root}'; drop --root or change the configuration`,
    );
  }
  const config = existing ?? parseConfig(baseConfigText(client.url, root, registry.globalLevel));
  const held = await readHeldSubjects(into, config);

  const conflicts: string[] = [];
  const queues: SubjectVersion[][] = [];
  let alreadyHeld = 0;
  for (const s of registry.subjects) {
    const match = await matchHistory(client, s.subject, held.get(s.subject), s.versions);
    if ('conflict' in match) conflicts.push(match.conflict);
    else {
      alreadyHeld += match.held;
      if (match.held < s.versions.length) queues.push(s.versions.slice(match.held));
    }
  }
  if (conflicts.length > 0) {
    throw new SchemagateError(
      'IMPORT_CONFLICT',
      `nothing imported into ${into}:\n  ${conflicts.join('\n  ')}`,
    );
  }

  const files = assignFiles(registry.subjects, held, config.root);
  const newSubjects = registry.subjects.filter((s) => !held.has(s.subject));
  const rules = rulesFor(newSubjects, files, config, registry.globalLevel, existing === undefined);
  const writesConfig = existing === undefined || rules.length > 0;
  const toWrite = [
    ...(writesConfig ? [CONFIG_FILE] : []),
    ...queues.map((q) => files.get(q[0]?.subject ?? '') ?? ''),
  ];
  await refuseUncommitted(into, toWrite);

  let configWritten = false;
  let rulesAdded = 0;
  if (existing === undefined) {
    writeFileSync(configPath, withRules(baseConfigText(client.url, root, registry.globalLevel), rules));
    await commit(into, [CONFIG_FILE], `schemagate: import configuration from ${client.url}`, identity);
    configWritten = true;
  } else if (rules.length > 0) {
    writeFileSync(configPath, addRules(readFileSync(configPath, 'utf8'), rules));
    await commit(
      into,
      [CONFIG_FILE],
      `schemagate: subject rules for ${rules.length} subject(s) imported from ${client.url}`,
      identity,
    );
    rulesAdded = rules.length;
  }

  const imported = await commitVersions(into, queues, files, identity, options.onProgress);
  return {
    into,
    subjects: registry.subjects.length,
    versions: imported,
    alreadyHeld,
    configWritten,
    rulesAdded,
  };
}

/** The schema folder, inside the import folder: `--root ../x` must not write elsewhere. */
function checkRoot(root: string): string {
  const normal = posix.normalize(root.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (isAbsolute(root) || normal === '..' || normal.startsWith('../') || normal === '') {
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--root must be a folder inside the import folder, not '${root}'`,
    );
  }
  return normal;
}

function prepareRepository(into: string): void {
  try {
    makeDirectory(into);
  } catch (e) {
    throw new SchemagateError('FILE_UNREADABLE', `cannot import into ${into}: ${(e as Error).message}`);
  }
}

async function readRegistry(
  client: SchemaRegistryClient,
): Promise<{ globalLevel: CompatibilityLevel; subjects: RegistrySubject[] }> {
  const names = await client.listSubjects();
  const globalLevel = (await client.getConfig())?.compatibilityLevel ?? 'BACKWARD';
  const subjects: RegistrySubject[] = [];
  for (const subject of names) {
    const versions: SubjectVersion[] = [];
    for (const v of await client.listVersions(subject)) versions.push(await client.getVersion(subject, v));
    if (versions.length === 0) continue;
    const own = (await client.getConfig(subject))?.compatibilityLevel;
    subjects.push({ subject, versions, ...(own !== undefined && own !== globalLevel ? { level: own } : {}) });
  }
  return { globalLevel, subjects };
}

/**
 * Each subject's file: the one the repository has for it, else the path other Protobuf subjects import it
 * by, else a new safe name (see subjectFileName).
 */
function assignFiles(
  subjects: readonly RegistrySubject[],
  held: ReadonlyMap<string, { file: string }>,
  root: string,
): Map<string, string> {
  const files = new Map<string, string>();
  const taken = new Set([...held.values()].map((h) => h.file.toLowerCase()));
  const imported = protoImportPaths(subjects);
  for (const s of subjects) {
    const own = held.get(s.subject)?.file;
    if (own !== undefined) {
      files.set(s.subject, own);
      continue;
    }
    // A Protobuf subject others import goes where their `import` statements look for it.
    const importPath = imported.get(s.subject);
    if (importPath !== undefined && !taken.has(`${root}/${importPath}`.toLowerCase())) {
      files.set(s.subject, `${root}/${importPath}`);
      taken.add(`${root}/${importPath}`.toLowerCase());
      continue;
    }
    const type = s.versions[0]?.schemaType;
    const ext = type === 'JSON' ? '.json' : type === 'PROTOBUF' ? '.proto' : '.avsc';
    const base = subjectFileName(s.subject);
    // Two subjects may differ only in case; most file systems would see one file.
    let file = `${root}/${base}${ext}`;
    for (let n = 2; taken.has(file.toLowerCase()); n++) file = `${root}/${base}~${n}${ext}`;
    taken.add(file.toLowerCase());
    files.set(s.subject, file);
  }
  return files;
}

/** Rules for subjects new to the repository: their name when the file name does not give it, their level. */
function rulesFor(
  subjects: readonly RegistrySubject[],
  files: ReadonlyMap<string, string>,
  config: SchemagateConfig,
  globalLevel: CompatibilityLevel,
  freshConfig: boolean,
): { match: string; subject?: string; compatibility?: CompatibilityLevel }[] {
  const rules = [];
  for (const s of subjects) {
    const file = files.get(s.subject);
    if (file === undefined) continue;
    const settings = subjectSettings(file, config);
    const level = s.level ?? (freshConfig ? undefined : globalLevel);
    const rule = {
      match: file,
      ...(settings.subject === s.subject ? {} : { subject: s.subject }),
      ...(level === undefined || level === settings.level ? {} : { compatibility: level }),
    };
    if (Object.keys(rule).length > 1) rules.push(rule);
  }
  return rules;
}

function baseConfigText(url: string, root: string, level: CompatibilityLevel): string {
  return [
    `# Imported from ${url} by schemagate import.`,
    `root: ${JSON.stringify(root)}`,
    `compatibility: ${level}`,
    '',
  ].join('\n');
}

function withRules(
  text: string,
  rules: readonly { match: string; subject?: string; compatibility?: string }[],
): string {
  if (rules.length === 0) return text;
  const lines = rules.map((r) =>
    [
      `  - match: ${JSON.stringify(r.match)}`,
      ...(r.subject === undefined ? [] : [`    subject: ${JSON.stringify(r.subject)}`]),
      ...(r.compatibility === undefined ? [] : [`    compatibility: ${r.compatibility}`]),
    ].join('\n'),
  );
  return `${text}subjects:\n${lines.join('\n')}\n`;
}

/** Appends rules to the `subjects:` list of an existing configuration, keeping its comments and layout. */
function addRules(text: string, rules: readonly object[]): string {
  const doc = parseDocument(text);
  const list = doc.get('subjects');
  if (isSeq(list)) for (const r of rules) list.add(doc.createNode(r));
  else doc.set('subjects', doc.createNode(rules));
  return doc.toString();
}

/** Import writes whole files: a change not yet committed in one of them would be lost. */
async function refuseUncommitted(into: string, paths: readonly string[]): Promise<void> {
  const out = await gitText(['status', '--porcelain', '--untracked-files=all', '--', ...paths], into);
  const dirty = out.split('\n').filter((l) => l.trim() !== '');
  if (dirty.length > 0) {
    throw new SchemagateError(
      'IMPORT_CONFLICT',
      `nothing imported into ${into}: uncommitted changes in files import would write (commit or stash them first):\n  ${dirty.map((l) => l.slice(3)).join('\n  ')}`,
    );
  }
}

async function commitVersions(
  into: string,
  queues: SubjectVersion[][],
  files: ReadonlyMap<string, string>,
  identity: string[],
  onProgress: ImportOptions['onProgress'],
): Promise<ImportedVersion[]> {
  const total = queues.reduce((n, q) => n + q.length, 0);
  const imported: ImportedVersion[] = [];
  for (;;) {
    let pick: SubjectVersion[] | undefined;
    for (const q of queues)
      if (q[0] !== undefined && (pick?.[0] === undefined || q[0].id < pick[0].id)) pick = q;
    const v = pick?.shift();
    if (v === undefined) break;
    const file = files.get(v.subject) ?? '';
    const abs = join(into, file);
    // Names come from subjectFileName and a checked root; this guards the invariant, not user input.
    if (relative(into, abs).startsWith('..'))
      throw new SchemagateError('INTERNAL', `refusing to write ${abs} outside ${into}`);
    makeDirectory(dirname(abs));
    writeFileSync(abs, pretty(v.schema));
    const sha = await commit(
      into,
      [file],
      `${v.subject}: version ${v.version} (id ${v.id}) from the registry`,
      identity,
    );
    imported.push({ subject: v.subject, version: v.version, id: v.id, file, commit: sha });
    onProgress?.(imported.length, total, `${v.subject} v${v.version}`);
  }
  return imported;
}

/** Registry text is compact; files are for people. Formatting does not make a new version. */
function pretty(schema: string): string {
  try {
    return `${JSON.stringify(JSON.parse(schema), null, 2)}\n`;
  } catch {
    return schema.endsWith('\n') ? schema : `${schema}\n`;
  }
}

async function commitIdentity(cwd: string): Promise<string[]> {
  const name = (await runGit(['config', 'user.name'], { cwd, okCodes: [1] })).stdout.toString().trim();
  const email = (await runGit(['config', 'user.email'], { cwd, okCodes: [1] })).stdout.toString().trim();
  const args: string[] = [];
  if (name === '') args.push('-c', 'user.name=schemagate import');
  if (email === '') args.push('-c', 'user.email=schemagate@localhost');
  return args;
}

/** `--allow-empty`: two registry versions may differ only where the file does not show (metadata). */
async function commit(cwd: string, paths: string[], message: string, identity: string[]): Promise<string> {
  await runGit(['add', '--', ...paths], { cwd });
  const r = await runGit(
    [...identity, 'commit', '-q', '--allow-empty', '--no-verify', '-m', message, '--', ...paths],
    { cwd, okCodes: [1] },
  );
  if (r.code !== 0) throw new SchemagateError('GIT_ERROR', `git commit failed in ${cwd}: ${r.stderr.trim()}`);
  return (await gitText(['rev-parse', 'HEAD'], cwd)).trim();
}

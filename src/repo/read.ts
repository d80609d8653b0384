import { relative, resolve } from 'node:path';
import type { CompatibilityLevel } from '../compat/level.js';
import { SchemagateError } from '../errors.js';
import type { FormatId } from '../formats/format.js';
import { detectFormat } from '../formats/detect.js';
import { loadConfig, type SchemagateConfig } from './config.js';
import { readBlobs, repoRoot, runGit } from './git.js';
import { prefetchFirstParentChain, readFileHistories, type FileHistory } from './history.js';
import { loadSchema, NameIndex, type ResolvedReference } from './schema-file.js';
import { isSchemaPath, sameSubjectIn, subjectSettings } from './subjects.js';
import { buildVersions, type SchemaVersion } from './versions.js';
import { candidateFiles, resolveBase, resolveRevision } from './workspace.js';

/** A subject as git holds it at one commit: its file, settings, current content and versions. */
export interface SubjectInfo {
  subject: string;
  file: string;
  format: FormatId;
  level: CompatibilityLevel;
  /** The file's content at the commit (the newest version, unless that content does not parse). */
  content: string;
  /** The distinct versions along the first-parent history, oldest first. */
  versions: SchemaVersion[];
  /** Avro named types this schema takes from other files under the root, with the subject of each. */
  references: Array<ResolvedReference & { subject: string }>;
  /** Problems that make the current content unusable (then `versions` may lack it). */
  problems: string[];
}

export interface ReadSubjectsOptions {
  cwd: string;
  /** The commit to read at; default: the base branch (see resolveBase), else HEAD. */
  ref?: string;
  config?: SchemagateConfig;
  /** Only these subjects (by subject name or file path). */
  only?: readonly string[];
  deepen?: boolean;
}

/**
 * Every subject under the root at `ref`, with its versions read from git in bulk (one `git log`, one
 * `git cat-file --batch`). For publishing and for `schemagate log`.
 */
export async function readSubjects(
  options: ReadSubjectsOptions,
): Promise<{ commit: string | undefined; ref: string | null; subjects: SubjectInfo[] }> {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const base =
    options.ref === undefined
      ? await resolveBase(top, config)
      : { ref: options.ref, commit: await resolveRevision(top, options.ref) };
  if (base.commit === undefined) return { commit: undefined, ref: base.ref, subjects: [] };
  prefetchFirstParentChain(top, base.commit);
  const [history, atCommit] = await Promise.all([
    readFileHistories(top, {
      commit: base.commit,
      paths: [config.root],
      sameSubject: sameSubjectIn(config),
      ...(options.deepen === undefined ? {} : { deepen: options.deepen }),
    }),
    candidateFiles(top, config, { kind: 'commit', commit: base.commit }),
  ]);
  // The schema files at the commit (a symbolic link is none: its history is the link's text).
  const files = [...history.files.values()].filter((h) => atCommit.oids.has(h.path));
  const wanted =
    options.only === undefined
      ? files
      : files.filter(
          (h) =>
            options.only!.includes(h.path) || options.only!.includes(subjectSettings(h.path, config).subject),
        );
  const blobs = await readBlobs(
    top,
    wanted.flatMap((h) => h.changes.map((c) => c.blob)),
  );
  const index = new NameIndex(() => atCommit.read([...atCommit.oids.keys()]), config.root);
  const subjects: SubjectInfo[] = [];
  for (const h of wanted) subjects.push(await subjectInfo(h, blobs, config, index));
  subjects.sort((a, b) => a.subject.localeCompare(b.subject));
  return { commit: base.commit, ref: base.ref, subjects };
}

async function subjectInfo(
  h: FileHistory,
  blobs: ReadonlyMap<string, Buffer>,
  config: SchemagateConfig,
  index: NameIndex,
): Promise<SubjectInfo> {
  const settings = subjectSettings(h.path, config);
  const last = h.changes.at(-1);
  const bytes = last === undefined ? undefined : blobs.get(last.blob);
  const problems: string[] = [];
  let format: FormatId = settings.format ?? detectFormat(h.path);
  let references: SubjectInfo['references'] = [];
  let content = '';
  if (bytes !== undefined) {
    const loaded = await loadSchema(h.path, bytes, {
      ...(settings.format === undefined ? {} : { format: settings.format }),
      index,
    });
    format = loaded.format;
    content = loaded.text ?? bytes.toString('utf8');
    if (loaded.ok)
      references = loaded.references.map((r) => ({ ...r, subject: subjectSettings(r.file, config).subject }));
    else problems.push(...loaded.problems.map((p) => `${h.path}:${p.line}:${p.column}: ${p.message}`));
  }
  const versions = (await buildVersions(h, blobs, { format, index })).map(
    ({ schema: _s, normalized: _n, ...v }) => v,
  );
  return {
    subject: settings.subject,
    file: h.path,
    format,
    level: settings.level,
    content,
    versions,
    references,
    problems,
  };
}

/** One subject's history, found by subject name or file path (for `schemagate log` and `diff`). */
export async function readHistory(options: {
  cwd: string;
  subject: string;
  ref?: string;
  config?: SchemagateConfig;
}): Promise<SubjectInfo> {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const { subjects } = await readSubjects({
    cwd: top,
    config,
    ...(options.ref === undefined ? {} : { ref: options.ref }),
  });
  return findSubject(subjects, options.subject, { top, cwd: options.cwd, root: config.root });
}

/**
 * The subject a user named on the command line: by subject name, by path (relative to where the command
 * runs, or to the repository root), or by the end of a path under the schema root.
 */
export function findSubject<T extends { subject: string; file: string }>(
  subjects: readonly T[],
  wanted: string,
  where: { top: string; cwd: string; root: string },
): T {
  const asWritten = wanted.replace(/\\/g, '/').replace(/^\.\//, '');
  const fromCwd = relative(where.top, resolve(where.cwd, wanted)).split('\\').join('/');
  const hit =
    subjects.find((s) => s.subject === wanted || s.file === fromCwd || s.file === asWritten) ??
    subjects.find((s) => s.file.endsWith(`/${asWritten}`));
  if (hit === undefined) {
    const known =
      subjects
        .map((s) => s.subject)
        .slice(0, 10)
        .join(', ') || 'none';
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `no subject or schema file '${wanted}' under '${where.root}' in the history (known: ${known})`,
    );
  }
  return hit;
}

export type SubjectChangeKind = 'added' | 'modified' | 'deleted' | 'renamed';

export interface SubjectChange {
  subject: string;
  file: string;
  change: SubjectChangeKind;
  previousFile?: string;
}

/**
 * The subjects whose files changed between two commits (`from..to`, as `git diff from to`), for
 * `publish --since`. Subjects are named with the configuration of the working tree.
 */
export async function changedSubjects(options: {
  cwd: string;
  from: string;
  to?: string;
  config?: SchemagateConfig;
}): Promise<SubjectChange[]> {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const from = await resolveRevision(top, options.from);
  const to = await resolveRevision(top, options.to ?? 'HEAD');
  const out = (
    await runGit(['diff', '--name-status', '-M', '-z', from, to, '--', config.root], { cwd: top })
  ).stdout.toString('utf8');
  const tokens = out.split('\0');
  const changes: SubjectChange[] = [];
  for (let i = 0; i < tokens.length;) {
    const status = tokens[i] ?? '';
    if (status === '') {
      i++;
      continue;
    }
    if (status.startsWith('R') || status.startsWith('C')) {
      const old = tokens[i + 1] ?? '';
      const file = tokens[i + 2] ?? '';
      const subject = subjectSettings(file, config).subject;
      const oldSubject = subjectSettings(old, config).subject;
      if (status.startsWith('R') && oldSubject === subject) {
        if (isSchemaPath(file, config)) changes.push({ subject, file, change: 'renamed', previousFile: old });
      } else {
        // A move to another subject is the old subject's delete and a new subject; a copy adds one.
        if (status.startsWith('R') && isSchemaPath(old, config))
          changes.push({ subject: oldSubject, file: old, change: 'deleted' });
        if (isSchemaPath(file, config)) changes.push({ subject, file, change: 'added' });
      }
      i += 3;
      continue;
    }
    const file = tokens[i + 1] ?? '';
    const kind: SubjectChangeKind = status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified';
    if (isSchemaPath(file, config))
      changes.push({ subject: subjectSettings(file, config).subject, file, change: kind });
    i += 2;
  }
  return changes.sort((a, b) => a.subject.localeCompare(b.subject));
}

import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkCompatibility } from '../compat/check.js';
import { directionsOf, type CompatibilityLevel } from '../compat/level.js';
import { SchemagateError } from '../errors.js';
import type { FormatId } from '../formats/format.js';
import type { ReportedChange } from '../report/model.js';
import { loadConfig, type SchemagateConfig } from './config.js';
import { readBlobs, repoRoot } from './git.js';
import { findSubject, readSubjects } from './read.js';
import { loadSchema, NameIndex, type LoadedSchema } from './schema-file.js';
import { subjectSettings } from './subjects.js';
import type { SchemaVersion } from './versions.js';
import { candidateFiles, resolveBase, resolveRevision } from './workspace.js';

export interface LogStep extends SchemaVersion {
  /** `first` for version 1; otherwise whether this version passed the subject's level against the earlier ones. */
  verdict: 'first' | 'compatible' | 'incompatible';
  findings: Array<{ rule: string; against: number; message: string }>;
  changes: ReportedChange[];
}

export interface SubjectLog {
  subject: string;
  file: string;
  format: FormatId;
  level: CompatibilityLevel;
  steps: LogStep[];
}

async function treeIndex(
  top: string,
  config: SchemagateConfig,
  commit: string | undefined,
): Promise<NameIndex> {
  if (commit === undefined) return new NameIndex(async () => new Map());
  const files = await candidateFiles(top, config, { kind: 'commit', commit });
  return new NameIndex(() => files.read([...files.oids.keys()]), config.root);
}

function changes(
  from: Extract<LoadedSchema, { ok: true }>,
  to: Extract<LoadedSchema, { ok: true }>,
  level: CompatibilityLevel,
): ReportedChange[] {
  const checked = directionsOf(level);
  return to.handler
    .diff(from.schema, to.schema)
    .map((c) => ({ ...c, breaking: c.breaks.some((d) => checked.includes(d)) }));
}

/** The versions of one subject with the verdict of each step at the subject's level (`schemagate log`). */
export async function subjectLog(options: {
  cwd: string;
  subject: string;
  ref?: string;
  config?: SchemagateConfig;
}): Promise<SubjectLog> {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const read = await readSubjects({
    cwd: top,
    config,
    ...(options.ref === undefined ? {} : { ref: options.ref }),
  });
  const info = findSubject(read.subjects, options.subject, { top, cwd: options.cwd, root: config.root });
  const index = await treeIndex(top, config, read.commit);
  const loaded: Array<Extract<LoadedSchema, { ok: true }>> = [];
  for (const v of info.versions) {
    const l = await loadSchema(v.file, Buffer.from(v.text, 'utf8'), {
      format: info.format,
      index,
      lenient: true,
      policy: config.jsonSchemaPolicy,
    });
    if (!l.ok)
      throw new SchemagateError(
        'INVALID_SCHEMA',
        `version ${v.version} (${v.commit.slice(0, 7)}) of ${info.subject} does not parse: ${l.problems[0]?.message ?? ''}`,
      );
    loaded.push(l);
  }
  const steps: LogStep[] = info.versions.map((v, i) => {
    if (i === 0) return { ...v, verdict: 'first', findings: [], changes: [] };
    const current = loaded[i]!;
    const result = checkCompatibility(
      info.level,
      current.schema,
      loaded.slice(0, i).map((l) => l.schema),
      (r, w, c) => current.handler.check(r, w, c),
    );
    return {
      ...v,
      verdict: result.compatible ? 'compatible' : 'incompatible',
      findings: result.findings.map((f) => ({ rule: f.errorType, against: f.version, message: f.message })),
      changes: changes(loaded[i - 1]!, current, info.level),
    };
  });
  return { subject: info.subject, file: info.file, format: info.format, level: info.level, steps };
}

export interface SubjectDiff {
  subject: string;
  file: string;
  level: CompatibilityLevel;
  from: { rev: string; commit: string | null };
  to: { rev: string; commit: string | null };
  changes: ReportedChange[];
}

/**
 * The semantic diff of one subject between two revisions (`schemagate diff`). `to` defaults to the working
 * tree; `from` defaults to the newest version in the base branch's history that differs from `to`.
 */
export async function subjectDiff(options: {
  cwd: string;
  subject: string;
  from?: string;
  to?: string;
  config?: SchemagateConfig;
}): Promise<SubjectDiff> {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  // The file: a path given, or the file of a subject in the working tree, else in the history.
  const asPath = relative(top, resolve(options.cwd, options.subject)).split('\\').join('/');
  let file: string | undefined;
  if (existsSync(join(top, asPath)) && !asPath.startsWith('..')) file = asPath;
  if (file === undefined) {
    const work = await candidateFiles(top, config, { kind: 'worktree' });
    file = [...work.oids.keys()].find((p) => subjectSettings(p, config).subject === options.subject);
  }
  const base = await resolveBase(top, config);
  const read = await readSubjects({
    cwd: top,
    config,
    ...(base.commit === undefined ? {} : { ref: base.commit }),
  }).catch(() => ({ subjects: [], commit: undefined }));
  const history = read.subjects.find(
    (s) => s.file === file || (file === undefined && s.subject === options.subject),
  );
  file ??= history?.file;
  if (file === undefined)
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `no subject or schema file '${options.subject}' under '${config.root}'`,
    );
  const settings = subjectSettings(file, config);

  const contentAt = async (rev: string): Promise<{ text: Buffer; commit: string | null }> => {
    const commit = await resolveRevision(top, rev);
    const blobs = await readBlobs(top, [`${commit}:${file}`]);
    const b = blobs.get(`${commit}:${file}`);
    if (b === undefined) throw new SchemagateError('INVALID_ARGUMENT', `${file} does not exist at ${rev}`);
    return { text: b, commit };
  };
  const to =
    options.to === undefined
      ? { text: readFileSync(join(top, file)), commit: null }
      : await contentAt(options.to);
  const toIndex = await treeIndex(top, config, to.commit ?? undefined);
  const toLoaded = await loadSchema(file, to.text, {
    ...(settings.format === undefined ? {} : { format: settings.format }),
    policy: config.jsonSchemaPolicy,
    index:
      options.to === undefined ? new NameIndex(async () => readWorktree(top, config), config.root) : toIndex,
  });
  if (!toLoaded.ok)
    throw new SchemagateError(
      'INVALID_SCHEMA',
      `${file}:${toLoaded.problems[0]?.line}:${toLoaded.problems[0]?.column}: ${toLoaded.problems[0]?.message}`,
    );

  let from: { text: Buffer; commit: string | null; rev: string };
  if (options.from !== undefined) from = { ...(await contentAt(options.from)), rev: options.from };
  else {
    const normalized = toLoaded.handler.normalized(toLoaded.schema);
    const index = await treeIndex(top, config, read.commit);
    let pick: SchemaVersion | undefined;
    for (const v of [...(history?.versions ?? [])].reverse()) {
      const l = await loadSchema(v.file, Buffer.from(v.text, 'utf8'), {
        format: toLoaded.format,
        index,
        lenient: true,
      });
      if (l.ok && l.handler.normalized(l.schema) !== normalized) {
        pick = v;
        break;
      }
    }
    if (pick === undefined)
      return {
        subject: settings.subject,
        file,
        level: settings.level,
        from: { rev: 'none', commit: null },
        to: { rev: options.to ?? 'working tree', commit: to.commit },
        changes: [],
      };
    from = { text: Buffer.from(pick.text, 'utf8'), commit: pick.commit, rev: `version ${pick.version}` };
  }
  const fromLoaded = await loadSchema(file, from.text, {
    format: toLoaded.format,
    index: await treeIndex(top, config, from.commit ?? undefined),
    lenient: true,
  });
  if (!fromLoaded.ok)
    throw new SchemagateError(
      'INVALID_SCHEMA',
      `${file} at ${from.rev} does not parse: ${fromLoaded.problems[0]?.message}`,
    );
  return {
    subject: settings.subject,
    file,
    level: settings.level,
    from: { rev: from.rev, commit: from.commit },
    to: { rev: options.to ?? 'working tree', commit: to.commit },
    changes: changes(fromLoaded, toLoaded, settings.level),
  };
}

async function readWorktree(top: string, config: SchemagateConfig): Promise<Map<string, Buffer>> {
  const files = await candidateFiles(top, config, { kind: 'worktree' });
  return files.read([...files.oids.keys()]);
}

import { checkCompatibility } from '../compat/check.js';
import { directionsOf, type CompatibilityLevel } from '../compat/level.js';
import { SchemagateError } from '../errors.js';
import { join } from 'node:path';
import { detectFormat } from '../formats/detect.js';
import {
  compareFindings,
  summarize,
  type CheckMode,
  type CheckReport,
  type Finding,
  type ReportedChange,
  type SubjectReport,
  type SubjectStatus,
} from '../report/model.js';
import { CONFIG_FILE, loadConfig, loadConfigAt, parseConfig, type SchemagateConfig } from './config.js';
import { listWorktreeFiles, repoRoot, resolveCommit, streamBlobs, type BlobSource } from './git.js';
import {
  NARROW_LIMIT,
  prefetchFirstParentChain,
  readFewFileHistories,
  readFileHistories,
  type FileHistory,
  type RepoHistory,
} from './history.js';
import { loadSchema, NameIndex, type LoadedSchema } from './schema-file.js';
import { lintFindings, lintRunsInCheck } from '../lint/findings.js';
import { exampleFindings } from '../examples/guard.js';
import { examplesOf } from '../examples/paths.js';
import { isSchemaPath, isUnderRoot, levelOf, sameSubjectIn, subjectSettings } from './subjects.js';
import { buildVersions, type ParsedVersion } from './versions.js';
import {
  candidateFiles,
  resolveBase,
  resolveRevision,
  type CandidateSource,
  type SkippedFile,
} from './workspace.js';

export interface CheckOptions {
  /** Any folder inside the repository. */
  cwd: string;
  /**
   * `worktree` (default): the working tree against the base branch's history; `staged`: the index (the
   * hook); `against`: HEAD against `against`'s history (pull requests); `all`: every subject's newest
   * content against its history.
   */
  mode?: CheckMode;
  /** The ref whose history the candidate is checked against (required for `against`; overrides the base branch otherwise). */
  against?: string;
  /** Use this configuration instead of reading schemagate.yaml. */
  config?: SchemagateConfig;
  /** Read the configuration from this file (relative to `cwd`) instead of schemagate.yaml at the root. */
  configPath?: string;
  /** On a shallow clone, fetch the whole history (default true). */
  deepen?: boolean;
  /** Lint warnings become errors (`--strict`). */
  strict?: boolean;
}

/**
 * Checks the candidate schemas against their git history with the registry's rules and returns the
 * JSON contract object. Throws SchemagateError (exit 2) for configuration and git problems only; every
 * problem with a schema file is a finding, and one broken file never hides the others.
 */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const top = await repoRoot(options.cwd);
  const config =
    options.config ??
    (options.configPath === undefined ? loadConfig(top) : loadConfigAt(top, options.configPath, options.cwd));
  const mode = options.mode ?? 'worktree';

  let base: { ref: string | null; commit: string | undefined };
  if (mode === 'against') {
    if (options.against === undefined)
      throw new SchemagateError('INVALID_ARGUMENT', '--against needs a ref, such as origin/main');
    base = { ref: options.against, commit: await resolveRevision(top, options.against) };
  } else if (options.against !== undefined) {
    base = { ref: options.against, commit: await resolveRevision(top, options.against) };
  } else {
    base = await resolveBase(top, config);
  }

  // The history read lists the base's first-parent chain; it runs beside the file listings below.
  if (base.commit !== undefined) prefetchFirstParentChain(top, base.commit);

  const candidateSource =
    mode === 'staged'
      ? ({ kind: 'index' } as const)
      : mode === 'against'
        ? ({ kind: 'commit', commit: await resolveRevision(top, 'HEAD') } as const)
        : ({ kind: 'worktree' } as const);
  const [candidates, baseFiles] = await Promise.all([
    candidateFiles(top, config, candidateSource),
    base.commit === undefined
      ? new Map<string, string>()
      : candidateFiles(top, config, { kind: 'commit', commit: base.commit }).then((c) => c.oids),
  ]);

  if (candidates.conflicted.length > 0) throw await mergeConflict(top, candidates.conflicted);
  if (candidates.oids.size === 0 && baseFiles.size === 0)
    throw await noSchemaFiles(top, config, candidateSource.kind, candidates.skipped);

  const added = [...candidates.oids.keys()].filter((p) => !baseFiles.has(p));
  const removed = [...baseFiles.keys()].filter((p) => !candidates.oids.has(p));
  const renamedFrom = pairRenames(added, removed, config);
  const renamedOld = new Set(renamedFrom.values());
  const deleted = removed.filter((p) => !renamedOld.has(p));
  // Where a deleted file's content went: the delete gate says so (it is not a rename: the subject changes).
  const movedTo = movedContent(deleted, added, candidates.oids, baseFiles);

  const targets =
    mode === 'all'
      ? [...candidates.oids.keys()]
      : [...candidates.oids.keys()].filter((p) => baseFiles.get(p) !== candidates.oids.get(p));

  // Only the histories the check needs: the whole root for --all, the changed files otherwise.
  const historyPaths = [...new Set([...targets, ...deleted, ...renamedFrom.values()])];
  let history: RepoHistory;
  const sameSubject = sameSubjectIn(config);
  if (mode === 'all' || historyPaths.length > NARROW_LIMIT)
    history = await readFileHistories(top, {
      commit: base.commit,
      paths: [config.root],
      sameSubject,
      ...deepen(options),
    });
  else
    history = await readFewFileHistories(top, {
      commit: base.commit,
      paths: historyPaths,
      root: config.root,
      sameSubject,
      ...deepen(options),
    });

  const historyOf = (path: string): FileHistory | undefined => {
    const from = renamedFrom.get(path) ?? path;
    return history.files.get(from) ?? history.deleted.get(from);
  };

  // One cat-file process for every blob the check reads: history versions, the candidate (when it comes
  // from git) and the base's configuration (for LEVEL_CHANGED).
  // The blobs stream in the order the subjects are checked below, so the first subjects are checked while
  // git still reads the later ones.
  const blobIds: string[] = [];
  // The configuration at the base, from the same path (none when `--config` names a file outside the repository).
  const configPath = config.file ?? CONFIG_FILE;
  const baseConfigSpec =
    base.commit === undefined || configPath.startsWith('/') ? undefined : `${base.commit}:${configPath}`;
  if (baseConfigSpec !== undefined) blobIds.push(baseConfigSpec);
  const fromGit = candidateSource.kind !== 'worktree';
  if (fromGit) for (const p of targets) blobIds.push(candidates.oids.get(p)!);
  for (const p of targets) for (const c of historyOf(p)?.changes ?? []) blobIds.push(c.blob);
  const blobs = streamBlobs(top, blobIds);
  const readTargets = async (): Promise<Map<string, Buffer>> => {
    const read = new Map<string, Buffer>();
    for (const p of targets) {
      const bytes = await blobs.get(candidates.oids.get(p)!);
      if (bytes !== undefined) read.set(p, bytes);
    }
    return read;
  };
  const [baseConfigBytes, candidateBytes] = await Promise.all([
    baseConfigSpec === undefined ? undefined : blobs.get(baseConfigSpec),
    fromGit ? readTargets() : candidates.read(targets),
  ]);

  const baseConfig = baseConfigFrom(baseConfigBytes, config);
  const index = new NameIndex(() => candidates.read([...candidates.oids.keys()]), config.root);

  const reports: SubjectReport[] = [];
  for (const path of targets) {
    reports.push(
      await checkSubject(path, candidateBytes.get(path), historyOf(path), renamedFrom.get(path), {
        config,
        mode,
        blobs,
        index,
        strict: options.strict === true,
        examples: candidates.examples,
        read: candidates.read,
      }),
    );
  }
  for (const path of deleted)
    reports.push(deletedSubject(path, history.files.get(path), config, movedTo.get(path)));

  // A level that changes in this change: a warning on every subject it affects, checked or not.
  if (baseConfig !== undefined) {
    for (const path of candidates.oids.keys()) {
      const before = levelOf(renamedFrom.get(path) ?? path, baseConfig);
      if (before === levelOf(path, config) || !baseFiles.has(renamedFrom.get(path) ?? path)) continue;
      const now = subjectSettings(path, config);
      let report = reports.find((r) => r.file === path);
      if (report === undefined) {
        report = {
          subject: now.subject,
          file: path,
          format: detectFormat(path),
          level: now.level,
          status: 'unchanged',
          versions: 0,
          findings: [],
        };
        const bytes = (await candidates.read([path])).get(path);
        if (bytes !== undefined) {
          const loaded = await loadSchema(path, bytes, { index });
          report.format = loaded.format;
        }
        reports.push(report);
      }
      report.findings.push({
        rule: 'LEVEL_CHANGED',
        severity: 'warning',
        path: '',
        file: config.file ?? CONFIG_FILE,
        line: 1,
        column: 1,
        version: null,
        commit: null,
        message: `the compatibility level of '${now.subject}' changes from ${before} to ${now.level} in this change`,
        fix: 'make sure the change is intended; the registry must be given the new level when this is published',
      });
    }
  }

  markDuplicateSubjects(
    reports,
    [...candidates.oids.keys()].map((p) => ({ file: p, subject: subjectSettings(p, config).subject })),
  );
  reports.sort((a, b) => a.file.localeCompare(b.file));
  for (const r of reports) r.findings.sort(compareFindings);
  const summary = summarize(reports);
  return {
    ok: summary.errors === 0,
    mode,
    base: { ref: base.ref, commit: base.commit ?? null },
    subjects: reports,
    summary,
    ...(candidates.skipped.length === 0 ? {} : { skipped: candidates.skipped }),
  };
}

/** The check of a conflicted index would call the conflicted files deleted: say what is going on instead. */
async function mergeConflict(top: string, files: string[]): Promise<SchemagateError> {
  const merging = await resolveCommit(top, 'MERGE_HEAD');
  const what =
    merging === undefined ? 'unresolved conflicts' : 'a merge in progress with unresolved conflicts';
  return new SchemagateError(
    'MERGE_CONFLICT',
    `${what} in ${files.join(', ')}: the schemas cannot be checked until they are resolved. ` +
      'Edit the files to resolve the conflicts, `git add` them, then commit (the hook checks the resolved files)' +
      (merging === undefined ? '' : ', or `git merge --abort` to give up the merge'),
  );
}

/** A check that found nothing to check is a mistake (a root that points nowhere), not a success. */
async function noSchemaFiles(
  top: string,
  config: SchemagateConfig,
  source: CandidateSource['kind'],
  skipped: SkippedFile[],
): Promise<SchemagateError> {
  const where = source === 'worktree' ? 'the working tree' : source === 'index' ? 'the index' : 'HEAD';
  const root = config.root === '.' ? 'the repository' : `'${config.root}/'`;
  const outside = (await listWorktreeFiles(top, '.')).filter(
    (p) => isSchemaPath(p, { root: '.' }) && !isUnderRoot(p, config.root) && !NOT_SCHEMAS.test(p),
  );
  const hints = [
    ...(skipped.length === 0
      ? []
      : [
          `it holds ${skipped.length} other file(s), such as ${skipped[0]!.file} (${skipped[0]!.reason === 'symlink' ? 'a symbolic link' : 'not .avsc, .json or .proto'})`,
        ]),
    ...(outside.length === 0
      ? []
      : [`schema files outside it: ${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''}`]),
  ];
  return new SchemagateError(
    'NO_SCHEMA_FILES',
    `no schema files (.avsc, .json, .proto) under ${root} (${join(top, config.root)}) in ${where} nor in the base's history, so nothing was checked` +
      (hints.length === 0 ? '' : `; ${hints.join('; ')}`) +
      `. Set \`root:\` in ${config.file ?? CONFIG_FILE} to the folder that holds the schemas (default: schemas)`,
    config.file === undefined ? {} : { file: config.file },
  );
}

/** JSON files of tools, never schemas: left out of the hint about schema files outside the root. */
const NOT_SCHEMAS = /(^|\/)(node_modules\/|\.|package(-lock)?\.json$|tsconfig[^/]*\.json$)/;

function deepen(options: CheckOptions): { deepen?: boolean } {
  return options.deepen === undefined ? {} : { deepen: options.deepen };
}

function baseConfigFrom(bytes: Buffer | undefined, current: SchemagateConfig): SchemagateConfig | undefined {
  if (bytes === undefined) return current.file === undefined ? undefined : parseConfig('');
  try {
    return parseConfig(bytes.toString('utf8'));
  } catch {
    // A broken configuration in the past is not this change's problem.
    return undefined;
  }
}

/**
 * Pairs files that disappeared with files that appeared under the same subject: a move that keeps the
 * subject keeps its history. (Not by content: a subject's identity is its name, so the same content under
 * another subject is that subject's start and the old subject's delete.) git's own rename detection cannot
 * see untracked files in the working tree.
 */
function pairRenames(added: string[], removed: string[], config: SchemagateConfig): Map<string, string> {
  const pairs = new Map<string, string>();
  const bySubject = new Map(removed.map((p) => [subjectSettings(p, config).subject, p]));
  for (const a of added) {
    const match = bySubject.get(subjectSettings(a, config).subject);
    if (match === undefined) continue;
    pairs.set(a, match);
    bySubject.delete(subjectSettings(a, config).subject);
  }
  return pairs;
}

/** Deleted files whose exact content appeared at another path, with that path. */
function movedContent(
  deleted: string[],
  added: string[],
  now: Map<string, string>,
  before: Map<string, string>,
): Map<string, string> {
  const byBlob = new Map(added.map((p) => [now.get(p), p]));
  const moved = new Map<string, string>();
  for (const d of deleted) {
    const to = byBlob.get(before.get(d));
    if (to !== undefined) moved.set(d, to);
  }
  return moved;
}

interface SubjectContext {
  config: SchemagateConfig;
  mode: CheckMode;
  blobs: BlobSource;
  index: NameIndex;
  strict: boolean;
  /** The example files (sample messages) of the candidate, and how to read them. */
  examples: Map<string, string>;
  read: (paths: readonly string[]) => Promise<Map<string, Buffer>>;
}

function finding(
  file: string,
  partial: Omit<Finding, 'file' | 'version' | 'commit'> & Partial<Pick<Finding, 'version' | 'commit'>>,
): Finding {
  return { version: null, commit: null, ...partial, file };
}

async function checkSubject(
  path: string,
  bytes: Buffer | undefined,
  history: FileHistory | undefined,
  previousFile: string | undefined,
  ctx: SubjectContext,
): Promise<SubjectReport> {
  const settings = subjectSettings(path, ctx.config);
  const report: SubjectReport = {
    subject: settings.subject,
    file: path,
    format: settings.format ?? detectFormat(path),
    level: settings.level,
    status: 'ok',
    versions: 0,
    findings: [],
    ...(previousFile === undefined ? {} : { previousFile }),
  };
  if (previousFile !== undefined) {
    report.findings.push(
      finding(path, {
        rule: 'SUBJECT_RENAMED',
        severity: 'info',
        path: '',
        line: 1,
        column: 1,
        message: `renamed from ${previousFile}; the file keeps its history as subject '${settings.subject}'`,
      }),
    );
  }
  try {
    if (bytes === undefined) throw new Error(`cannot read ${path}`);
    const loaded = await loadSchema(path, bytes, {
      ...(settings.format === undefined ? {} : { format: settings.format }),
      index: ctx.index,
      policy: ctx.config.jsonSchemaPolicy,
    });
    report.format = loaded.format;
    const versions = await buildVersions(history, ctx.blobs, { format: loaded.format, index: ctx.index });
    report.versions = versions.length;
    if (!loaded.ok) {
      for (const p of loaded.problems) {
        report.findings.push(
          finding(path, {
            rule: p.rule,
            severity: 'error',
            path: p.pointer,
            line: p.line,
            column: p.column,
            message: p.message,
            ...(p.fix === undefined ? {} : { fix: p.fix }),
          }),
        );
      }
      report.status = 'invalid';
      return report;
    }
    compareWithHistory(report, loaded, versions, ctx.mode);
    await guardExamples(report, loaded, versions, ctx);
    for (const w of loaded.schema.warnings ?? [])
      report.findings.push(
        finding(path, {
          rule: w.rule,
          severity: 'warning',
          path: w.pointer,
          line: w.line,
          column: w.column,
          message: w.message,
        }),
      );
    // Naming lint: the configured rules, as warnings (errors with --strict).
    if (lintRunsInCheck(ctx.config))
      report.findings.push(
        ...lintFindings(path, settings.subject, loaded, ctx.config, { inCheck: true, strict: ctx.strict }),
      );
  } catch (e) {
    // An engine failure on one file must not hide the findings of the others.
    report.findings.push(
      finding(path, {
        rule: 'INTERNAL_ERROR',
        severity: 'error',
        path: '',
        line: 1,
        column: 1,
        message: `schemagate could not check this file: ${(e as Error).message}`,
      }),
    );
    report.status = 'invalid';
  }
  return report;
}

/**
 * The examples guard: the sample messages kept beside the schema must still be read in the directions
 * its level requires (data-level, beside the schema rules). Only for a new version, as the rules.
 */
async function guardExamples(
  report: SubjectReport,
  loaded: Extract<LoadedSchema, { ok: true }>,
  versions: ParsedVersion[],
  ctx: SubjectContext,
): Promise<void> {
  if (report.status === 'unchanged' || ctx.examples.size === 0) return;
  const files = examplesOf(report.file, ctx.examples.keys(), ctx.config.examples);
  if (files.length === 0) return;
  const bytes = await ctx.read(files);
  const normalized = loaded.handler.normalized(loaded.schema);
  const findings = await exampleFindings({
    level: report.level,
    candidate: loaded.schema,
    versions: versions.at(-1)?.normalized === normalized ? versions.slice(0, -1) : versions,
    examples: files.map((file) => ({ file, bytes: bytes.get(file) ?? Buffer.alloc(0) })),
    references: loaded.references.map((r) => ({ name: r.name, text: ctx.index.textOf(r.file) ?? '' })),
  });
  report.findings.push(...findings);
  if (
    findings.some((f) => f.rule === 'EXAMPLE_NOT_READABLE') &&
    (report.status === 'ok' || report.status === 'new')
  )
    report.status = 'incompatible';
}

function compareWithHistory(
  report: SubjectReport,
  loaded: Extract<LoadedSchema, { ok: true }>,
  versions: ParsedVersion[],
  mode: CheckMode,
): void {
  const normalized = loaded.handler.normalized(loaded.schema);
  const latest = versions.at(-1);
  const sameAsLatest = latest !== undefined && latest.normalized === normalized;
  const renamed = report.previousFile !== undefined;
  if (sameAsLatest && mode !== 'all') {
    report.status = renamed ? 'renamed' : 'unchanged';
    return;
  }
  const previous = sameAsLatest ? versions.slice(0, -1) : versions;
  if (latest !== undefined && !sameAsLatest) report.changes = changesOf(loaded, latest, report.level);
  if (previous.length === 0) {
    report.status = renamed ? 'renamed' : versions.length === 0 ? 'new' : 'ok';
    return;
  }
  const result = checkCompatibility(
    report.level,
    loaded.schema,
    previous.map((v) => v.schema),
    (r, w, c) => loaded.handler.check(r, w, c),
  );
  for (const f of result.findings) {
    const against = previous[f.version - 1]!;
    const pointer = f.candidatePointer ?? (f.direction === 'new-reads-old' ? f.path : '');
    const pos = loaded.handler.locate(loaded.schema, pointer === '/' ? '' : pointer);
    report.findings.push({
      rule: f.errorType,
      severity: 'error',
      path: pointer === '/' ? '' : pointer,
      file: report.file,
      line: pos.line,
      column: pos.column,
      version: against.version,
      commit: against.commit,
      message: `${f.message} (against version ${against.version}, ${against.commit.slice(0, 7)}; ${report.level})`,
      fix: f.fix,
      direction: f.direction,
    });
  }
  report.status = result.compatible ? (renamed ? 'renamed' : 'ok') : 'incompatible';
}

function changesOf(
  loaded: Extract<LoadedSchema, { ok: true }>,
  latest: ParsedVersion,
  level: CompatibilityLevel,
): ReportedChange[] {
  const checked = directionsOf(level);
  return loaded.handler
    .diff(latest.schema, loaded.schema)
    .map((c) => ({ ...c, breaking: c.breaks.some((d) => checked.includes(d)) }));
}

function deletedSubject(
  path: string,
  history: FileHistory | undefined,
  config: SchemagateConfig,
  movedTo: string | undefined,
): SubjectReport {
  const settings = subjectSettings(path, config);
  const moved =
    movedTo === undefined
      ? ''
      : `; its content moved to ${movedTo}, which is another subject ('${subjectSettings(movedTo, config).subject}'): a move keeps its history only when the subject stays the same`;
  const keep =
    movedTo === undefined
      ? 'restore the file'
      : `move it back, or keep the subject with a \`subjects\` rule (match: "${movedTo}", subject: "${settings.subject}")`;
  const last = history?.changes.at(-1);
  const status: SubjectStatus = 'deleted';
  return {
    subject: settings.subject,
    file: path,
    format: settings.format ?? detectFormat(path),
    level: settings.level,
    status,
    versions: new Set(history?.changes.map((c) => c.blob) ?? []).size,
    findings: [
      finding(path, {
        rule: 'SUBJECT_DELETED',
        severity: config.allowDelete ? 'info' : 'error',
        path: '',
        line: 1,
        column: 1,
        ...(last === undefined ? {} : { commit: last.commit }),
        message: `${path} was deleted, but subject '${settings.subject}' has history; consumers may still read its data${moved}`,
        fix: config.allowDelete
          ? 'none needed: allowDelete is true'
          : `${keep}, or set \`allowDelete: true\` in schemagate.yaml if the subject is really retired`,
      }),
    ],
  };
}

/** Two files with one subject: an error on each checked file, naming the others (checked or not). */
function markDuplicateSubjects(
  reports: SubjectReport[],
  all: Array<{ file: string; subject: string }>,
): void {
  const bySubject = new Map<string, string[]>();
  for (const { file, subject } of all) bySubject.set(subject, [...(bySubject.get(subject) ?? []), file]);
  for (const r of reports) {
    if (r.status === 'deleted') continue;
    const others = (bySubject.get(r.subject) ?? []).filter((f) => f !== r.file);
    if (others.length === 0) continue;
    r.findings.push(
      finding(r.file, {
        rule: 'DUPLICATE_SUBJECT',
        severity: 'error',
        path: '',
        line: 1,
        column: 1,
        message: `subject '${r.subject}' is also the subject of ${others.join(', ')}`,
        fix: 'give one of the files another subject (a `subjects` rule with `subject:`), or rename it',
      }),
    );
    r.status = 'invalid';
  }
}

import type { FormatHandler, ParsedSchema, SchemaReference } from '../formats/format.js';
import type { JsonValue } from '../formats/json/parse.js';
import { loadFormat } from '../formats/load.js';
import { loadConfig, type SchemagateConfig } from '../repo/config.js';
import { repoRoot, runGit } from '../repo/git.js';
import { loadSchema, NameIndex, type LoadedSchema } from '../repo/schema-file.js';
import { subjectSettings } from '../repo/subjects.js';
import type { ParsedVersion } from '../repo/versions.js';
import { candidateFiles } from '../repo/workspace.js';
import { avroBinarySize } from '../site/avro-size.js';
import { exampleMessages } from '../site/examples.js';
import { fieldTable } from '../site/fields.js';
import type { ReferenceEdge, SiteModel, SubjectModel, SubjectState, VersionModel } from '../site/model.js';
import { diffVersions, type VersionDiff } from '../site/diff.js';
import { changesBetween, verdictOf } from '../site/steps.js';
import { readRegistryDrift } from './drift.js';
import { formatOf, readSubjectHistories, type SubjectHistory } from './history.js';
import { topicOf } from '../site/topic.js';

export interface ReadSiteOptions {
  cwd: string;
  /** The commit whose history the site shows; default: the base branch, as `log` reads it. */
  ref?: string;
  config?: SchemagateConfig;
  /** Compare with this registry (the `status` logic) and show its drift. */
  registry?: { url: string; env: Readonly<Record<string, string | undefined>> };
}

/**
 * The site's data: every subject's versions from git history (the reading `log` and `check --all` use),
 * the verdict of each step, and the working tree's content as a new version when it differs.
 */
/** The model, and each subject's last step diffed (for the page's default view), by subject. */
export interface SiteData {
  model: SiteModel;
  lastSteps: Map<string, VersionDiff>;
}

export async function readSiteModel(options: ReadSiteOptions): Promise<SiteData> {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const [read, work] = await Promise.all([
    readSubjectHistories(top, config, options.ref),
    candidateFiles(top, config, { kind: 'worktree' }),
  ]);
  const workFiles = await work.read([...work.oids.keys()]);
  const index = new NameIndex(async () => workFiles, config.root);
  const messages =
    read.commit === undefined
      ? new Map<string, string>()
      : await commitMessages(top, read.commit, config.root);

  const subjects: Built[] = [];
  const inHistory = new Set<string>();
  for (const info of read.subjects) {
    inHistory.add(info.file);
    subjects.push(await subjectModel(info, workFiles.get(info.file), index, config, messages));
  }
  for (const [file, bytes] of workFiles) {
    if (inHistory.has(file)) continue;
    const settings = subjectSettings(file, config);
    const empty: SubjectHistory = {
      subject: settings.subject,
      file,
      format: settings.format ?? formatOf(file, bytes),
      level: settings.level,
      versions: async () => [],
    };
    subjects.push(await subjectModel(empty, bytes, index, config, messages));
  }
  subjects.sort((a, b) => a.subject.localeCompare(b.subject));
  const edges: ReferenceEdge[] = [];
  const subjectOfFile = new Map(subjects.map((s) => [s.file, s.subject]));
  for (const s of subjects)
    for (const r of s.referenceFiles)
      edges.push({ from: s.subject, to: subjectOfFile.get(r.file) ?? r.file, name: r.name });
  const registry =
    options.registry === undefined
      ? undefined
      : await readRegistryDrift(top, options.registry.url, options.registry.env);
  const lastSteps = new Map<string, VersionDiff>();
  for (const s of subjects) if (s.lastStep !== undefined) lastSteps.set(s.subject, s.lastStep);
  return {
    model: {
      commit: read.commit ?? null,
      ref: read.ref,
      subjects: subjects.map(({ referenceFiles: _r, lastStep: _l, ...s }) => s),
      edges,
      ...(registry === undefined ? {} : { registry }),
    },
    lastSteps,
  };
}

async function commitMessages(top: string, commit: string, root: string): Promise<Map<string, string>> {
  const out = await runGit(['log', '--first-parent', '--format=%H%x1f%s', commit, '--', root], { cwd: top });
  const map = new Map<string, string>();
  for (const line of out.stdout.toString('utf8').split('\n')) {
    const [hash, subject] = line.split('\x1f');
    if (hash !== undefined && hash !== '') map.set(hash, subject ?? '');
  }
  return map;
}

type Loaded = Extract<LoadedSchema, { ok: true }>;

type Built = SubjectModel & {
  referenceFiles: Array<{ name: string; file: string }>;
  lastStep: VersionDiff | undefined;
};

async function subjectModel(
  info: SubjectHistory,
  workBytes: Buffer | undefined,
  index: NameIndex,
  config: SchemagateConfig,
  messages: ReadonlyMap<string, string>,
): Promise<Built> {
  const history = await info.versions();
  // The newest content (working tree's, else the last committed version), loaded as a new schema: its
  // references resolved under the root, its problems reported.
  const newestBytes = workBytes ?? Buffer.from(history.at(-1)?.text ?? '', 'utf8');
  const current = await loadSchema(info.file, newestBytes, {
    format: info.format,
    index,
    policy: config.jsonSchemaPolicy,
  });
  const format = current.format;
  const handler = await loadFormat(format, { policy: config.jsonSchemaPolicy });
  const referenceFiles = current.ok ? current.references : [];
  const references: SchemaReference[] = current.ok
    ? referenceFiles.flatMap((r) => {
        const text = index.textOf(r.file);
        return text === undefined ? [] : [{ name: r.name, text }];
      })
    : [];

  const versions: VersionModel[] = [];
  const parsed: ParsedSchema[] = [];
  for (const v of history) {
    versions.push({
      version: v.version,
      commit: v.commit,
      author: v.author,
      date: v.date,
      message: messages.get(v.commit) ?? '',
      file: v.file,
      text: v.text,
      ...step(handler, info, v.schema, parsed),
    });
    parsed.push(v.schema);
  }

  const problems = current.ok
    ? []
    : current.problems.map((p) => `${info.file}:${p.line}:${p.column}: ${p.message}`);
  let state: SubjectState = history.length === 0 ? 'new' : 'unchanged';
  if (workBytes === undefined) state = 'deleted';
  else if (!current.ok) state = 'invalid';
  else if (isNewVersion(current, history, handler)) {
    if (history.length > 0) state = 'changed';
    versions.push({
      version: versions.length + 1,
      commit: null,
      author: '',
      date: '',
      message: 'working tree (not committed)',
      file: info.file,
      text: current.text,
      ...step(handler, info, current.schema, parsed),
    });
    parsed.push(current.schema);
  }
  const text = current.text ?? newestBytes.toString('utf8');
  const examples = current.ok ? exampleMessages(format, text, references) : [];
  if (format === 'avro' && current.ok) {
    const schema = JSON.parse(text) as JsonValue;
    const others = references.map((r) => JSON.parse(r.text) as JsonValue);
    for (const e of examples) {
      const size = avroBinarySize(schema, others, e.value as JsonValue);
      if (size !== undefined) e.encodedBytes = size;
    }
  }
  return {
    subject: info.subject,
    file: info.file,
    format,
    level: info.level,
    policy: config.jsonSchemaPolicy,
    topic: topicOf(info.subject),
    state,
    versions,
    references,
    referenceFiles,
    lastStep: lastStep(handler, format, info.level, versions, parsed, references),
    current: {
      text,
      problems,
      fields: current.ok ? fieldTable(format, text, references) : [],
      examples,
    },
  };
}

function step(
  handler: FormatHandler,
  info: SubjectHistory,
  schema: ParsedSchema,
  previous: readonly ParsedSchema[],
): Pick<VersionModel, 'verdict' | 'findings' | 'changes'> {
  const last = previous.at(-1);
  if (last === undefined) return { verdict: 'first', findings: [], changes: [] };
  const verdict = verdictOf(handler, info.level, schema, previous);
  return {
    verdict: verdict.compatible ? 'compatible' : 'incompatible',
    findings: verdict.findings,
    changes: changesBetween(handler, info.level, last, schema),
  };
}

function isNewVersion(current: Loaded, history: readonly ParsedVersion[], handler: FormatHandler): boolean {
  const last = history.at(-1);
  if (last === undefined) return true;
  return last.text !== current.text && last.normalized !== handler.normalized(current.schema);
}

/** The diff of the newest two versions: the page's default comparison, rendered for readers without JavaScript. */
function lastStep(
  handler: FormatHandler,
  format: SubjectModel['format'],
  level: SubjectModel['level'],
  versions: readonly VersionModel[],
  parsed: readonly ParsedSchema[],
  references: readonly SchemaReference[],
): VersionDiff | undefined {
  const [from, to] = [versions.at(-2), versions.at(-1)];
  const [a, b] = [parsed.at(-2), parsed.at(-1)];
  if (from === undefined || to === undefined || a === undefined || b === undefined) return undefined;
  return diffVersions(
    handler,
    format,
    level,
    { text: from.text, schema: a },
    { text: to.text, schema: b },
    references,
  );
}

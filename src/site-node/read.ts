import type { FormatHandler, ParsedSchema, SchemaReference } from '../formats/format.js';
import { loadFormat } from '../formats/load.js';
import { loadConfig, type SchemagateConfig } from '../repo/config.js';
import { repoRoot, runGit } from '../repo/git.js';
import { readSubjects, type SubjectInfo } from '../repo/read.js';
import { loadSchema, NameIndex, type LoadedSchema } from '../repo/schema-file.js';
import { subjectSettings } from '../repo/subjects.js';
import { candidateFiles } from '../repo/workspace.js';
import { exampleMessages } from '../site/examples.js';
import { fieldTable } from '../site/fields.js';
import type { ReferenceEdge, SiteModel, SubjectModel, SubjectState, VersionModel } from '../site/model.js';
import { changesBetween, verdictOf } from '../site/steps.js';
import { topicOf } from '../site/topic.js';
import { avroEncodedSize } from './avro-size.js';

export interface ReadSiteOptions {
  cwd: string;
  /** The commit whose history the site shows; default: the base branch, as `log` reads it. */
  ref?: string;
  config?: SchemagateConfig;
}

/**
 * The site's data: every subject's versions from git history (the reading `log` and `check --all` use),
 * the verdict of each step, and the working tree's content as a new version when it differs.
 */
export async function readSiteModel(options: ReadSiteOptions): Promise<SiteModel> {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const [read, work] = await Promise.all([
    readSubjects({ cwd: top, config, ...(options.ref === undefined ? {} : { ref: options.ref }) }),
    candidateFiles(top, config, { kind: 'worktree' }),
  ]);
  const workFiles = await work.read([...work.oids.keys()]);
  const index = new NameIndex(async () => workFiles, config.root);
  const messages =
    read.commit === undefined
      ? new Map<string, string>()
      : await commitMessages(top, read.commit, config.root);

  const subjects: Array<SubjectModel & { referenceFiles: Array<{ name: string; file: string }> }> = [];
  const inHistory = new Set<string>();
  for (const info of read.subjects) {
    inHistory.add(info.file);
    subjects.push(await subjectModel(info, workFiles.get(info.file), index, config, messages));
  }
  for (const [file, bytes] of workFiles) {
    if (inHistory.has(file)) continue;
    const settings = subjectSettings(file, config);
    const empty: SubjectInfo = {
      subject: settings.subject,
      file,
      format: settings.format ?? 'avro',
      level: settings.level,
      content: '',
      versions: [],
      references: [],
      problems: [],
    };
    subjects.push(await subjectModel(empty, bytes, index, config, messages, settings.format === undefined));
  }
  subjects.sort((a, b) => a.subject.localeCompare(b.subject));
  const edges: ReferenceEdge[] = [];
  const subjectOfFile = new Map(subjects.map((s) => [s.file, s.subject]));
  for (const s of subjects)
    for (const r of s.referenceFiles)
      edges.push({ from: s.subject, to: subjectOfFile.get(r.file) ?? r.file, name: r.name });
  return {
    commit: read.commit ?? null,
    ref: read.ref,
    subjects: subjects.map(({ referenceFiles: _r, ...s }) => s),
    edges,
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

async function subjectModel(
  info: SubjectInfo,
  workBytes: Buffer | undefined,
  index: NameIndex,
  config: SchemagateConfig,
  messages: ReadonlyMap<string, string>,
  detect = false,
): Promise<SubjectModel & { referenceFiles: Array<{ name: string; file: string }> }> {
  // The newest content (working tree's, else the last committed version), loaded as a new schema: its
  // references resolved under the root, its problems reported.
  const newestBytes = workBytes ?? Buffer.from(info.versions.at(-1)?.text ?? info.content, 'utf8');
  const current = await loadSchema(info.file, newestBytes, {
    ...(detect ? {} : { format: info.format }),
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
  for (const v of info.versions) {
    const result = handler.parse(v.text, { file: v.file, references, lenient: true });
    const base = {
      version: v.version,
      commit: v.commit,
      author: v.author,
      date: v.date,
      message: messages.get(v.commit) ?? '',
      file: v.file,
      text: v.text,
    };
    if (!result.ok) {
      versions.push({
        ...base,
        verdict: 'invalid',
        findings: result.issues.map((i) => ({
          rule: i.rule,
          against: v.version,
          direction: 'new-reads-old',
          message: i.message,
          fix: '',
        })),
        changes: [],
      });
      continue;
    }
    versions.push({ ...base, ...step(handler, info, result.schema, parsed) });
    parsed.push(result.schema);
  }

  const problems = current.ok
    ? []
    : current.problems.map((p) => `${info.file}:${p.line}:${p.column}: ${p.message}`);
  let state: SubjectState = info.versions.length === 0 ? 'new' : 'unchanged';
  if (workBytes === undefined) state = 'deleted';
  else if (!current.ok) state = 'invalid';
  else if (isNewVersion(current, info, handler)) {
    if (info.versions.length > 0) state = 'changed';
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
  }
  const text = current.text ?? newestBytes.toString('utf8');
  const examples = current.ok ? exampleMessages(format, text, references) : [];
  if (format === 'avro' && current.ok)
    for (const e of examples) {
      const size = avroEncodedSize(text, references, e.value);
      if (size !== undefined) e.encodedBytes = size;
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
    current: {
      text,
      problems: [
        ...problems,
        ...info.problems.filter((p) => !problems.includes(p) && workBytes === undefined),
      ],
      fields: current.ok ? fieldTable(format, text, references) : [],
      examples,
    },
  };
}

function step(
  handler: FormatHandler,
  info: SubjectInfo,
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

function isNewVersion(current: Loaded, info: SubjectInfo, handler: FormatHandler): boolean {
  const last = info.versions.at(-1);
  if (last === undefined) return true;
  if (last.text === current.text) return false;
  const before = handler.parse(last.text, { lenient: true });
  return !before.ok || handler.normalized(before.schema) !== handler.normalized(current.schema);
}

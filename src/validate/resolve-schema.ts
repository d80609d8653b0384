import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { SchemagateError } from '../errors.js';
import type { ParsedSchema, SchemaReference } from '../formats/format.js';
import { loadFormat } from '../formats/load.js';
import type { SchemaRegistryClient } from '../registry/client/index.js';
import type { SchemagateConfig } from '../repo/config.js';
import { repoRoot, streamBlobs } from '../repo/git.js';
import { readFewFileHistories } from '../repo/history.js';
import { loadSchema, NameIndex } from '../repo/schema-file.js';
import { subjectSettings } from '../repo/subjects.js';
import { buildVersions } from '../repo/versions.js';
import { candidateFiles, resolveRevision } from '../repo/workspace.js';

/** The schema messages are checked against, and how to name it in messages. */
export interface ResolvedSchema {
  label: string;
  schema: ParsedSchema;
  /** The documents it references (JSON Schema `$ref`s to other files), for the validator. */
  references: SchemaReference[];
}

export interface SchemaChoice {
  /** A schema file (relative to cwd) or a subject name. */
  target: string;
  cwd: string;
  config: SchemagateConfig;
  /** The n-th version in the file's git history (1 = oldest), or in the registry. */
  version?: number;
  /** Read the file as it is at this revision. */
  ref?: string;
}

/** The schema from git: the working tree, a revision (`ref`) or a version of the file's history. */
export async function schemaFromGit(choice: SchemaChoice): Promise<ResolvedSchema> {
  const top = await repoRoot(choice.cwd);
  const commit = choice.ref === undefined ? undefined : await resolveRevision(top, choice.ref);
  const files = await candidateFiles(
    top,
    choice.config,
    commit === undefined ? { kind: 'worktree' } : { kind: 'commit', commit },
  );
  const path = fileOf(choice, top, [...files.oids.keys()]);
  const settings = subjectSettings(path, choice.config);
  const index = new NameIndex(() => files.read([...files.oids.keys()]), choice.config.root);
  const bytes = (await files.read([path])).get(path);
  if (bytes === undefined)
    throw new SchemagateError(
      'FILE_UNREADABLE',
      `cannot read ${path}${choice.ref === undefined ? '' : ` at ${choice.ref}`}`,
    );
  const loaded = await loadSchema(path, bytes, {
    ...(settings.format === undefined ? {} : { format: settings.format }),
    index,
    policy: choice.config.jsonSchemaPolicy,
  });
  if (!loaded.ok) {
    const p = loaded.problems[0]!;
    throw new SchemagateError('INVALID_SCHEMA', p.message, { file: path, line: p.line, column: p.column });
  }
  const at = choice.ref === undefined ? '' : ` at ${choice.ref}`;
  // The referenced files as they are now (or at --ref): a version of the history uses them too.
  const references = loaded.references.map((r) => ({ name: r.name, text: index.textOf(r.file) ?? '' }));
  if (choice.version === undefined) return { label: `${path}${at}`, schema: loaded.schema, references };

  const head = commit ?? (await resolveRevision(top, 'HEAD'));
  const history = await readFewFileHistories(top, { commit: head, paths: [path], root: choice.config.root });
  const fileHistory = history.files.get(path);
  const versions = await buildVersions(
    fileHistory,
    streamBlobs(top, fileHistory?.changes.map((c) => c.blob) ?? []),
    {
      format: loaded.format,
      index,
    },
  );
  const version = versions[choice.version - 1];
  if (version === undefined)
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--version ${choice.version}: ${path} has ${versions.length} version(s) in the history of ${choice.ref ?? 'HEAD'}`,
    );
  return {
    label: `${path} version ${version.version} (${version.commit.slice(0, 7)})`,
    schema: version.schema,
    references,
  };
}

/** The file a target names: a path to a schema file, else the file whose subject it is. */
function fileOf(choice: SchemaChoice, top: string, files: string[]): string {
  const full = resolve(choice.cwd, choice.target);
  const fromTop = relative(top, full).split('\\').join('/');
  if (files.includes(fromTop)) return fromTop;
  const bySubject = files.filter((f) => subjectSettings(f, choice.config).subject === choice.target);
  if (bySubject.length === 1) return bySubject[0]!;
  if (bySubject.length > 1)
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `subject '${choice.target}' is the subject of ${bySubject.join(', ')}`,
    );
  const where = choice.ref === undefined ? 'in the working tree' : `at ${choice.ref}`;
  throw new SchemagateError(
    'INVALID_ARGUMENT',
    existsSync(full)
      ? `${choice.target} is not a schema file under '${choice.config.root}' ${where}`
      : `'${choice.target}' is neither a schema file nor the subject of one under '${choice.config.root}' ${where}`,
  );
}

/** The schema of a subject version in the registry (`latest` without a version), with its references. */
export async function schemaFromRegistry(
  client: SchemaRegistryClient,
  subject: string,
  version: number | undefined,
): Promise<ResolvedSchema> {
  const stored = await client.getVersion(subject, version ?? 'latest');
  const references: SchemaReference[] = [];
  const seen = new Set<string>();
  const collect = async (
    refs: ReadonlyArray<{ name: string; subject: string; version: number }>,
  ): Promise<void> => {
    for (const r of refs) {
      if (seen.has(r.name)) continue;
      seen.add(r.name);
      const v = await client.getVersion(r.subject, r.version);
      await collect(v.references ?? []);
      references.push({ name: r.name, text: v.schema });
    }
  };
  await collect(stored.references ?? []);
  const format =
    stored.schemaType === 'JSON' ? 'json' : stored.schemaType === 'PROTOBUF' ? 'protobuf' : 'avro';
  const handler = await loadFormat(format);
  const label = `${subject} version ${stored.version} (id ${stored.id}) in ${client.url}`;
  const parsed = handler.parse(stored.schema, { references, lenient: true });
  if (!parsed.ok)
    throw new SchemagateError(
      'REGISTRY_BAD_ANSWER',
      `${label}: the registry's schema does not parse: ${parsed.issues[0]?.message ?? ''}`,
    );
  return { label, schema: parsed.schema, references };
}

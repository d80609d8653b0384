import { SchemagateError } from '../errors.js';
import { parseJson } from '../formats/json/parse.js';
import { detectFormat } from '../formats/registry.js';
import { loadConfig, type SchemagateConfig } from '../repo/config.js';
import { listFiles, readBlobs, repoRoot, resolveCommit, runGit } from '../repo/git.js';
import { isSchemaPath, subjectSettings } from '../repo/subjects.js';
import { avroNames } from './plan/avro-references.js';
import type { PublishCandidate } from './plan/types.js';

export interface CollectOptions {
  /** Only subjects whose file changed between this ref and `head`. */
  since?: string;
  /** The commit whose files are published. Default HEAD. */
  head?: string;
}

export interface CollectedRepo {
  root: string;
  config: SchemagateConfig;
  candidates: PublishCandidate[];
}

/**
 * The subjects of the repository at `head` as publish candidates: one per schema file, with the level the
 * configuration gives it and, for Avro, references to the subjects whose files define the named types it
 * uses without defining. With `since`, only subjects whose file changed in `since..head` (and the
 * references they need are taken from the registry's latest version when they did not change).
 */
export async function collectCandidates(cwd: string, options: CollectOptions = {}): Promise<CollectedRepo> {
  const root = await repoRoot(cwd);
  const config = loadConfig(root);
  const head = await resolveCommit(root, options.head ?? 'HEAD');
  if (head === undefined) throw new SchemagateError('GIT_ERROR', `no commit '${options.head ?? 'HEAD'}' in ${root}: commit the schemas first`);
  const files = [...(await listFiles(root, config.root, head))].filter(([path]) => isSchemaPath(path, config));
  const blobs = await readBlobs(root, files.map(([, oid]) => oid));

  const all: PublishCandidate[] = [];
  const externals = new Map<string, Set<string>>();
  const definedBy = new Map<string, string>();
  for (const [path, oid] of files) {
    const text = blobs.get(oid)?.toString('utf8') ?? '';
    const doc = parseJson(text, path);
    const settings = subjectSettings(path, config);
    const format = settings.format ?? detectFormat(path, doc.value);
    const candidate: PublishCandidate = {
      subject: settings.subject,
      file: path,
      schema: text,
      schemaType: format === 'avro' ? 'AVRO' : 'JSON',
      references: [],
      level: settings.level,
    };
    all.push(candidate);
    if (format === 'avro') {
      const names = avroNames(doc.value);
      if (names.topLevel !== undefined) definedBy.set(names.topLevel, settings.subject);
      externals.set(settings.subject, names.external);
    }
  }
  for (const c of all) {
    for (const name of externals.get(c.subject) ?? []) {
      const subject = definedBy.get(name);
      if (subject !== undefined && subject !== c.subject) c.references.push({ name, subject });
    }
  }
  if (options.since === undefined) return { root, config, candidates: all };
  const changed = await changedPaths(root, options.since, head, config.root);
  return { root, config, candidates: all.filter((c) => c.file !== undefined && changed.has(c.file)) };
}

async function changedPaths(root: string, since: string, head: string, schemaRoot: string): Promise<Set<string>> {
  const base = await resolveCommit(root, since);
  if (base === undefined) throw new SchemagateError('INVALID_ARGUMENT', `--since: no commit '${since}' in this repository`);
  const pathspec = schemaRoot === '.' ? [] : ['--', schemaRoot];
  const out = (await runGit(['diff', '--name-only', '-z', '--no-renames', base, head, ...pathspec], { cwd: root })).stdout.toString('utf8');
  return new Set(out.split('\0').filter((p) => p !== ''));
}

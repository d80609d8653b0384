import { realpathSync } from 'node:fs';
import { posix, relative, sep } from 'node:path';
import type { SchemagateConfig } from '../repo/config.js';
import { readBlobs, repoRoot, resolveCommit } from '../repo/git.js';
import { readFileHistories } from '../repo/history.js';
import { subjectSettings } from '../repo/subjects.js';
import { isRegistryError } from './client/errors.js';
import type { SchemaRegistryClient } from './client/index.js';
import type { SubjectVersion } from './client/types.js';

/** What a repository holds of one subject: its file and its distinct schemas, oldest first. */
export interface HeldSubject {
  /** Relative to the import folder, `/` separators. */
  file: string;
  versions: { text: string; commit: string }[];
}

const SCHEMA_FILE = /\.(avsc|json|proto)$/;

/**
 * The subjects the repository at `into` already holds, read from git's first-parent history of the
 * schema folder at HEAD, named by `config` as `check` names them. A content seen before (a reformatting,
 * a revert) is not a new version, as the registry would not make one.
 */
export async function readHeldSubjects(
  into: string,
  config: SchemagateConfig,
): Promise<Map<string, HeldSubject>> {
  const held = new Map<string, HeldSubject>();
  const top = await repoRoot(into);
  const head = await resolveCommit(top, 'HEAD');
  if (head === undefined) return held;
  const prefix = relative(realpathSync(top), realpathSync(into)).split(sep).join('/');
  const inTop = (path: string): string => (prefix === '' ? path : `${prefix}/${path}`);
  const history = await readFileHistories(top, { commit: head, paths: [inTop(config.root)] });
  const files = [...history.files.values()].filter(
    (h) => SCHEMA_FILE.test(h.path) && h.path.startsWith(inTop('')),
  );
  const blobs = await readBlobs(
    top,
    files.flatMap((h) => h.changes.map((c) => c.blob)),
  );
  for (const h of files) {
    const file = prefix === '' ? h.path : h.path.slice(prefix.length + 1);
    const { subject } = subjectSettings(file, config);
    if (held.has(subject)) continue;
    const seen = new Set<string>();
    const versions: HeldSubject['versions'] = [];
    for (const change of h.changes) {
      const text = blobs.get(change.blob)?.toString('utf8');
      if (text === undefined) continue;
      const key = canonicalKey(text);
      if (seen.has(key)) continue;
      seen.add(key);
      versions.push({ text, commit: change.commit });
    }
    held.set(subject, { file: posix.normalize(file), versions });
  }
  return held;
}

export type HistoryMatch = { held: number } | { conflict: string };

/**
 * How much of the registry's history of a subject the repository holds: the repository's versions must
 * be the registry's first versions, in order. More versions in the repository (unpublished commits), or
 * a different schema at some version, is a conflict that import must not paper over.
 */
export async function matchHistory(
  client: SchemaRegistryClient,
  subject: string,
  held: HeldSubject | undefined,
  registry: readonly SubjectVersion[],
): Promise<HistoryMatch> {
  const ours = held?.versions ?? [];
  for (const [i, version] of ours.entries()) {
    const theirs = registry[i];
    const at = `${held?.file ?? subject} (commit ${version.commit.slice(0, 8)})`;
    if (theirs === undefined) {
      return {
        conflict: `subject '${subject}': the repository is ahead of the registry: ${ours.length - i} version(s) from ${at} on are not in the registry (publish them first, or import into another folder)`,
      };
    }
    if (!(await sameSchema(client, subject, version.text, theirs))) {
      return {
        conflict: `subject '${subject}': the repository and the registry have diverged: ${at} is not the registry's version ${theirs.version} (id ${theirs.id})`,
      };
    }
  }
  return { held: ours.length };
}

/** The same schema, by its JSON (key order and layout aside), else as the registry's lookup sees it. */
async function sameSchema(
  client: SchemaRegistryClient,
  subject: string,
  text: string,
  version: SubjectVersion,
): Promise<boolean> {
  if (canonicalKey(text) === canonicalKey(version.schema)) return true;
  try {
    const found = await client.lookup(subject, {
      schema: text,
      ...(version.schemaType === undefined ? {} : { schemaType: version.schemaType }),
      ...(version.references === undefined ? {} : { references: version.references }),
    });
    return found.version === version.version;
  } catch (e) {
    // Not found, or a text the registry cannot parse as that type: not this version. Only from the registry.
    if (isRegistryError(e) && e.code === 'REGISTRY_ERROR' && (e.status === 404 || e.status === 422))
      return false;
    throw e;
  }
}

function canonicalKey(text: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text.trim();
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  // fromEntries makes own properties, so a `__proto__` key stays a key.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

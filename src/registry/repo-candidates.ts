import {
  readSubjects,
  changedSubjects,
  loadConfig,
  repoRoot,
  type SchemagateConfig,
  type SubjectInfo,
} from '../repo/index.js';
import type { FormatId } from '../formats/format.js';
import type { PublishCandidate, SchemaTypeName } from './plan/types.js';

const SCHEMA_TYPES: Record<FormatId, SchemaTypeName> = { avro: 'AVRO', json: 'JSON', protobuf: 'PROTOBUF' };

export interface CollectOptions {
  /** Only subjects whose file changed between this ref and `head` (deleted files are not published). */
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
 * The repository's subjects at `head` as publish candidates, read with the git validator's library: the
 * newest content of each file, the level the configuration gives it, and the subjects of the files it takes
 * types from (Avro named types, JSON Schema `$ref`s, Protobuf imports: references, registered first).
 */
export async function collectCandidates(cwd: string, options: CollectOptions = {}): Promise<CollectedRepo> {
  const root = await repoRoot(cwd);
  const config = loadConfig(root);
  const head = options.head ?? 'HEAD';
  let only: string[] | undefined;
  if (options.since !== undefined) {
    const changes = await changedSubjects({ cwd: root, from: options.since, to: head, config });
    only = changes.filter((c) => c.change !== 'deleted').map((c) => c.file);
    if (only.length === 0) return { root, config, candidates: [] };
  }
  const { subjects } = await readSubjects({
    cwd: root,
    ref: head,
    config,
    ...(only === undefined ? {} : { only }),
  });
  return { root, config, candidates: subjects.map(toCandidate) };
}

export function toCandidate(s: SubjectInfo): PublishCandidate {
  const c: PublishCandidate = {
    subject: s.subject,
    file: s.file,
    schema: s.content,
    schemaType: SCHEMA_TYPES[s.format],
    references: s.references.map((r) => ({ name: r.name, subject: r.subject })),
    level: s.level,
  };
  if (s.problems.length > 0) c.problems = s.problems;
  return c;
}

import type { FormatId } from '../formats/format.js';
import { detectFormat } from '../formats/detect.js';
import type { JsonValue } from '../formats/json/parse.js';
import type { SchemagateConfig } from '../repo/config.js';
import { readBlobs } from '../repo/git.js';
import { prefetchFirstParentChain, readFileHistories } from '../repo/history.js';
import { NameIndex } from '../repo/schema-file.js';
import { sameSubjectIn, subjectSettings } from '../repo/subjects.js';
import { buildVersions, type ParsedVersion } from '../repo/versions.js';
import { candidateFiles, resolveBase, resolveRevision } from '../repo/workspace.js';

export interface SubjectHistory {
  subject: string;
  file: string;
  format: FormatId;
  level: SchemagateConfig['compatibility'];
  /**
   * The versions, parsed on demand (so each version is parsed once for the whole build, and a subject's
   * parsed schemas can be dropped before the next subject's are made).
   */
  versions: () => Promise<ParsedVersion[]>;
}

/**
 * Every subject's versions at `ref` (default: the base branch), read as `readSubjects` reads them for
 * `log` (one `git log`, one `cat-file --batch`, the same `buildVersions`), keeping the parsed schemas.
 */
export async function readSubjectHistories(
  top: string,
  config: SchemagateConfig,
  ref: string | undefined,
): Promise<{ commit: string | undefined; ref: string | null; subjects: SubjectHistory[] }> {
  const base =
    ref === undefined ? await resolveBase(top, config) : { ref, commit: await resolveRevision(top, ref) };
  if (base.commit === undefined) return { commit: undefined, ref: base.ref, subjects: [] };
  prefetchFirstParentChain(top, base.commit);
  const [history, atCommit] = await Promise.all([
    readFileHistories(top, { commit: base.commit, paths: [config.root], sameSubject: sameSubjectIn(config) }),
    candidateFiles(top, config, { kind: 'commit', commit: base.commit }),
  ]);
  const files = [...history.files.values()].filter((h) => atCommit.oids.has(h.path));
  const blobs = await readBlobs(
    top,
    files.flatMap((h) => h.changes.map((c) => c.blob)),
  );
  const index = new NameIndex(() => atCommit.read([...atCommit.oids.keys()]), config.root);
  const subjects: SubjectHistory[] = [];
  for (const h of files) {
    const settings = subjectSettings(h.path, config);
    const last = h.changes.at(-1);
    const format = settings.format ?? formatOf(h.path, last === undefined ? undefined : blobs.get(last.blob));
    subjects.push({
      subject: settings.subject,
      file: h.path,
      format,
      level: settings.level,
      versions: () => buildVersions(h, blobs, { format, index }),
    });
  }
  return { commit: base.commit, ref: base.ref, subjects };
}

/** The format of a file from its name, and for `.json` from its content (Avro or JSON Schema). */
export function formatOf(path: string, bytes: Buffer | undefined): FormatId {
  if (bytes === undefined || !path.toLowerCase().endsWith('.json')) return detectFormat(path);
  try {
    return detectFormat(path, JSON.parse(bytes.toString('utf8')) as JsonValue);
  } catch {
    return detectFormat(path);
  }
}

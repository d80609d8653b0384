import type { FormatId, ParsedSchema } from '../formats/format.js';
import type { BlobSource } from './git.js';
import type { FileHistory } from './history.js';
import { loadSchema, type NameIndex } from './schema-file.js';

/** One version of a subject, as git's history holds it. */
export interface SchemaVersion {
  /** 1 = oldest. */
  version: number;
  commit: string;
  author: string;
  email: string;
  /** ISO-8601 author date. */
  date: string;
  /** The file's path in that commit. */
  file: string;
  text: string;
}

export interface ParsedVersion extends SchemaVersion {
  schema: ParsedSchema;
  normalized: string;
}

/**
 * The versions of a file: its distinct contents along the history, oldest first. Contents that normalize
 * to a version already seen (formatting only, or a revert to an earlier version, which the registry
 * answers with the existing version) are not new versions. A content that does not parse is skipped: the
 * registry could never have accepted it.
 */
export async function buildVersions(
  history: FileHistory | undefined,
  blobs: BlobSource,
  options: { format: FormatId; index?: NameIndex },
): Promise<ParsedVersion[]> {
  const versions: ParsedVersion[] = [];
  if (history === undefined) return versions;
  const seen = new Set<string>();
  const seenBlobs = new Set<string>();
  for (const change of history.changes) {
    if (seenBlobs.has(change.blob)) continue;
    seenBlobs.add(change.blob);
    const bytes = await blobs.get(change.blob);
    if (bytes === undefined) continue;
    const loaded = await loadSchema(change.path, bytes, {
      format: options.format,
      lenient: true,
      fast: true,
      ...(options.index === undefined ? {} : { index: options.index }),
    });
    if (!loaded.ok) continue;
    const normalized = loaded.handler.normalized(loaded.schema);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    versions.push({
      version: versions.length + 1,
      commit: change.commit,
      author: change.author,
      email: change.email,
      date: change.date,
      file: change.path,
      text: loaded.text,
      schema: loaded.schema,
      normalized,
    });
  }
  return versions;
}

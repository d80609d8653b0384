import type { RegistrySchemaType } from '../formats/format.js';

interface VersionReferences {
  schemaType?: RegistrySchemaType;
  references?: ReadonlyArray<{ name: string; subject: string }>;
}

/** A relative `.proto` path a file may safely have under the schema root: no `..`, no hidden or odd names. */
const SAFE_IMPORT = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.proto$/;

/**
 * Where under the schema root each Protobuf subject that others import must live so that their
 * `import "<name>";` finds it (the validator resolves imports as `protoc -I <root>` would): the
 * reference name, by subject. A subject imported under two names, or a name that is not a plain relative
 * path, gets none (the caller names its file after the subject; the importer's import then does not resolve,
 * which `check` reports).
 */
export function protoImportPaths(
  subjects: ReadonlyArray<{ versions: readonly VersionReferences[] }>,
): Map<string, string> {
  const names = new Map<string, Set<string>>();
  for (const s of subjects)
    for (const v of s.versions) {
      if (v.schemaType !== 'PROTOBUF') continue;
      for (const r of v.references ?? [])
        names.set(r.subject, (names.get(r.subject) ?? new Set()).add(r.name));
    }
  const paths = new Map<string, string>();
  const used = new Set<string>();
  for (const [subject, set] of names) {
    const [name] = [...set];
    if (set.size !== 1 || name === undefined || !SAFE_IMPORT.test(name) || used.has(name.toLowerCase()))
      continue;
    used.add(name.toLowerCase());
    paths.set(subject, name);
  }
  return paths;
}

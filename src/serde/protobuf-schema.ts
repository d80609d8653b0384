// A Protobuf schema from the registry as protobufjs types: the file and its references (imports, fetched
// from the registry by subject and version) parsed with protobufjs's own parser into one Root, field names
// kept as written. The well-known and other built-in imports the registry knows without a reference come
// from protobufjs (google/protobuf/*) or from the pure core's copies (KNOWN_FILES).
import protobuf from 'protobufjs';
import { KNOWN_FILES } from '../formats/protobuf/known-types.js';
import { SerdeError } from './errors.js';
import { restoreMapFields } from './protobuf-map-entries.js';
import { publicImportWrapped } from './protobuf-wrapper.js';
import { subjectCall, type SerdeRegistry, type SerdeSchema, type SerdeSchemaReference } from './registry.js';

export type ProtobufType = protobuf.Type;

export interface ProtobufFile {
  /** Every message of the file (nested ones included), by message-index path (`"0"`, `"1.2"`). */
  byPath: ReadonlyMap<string, protobuf.Type>;
  /** The message-index path of each message of the file, by full name (no leading dot). */
  pathOf: ReadonlyMap<string, number[]>;
  /** The file's first message (path `[0]`). */
  first: protobuf.Type | undefined;
  /** The same messages as a tree: the top-level ones in index order, each with its nested ones. */
  tree: readonly ProtobufNode[];
}

export interface ProtobufNode {
  type: protobuf.Type;
  nested: ProtobufNode[];
}

const PARSE_OPTIONS = { keepCase: true };

/** Full names of the file's messages in declaration order, with their index paths; no references needed. */
export function messagePaths(text: string): Map<string, number[]> {
  const parsed = parseText(text, new protobuf.Root());
  const scope = parsed.package === undefined ? parsed.root : parsed.root.lookup(parsed.package);
  const paths = new Map<string, number[]>();
  if (scope instanceof protobuf.Namespace) collect(scope, [], paths);
  return paths;
}

function collect(scope: protobuf.NamespaceBase, prefix: number[], paths: Map<string, number[]>): void {
  let index = 0;
  for (const nested of scope.nestedArray) {
    // Groups are types to protobufjs but not messages of the file to the registry (Wire keeps them apart),
    // and the registry's index paths count only messages; map entries protobufjs does not make types.
    if (!(nested instanceof protobuf.Type) || (nested as { group?: boolean }).group === true) continue;
    const path = [...prefix, index++];
    paths.set(nested.fullName.slice(1), path);
    collect(nested, path, paths);
  }
}

/** Parses `schema` with its references (fetched through `registry`) and resolves every type. */
export async function compileProtobuf(
  registry: SerdeRegistry | undefined,
  schema: SerdeSchema,
): Promise<ProtobufFile> {
  const texts = new Map<string, string>();
  if (registry !== undefined) await fetchReferences(registry, schema.references ?? [], texts);
  const root = new protobuf.Root();
  const added = new Set<string>();
  const add = (name: string | undefined, text: string): void => {
    const parsed = parseText(text, root, name);
    for (const imported of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
      if (added.has(imported)) continue;
      added.add(imported);
      addImport(root, imported, texts, add, name);
    }
  };
  add(undefined, schema.schema);
  try {
    root.resolveAll();
    if (restoreMapFields(root)) root.resolveAll();
  } catch (error) {
    throw invalid(`types do not resolve: ${(error as Error).message}`, error);
  }
  const pathOf = messagePaths(effectiveText(schema.schema, texts));
  const byPath = new Map<string, protobuf.Type>();
  const tree: ProtobufNode[] = [];
  const nodes = new Map<string, ProtobufNode>();
  let first: protobuf.Type | undefined;
  // Declaration order: a parent's path comes before its children's, each level's indexes in order.
  for (const [name, path] of pathOf) {
    const type = root.lookupType(name);
    const key = path.join('.');
    byPath.set(key, type);
    if (path.length === 1 && path[0] === 0) first = type;
    const node = { type, nested: [] };
    nodes.set(key, node);
    (path.length === 1 ? tree : nodes.get(path.slice(0, -1).join('.'))!.nested).push(node);
  }
  return { byPath, pathOf, first, tree };
}

/**
 * The text whose messages the message indexes count: the schema's own, or for an empty file that only
 * re-exports one file (protobuf-wrapper.ts), that file's when it declares messages.
 */
function effectiveText(text: string, texts: ReadonlyMap<string, string>): string {
  const wrapped = publicImportWrapped(text);
  if (wrapped === undefined) return text;
  const leaf = texts.get(wrapped) ?? KNOWN_FILES.get(wrapped);
  return leaf !== undefined && messagePaths(leaf).size > 0 ? leaf : text;
}

function addImport(
  root: protobuf.Root,
  imported: string,
  texts: ReadonlyMap<string, string>,
  add: (name: string, text: string) => void,
  importer: string | undefined,
): void {
  const referenced = texts.get(imported);
  if (referenced !== undefined) return add(imported, referenced);
  const common = protobuf.common.get(imported) as {
    nested?: Record<string, protobuf.AnyNestedObject>;
  } | null;
  if (common?.nested !== undefined) {
    root.addJSON(common.nested);
    return;
  }
  const known = KNOWN_FILES.get(imported);
  if (known !== undefined) return add(imported, known);
  throw invalid(
    `${importer === undefined ? 'the schema' : importer} imports ${imported}, which is neither a reference nor a built-in file`,
  );
}

async function fetchReferences(
  registry: SerdeRegistry,
  references: readonly SerdeSchemaReference[],
  texts: Map<string, string>,
): Promise<void> {
  for (const reference of references) {
    if (texts.has(reference.name)) continue;
    const version = await subjectCall(
      `fetching reference ${reference.name} (version ${reference.version})`,
      reference.subject,
      () => registry.getVersion(reference.subject, reference.version),
    );
    texts.set(reference.name, version.schema);
    await fetchReferences(registry, version.references ?? [], texts);
  }
}

function parseText(text: string, root: protobuf.Root, name?: string): protobuf.IParserResult {
  try {
    return protobuf.parse(text, root, PARSE_OPTIONS);
  } catch (error) {
    throw invalid(`${name ?? 'the schema'} does not parse: ${(error as Error).message}`, error);
  }
}

function invalid(message: string, cause?: unknown): SerdeError {
  return new SerdeError('INVALID_SCHEMA', `invalid Protobuf schema: ${message}`, {}, { cause });
}

import { posix } from 'node:path';
import { isSchemagateError } from '../errors.js';
import {
  jsonDocumentOf,
  type FormatHandler,
  type FormatId,
  type ParsedSchema,
  type SchemaReference,
} from '../formats/format.js';
import { parseJson, positionOf, type JsonDocument, type JsonValue } from '../formats/json/parse.js';
import { detectFormat } from '../formats/detect.js';
import { loadFormat, type JsonSchemaPolicy } from '../formats/load.js';
import { avroNames } from './avro-names.js';
import { REFERENCE_CYCLE_FIX, describeCycle, findCycle } from '../compat/reference-cycle.js';
import { decodeSchemaText } from './text.js';
import { protoImportsAt } from './proto-imports.js';

/** A problem that makes a file unusable as a schema, with its position. */
export interface FileProblem {
  rule: 'INVALID_SCHEMA' | 'REFERENCE_UNRESOLVED' | 'REFERENCE_CYCLE';
  message: string;
  pointer: string;
  line: number;
  column: number;
  fix?: string;
}

/** A reference this schema needs: the named type, and the file under the root that defines it. */
export interface ResolvedReference {
  name: string;
  file: string;
}

export type LoadedSchema =
  | {
      ok: true;
      format: FormatId;
      handler: FormatHandler;
      schema: ParsedSchema;
      text: string;
      /** The JSON document of a JSON-based schema; undefined for Protobuf (place findings with `handler.locate`). */
      doc: JsonDocument | undefined;
      references: ResolvedReference[];
    }
  | { ok: false; format: FormatId; problems: FileProblem[]; text?: string };

/**
 * Finds the file that defines an Avro named type among the other schema files of the root. Built lazily:
 * most schemas reference nothing, and a hook should not read every file for them.
 */
export class NameIndex {
  private byName: Map<string, string> | undefined;
  private readonly texts = new Map<string, string>();
  /** JSON Schema files by `$id` (without fragment) and by path. */
  private readonly jsonById = new Map<string, string>();
  private readonly jsonPaths = new Set<string>();
  /** `.proto` files by their path relative to the schema root (the name an `import` uses, as with `protoc -I <root>`). */
  private readonly protoByImport = new Map<string, string>();

  /** `root`: the schema root, which `.proto` imports are relative to. */
  constructor(
    private readonly load: () => Promise<Map<string, Buffer>>,
    private readonly root = '.',
  ) {}

  async ensure(): Promise<void> {
    if (this.byName !== undefined) return;
    this.byName = new Map();
    for (const [path, bytes] of await this.load()) {
      const decoded = decodeSchemaText(bytes);
      if (!decoded.ok) continue;
      if (path.toLowerCase().endsWith('.proto')) {
        this.texts.set(path, decoded.text);
        this.protoByImport.set(this.root === '.' ? path : path.slice(this.root.length + 1), path);
        continue;
      }
      let value;
      try {
        value = JSON.parse(decoded.text) as Parameters<typeof avroNames>[0];
      } catch {
        continue;
      }
      this.texts.set(path, decoded.text);
      if (detectFormat(path, value) !== 'avro') {
        this.jsonPaths.add(path);
        const id =
          value !== null && typeof value === 'object' && !Array.isArray(value) ? value['$id'] : undefined;
        if (typeof id === 'string') this.jsonById.set(id.split('#')[0]!, path);
        continue;
      }
      for (const name of avroNames(value).defined) if (!this.byName.has(name)) this.byName.set(name, path);
    }
  }

  /** The JSON Schema file a `$ref` URI (fragment removed) names: by `$id`, else by path relative to `from`. */
  jsonFileOf(uri: string, from: string): string | undefined {
    const byId = this.jsonById.get(uri);
    if (byId !== undefined) return byId;
    const rel = posix.normalize(posix.join(posix.dirname(from), uri));
    return this.jsonPaths.has(rel) ? rel : undefined;
  }

  /** The `.proto` file an `import "<name>";` names: `<root>/<name>`. */
  protoFileOf(name: string): string | undefined {
    return this.protoByImport.get(posix.normalize(name));
  }

  fileOf(name: string): string | undefined {
    return this.byName?.get(name);
  }

  textOf(file: string): string | undefined {
    return this.texts.get(file);
  }
}

/**
 * The references of an Avro schema, resolved transitively against `index`: every name the schema (or a
 * referenced schema) uses without defining it. Unresolvable names are returned as problems.
 */
export async function resolveAvroReferences(
  file: string,
  value: JsonValue,
  text: string,
  index: NameIndex,
): Promise<{ references: Array<SchemaReference & { file: string }>; problems: FileProblem[] }> {
  const first = avroNames(value).external;
  if (first.length === 0) return { references: [], problems: [] };
  await index.ensure();
  const problems: FileProblem[] = [];
  const found = new Map<string, SchemaReference & { file: string }>();
  const queue: Array<{ use: (typeof first)[number]; from: string; top: boolean }> = first.map((use) => ({
    use,
    from: file,
    top: true,
  }));
  const seenFiles = new Set([file]);
  const graph = new ReferenceGraph();
  while (queue.length > 0) {
    const { use, from, top } = queue.shift()!;
    const name = use.candidates.find((c) => index.fileOf(c) !== undefined);
    const defining = name === undefined ? undefined : index.fileOf(name);
    if (defining !== undefined) graph.add(from, defining, top ? use.pointer : undefined);
    if (name === undefined || defining === undefined) {
      if (top) {
        const pos = positionOf(parseJson(text, file), use.pointer);
        problems.push({
          rule: 'REFERENCE_UNRESOLVED',
          message: `type '${use.written}' is not defined in this file nor in any other schema file under the root`,
          pointer: use.pointer,
          line: pos.line,
          column: pos.column,
          fix: `define '${use.candidates[0]}' in a schema file under the root, or fix the name (full names include the namespace)`,
        });
      } else {
        problems.push({
          rule: 'REFERENCE_UNRESOLVED',
          message: `type '${use.written}' used by ${from} is not defined in any schema file under the root`,
          pointer: '',
          line: 1,
          column: 1,
        });
      }
      continue;
    }
    if (defining === file || found.has(name)) continue;
    const refText = index.textOf(defining) ?? '';
    found.set(name, { name, text: refText, file: defining });
    if (!seenFiles.has(defining)) {
      seenFiles.add(defining);
      try {
        for (const u of avroNames(JSON.parse(refText) as Parameters<typeof avroNames>[0]).external)
          queue.push({ use: u, from: defining, top: false });
      } catch {
        // The referenced file's own problems are reported on that file.
      }
    }
  }
  const cycle = graph.cycleProblem(file, text);
  if (cycle !== undefined) problems.push(cycle);
  // Dependencies first, so that a parser reading references in order finds each name defined.
  return { references: [...found.values()].reverse(), problems };
}

/** The `$ref`s of a JSON Schema that name another document (not `#…` inside this one), with their pointers. */
function externalRefs(
  value: JsonValue,
  pointer = '',
  out: Array<{ uri: string; pointer: string }> = [],
): Array<{ uri: string; pointer: string }> {
  if (Array.isArray(value)) value.forEach((v, i) => externalRefs(v, `${pointer}/${i}`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const child = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (k === '$ref' && typeof v === 'string') {
        const uri = v.split('#')[0]!;
        if (uri !== '') out.push({ uri, pointer: child });
      } else externalRefs(v, child, out);
    }
  }
  return out;
}

/**
 * The documents a JSON Schema's `$ref`s name, found among the schema files under the root (by `$id`, or
 * by path relative to the referencing file), transitively. A `$ref` to a file that is not there is a
 * problem; a URL that no file claims as its `$id` is left to the engine (it may be resolvable inside).
 */
export async function resolveJsonReferences(
  file: string,
  value: JsonValue,
  text: string,
  index: NameIndex,
): Promise<{ references: Array<SchemaReference & { file: string }>; problems: FileProblem[] }> {
  const first = externalRefs(value);
  if (first.length === 0) return { references: [], problems: [] };
  await index.ensure();
  const found = new Map<string, SchemaReference & { file: string }>();
  const problems: FileProblem[] = [];
  const queue = first.map((r) => ({ ...r, from: file, top: true }));
  const graph = new ReferenceGraph();
  while (queue.length > 0) {
    const r = queue.shift()!;
    const target = index.jsonFileOf(r.uri, r.from);
    if (target !== undefined) graph.add(r.from, target, r.top ? r.pointer : undefined);
    if (found.has(r.uri)) continue;
    if (target === undefined) {
      if (r.top && !/^[a-z][a-z0-9+.-]*:/i.test(r.uri)) {
        const pos = positionOf(parseJson(text, file), r.pointer);
        problems.push({
          rule: 'REFERENCE_UNRESOLVED',
          message: `$ref '${r.uri}' names no schema file under the root`,
          pointer: r.pointer,
          line: pos.line,
          column: pos.column,
          fix: 'fix the path (relative to this file) or add the referenced schema under the root',
        });
      }
      continue;
    }
    if (target === file) continue;
    const refText = index.textOf(target) ?? '';
    found.set(r.uri, { name: r.uri, text: refText, file: target });
    try {
      for (const next of externalRefs(JSON.parse(refText) as JsonValue))
        queue.push({ ...next, from: target, top: false });
    } catch {
      // Reported on that file.
    }
  }
  const cycle = graph.cycleProblem(file, text);
  if (cycle !== undefined) problems.push(cycle);
  return { references: [...found.values()], problems };
}

/** Which file references which, as reference resolution finds them; for REFERENCE_CYCLE. */
class ReferenceGraph {
  private readonly edges = new Map<string, Set<string>>();
  /** The position of the first use in the checked file of each file it references. */
  private readonly firstUse = new Map<string, string>();

  add(from: string, to: string, pointer: string | undefined): void {
    let out = this.edges.get(from);
    if (out === undefined) this.edges.set(from, (out = new Set()));
    out.add(to);
    if (pointer !== undefined && !this.firstUse.has(to)) this.firstUse.set(to, pointer);
  }

  /** A cycle reachable from `file`, as one problem at the use in `file` that leads into it. */
  cycleProblem(
    file: string,
    text: string,
    place: (pointer: string) => { line: number; column: number } = (pointer) =>
      positionOf(parseJson(text, file), pointer),
  ): FileProblem | undefined {
    const cycle = findCycle(file, (node) => [...(this.edges.get(node) ?? [])]);
    if (cycle === undefined) return undefined;
    // The reference of this file that starts the way into the cycle (the cycle itself when it passes here).
    const path = findPath(file, cycle[0]!, (node) => [...(this.edges.get(node) ?? [])]);
    const entry = cycle[0] === file ? cycle[1]! : (path?.[1] ?? cycle[0]!);
    const pointer = this.firstUse.get(entry) ?? '';
    const pos = place(pointer);
    const through = cycle[0] === file ? '' : ` (this schema references ${cycle[0]}, which is on it)`;
    return {
      rule: 'REFERENCE_CYCLE',
      message: `schema references form a cycle: ${describeCycle(cycle)}${through}; the registry cannot register schemas that reference each other`,
      pointer,
      line: pos.line,
      column: pos.column,
      fix: REFERENCE_CYCLE_FIX,
    };
  }
}

/** A shortest path from `from` to `to` (both included), or undefined. */
function findPath(from: string, to: string, edges: (node: string) => string[]): string[] | undefined {
  const parent = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(parent.get(path[0]!)!);
      return path;
    }
    for (const next of edges(node))
      if (!parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
  }
  return undefined;
}

/**
 * The `.proto` files a Protobuf schema imports, transitively, found under the schema root as `protoc -I <root>`
 * would (the well-known `google/protobuf/*.proto` are built in). Each reference is named by its import
 * path, as the registry names Protobuf references. An import found nowhere is left to the parser, which
 * reports it at its line; `loadSchema` turns that into REFERENCE_UNRESOLVED.
 */
export async function resolveProtoReferences(
  file: string,
  text: string,
  index: NameIndex,
): Promise<{ references: Array<SchemaReference & { file: string }>; problems: FileProblem[] }> {
  const first = protoImportsAt(text);
  if (first.length === 0) return { references: [], problems: [] };
  await index.ensure();
  const found = new Map<string, SchemaReference & { file: string }>();
  const graph = new ReferenceGraph();
  const positions = new Map(first.map((i) => [i.name, i]));
  const queue = first.map((i) => ({ name: i.name, from: file, top: true }));
  while (queue.length > 0) {
    const { name, from, top } = queue.shift()!;
    const target = index.protoFileOf(name);
    if (target === undefined) continue;
    graph.add(from, target, top ? name : undefined);
    if (found.has(name) || target === file) continue;
    const refText = index.textOf(target) ?? '';
    found.set(name, { name, text: refText, file: target });
    for (const next of protoImportsAt(refText)) queue.push({ name: next.name, from: target, top: false });
  }
  const cycle = graph.cycleProblem(file, text, (name) => positions.get(name) ?? { line: 1, column: 1 });
  // Dependencies first, as the registry's clients list them.
  return { references: [...found.values()].reverse(), problems: cycle === undefined ? [] : [cycle] };
}

/** Decodes, parses and validates one schema file; every problem with its line and column. */
export async function loadSchema(
  file: string,
  bytes: Buffer,
  options: {
    format?: FormatId;
    index?: NameIndex;
    lenient?: boolean;
    references?: readonly SchemaReference[];
    fast?: boolean;
    /** The JSON Schema allow-list the handler's check and diff use (config `jsonSchemaPolicy`). */
    policy?: JsonSchemaPolicy;
  },
): Promise<LoadedSchema> {
  const decoded = decodeSchemaText(bytes);
  const fallbackFormat = options.format ?? detectFormat(file);
  if (!decoded.ok) {
    return {
      ok: false,
      format: fallbackFormat,
      problems: [
        {
          rule: 'INVALID_SCHEMA',
          message: decoded.message,
          pointer: '',
          line: decoded.line,
          column: decoded.column,
          fix: 'save the file as UTF-8',
        },
      ],
    };
  }
  const text = decoded.text;
  if (fallbackFormat === 'protobuf') return loadProto(file, text, options);
  // Avro history versions: try the engine directly, and only on failure take the full path (JSON syntax
  // position, reference resolution): an unknown named type fails the parse, so nothing is missed. Not for
  // JSON Schema, whose engine reads an unresolved `$ref` as an empty schema instead of failing.
  if (options.fast === true && options.format === 'avro') {
    const handler = await loadFormat(options.format);
    const direct = handler.parse(text, { file, ...(options.lenient === true ? { lenient: true } : {}) });
    const doc = direct.ok ? jsonDocumentOf(direct.schema) : undefined;
    if (direct.ok && doc !== undefined)
      return { ok: true, format: options.format, handler, schema: direct.schema, text, doc, references: [] };
  }
  // JSON.parse is several times faster than the position-recording parser, which runs only to place an error.
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    try {
      parseJson(text, file);
    } catch (e) {
      if (!isSchemagateError(e)) throw e;
      return {
        ok: false,
        format: fallbackFormat,
        text,
        problems: [
          {
            rule: 'INVALID_SCHEMA',
            message: e.message,
            pointer: '',
            line: e.location.line ?? 1,
            column: e.location.column ?? 1,
            fix: 'fix the JSON syntax at this position',
          },
        ],
      };
    }
    return {
      ok: false,
      format: fallbackFormat,
      text,
      problems: [{ rule: 'INVALID_SCHEMA', message: 'invalid JSON', pointer: '', line: 1, column: 1 }],
    };
  }
  const format = options.format ?? detectFormat(file, value);
  let references: Array<SchemaReference & { file?: string }> = [...(options.references ?? [])];
  if (format === 'avro' && options.index !== undefined && options.references === undefined) {
    const resolved = await resolveAvroReferences(file, value, text, options.index);
    if (resolved.problems.length > 0) return { ok: false, format, text, problems: resolved.problems };
    references = resolved.references;
  }
  if (format === 'json' && options.index !== undefined && options.references === undefined) {
    const resolved = await resolveJsonReferences(file, value, text, options.index);
    if (resolved.problems.length > 0) return { ok: false, format, text, problems: resolved.problems };
    references = resolved.references;
  }
  const handler = await loadFormat(format, options.policy === undefined ? {} : { policy: options.policy });
  const result = handler.parse(text, {
    file,
    references,
    ...(options.lenient === true ? { lenient: true } : {}),
  });
  if (!result.ok) {
    return {
      ok: false,
      format,
      text,
      problems: result.issues.map((i) => ({
        rule: 'INVALID_SCHEMA' as const,
        message: `${i.message} (${i.rule})`,
        pointer: i.pointer,
        line: i.line,
        column: i.column,
      })),
    };
  }
  // Only JSON-based schemas reach here (the text was parsed as JSON above).
  const doc = jsonDocumentOf(result.schema) ?? parseJson(text, file);
  return {
    ok: true,
    format,
    handler,
    schema: result.schema,
    text,
    doc,
    references: references.flatMap((r) => (r.file === undefined ? [] : [{ name: r.name, file: r.file }])),
  };
}

/** `loadSchema` for a `.proto` file: imports resolved under the root, problems at their line and column. */
async function loadProto(
  file: string,
  text: string,
  options: { index?: NameIndex; lenient?: boolean; references?: readonly SchemaReference[] },
): Promise<LoadedSchema> {
  let references: Array<SchemaReference & { file?: string }> = [...(options.references ?? [])];
  if (options.index !== undefined && options.references === undefined) {
    const resolved = await resolveProtoReferences(file, text, options.index);
    if (resolved.problems.length > 0)
      return { ok: false, format: 'protobuf', text, problems: resolved.problems };
    references = resolved.references;
  }
  const handler = await loadFormat('protobuf');
  const result = handler.parse(text, {
    file,
    references,
    ...(options.lenient === true ? { lenient: true } : {}),
  });
  if (!result.ok) {
    return {
      ok: false,
      format: 'protobuf',
      text,
      problems: result.issues.map((i) =>
        i.rule === 'PROTOBUF_IMPORT_MISSING'
          ? {
              rule: 'REFERENCE_UNRESOLVED' as const,
              message: `${i.message}, and no .proto file under the schema root has that path`,
              pointer: i.pointer,
              line: i.line,
              column: i.column,
              fix: 'fix the import path (relative to the schema root, as with protoc -I <root>) or add the imported file under the root',
            }
          : {
              rule: 'INVALID_SCHEMA' as const,
              message: `${i.message} (${i.rule})`,
              pointer: i.pointer,
              line: i.line,
              column: i.column,
            },
      ),
    };
  }
  return {
    ok: true,
    format: 'protobuf',
    handler,
    schema: result.schema,
    text,
    doc: undefined,
    references: references.flatMap((r) => (r.file === undefined ? [] : [{ name: r.name, file: r.file }])),
  };
}

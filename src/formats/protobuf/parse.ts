import type { ParsedSchema, ParseOptions, ParseResult, SchemaIssue } from '../format.js';
import { KNOWN_FILES } from './known-types.js';
import { emptyProtoFile, type ProtoFile } from './model.js';
import { ProtoSyntaxError } from './reader.js';
import { PROTOBUF_RULES } from './rules.js';
import { parseProtoText } from './syntax.js';
import { TypeIndex, type ProtoFileSet } from './types.js';
import { validateProto } from './validate.js';

export { PROTOBUF_RULES } from './rules.js';

export interface ProtobufSchema extends ParsedSchema {
  format: 'protobuf';
  proto: ProtoFile;
  files: ProtoFileSet;
  index: TypeIndex;
}

const knownParsed = new Map<string, ProtoFile>();

function known(name: string): ProtoFile | undefined {
  let file = knownParsed.get(name);
  if (file === undefined) {
    const text = KNOWN_FILES.get(name);
    if (text === undefined) return undefined;
    file = parseProtoText(text);
    knownParsed.set(name, file);
  }
  return file;
}

let knownIndex: TypeIndex | undefined;

/** The types of every known file, indexed once and shared by every schema that does not override one. */
function knownTypes(): TypeIndex {
  if (knownIndex === undefined) {
    const dependencies = new Map([...KNOWN_FILES.keys()].map((n) => [n, known(n) as ProtoFile]));
    knownIndex = new TypeIndex({ main: emptyProtoFile(), dependencies });
  }
  return knownIndex;
}

function withKnownFiles(references: ReadonlyMap<string, ProtoFile>): Map<string, ProtoFile> {
  const all = new Map(references);
  for (const name of KNOWN_FILES.keys()) if (!all.has(name)) all.set(name, known(name) as ProtoFile);
  return all;
}

function syntaxIssue(e: ProtoSyntaxError, prefix = ''): SchemaIssue {
  return {
    rule: PROTOBUF_RULES.syntax,
    message: `${prefix}${e.message}`,
    pointer: '',
    line: e.pos.line,
    column: e.pos.column,
  };
}

/**
 * Parses a `.proto` schema with its references (import name → text) and the known files built in.
 * A new schema (not `lenient`) is also validated as the registry does before registering: every
 * import found, every type resolved, numbers and names unique.
 */
export function parseProtobuf(text: string, options: ParseOptions = {}): ParseResult<ProtobufSchema> {
  let proto: ProtoFile;
  try {
    proto = parseProtoText(text);
  } catch (e) {
    if (e instanceof ProtoSyntaxError) return { ok: false, issues: [syntaxIssue(e)] };
    throw e;
  }
  const dependencies = new Map<string, ProtoFile>();
  const issues: SchemaIssue[] = [];
  for (const r of options.references ?? []) {
    try {
      dependencies.set(r.name, parseProtoText(r.text));
    } catch (e) {
      if (!(e instanceof ProtoSyntaxError)) throw e;
      issues.push({
        ...syntaxIssue(e),
        rule: PROTOBUF_RULES.reference,
        message: `the referenced schema '${r.name}' is not valid Protobuf: ${e.message} (line ${e.pos.line}, column ${e.pos.column})`,
        line: 1,
        column: 1,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  // The known files are indexed once and shared; a reference that replaces one must hide it, so only
  // then is everything indexed afresh.
  const overridesKnown = [...dependencies.keys()].some((n) => KNOWN_FILES.has(n));
  const files: ProtoFileSet = { main: proto, dependencies };
  const index = overridesKnown
    ? new TypeIndex({ main: proto, dependencies: withKnownFiles(dependencies) })
    : new TypeIndex(files, knownTypes());
  if (options.lenient !== true) issues.push(...validateProto(files, index));
  if (issues.length > 0) return { ok: false, issues };
  const schema: ProtobufSchema = { format: 'protobuf', text, proto, files, index };
  if (options.file !== undefined) schema.file = options.file;
  return { ok: true, schema };
}

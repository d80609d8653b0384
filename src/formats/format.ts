import type { PairContext, PairFinding } from '../compat/finding.js';
import type { Direction } from '../compat/level.js';
import type { JsonDocument } from './json/parse.js';

export type FormatId = 'avro' | 'json' | 'protobuf';
export type RegistrySchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';

/** A problem in a schema as written: a stable rule id, where it is, and what is wrong. */
export interface SchemaIssue {
  rule: string;
  message: string;
  /** Where in the schema: a JSON pointer for the JSON formats, a registry path (`/Order/3`) for Protobuf. */
  pointer: string;
  line: number;
  column: number;
}

/** Another schema this one may use by name (Avro named type), `$ref` URL (JSON Schema) or import path (Protobuf). */
export interface SchemaReference {
  name: string;
  text: string;
}

export interface ParseOptions {
  /** Shown in messages; not read. */
  file?: string;
  references?: readonly SchemaReference[];
  /**
   * The registry parses stored (old) schemas leniently and validates only new ones (§4.4). Lenient
   * parsing skips the checks that only a new schema must pass (such as default values).
   */
  lenient?: boolean;
}

export interface ParsedSchema {
  format: FormatId;
  /** The text as written. */
  text: string;
  file?: string;
  /** Problems the registry accepts but that are likely mistakes: lint warnings, never a refusal. */
  warnings?: readonly SchemaIssue[];
}

/** A schema written as JSON (Avro, JSON Schema): its document, with the position of every value. */
export interface JsonBackedSchema extends ParsedSchema {
  doc: JsonDocument;
}

/** The JSON document of a JSON-based schema; undefined for a format written otherwise (Protobuf). */
export function jsonDocumentOf(schema: ParsedSchema): JsonDocument | undefined {
  return 'doc' in schema ? (schema as JsonBackedSchema).doc : undefined;
}

export interface SourcePosition {
  line: number;
  column: number;
}

/** One semantic difference between two versions (a field added, a type changed, …). */
export interface SchemaChange {
  kind: 'added' | 'removed' | 'changed';
  /** JSON pointer: into the new schema for added and changed parts, into the old one for removed parts. */
  pointer: string;
  /** A short sentence: "field 'email' (string, default \"\") added". */
  summary: string;
  /** The directions in which this change on its own breaks readers: [] when it is harmless both ways. */
  breaks: Direction[];
}

export type ParseResult<P extends ParsedSchema> =
  { ok: true; schema: P } | { ok: false; issues: SchemaIssue[] };

/** Everything schemagate needs from one schema format; the pure core of each format implements it. */
export interface FormatHandler<P extends ParsedSchema = ParsedSchema> {
  readonly id: FormatId;
  readonly registryType: RegistrySchemaType;
  /** Parses and validates; schema problems are returned as issues (all of them), never thrown. */
  parse(text: string, options?: ParseOptions): ParseResult<P>;
  /** The registry's canonical string: the identity of a schema in a subject (§4.2). */
  canonical(schema: P): string;
  /** A form that ignores formatting (and key order where it carries no meaning): equal means same version. */
  normalized(schema: P): string;
  /** Can `reader` read data written with `writer`? Every incompatibility, not only the first. */
  check(reader: P, writer: P, context: PairContext): PairFinding[];
  /** The semantic changes from `from` to `to`, for `schemagate diff`, PR comments and docs. */
  diff(from: P, to: P): SchemaChange[];
  /** Where a finding's `candidatePointer` (or a change's `pointer`) is in the schema's text. */
  locate(schema: P, pointer: string): SourcePosition;
}

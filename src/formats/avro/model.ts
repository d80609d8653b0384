import type { JsonBackedSchema, SchemaIssue } from '../format.js';
import type { JsonValue } from '../json/parse.js';

export const PRIMITIVES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'] as const;
export type AvroPrimitiveName = (typeof PRIMITIVES)[number];

export function isPrimitiveName(name: string): name is AvroPrimitiveName {
  return (PRIMITIVES as readonly string[]).includes(name);
}

/**
 * A JSON value from the schema text together with where it sits, so that numbers can be written back
 * as Jackson prints them (the registry's canonical string keeps `1.0` apart from `1`).
 */
export interface JsonAttr {
  value: JsonValue;
  pointer: string;
  /** The source text of the number `value` at `pointer` (or below it), for exact re-printing. */
  numberText: (pointer: string, value: number) => string | undefined;
}

interface AvroBase {
  /** JSON pointer of this type's definition in its document. */
  pointer: string;
  /** Properties Avro does not interpret (including `logicalType`, `precision`, `scale`), in declaration order. */
  props: [string, JsonAttr][];
  /** Which document defines it: 0 = the schema itself, n = options.references[n - 1]. */
  source: number;
}

export interface AvroPrimitive extends AvroBase {
  kind: AvroPrimitiveName;
}

export interface AvroNamedBase extends AvroBase {
  /** Unqualified name. */
  name: string;
  namespace: string | undefined;
  fullName: string;
  doc?: string;
  /** Full names (resolved against this type's namespace), de-duplicated, in declaration order. */
  aliases: string[];
}

export interface AvroField {
  name: string;
  type: AvroType;
  /** Pointer of the field object. */
  pointer: string;
  /** Pointer of the field's `type` value (where the type is used, which for a named reference is the name). */
  typePointer: string;
  doc?: string;
  default?: JsonAttr;
  order?: 'ascending' | 'descending' | 'ignore';
  aliases: string[];
  props: [string, JsonAttr][];
}

export interface AvroRecord extends AvroNamedBase {
  kind: 'record';
  error: boolean;
  fields: AvroField[];
}

export interface AvroEnum extends AvroNamedBase {
  kind: 'enum';
  symbols: string[];
  default?: string;
}

export interface AvroFixed extends AvroNamedBase {
  kind: 'fixed';
  size: number;
}

export interface AvroArray extends AvroBase {
  kind: 'array';
  items: AvroType;
  /** Where the `items` value is written. */
  itemsPointer: string;
}

export interface AvroMap extends AvroBase {
  kind: 'map';
  values: AvroType;
  valuesPointer: string;
}

export interface AvroUnion extends AvroBase {
  kind: 'union';
  branches: AvroType[];
  /** Where each branch is written. */
  branchPointers: string[];
}

export type AvroNamed = AvroRecord | AvroEnum | AvroFixed;
export type AvroType = AvroPrimitive | AvroNamed | AvroArray | AvroMap | AvroUnion;

export interface AvroSchema extends JsonBackedSchema {
  format: 'avro';
  root: AvroType;
  /** Every named type by full name: this schema's and those of its references. */
  named: Map<string, AvroNamed>;
  /** The top-level named types of the references: written by name in the canonical string, as Java's `toString(refs)` does. */
  referenceRoots: Set<AvroNamed>;
  /** What the registry accepts but is likely a mistake (lint): stable rule ids, never a refusal. */
  warnings: SchemaIssue[];
}

export function isNamed(t: AvroType): t is AvroNamed {
  return t.kind === 'record' || t.kind === 'enum' || t.kind === 'fixed';
}

/** The name Java's `Schema.Type` prints in messages: `INT`, `RECORD`, … */
export function typeLabel(t: AvroType): string {
  return t.kind.toUpperCase();
}

/** A short human description: `string`, `record 'com.acme.User'`, `array<long>`. */
export function describeType(t: AvroType, depth = 0): string {
  switch (t.kind) {
    case 'record':
    case 'enum':
    case 'fixed':
      return `${t.kind} '${t.fullName}'`;
    case 'array':
      return depth > 2 ? 'array' : `array<${describeType(t.items, depth + 1)}>`;
    case 'map':
      return depth > 2 ? 'map' : `map<${describeType(t.values, depth + 1)}>`;
    case 'union':
      return depth > 2 ? 'union' : `[${t.branches.map((b) => describeType(b, depth + 1)).join(', ')}]`;
    default:
      return t.kind;
  }
}

/** The key Java's union uses to reject duplicate branches: the full name for named types, else the type. */
export function unionBranchKey(t: AvroType): string {
  return isNamed(t) ? t.fullName : t.kind;
}

import type { JsonValue } from '../json/parse.js';

/**
 * The schema model the diff works on, in the spirit of the everit loader that Confluent's checker uses:
 * every schema object becomes one node per kind of constraint. `{"type":"string","enum":["a"]}` is a
 * product (allOf) of a string node and an enum node, `{"type":["string","null"]}` a sum (anyOf) of a
 * string and a null node. That shape decides which change types the registry reports, so we keep it.
 */
export type JsonSchemaDraft = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

export interface Meta {
  id?: string;
  idKeyword?: string;
  title?: string;
  description?: string;
  /** Present (even when the value is null) when the schema declares a default. */
  default?: { value: JsonValue };
  /** Kafka Connect's `connect.type` annotation: two schemas both marked "bytes" count as the same type. */
  connectType?: string;
}

interface NodeBase {
  /** Unique per built node; pairs of uids detect recursion. */
  uid: number;
  /** Pointer of the schema in its document (without '#'); undefined in a referenced document. */
  src: string | undefined;
  meta: Meta;
  /**
   * A fingerprint of the schema's JSON (and draft) when nothing inside it is a `$ref`: equal fingerprints
   * mean equal schemas, which lets the diff skip unchanged parts. The root's covers the referenced files.
   */
  hash?: string;
  /** A fingerprint of the schema's JSON even when it holds a `$ref`: equal within one document means the same subschema. */
  shape?: string;
}

export interface EmptyNode extends NodeBase {
  kind: 'empty';
}
export interface FalseNode extends NodeBase {
  kind: 'false';
}
export interface BooleanNode extends NodeBase {
  kind: 'boolean';
}
export interface NullNode extends NodeBase {
  kind: 'null';
}
export interface StringNode extends NodeBase {
  kind: 'string';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}
export interface NumberNode extends NodeBase {
  kind: 'number';
  integer: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
}

/** `additionalProperties`, `unevaluatedProperties`, `additionalItems`, … : absent/true, false or a schema. */
export interface Additional {
  permits: boolean;
  schema?: SchemaNode;
}

export interface PatternProperty {
  pattern: string;
  regex: RegExp | undefined;
  schema: SchemaNode;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  properties: Map<string, SchemaNode>;
  required: string[];
  additional: Additional;
  /** `unevaluatedProperties` as the registry sees it: only from 2019-09 on (earlier drafts do not have it). */
  unevaluated?: SchemaNode;
  patternProperties: PatternProperty[];
  minProperties?: number;
  maxProperties?: number;
  dependencyArrays: Map<string, string[]>;
  dependencySchemas: Map<string, SchemaNode>;
  /** The keywords the dependencies came from, for the change path. */
  dependencyArrayKeyword: string;
  dependencySchemaKeyword: string;
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  /** The one schema for every item (`items: {..}` without a tuple); undefined when none was written. */
  allItems?: SchemaNode;
  /** Positional item schemas (`items: [..]` before 2020-12, `prefixItems` since); undefined when none. */
  tuple?: SchemaNode[];
  tupleKeyword: string;
  /**
   * What the registry calls additionalItems: `additionalItems` before 2020-12 (read with or without a
   * tuple), and since 2020-12 `items` after a `prefixItems` tuple or `items: false`.
   */
  additional: Additional;
  additionalKeyword: string;
  /** `unevaluatedItems`, from 2019-09 on. */
  unevaluated?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  uniqueItems: boolean;
  minContains?: number;
  maxContains?: number;
}

export interface EnumNode extends NodeBase {
  kind: 'enum';
  keyword: 'enum' | 'const';
  values: JsonValue[];
}

export type Criterion = 'allOf' | 'anyOf' | 'oneOf';

export interface CombinedNode extends NodeBase {
  kind: 'combined';
  criterion: Criterion;
  subschemas: SchemaNode[];
  /** Made by the loader (from `type: [..]` or several keyword groups), not written by the user. */
  synthetic: boolean;
}

export interface NotNode extends NodeBase {
  kind: 'not';
  schema: SchemaNode;
}

export interface RefNode extends NodeBase {
  kind: 'ref';
  ref: string;
  /** Filled in once the target is loaded; a cycle points back at a node being built. */
  target: SchemaNode | undefined;
}

export type SchemaNode =
  | EmptyNode
  | FalseNode
  | BooleanNode
  | NullNode
  | StringNode
  | NumberNode
  | ObjectNode
  | ArrayNode
  | EnumNode
  | CombinedNode
  | NotNode
  | RefNode;

/** Follows references to the schema they name; stops on a reference cycle that never reaches a schema. */
export function deref(node: SchemaNode): SchemaNode {
  let n = node;
  for (let guard = 0; n.kind === 'ref' && guard < 64; guard++) {
    if (n.target === undefined) break;
    n = n.target;
  }
  return n;
}

/** An absent, `true` or `{}` unevaluated keyword leaves the content model open. */
function opensEverything(n: SchemaNode | undefined): boolean {
  return n === undefined || deref(n).kind === 'empty';
}

/** What an unevaluated keyword lets through when it is neither open nor `false`. */
function unevaluatedSchema(n: SchemaNode | undefined): SchemaNode | undefined {
  if (n === undefined) return undefined;
  const kind = deref(n).kind;
  return kind === 'empty' || kind === 'false' ? undefined : n;
}

export function isOpenObject(o: ObjectNode): boolean {
  return (
    o.patternProperties.length === 0 &&
    o.additional.permits &&
    o.additional.schema === undefined &&
    opensEverything(o.unevaluated)
  );
}

/** The schema that covers a property not named in `properties`, or undefined when the object is closed to it. */
export function schemaForExtraProperty(o: ObjectNode, name: string): SchemaNode | undefined {
  for (const p of o.patternProperties) {
    if (p.regex !== undefined && p.regex.test(name)) return p.schema;
  }
  if (o.additional.schema !== undefined) return o.additional.schema;
  if (!o.additional.permits) return undefined;
  return unevaluatedSchema(o.unevaluated);
}

export function isOpenArray(a: ArrayNode): boolean {
  return a.additional.permits && a.additional.schema === undefined && opensEverything(a.unevaluated);
}

export function schemaForExtraItem(a: ArrayNode): SchemaNode | undefined {
  if (a.additional.schema !== undefined) return a.additional.schema;
  if (!a.additional.permits) return undefined;
  return unevaluatedSchema(a.unevaluated);
}

import { globalRegistry } from 'zod/v4/core';

/**
 * What the mapper reads of a zod v4 schema: its `_zod.def` and its metadata. It walks the definition
 * rather than testing `instanceof`, so a model built with another copy of zod v4 (the user's own
 * install) maps the same; zod keeps its metadata registry on `globalThis`, shared by every copy.
 */
export interface ZodSchemaLike {
  readonly _zod: { readonly def: { readonly type: string }; readonly parent?: ZodSchemaLike | undefined };
}

export interface ZodDef {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** The metadata a model may carry, as `.describe()` and `.meta()` set it. */
export interface ModelMeta {
  id?: string;
  title?: string;
  description?: string;
  /** schemagate's Avro options: an enum's default symbol, an integer written as `long`. */
  avro?: AvroMetaOptions;
}

export interface AvroMetaOptions {
  /** For an enum: the symbol a reader uses for a symbol it does not know. */
  default?: string;
  /** For an integer: `long` instead of `int`. */
  type?: 'int' | 'long';
}

export function isZodSchema(value: unknown): value is ZodSchemaLike {
  if (typeof value !== 'object' || value === null || !('_zod' in value)) return false;
  const z = (value as { _zod: unknown })._zod;
  return (
    typeof z === 'object' && z !== null && typeof (z as { def?: { type?: unknown } }).def?.type === 'string'
  );
}

export function defOf(schema: ZodSchemaLike): ZodDef {
  return schema._zod.def as ZodDef;
}

/** A definition's member that is itself a schema (`innerType`, `element`, …), or undefined. */
export function child(def: ZodDef, key: string): ZodSchemaLike | undefined {
  const v = def[key];
  return isZodSchema(v) ? v : undefined;
}

interface RegistryInternals {
  _map?: WeakMap<object, unknown>;
  get(schema: unknown): unknown;
}

/** The metadata set on this very schema object, without what it inherits from the schema it was cloned from. */
export function ownMeta(schema: ZodSchemaLike): ModelMeta {
  const registry = globalRegistry as unknown as RegistryInternals;
  const own = registry._map instanceof WeakMap ? registry._map.get(schema) : registry.get(schema);
  return typeof own === 'object' && own !== null ? (own as ModelMeta) : {};
}

/** The schema and the schemas it was cloned from (`.describe()`, `.meta()` clone), nearest first. */
export function lineage(schema: ZodSchemaLike): ZodSchemaLike[] {
  const out: ZodSchemaLike[] = [];
  for (let s: ZodSchemaLike | undefined = schema; s !== undefined; s = s._zod.parent) out.push(s);
  return out;
}

/**
 * The metadata of a named type (record, enum): from the clone that gave it its `id`, else from the
 * original declaration. A field's own `.describe()` on top of it is the field's doc, not the type's.
 */
export function typeMeta(schema: ZodSchemaLike): ModelMeta {
  const chain = lineage(schema);
  const withId = chain.find((s) => ownMeta(s).id !== undefined);
  if (withId !== undefined) return ownMeta(withId);
  const avro = chain.map((s) => ownMeta(s).avro).find((a) => a !== undefined);
  return avro === undefined ? {} : { avro };
}

/** The checks a schema carries (`.min()`, `.uuid()`, `.refine()`, …), as their definitions. */
export function checksOf(def: ZodDef): ZodDef[] {
  const checks = def.checks;
  if (!Array.isArray(checks)) return [];
  return checks.map((c) => (c as { _zod: { def: ZodDef } })._zod.def);
}

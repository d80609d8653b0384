import type { JsonValue } from '../json/parse.js';
import { canonicalAvro } from './canonical.js';
import type { AvroField, AvroNamed, AvroSchema, AvroType, JsonAttr } from './model.js';

/**
 * The string the registry stores for `normalize=true` (Confluent's `AvroSchema.normalize()`, whose
 * text is parsed again and printed by `Schema.toString(refs)`): the canonical string of the schema
 * after normalisation. Normalising sorts custom properties (a valid logical type's own attributes
 * first), the keys inside property values and defaults, and aliases; drops an empty `doc` of a named
 * type; writes error types as records. Types that come from references stay written by name (the
 * registry keeps them out of the normalised text), so the schema still uses its references.
 */
export function normalizedAvroKeepingReferences(schema: AvroSchema): string {
  const copies = new Map<AvroNamed, AvroNamed>();
  const root = normalizeType(schema.root, copies);
  const referenceRoots = new Set<AvroNamed>();
  for (const r of schema.referenceRoots) referenceRoots.add(copies.get(r) ?? normalizeNamed(r, copies));
  return canonicalAvro({ ...schema, root, referenceRoots });
}

function normalizeType(t: AvroType, copies: Map<AvroNamed, AvroNamed>): AvroType {
  switch (t.kind) {
    case 'array':
      return { ...t, items: normalizeType(t.items, copies), props: normalizeProps(t.props, t.kind) };
    case 'map':
      return { ...t, values: normalizeType(t.values, copies), props: normalizeProps(t.props, t.kind) };
    case 'union':
      return { ...t, branches: t.branches.map((b) => normalizeType(b, copies)) };
    case 'record':
    case 'enum':
    case 'fixed':
      return normalizeNamed(t, copies);
    default:
      return { ...t, props: normalizeProps(t.props, t.kind) };
  }
}

function normalizeNamed(t: AvroNamed, copies: Map<AvroNamed, AvroNamed>): AvroNamed {
  const done = copies.get(t);
  if (done !== undefined) return done;
  const copy: AvroNamed = { ...t, aliases: [...t.aliases].sort(), props: normalizeProps(t.props, t.kind) };
  if (copy.doc === '') delete copy.doc;
  // Registered before the fields are walked, so a recursive use finds the copy.
  copies.set(t, copy);
  if (copy.kind === 'record' && t.kind === 'record') {
    copy.error = false;
    copy.fields = t.fields.map((f) => normalizeField(f, copies));
  }
  return copy;
}

function normalizeField(f: AvroField, copies: Map<AvroNamed, AvroNamed>): AvroField {
  const out: AvroField = {
    ...f,
    type: normalizeType(f.type, copies),
    aliases: [...f.aliases].sort(),
    props: normalizeProps(f.props, 'field'),
  };
  if (f.default !== undefined) out.default = sortedAttr(f.default);
  return out;
}

/** Logical types whose attributes Avro Java understands for a type; others are plain properties to it. */
const LOGICAL_BASES: Record<string, readonly string[]> = {
  decimal: ['bytes', 'fixed'],
  uuid: ['string', 'fixed'],
  date: ['int'],
  'time-millis': ['int'],
  'time-micros': ['long'],
  'timestamp-millis': ['long'],
  'timestamp-micros': ['long'],
  'timestamp-nanos': ['long'],
  'local-timestamp-millis': ['long'],
  'local-timestamp-micros': ['long'],
  'local-timestamp-nanos': ['long'],
  duration: ['fixed'],
};

/**
 * Properties in the normalised order: a valid logical type writes `logicalType` (and a decimal its
 * `precision`, and its `scale` unless 0) first; then every property by key. A key written twice
 * keeps its first place (Jackson replaces the value in place), so it appears once.
 */
function normalizeProps(props: readonly [string, JsonAttr][], kind: string): [string, JsonAttr][] {
  if (props.length === 0) return [];
  const byKey = new Map(props);
  const first: string[] = [];
  const logical = byKey.get('logicalType')?.value;
  if (typeof logical === 'string' && LOGICAL_BASES[logical]?.includes(kind) === true) {
    first.push('logicalType');
    if (logical === 'decimal') {
      if (byKey.has('precision')) first.push('precision');
      const scale = byKey.get('scale')?.value;
      if (typeof scale === 'number' && scale !== 0) first.push('scale');
    }
  }
  const rest = [...byKey.keys()]
    .filter((k) => !first.includes(k))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...first, ...rest].map((k) => [k, sortedAttr(byKey.get(k) as JsonAttr)]);
}

/** The same value with object keys sorted at every depth (pointers still name the same places). */
function sortedAttr(attr: JsonAttr): JsonAttr {
  return { ...attr, value: sortKeys(attr.value) };
}

function sortKeys(v: JsonValue): JsonValue {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(sortKeys);
  const out: { [key: string]: JsonValue } = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k] as JsonValue);
  return out;
}

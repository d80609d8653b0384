import type { FormatId, SchemaReference } from '../formats/format.js';
import type { JsonObject, JsonValue } from '../formats/json/parse.js';
import { AvroNames, branchName, isObject, nodeOf } from './avro-types.js';
import { JsonRefs } from './json-refs.js';
import type { ExampleMessage } from './model.js';
import { protoExamples } from './proto-examples.js';

type Kind = ExampleMessage['kind'];

/** Nesting beyond this depth takes the shortest way out (null branch, empty array) so recursive types end. */
const MAX_DEPTH = 6;

/**
 * Example messages built from the schema (a minimal and a full one), valid by construction. Avro examples
 * are in Avro's JSON encoding (unions wrapped as `{"type": value}`), which console producers accept.
 */
export function exampleMessages(
  format: FormatId,
  text: string,
  references: readonly SchemaReference[],
): ExampleMessage[] {
  if (format === 'protobuf') return protoExamples(text, references);
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return [];
  }
  const others = references.flatMap((r) => {
    try {
      return [JSON.parse(r.text) as JsonValue];
    } catch {
      return [];
    }
  });
  const kinds: Kind[] = ['minimal', 'full'];
  if (format === 'avro') {
    const names = new AvroNames([value, ...others]);
    return kinds.map((kind) => ({ kind, value: avroExample(value, '', names, kind, 0) }));
  }
  if (format === 'json') {
    const refs = new JsonRefs(value, references);
    return kinds.map((kind) => ({ kind, value: jsonExample(value, refs, kind, 0) }));
  }
  return [];
}

function avroExample(
  s: JsonValue,
  namespace: string,
  names: AvroNames,
  kind: Kind,
  depth: number,
): JsonValue {
  const n = nodeOf(s, namespace, names);
  const full = kind === 'full' && depth < MAX_DEPTH;
  switch (n.kind) {
    case 'primitive':
      return avroPrimitive(n.type, n.logical, full);
    case 'record': {
      const out: JsonObject = {};
      const fields = Array.isArray(n.schema['fields']) ? n.schema['fields'] : [];
      for (const f of fields)
        if (isObject(f) && typeof f['name'] === 'string')
          out[f['name']] = avroExample(f['type'] ?? null, n.namespace, names, kind, depth + 1);
      return out;
    }
    case 'enum':
      return n.symbols[full ? n.symbols.length - 1 : 0] ?? '';
    case 'fixed':
      return '\u0000'.repeat(n.size);
    case 'array':
      return full ? [avroExample(n.items, n.namespace, names, kind, depth + 1)] : [];
    case 'map':
      return full ? { key: avroExample(n.values, n.namespace, names, kind, depth + 1) } : {};
    case 'union': {
      const isNull = (b: JsonValue): boolean =>
        nodeOf(b, n.namespace, names).kind === 'primitive' && branchName(b, n.namespace, names) === 'null';
      const pick = full
        ? (n.branches.find((b) => !isNull(b)) ?? n.branches[0])
        : (n.branches.find(isNull) ?? n.branches[0]);
      if (pick === undefined || isNull(pick)) return null;
      return {
        [branchName(pick, n.namespace, names)]: avroExample(pick, n.namespace, names, kind, depth + 1),
      };
    }
    case 'unknown':
      return null;
  }
}

function avroPrimitive(type: string, logical: string | undefined, full: boolean): JsonValue {
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return full;
    case 'int':
      return logical === 'date' ? (full ? 20_000 : 0) : full ? 42 : 0;
    case 'long':
      return logical?.startsWith('timestamp') === true ? (full ? 1_767_225_600_000 : 0) : full ? 42 : 0;
    case 'float':
    case 'double':
      return full ? 1.5 : 0;
    case 'bytes':
      return full ? '\u0001\u0002' : '';
    case 'string':
      return logical === 'uuid' ? '00000000-0000-4000-8000-000000000000' : full ? 'example' : '';
    default:
      return null;
  }
}

function jsonExample(node: JsonValue, refs: JsonRefs, kind: Kind, depth: number): JsonValue {
  const { schema } = refs.deref(node);
  if (schema === true || schema === undefined) return kind === 'full' ? 'example' : null;
  if (!isObject(schema)) return null;
  if ('const' in schema) return schema['const'] ?? null;
  if (Array.isArray(schema['enum'])) return schema['enum'][0] ?? null;
  if (kind === 'full' && 'default' in schema) return schema['default'] ?? null;
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0)
    return schema['examples'][0] ?? null;
  for (const k of ['oneOf', 'anyOf'] as const) {
    const alts = schema[k];
    if (
      Array.isArray(alts) &&
      alts[0] !== undefined &&
      schema['type'] === undefined &&
      schema['properties'] === undefined
    )
      return jsonExample(alts[0], refs, kind, depth + 1);
  }
  const types = Array.isArray(schema['type']) ? schema['type'] : [schema['type'] ?? inferType(schema)];
  const type =
    kind === 'minimal' && types.includes('null') ? 'null' : (types.find((t) => t !== 'null') ?? 'null');
  switch (type) {
    case 'object':
      return jsonObject(schema, refs, kind, depth);
    case 'array': {
      const min = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      const count = kind === 'full' && depth < MAX_DEPTH ? Math.max(1, min) : min;
      const items = schema['items'] ?? {};
      return Array.from({ length: count }, () =>
        jsonExample(Array.isArray(items) ? (items[0] ?? {}) : items, refs, kind, depth + 1),
      );
    }
    case 'string':
      return jsonString(schema, kind);
    case 'integer':
    case 'number':
      return jsonNumber(schema, type, kind);
    case 'boolean':
      return kind === 'full';
    default:
      return null;
  }
}

function inferType(s: JsonObject): string {
  if (s['properties'] !== undefined || s['required'] !== undefined || s['allOf'] !== undefined)
    return 'object';
  if (s['items'] !== undefined) return 'array';
  return 'null';
}

function jsonObject(schema: JsonObject, refs: JsonRefs, kind: Kind, depth: number): JsonValue {
  const out: JsonObject = {};
  const parts = [
    schema,
    ...(Array.isArray(schema['allOf']) ? schema['allOf'].map((p) => refs.deref(p).schema) : []),
  ];
  for (const part of parts) {
    if (!isObject(part)) continue;
    const props = isObject(part['properties']) ? part['properties'] : {};
    const required = new Set(Array.isArray(part['required']) ? part['required'] : []);
    for (const [name, p] of Object.entries(props)) {
      if (name in out) continue;
      if (kind === 'minimal' && !required.has(name)) continue;
      if (kind === 'full' && depth >= MAX_DEPTH && !required.has(name)) continue;
      out[name] = jsonExample(p, refs, kind, depth + 1);
    }
  }
  return out;
}

function jsonString(s: JsonObject, kind: Kind): string {
  const formats: Record<string, string> = {
    'date-time': '2026-01-01T00:00:00Z',
    date: '2026-01-01',
    time: '00:00:00Z',
    email: 'ada@example.com',
    uri: 'https://example.com/',
    uuid: '00000000-0000-4000-8000-000000000000',
    hostname: 'example.com',
    ipv4: '192.0.2.1',
    ipv6: '2001:db8::1',
  };
  const fmt = typeof s['format'] === 'string' ? formats[s['format']] : undefined;
  if (fmt !== undefined) return fmt;
  const min = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
  const max = typeof s['maxLength'] === 'number' ? s['maxLength'] : Infinity;
  const base = kind === 'full' ? 'example' : '';
  const padded = base.padEnd(min, 'x');
  return padded.slice(0, Math.max(min, Math.min(padded.length, max)));
}

function jsonNumber(s: JsonObject, type: string, kind: Kind): number {
  const min =
    typeof s['minimum'] === 'number'
      ? s['minimum']
      : typeof s['exclusiveMinimum'] === 'number'
        ? s['exclusiveMinimum'] + 1
        : undefined;
  const max =
    typeof s['maximum'] === 'number'
      ? s['maximum']
      : typeof s['exclusiveMaximum'] === 'number'
        ? s['exclusiveMaximum'] - 1
        : undefined;
  let v = kind === 'full' ? 42 : 0;
  if (min !== undefined && v < min) v = min;
  if (max !== undefined && v > max) v = max;
  return type === 'integer' ? Math.ceil(v) : v;
}

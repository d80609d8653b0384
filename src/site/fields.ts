import type { FormatId, SchemaReference } from '../formats/format.js';
import type { JsonObject, JsonValue } from '../formats/json/parse.js';
import { AvroNames, describe, isObject, nodeOf } from './avro-types.js';
import { JsonRefs } from './json-refs.js';
import type { FieldRow } from './model.js';
import { protoFieldTable } from './proto-fields.js';

/** Nested records deeper than this are named, not expanded (and recursive types stop at their first repeat). */
const MAX_DEPTH = 8;

/** The field table of a schema: every field, nested records expanded below their field. */
export function fieldTable(
  format: FormatId,
  text: string,
  references: readonly SchemaReference[],
): FieldRow[] {
  if (format === 'protobuf') return protoFieldTable(text, references);
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return [];
  }
  if (format === 'avro') return avroFields(value, references);
  if (format === 'json') return jsonFields(value, references);
  return [];
}

function parseAll(references: readonly SchemaReference[]): JsonValue[] {
  return references.flatMap((r) => {
    try {
      return [JSON.parse(r.text) as JsonValue];
    } catch {
      return [];
    }
  });
}

function avroFields(schema: JsonValue, references: readonly SchemaReference[]): FieldRow[] {
  const names = new AvroNames([schema, ...parseAll(references)]);
  const rows: FieldRow[] = [];
  const top = recordsIn(schema, '', '')[0];
  if (top !== undefined) addRecord(top, '', 0, new Set([top.name]));
  return rows;

  function addRecord(record: InlineRecord, prefix: string, depth: number, seen: Set<string>): void {
    const fields = record.schema['fields'];
    if (!Array.isArray(fields)) return;
    fields.forEach((f, i) => {
      if (!isObject(f) || typeof f['name'] !== 'string') return;
      const type = f['type'] ?? null;
      const path = prefix === '' ? f['name'] : `${prefix}.${f['name']}`;
      const pointer = record.pointer === undefined ? undefined : `${record.pointer}/fields/${i}`;
      rows.push({
        path,
        depth,
        name: f['name'],
        type: describe(type, record.namespace, names),
        required: !('default' in f),
        default: 'default' in f ? JSON.stringify(f['default']) : undefined,
        doc: typeof f['doc'] === 'string' ? f['doc'] : undefined,
        aliases: Array.isArray(f['aliases'])
          ? f['aliases'].filter((a): a is string => typeof a === 'string')
          : [],
        pointer,
      });
      if (depth + 1 >= MAX_DEPTH) return;
      for (const nested of recordsIn(
        type,
        record.namespace,
        pointer === undefined ? undefined : `${pointer}/type`,
      )) {
        if (seen.has(nested.name)) continue;
        addRecord(nested, path, depth + 1, new Set([...seen, nested.name]));
      }
    });
  }

  /** The records a type holds (itself, union branches, items, values), with their pointer when written inline. */
  function recordsIn(type: JsonValue, namespace: string, pointer: string | undefined): InlineRecord[] {
    const n = nodeOf(type, namespace, names);
    const inline = isObject(type) || Array.isArray(type) ? pointer : undefined;
    const inner = (key: string): string | undefined =>
      inline === undefined
        ? undefined
        : isObject(type) && isObject(type['type'])
          ? `${inline}/type/${key}`
          : `${inline}/${key}`;
    if (n.kind === 'record')
      return [
        {
          ...n,
          pointer:
            isObject(type) && type['type'] === 'record'
              ? inline
              : isObject(type) && isObject(type['type']) && inline !== undefined
                ? `${inline}/type`
                : undefined,
        },
      ];
    if (n.kind === 'union')
      return n.branches.flatMap((b, i) =>
        recordsIn(b, n.namespace, inline === undefined ? undefined : `${inline}/${i}`),
      );
    if (n.kind === 'array') return recordsIn(n.items, n.namespace, inner('items'));
    if (n.kind === 'map') return recordsIn(n.values, n.namespace, inner('values'));
    return [];
  }
}

interface InlineRecord {
  name: string;
  schema: JsonObject;
  namespace: string;
  /** Where the record is written in the schema document; undefined for a record used by name. */
  pointer: string | undefined;
}

function jsonFields(schema: JsonValue, references: readonly SchemaReference[]): FieldRow[] {
  const refs = new JsonRefs(schema, references);
  const rows: FieldRow[] = [];
  addObject(schema, '', 0, new Set(), '');
  return rows;

  function addObject(
    node: JsonValue,
    prefix: string,
    depth: number,
    seen: Set<string>,
    at: string | undefined,
  ): void {
    const { schema: s, ref: viaRef } = refs.deref(node);
    const own = isObject(s) && isObject(s['properties']) ? s['properties'] : {};
    const pointerBase = viaRef === undefined ? at : undefined;
    if (!isObject(s)) return;
    const props = mergedProperties(s);
    const required = new Set(requiredOf(s));
    for (const [name, raw] of Object.entries(props)) {
      const { schema: p, ref } = refs.deref(raw);
      const path = prefix === '' ? name : `${prefix}.${name}`;
      const obj = isObject(p) ? p : {};
      rows.push({
        path,
        depth,
        name,
        type: jsonType(obj, ref),
        required: required.has(name),
        default: 'default' in obj ? JSON.stringify(obj['default']) : undefined,
        doc:
          typeof obj['description'] === 'string'
            ? obj['description']
            : typeof obj['title'] === 'string'
              ? obj['title']
              : undefined,
        aliases: [],
        pointer:
          pointerBase === undefined || !(name in own)
            ? undefined
            : `${pointerBase}/properties/${escapeToken(name)}`,
      });
      if (depth + 1 >= MAX_DEPTH || (ref !== undefined && seen.has(ref))) continue;
      const nextSeen = ref === undefined ? seen : new Set([...seen, ref]);
      const here =
        ref === undefined && pointerBase !== undefined && name in own
          ? `${pointerBase}/properties/${escapeToken(name)}`
          : undefined;
      if (Object.keys(mergedProperties(obj)).length > 0) addObject(raw, path, depth + 1, nextSeen, here);
      else if (isObject(obj['items']))
        addObject(
          obj['items'],
          `${path}[]`,
          depth + 1,
          nextSeen,
          here === undefined ? undefined : `${here}/items`,
        );
    }
  }

  function mergedProperties(s: JsonObject): JsonObject {
    const out: JsonObject = {};
    for (const part of Array.isArray(s['allOf']) ? s['allOf'] : []) {
      const { schema: p } = refs.deref(part);
      if (isObject(p)) Object.assign(out, mergedProperties(p));
    }
    if (isObject(s['properties'])) Object.assign(out, s['properties']);
    return out;
  }

  function requiredOf(s: JsonObject): string[] {
    const own = Array.isArray(s['required'])
      ? s['required'].filter((r): r is string => typeof r === 'string')
      : [];
    const parts = Array.isArray(s['allOf']) ? s['allOf'] : [];
    return [
      ...own,
      ...parts.flatMap((p) => {
        const { schema } = refs.deref(p);
        return isObject(schema) ? requiredOf(schema) : [];
      }),
    ];
  }
}

function jsonType(s: JsonObject, ref: string | undefined): string {
  const named = ref === undefined ? '' : ` (${ref})`;
  if ('const' in s) return `const ${JSON.stringify(s['const'])}`;
  if (Array.isArray(s['enum'])) return `enum {${s['enum'].map((e) => JSON.stringify(e)).join(', ')}}`;
  const type = Array.isArray(s['type'])
    ? s['type'].join(' | ')
    : typeof s['type'] === 'string'
      ? s['type']
      : '';
  const format = typeof s['format'] === 'string' ? ` (${s['format']})` : '';
  if (type === 'array' && isObject(s['items'])) {
    const items = s['items'];
    const inner = typeof items['$ref'] === 'string' ? items['$ref'] : jsonType(items, undefined);
    return `array<${inner}>${named}`;
  }
  for (const k of ['oneOf', 'anyOf'] as const) {
    const alts = s[k];
    if (Array.isArray(alts))
      return `${k} ${alts.map((a) => (isObject(a) ? (typeof a['$ref'] === 'string' ? a['$ref'] : jsonType(a, undefined)) : '?')).join(' | ')}`;
  }
  return `${type === '' ? 'any' : type}${format}${named}`;
}

function escapeToken(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

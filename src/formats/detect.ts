import type { FormatId } from './format.js';
import type { JsonValue } from './json/parse.js';

export function parseFormatId(text: string): FormatId | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'avro' || t === 'avsc') return 'avro';
  if (t === 'json' || t === 'jsonschema' || t === 'json-schema') return 'json';
  if (t === 'protobuf' || t === 'proto') return 'protobuf';
  return undefined;
}

const JSON_SCHEMA_KEYS = [
  '$schema',
  '$id',
  '$ref',
  'properties',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
  'definitions',
  '$defs',
  'required',
  'additionalProperties',
  'not',
  'enum',
  'const',
  'patternProperties',
];
const AVRO_TYPES = [
  'record',
  'enum',
  'fixed',
  'array',
  'map',
  'null',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
];

/**
 * The format of a schema file: `.avsc` is Avro, `.proto` Protobuf; a `.json` file is Avro when it looks like one (a named
 * record, enum or fixed, or a union), otherwise JSON Schema. `value` is the parsed file when known.
 */
export function detectFormat(file: string, value?: JsonValue): FormatId {
  const lower = file.toLowerCase();
  if (lower.endsWith('.avsc')) return 'avro';
  if (lower.endsWith('.proto')) return 'protobuf';
  if (value !== undefined) {
    if (Array.isArray(value)) return 'avro';
    if (typeof value === 'string') return 'avro';
    if (value !== null && typeof value === 'object') {
      const t = value['type'];
      if (
        typeof t === 'string' &&
        (t === 'record' || t === 'enum' || t === 'fixed') &&
        typeof value['name'] === 'string'
      )
        return 'avro';
      // Avro's own shapes that JSON Schema cannot mean: `items` naming a type (or a union of names), a map.
      const items = value['items'];
      if (
        t === 'array' &&
        (typeof items === 'string' || (Array.isArray(items) && items.some((i) => typeof i === 'string')))
      )
        return 'avro';
      if (t === 'map' && 'values' in value) return 'avro';
      if (JSON_SCHEMA_KEYS.some((k) => k in value)) return 'json';
      if (
        typeof t === 'string' &&
        AVRO_TYPES.includes(t) &&
        (t === 'array' ? 'items' in value && typeof value['items'] !== 'object' : true) &&
        !['object', 'integer', 'number'].includes(t)
      ) {
        return t === 'array' || t === 'string' || t === 'boolean' || t === 'null' ? 'json' : 'avro';
      }
    }
  }
  return 'json';
}

import type { SchemaReference } from '../formats/format.js';
import type { JsonObject, JsonValue } from '../formats/json/parse.js';
import type { ProtobufSchema } from '../formats/protobuf/index.js';
import type { ExampleMessage } from './model.js';
import {
  fieldsOf,
  firstMessage,
  groupMessage,
  parseProto,
  resolveType,
  syntaxOf,
  type ProtoMessage,
  type ProtoType,
} from './proto-types.js';

type Kind = ExampleMessage['kind'];

/** Nesting beyond this depth takes the minimal form (no optional fields) so recursive messages end. */
const MAX_DEPTH = 6;

/**
 * A minimal and a full message of the schema's first message in the proto3 JSON mapping (lowerCamelCase
 * names, 64-bit integers as strings, bytes in base64, enums by name, well-known types in their own form).
 * Minimal sets only proto2 `required` fields; full sets every field, the first member of each oneof, one
 * element in each repeated field and map. `google.protobuf.Any` is left empty: filling it needs a type the
 * reader may not know.
 */
export function protoExamples(text: string, references: readonly SchemaReference[]): ExampleMessage[] {
  const schema = parseProto(text, references);
  const top = schema === undefined ? undefined : firstMessage(schema);
  if (schema === undefined || top === undefined) return [];
  const kinds: Kind[] = ['minimal', 'full'];
  return kinds.map((kind) => ({ kind, value: message(schema, top, kind, 0), message: top.fullName }));
}

function message(s: ProtobufSchema, m: ProtoMessage, kind: Kind, depth: number): JsonObject {
  const full = kind === 'full' && depth < MAX_DEPTH;
  const out: JsonObject = {};
  const oneOfsSet = new Set<string>();
  for (const f of fieldsOf(m.element, syntaxOf(s, m))) {
    if (!full && f.label !== 'required') continue;
    if (f.oneOf !== undefined) {
      if (oneOfsSet.has(f.oneOf)) continue;
      oneOfsSet.add(f.oneOf);
    }
    const name = f.field?.jsonName ?? jsonName(f.name);
    if (f.group !== undefined) {
      const g = message(s, groupMessage(m, f.group), kind, depth + 1);
      out[name] = f.label === 'repeated' ? [g] : g;
      continue;
    }
    if (f.field === undefined) continue;
    const type = resolveType(s, m, f.field.type);
    const one = value(s, type, kind, depth + 1);
    out[name] = f.label === 'repeated' ? [one] : one;
  }
  return out;
}

function value(s: ProtobufSchema, t: ProtoType, kind: Kind, depth: number): JsonValue {
  const full = kind === 'full';
  switch (t.kind) {
    case 'scalar':
      return scalar(t.name, full);
    case 'enum': {
      const constants = t.element.constants;
      return (full ? constants.at(-1) : constants[0])?.name ?? null;
    }
    case 'message':
      return message(s, t.message, kind, depth);
    case 'well-known':
      return wellKnown(t.fullName, full);
    case 'map':
      return { [mapKey(t.key)]: value(s, t.value, kind, depth) };
    case 'unresolved':
      return null;
  }
}

function scalar(type: string, full: boolean): JsonValue {
  switch (type) {
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64':
      return full ? '42' : '0';
    case 'double':
    case 'float':
      return full ? 1.5 : 0;
    case 'bool':
      return full;
    case 'string':
      return full ? 'example' : '';
    case 'bytes':
      return full ? 'AQI=' : '';
    default:
      return full ? 42 : 0;
  }
}

function mapKey(type: string): string {
  if (type === 'string') return 'key';
  if (type === 'bool') return 'true';
  return '1';
}

const WRAPPED: Record<string, string> = {
  DoubleValue: 'double',
  FloatValue: 'float',
  Int64Value: 'int64',
  UInt64Value: 'uint64',
  Int32Value: 'int32',
  UInt32Value: 'uint32',
  BoolValue: 'bool',
  StringValue: 'string',
  BytesValue: 'bytes',
};

function wellKnown(fullName: string, full: boolean): JsonValue {
  const name = fullName.slice('google.protobuf.'.length);
  const wrapped = WRAPPED[name];
  if (wrapped !== undefined) return scalar(wrapped, full);
  switch (name) {
    case 'Timestamp':
      return full ? '2026-01-01T00:00:00Z' : '1970-01-01T00:00:00Z';
    case 'Duration':
      return full ? '1.5s' : '0s';
    case 'FieldMask':
      return full ? 'example' : '';
    case 'Struct':
      return full ? { key: 'example' } : {};
    case 'Value':
      return full ? 'example' : '';
    case 'ListValue':
      return full ? ['example'] : [];
    case 'NullValue':
      return null;
    default:
      return {};
  }
}

/** protoc's JSON name of a field: underscores dropped, the letter after each one upper-cased. */
export function jsonName(name: string): string {
  return name.replace(/_+(.)?/g, (_, c: string | undefined) => (c === undefined ? '' : c.toUpperCase()));
}

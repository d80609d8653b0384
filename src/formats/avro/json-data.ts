import { joinPointer, type JsonValue } from '../json/parse.js';
import { isNamed, type AvroType } from './model.js';

/** Why a message does not decode: the JSON pointer into the message, and the reason. */
export interface DataIssue {
  path: string;
  reason: string;
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_LIMIT = 2 ** 63;
/** The strings Avro's JsonDecoder reads as float and double (Jackson's non-numeric numbers). */
const NON_NUMBERS = new Set(['NaN', 'Infinity', '-Infinity']);

/**
 * Reads a message in Avro's JSON encoding with `type`, as Apache Avro's JsonDecoder does (avro-tools
 * `fromjson`, Confluent's REST proxy): unions as `{"branch": value}` (null as plain `null`), bytes and
 * fixed as strings of ISO-8859-1 characters, every record field present (extra members are skipped,
 * defaults are not filled in), integral numbers for int and long (`1.0` is 1, `1.5` is refused),
 * `"NaN"`/`"Infinity"`/`"-Infinity"` for float and double. Returns the first problem, as the decoder
 * stops at the first; undefined when the message decodes. Logical types are not checked (Avro does not).
 */
export function readAvroJson(type: AvroType, value: JsonValue): DataIssue | undefined {
  return read(type, value, '');
}

function describe(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v === 'number' ? 'the number' : 'the boolean'} ${String(v)}`;
}

const expected = (what: string, v: JsonValue, path: string): DataIssue => ({
  path,
  reason: `expected ${what}, got ${describe(v)}`,
});

function read(type: AvroType, v: JsonValue, path: string): DataIssue | undefined {
  switch (type.kind) {
    case 'null':
      return v === null ? undefined : expected('null', v, path);
    case 'boolean':
      return typeof v === 'boolean' ? undefined : expected('a boolean', v, path);
    case 'int':
    case 'long': {
      if (typeof v !== 'number') return expected(type.kind === 'int' ? 'an int' : 'a long', v, path);
      if (!Number.isInteger(v)) return { path, reason: `${v} is not an integer (${type.kind})` };
      const inRange = type.kind === 'int' ? v >= INT_MIN && v <= INT_MAX : v >= -LONG_LIMIT && v < LONG_LIMIT;
      return inRange ? undefined : { path, reason: `${v} is out of the range of ${type.kind}` };
    }
    case 'float':
    case 'double':
      return typeof v === 'number' || (typeof v === 'string' && NON_NUMBERS.has(v))
        ? undefined
        : expected(`a ${type.kind} (a number, or "NaN", "Infinity", "-Infinity")`, v, path);
    case 'string':
      return typeof v === 'string' ? undefined : expected('a string', v, path);
    case 'bytes':
      return typeof v === 'string'
        ? latin1(v, path)
        : expected('bytes (a string of ISO-8859-1 characters)', v, path);
    case 'fixed': {
      if (typeof v !== 'string') return expected(`fixed '${type.fullName}' (a string)`, v, path);
      const issue = latin1(v, path);
      if (issue !== undefined) return issue;
      return v.length === type.size
        ? undefined
        : { path, reason: `fixed '${type.fullName}' has ${type.size} bytes, the string has ${v.length}` };
    }
    case 'enum':
      if (typeof v !== 'string') return expected(`a symbol of enum '${type.fullName}'`, v, path);
      return type.symbols.includes(v)
        ? undefined
        : { path, reason: `'${v}' is not a symbol of enum '${type.fullName}' (${type.symbols.join(', ')})` };
    case 'array':
      if (!Array.isArray(v)) return expected('an array', v, path);
      for (let i = 0; i < v.length; i++) {
        const issue = read(type.items, v[i]!, joinPointer(path, i));
        if (issue !== undefined) return issue;
      }
      return undefined;
    case 'map':
      if (!isObject(v)) return expected('a map (an object)', v, path);
      for (const [k, item] of Object.entries(v)) {
        const issue = read(type.values, item, joinPointer(path, k));
        if (issue !== undefined) return issue;
      }
      return undefined;
    case 'record':
      if (!isObject(v)) return expected(`record '${type.fullName}' (an object)`, v, path);
      for (const field of type.fields) {
        const at = joinPointer(path, field.name);
        if (!Object.hasOwn(v, field.name))
          return {
            path: at,
            reason: `field '${field.name}' of '${type.fullName}' is missing (the JSON encoding needs every field, even one with a default)`,
          };
        const issue = read(field.type, v[field.name]!, at);
        if (issue !== undefined) return issue;
      }
      return undefined;
    case 'union':
      return readUnion(type.branches, v, path);
  }
}

function readUnion(branches: AvroType[], v: JsonValue, path: string): DataIssue | undefined {
  const label = (t: AvroType): string => (isNamed(t) ? t.fullName : t.kind);
  const labels = branches.map(label);
  if (v === null) {
    return branches.some((b) => b.kind === 'null')
      ? undefined
      : { path, reason: `null is not a branch of the union [${labels.join(', ')}]` };
  }
  const keys = isObject(v) ? Object.keys(v) : [];
  // Java reads the first member and skips any others: the same here.
  const key = keys[0];
  if (!isObject(v) || key === undefined)
    return {
      path,
      reason: `a union value is written {"<branch>": value} (branches: ${labels.join(', ')}), got ${describe(v)}`,
    };
  const branch = branches.find((b) => label(b) === key && b.kind !== 'null');
  if (branch === undefined)
    return {
      path,
      reason: `'${key}' is not a branch of the union (${labels.join(', ')}; named types by full name)`,
    };
  return read(branch, v[key]!, joinPointer(path, key));
}

function latin1(s: string, path: string): DataIssue | undefined {
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 0xff)
      return {
        path,
        reason: `character ${i + 1} (U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}) is not ISO-8859-1: bytes are written one character per byte, \\u0000 to \\u00ff`,
      };
  return undefined;
}

function isObject(v: JsonValue): v is { [k: string]: JsonValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

import type { JsonValue } from '../formats/json/parse.js';
import { AvroNames, branchName, isObject, nodeOf } from './avro-types.js';

/**
 * The size in bytes of a value (in Avro's JSON encoding, unions wrapped) in Avro's binary encoding,
 * without the wire format's 5-byte header; undefined when the value does not fit the schema. The browser
 * tests check it against avsc's own encoding.
 */
export function avroBinarySize(
  schema: JsonValue,
  others: readonly JsonValue[],
  value: JsonValue,
): number | undefined {
  const names = new AvroNames([schema, ...others]);
  try {
    return size(schema, '', value);
  } catch {
    return undefined;
  }

  function size(s: JsonValue, namespace: string, v: JsonValue): number {
    const n = nodeOf(s, namespace, names);
    switch (n.kind) {
      case 'primitive':
        return primitive(n.type, v);
      case 'record': {
        if (!isObject(v)) throw new Error('record');
        let total = 0;
        for (const f of Array.isArray(n.schema['fields']) ? n.schema['fields'] : [])
          if (isObject(f) && typeof f['name'] === 'string')
            total += size(f['type'] ?? null, n.namespace, v[f['name']] ?? null);
        return total;
      }
      case 'enum': {
        const i = n.symbols.indexOf(String(v));
        if (i < 0) throw new Error('enum');
        return varint(i);
      }
      case 'fixed':
        return n.size;
      case 'array': {
        if (!Array.isArray(v)) throw new Error('array');
        return (
          (v.length === 0 ? 0 : varint(v.length)) +
          v.reduce<number>((t, x) => t + size(n.items, n.namespace, x), 0) +
          1
        );
      }
      case 'map': {
        if (!isObject(v)) throw new Error('map');
        const entries = Object.entries(v);
        return (
          (entries.length === 0 ? 0 : varint(entries.length)) +
          entries.reduce((t, [k, x]) => t + text(k) + size(n.values, n.namespace, x), 0) +
          1
        );
      }
      case 'union': {
        if (v === null) {
          const i = n.branches.findIndex((b) => branchName(b, n.namespace, names) === 'null');
          if (i < 0) throw new Error('union');
          return varint(i);
        }
        if (!isObject(v)) throw new Error('union');
        const [key, inner] = Object.entries(v)[0] ?? [];
        const i = n.branches.findIndex((b) => branchName(b, n.namespace, names) === key);
        if (i < 0 || inner === undefined) throw new Error('union');
        return varint(i) + size(n.branches[i]!, n.namespace, inner);
      }
      case 'unknown':
        throw new Error('unknown type');
    }
  }
}

function primitive(type: string, v: JsonValue): number {
  switch (type) {
    case 'null':
      return 0;
    case 'boolean':
      return 1;
    case 'int':
    case 'long':
      return varint(Number(v));
    case 'float':
      return 4;
    case 'double':
      return 8;
    case 'bytes': {
      const s = String(v);
      return varint(s.length) + s.length;
    }
    default:
      return text(String(v));
  }
}

function text(s: string): number {
  const bytes = utf8Length(s);
  return varint(bytes) + bytes;
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The length of a zig-zag varint. */
function varint(n: number): number {
  let z = n >= 0 ? 2 * n : -2 * n - 1;
  let len = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    len++;
  }
  return len;
}

import { joinPointer, type JsonValue } from '../json/parse.js';
import type { AvroType, JsonAttr } from './model.js';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function integralText(text: string | undefined): bigint | undefined {
  return text !== undefined && /^-?\d+$/.test(text) ? BigInt(text) : undefined;
}

/**
 * Why `value` is not a valid default for `type`, or undefined when it is. Follows Avro Java's
 * `Schema.isValidDefault`: a union's default belongs to its first branch; string, bytes, enum and
 * fixed take any string; int and long take integral numbers in range (`1.0` is not one); a record's
 * missing fields fall back to their own defaults.
 */
export function defaultProblem(type: AvroType, attr: JsonAttr): string | undefined {
  return check(type, attr.value, attr.pointer, attr, 0);
}

function check(
  type: AvroType,
  value: JsonValue,
  pointer: string,
  attr: JsonAttr,
  depth: number,
): string | undefined {
  if (depth > 64) return undefined;
  const found =
    typeof value === 'number'
      ? (attr.numberText(pointer, value) ?? String(value))
      : (JSON.stringify(value)?.slice(0, 60) ?? 'nothing');
  const want = (what: string): string => `expected ${what}, found ${found}`;
  switch (type.kind) {
    case 'null':
      return value === null ? undefined : want('null');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : want('a boolean');
    case 'int': {
      const n = typeof value === 'number' ? integralText(attr.numberText(pointer, value)) : undefined;
      return n !== undefined && n >= BigInt(INT_MIN) && n <= BigInt(INT_MAX)
        ? undefined
        : want('an integer in the int range');
    }
    case 'long': {
      const n = typeof value === 'number' ? integralText(attr.numberText(pointer, value)) : undefined;
      return n !== undefined && n >= LONG_MIN && n <= LONG_MAX
        ? undefined
        : want('an integer in the long range');
    }
    case 'float':
    case 'double':
      return typeof value === 'number' ? undefined : want('a number');
    case 'string':
    case 'bytes':
    case 'enum':
    case 'fixed':
      return typeof value === 'string' ? undefined : want('a string');
    case 'array': {
      if (!Array.isArray(value)) return want('an array');
      for (let i = 0; i < value.length; i++) {
        const p = check(type.items, value[i] as JsonValue, joinPointer(pointer, i), attr, depth + 1);
        if (p !== undefined) return `item ${i}: ${p}`;
      }
      return undefined;
    }
    case 'map': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return want('an object');
      for (const [k, v] of Object.entries(value)) {
        const p = check(type.values, v, joinPointer(pointer, k), attr, depth + 1);
        if (p !== undefined) return `value '${k}': ${p}`;
      }
      return undefined;
    }
    case 'record': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return want('an object');
      for (const f of type.fields) {
        if (Object.prototype.hasOwnProperty.call(value, f.name)) {
          const p = check(f.type, value[f.name] as JsonValue, joinPointer(pointer, f.name), attr, depth + 1);
          if (p !== undefined) return `field '${f.name}': ${p}`;
        } else if (f.default === undefined) {
          return `field '${f.name}' is missing and has no default`;
        }
      }
      return undefined;
    }
    case 'union': {
      const first = type.branches[0];
      if (first === undefined) return 'an empty union has no valid default';
      const p = check(first, value, pointer, attr, depth + 1);
      return p === undefined
        ? undefined
        : `a union's default must match its first branch (${first.kind}): ${p}`;
    }
  }
}

import { joinPointer, type JsonValue } from '../json/parse.js';
import type { AvroField, AvroRecord, AvroType, JsonAttr } from './model.js';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function integralText(text: string | undefined): bigint | undefined {
  return text !== undefined && /^-?\d+$/.test(text) ? BigInt(text) : undefined;
}

// Java's Double.parseDouble: surrounding control characters and spaces trimmed, NaN, Infinity, decimal or
// hexadecimal notation, an optional f/d suffix.
const JAVA_DOUBLE =
  /^[+-]?(?:NaN|Infinity|(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+)[fFdD]?)$/;

/** Whether Java's `Double.parseDouble` reads the text (Avro converts a float/double field's string default with it). */
export function javaParsesDouble(text: string): boolean {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return JAVA_DOUBLE.test(text.slice(start, end));
}

/**
 * How the validation sees the types, which differs between Avro Java's two passes. While parsing, a
 * name used before its type is complete (a forward or recursive reference) is a placeholder: an empty
 * record. When the parsed schema is resolved, every record is rebuilt and each field's default checked
 * again against the real types; a record still being rebuilt (an enclosing one) has no fields yet, and
 * Java throws "Schema fields not set yet" when a default needs them.
 */
export interface DefaultView {
  /** Whether the type written at this pointer was a placeholder (parse pass). */
  placeholder?: (usePointer: string) => boolean;
  /** Whether this record's fields are not set yet (resolution pass). */
  open?: (record: AvroRecord) => boolean;
}

/** A record whose fields Java needed while they were not set: the whole schema is refused. */
export class FieldsNotSetYet extends Error {
  constructor(readonly record: AvroRecord) {
    super(`record '${record.fullName}' is not complete at this point`);
  }
}

/**
 * Why `attr` is not a valid default for a field of `type` written at `usePointer`, or undefined when it
 * is. Follows Avro Java 1.12's `Schema.isValidDefault`: a union's default matches any branch; string,
 * bytes, enum and fixed take any string; int and long take integral numbers in range (`1.0` is not one);
 * float and double take numbers (a float/double field's string default was already read as a number);
 * a record's missing fields fall back to their own defaults, which are checked again.
 * Throws `FieldsNotSetYet` where Java throws.
 */
export function defaultProblem(
  type: AvroType,
  usePointer: string,
  attr: JsonAttr,
  view: DefaultView,
): string | undefined {
  const value = attr.value;
  if ((type.kind === 'float' || type.kind === 'double') && typeof value === 'string') {
    return javaParsesDouble(value) ? undefined : `expected a number, found ${JSON.stringify(value)}`;
  }
  return new Validation(attr, view).check(type, usePointer, value, attr.pointer, 0);
}

class Validation {
  constructor(
    private readonly attr: JsonAttr,
    private readonly view: DefaultView,
  ) {}

  check(type: AvroType, use: string, value: JsonValue, pointer: string, depth: number): string | undefined {
    if (depth > 64) return undefined;
    // The text of the value only when it is wrong (most defaults are right).
    const want = (what: string): string =>
      `expected ${what}, found ${
        typeof value === 'number'
          ? (this.attr.numberText(pointer, value) ?? String(value))
          : (JSON.stringify(value)?.slice(0, 60) ?? 'nothing')
      }`;
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    if (this.view.placeholder?.(use) === true) {
      // Java checks against an empty record: any object passes.
      return isObject
        ? undefined
        : want(
            `an object (the type is used here before it is complete, so Java checks the default as a record)`,
          );
    }
    switch (type.kind) {
      case 'null':
        return value === null ? undefined : want('null');
      case 'boolean':
        return typeof value === 'boolean' ? undefined : want('a boolean');
      case 'int': {
        const n = typeof value === 'number' ? integralText(this.attr.numberText(pointer, value)) : undefined;
        return n !== undefined && n >= BigInt(INT_MIN) && n <= BigInt(INT_MAX)
          ? undefined
          : want('an integer in the int range');
      }
      case 'long': {
        const n = typeof value === 'number' ? integralText(this.attr.numberText(pointer, value)) : undefined;
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
          const p = this.check(
            type.items,
            type.itemsPointer,
            value[i] as JsonValue,
            joinPointer(pointer, i),
            depth + 1,
          );
          if (p !== undefined) return `item ${i}: ${p}`;
        }
        return undefined;
      }
      case 'map': {
        if (!isObject) return want('an object');
        for (const [k, v] of Object.entries(value)) {
          const p = this.check(type.values, type.valuesPointer, v, joinPointer(pointer, k), depth + 1);
          if (p !== undefined) return `value '${k}': ${p}`;
        }
        return undefined;
      }
      case 'record': {
        if (!isObject) return want('an object');
        if (this.view.open?.(type) === true) throw new FieldsNotSetYet(type);
        for (const f of type.fields) {
          const p = this.field(f, value, pointer, depth);
          if (p !== undefined) return `field '${f.name}': ${p}`;
        }
        return undefined;
      }
      case 'union': {
        // Any branch, tried in order (a branch that throws ends the check, as in Java).
        const reasons: string[] = [];
        for (let i = 0; i < type.branches.length; i++) {
          const b = type.branches[i] as AvroType;
          const p = this.check(b, type.branchPointers[i] ?? use, value, pointer, depth + 1);
          if (p === undefined) return undefined;
          reasons.push(`${b.kind}: ${p}`);
        }
        return `no branch of the union accepts it (${reasons.join('; ')})`;
      }
    }
  }

  private field(
    f: AvroField,
    value: { [k: string]: JsonValue },
    pointer: string,
    depth: number,
  ): string | undefined {
    if (Object.prototype.hasOwnProperty.call(value, f.name))
      return this.check(
        f.type,
        f.typePointer,
        value[f.name] as JsonValue,
        joinPointer(pointer, f.name),
        depth + 1,
      );
    if (f.default === undefined) return 'missing, and the field has no default';
    const own = f.default.value;
    // A float/double field's string default was read as a number when that field was parsed.
    if ((f.type.kind === 'float' || f.type.kind === 'double') && typeof own === 'string')
      return javaParsesDouble(own) ? undefined : 'its own default is not a number';
    const p = this.check(f.type, f.typePointer, own, f.default.pointer, depth + 1);
    return p === undefined ? undefined : `missing, and its own default is invalid: ${p}`;
  }
}

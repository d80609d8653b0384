// avsc's reading of the types the zod mapping writes, for the model serializers: a `z.date()` is a
// `timestamp-millis` long, a `z.bigint()` a long, a `z.instanceof(Uint8Array)` bytes; the serializer takes
// the model's own values (Date, bigint, any Uint8Array) and writes them as the schema says.
import avro from 'avsc';

export class TimestampMillisType extends avro.types.LogicalType {
  override _fromValue(value: unknown): Date {
    return new Date(value as number);
  }
  override _toValue(value: unknown): unknown {
    return value instanceof Date ? value.getTime() : value;
  }
  override _resolve(): undefined {
    return undefined;
  }
}

/** avsc options giving the model's JavaScript types to the logical types the mapping writes. */
export const MODEL_LOGICAL_TYPES = { 'timestamp-millis': TimestampMillisType };

/**
 * A long that takes a model's integer as a number or a bigint (both map to `long`) and reads back a
 * number when it is safe, else a bigint.
 */
export const MODEL_LONG = avro.types.LongType.__with({
  fromBuffer: (b: Buffer) => {
    const n = b.readBigInt64LE();
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  },
  toBuffer: (n: number | bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(BigInt(n));
    return b;
  },
  fromJSON: (n: number) => n,
  toJSON: (n: number | bigint) => Number(n),
  isValid: (n: unknown) =>
    (typeof n === 'number' && Number.isSafeInteger(n)) ||
    (typeof n === 'bigint' && n >= -(2n ** 63n) && n < 2n ** 63n),
  compare: (a: number | bigint, b: number | bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

/** The model's value as avsc writes it: a Uint8Array that is not a Buffer becomes a Buffer view (no copy). */
export function toAvroDatum(value: unknown): unknown {
  if (value instanceof Uint8Array)
    return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(toAvroDatum);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toAvroDatum(v);
    return out;
  }
  return value;
}

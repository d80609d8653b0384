// avsc's reading of the logical types the zod mapping writes, for the model serializers: a `z.date()` is a
// `timestamp-millis` long, so the serializer takes the model's Date (and a deserializer gives one back).
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

import { jsonDocumentOf } from '../../formats/format.js';
import type { AvroSchema } from '../../formats/avro/model.js';
import type { PreparedSchema } from './engine.js';
import type { JsonObject } from './types.js';

/** The metadata property that lists a schema's reserved field names, comma-separated. */
export const RESERVED = 'confluent:reserved';

export function reservedFields(metadata: JsonObject | undefined): Set<string> {
  const properties = metadata?.['properties'];
  const value =
    typeof properties === 'object' && properties !== null
      ? (properties as Record<string, unknown>)[RESERVED]
      : undefined;
  if (typeof value !== 'string') return new Set();
  return new Set(
    value
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== ''),
  );
}

/** Does the schema have this field at its top level (an Avro record's field, a JSON object's property)? */
function hasTopLevelField(schema: PreparedSchema, name: string): boolean {
  if (schema.parsed.format === 'avro') {
    const root = (schema.parsed as AvroSchema).root;
    return root.kind === 'record' && root.fields.some((f) => f.name === name);
  }
  const value = jsonDocumentOf(schema.parsed)?.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const properties = value['properties'];
  return (
    typeof properties === 'object' && properties !== null && !Array.isArray(properties) && name in properties
  );
}

/**
 * The registry's reserved-field check when `validateFields` is on: reserved fields of the previous
 * (latest) version must stay reserved, and no top-level field may use a reserved name.
 */
export function reservedFieldMessages(
  candidate: PreparedSchema,
  metadata: JsonObject | undefined,
  previousMetadata: JsonObject | undefined,
  hasPrevious: boolean,
): string[] {
  const messages: string[] = [];
  const reserved = reservedFields(metadata);
  if (hasPrevious) {
    for (const field of reservedFields(previousMetadata)) {
      if (!reserved.has(field))
        messages.push(
          `The new schema has reserved field ${field} removed from its metadata which is present in the old schema's metadata.`,
        );
    }
  }
  for (const field of reserved) {
    if (hasTopLevelField(candidate, field))
      messages.push(`The new schema has field that conflicts with the reserved field ${field}.`);
  }
  return messages;
}

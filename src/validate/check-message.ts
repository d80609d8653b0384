import type { AvroSchema } from '../formats/avro/model.js';
import { readAvroJson, type DataIssue } from '../formats/avro/json-data.js';
import type { ParsedSchema, SchemaReference } from '../formats/format.js';
import { ReferenceTexts } from './reference-texts.js';
import type { JsonValue } from '../formats/json/parse.js';
import { SchemagateError } from '../errors.js';

export type { DataIssue } from '../formats/avro/json-data.js';

/** Checks messages against one schema; made once per schema, used for every message. */
export type MessageChecker = (message: JsonValue) => DataIssue | undefined;

/**
 * The checker of a schema: Avro reads the message in Avro's JSON encoding (our decoder, which follows
 * Apache Avro's JsonDecoder); JSON Schema validates it with ajv, as the serializers do, with the documents
 * it references (`references`). Protobuf is not
 * supported yet (its JSON mapping needs a descriptor-based reader).
 */
export async function messageChecker(
  schema: ParsedSchema,
  label: string,
  references: readonly SchemaReference[] = [],
): Promise<MessageChecker> {
  if (schema.format === 'avro') {
    const root = (schema as AvroSchema).root;
    return (message) => readAvroJson(root, message);
  }
  if (schema.format === 'json') {
    const { compileJsonSchema } = await import('../serde/json-validator.js');
    let validate;
    try {
      const texts = new ReferenceTexts(references);
      validate = await compileJsonSchema(references.length === 0 ? undefined : texts, {
        schema: schema.text,
        schemaType: 'JSON',
        references: texts.references(),
      });
    } catch (e) {
      throw new SchemagateError('INVALID_SCHEMA', `${label}: ${(e as Error).message}`);
    }
    return (message) => {
      if (validate(message)) return undefined;
      const first = validate.errors?.[0];
      return {
        path: first?.instancePath ?? '',
        reason:
          first === undefined
            ? 'does not match the schema'
            : `${first.message ?? first.keyword} (${first.keyword})`,
      };
    };
  }
  throw new SchemagateError(
    'INVALID_ARGUMENT',
    `${label}: validating messages against Protobuf schemas is not supported yet (Avro and JSON Schema are)`,
  );
}

import type { AvroSchema } from '../formats/avro/model.js';
import { readAvroJson, type DataIssue } from '../formats/avro/json-data.js';
import { resolveAvroJson } from '../formats/avro/json-resolve.js';
import type { ParsedSchema, SchemaReference } from '../formats/format.js';
import type { JsonValue } from '../formats/json/parse.js';
import { messageChecker, type MessageChecker } from '../validate/check-message.js';

/** How one format answers the two questions the guard asks of a message. */
export interface DataEngine {
  /** Whether the message is data of `schema` (written with it). */
  decodes(schema: ParsedSchema, value: JsonValue): Promise<DataIssue | undefined>;
  /** Whether a reader with `reader` reads the message written with `writer` (it decodes with `writer`). */
  reads(writer: ParsedSchema, reader: ParsedSchema, value: JsonValue): Promise<DataIssue | undefined>;
}

/** Avro: the JSON encoding read with the writer's schema, then Avro's schema resolution to the reader's. */
const avroEngine: DataEngine = {
  decodes: async (schema, value) => readAvroJson((schema as AvroSchema).root, value),
  reads: async (writer, reader, value) =>
    resolveAvroJson((writer as AvroSchema).root, (reader as AvroSchema).root, value),
};

/** JSON Schema: data is JSON as it is, so a reader reads what its schema accepts (with the referenced documents). */
function jsonEngine(references: readonly SchemaReference[]): DataEngine {
  const checkers = new Map<ParsedSchema, Promise<MessageChecker>>();
  const check = async (schema: ParsedSchema, value: JsonValue): Promise<DataIssue | undefined> => {
    let checker = checkers.get(schema);
    if (checker === undefined)
      checkers.set(schema, (checker = messageChecker(schema, schema.file ?? 'schema', references)));
    return (await checker)(value);
  };
  return { decodes: check, reads: (_writer, reader, value) => check(reader, value) };
}

/** The engine of a format; undefined for Protobuf, whose JSON mapping the guard does not read yet. */
export function dataEngineOf(
  format: ParsedSchema['format'],
  references: readonly SchemaReference[] = [],
): DataEngine | undefined {
  return format === 'avro' ? avroEngine : format === 'json' ? jsonEngine(references) : undefined;
}

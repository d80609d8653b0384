// Turning registry schemas into avsc types: schema references fetched and registered first, so the named
// types they define resolve in the referencing schema.
import avro from 'avsc';
import { SerdeError } from './errors.js';
import { subjectCall, type SerdeRegistry, type SerdeSchema, type SerdeSchemaReference } from './registry.js';

export type AvroType = avro.Type;
export type AvroTypeOptions = Partial<avro.ForSchemaOptions>;
/** A schema as JSON text, as a parsed JSON value, or as an avsc Type. */
export type AvroSchemaSource = string | object | avro.Type;

/** Parses a registry schema, fetching its references (recursively) into one avsc name registry. */
export async function avroTypeFromRegistry(
  registry: SerdeRegistry,
  schema: SerdeSchema,
  options: AvroTypeOptions = {},
): Promise<avro.Type> {
  const names: Record<string, avro.Type> = { ...(options.registry ?? {}) };
  await registerReferences(registry, schema.references ?? [], names, options, new Set());
  return parseAvro(schema.schema, { ...options, registry: names });
}

async function registerReferences(
  registry: SerdeRegistry,
  references: readonly SerdeSchemaReference[],
  names: Record<string, avro.Type>,
  options: AvroTypeOptions,
  seen: Set<string>,
): Promise<void> {
  for (const reference of references) {
    const key = `${reference.subject}\u0000${reference.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const version = await subjectCall(
      `fetching reference ${reference.name} (version ${reference.version})`,
      reference.subject,
      () => registry.getVersion(reference.subject, reference.version),
    );
    // Dependencies first: a referenced schema may itself use named types from its own references.
    await registerReferences(registry, version.references ?? [], names, options, seen);
    parseAvro(version.schema, { ...options, registry: names });
  }
}

/** Parses schema text or a JSON value; throws `SerdeError('INVALID_SCHEMA')`. */
export function parseAvro(source: AvroSchemaSource, options: AvroTypeOptions = {}): avro.Type {
  if (avro.Type.isType(source)) return source as avro.Type;
  let value: unknown = source;
  if (typeof source === 'string') {
    try {
      value = JSON.parse(source);
    } catch {
      // A bare primitive name is a valid Avro schema ("bytes" is also valid JSON, but `bytes` is not).
      value = source;
    }
  }
  try {
    return avro.Type.forSchema(value as avro.Schema, options);
  } catch (error) {
    throw new SerdeError(
      'INVALID_SCHEMA',
      `invalid Avro schema: ${(error as Error).message}`,
      {},
      { cause: error },
    );
  }
}

/** The full name the record subject strategies use: records, enums and fixed have one; others none. */
export function avroRecordName(type: avro.Type): string | undefined {
  return type.name ?? undefined;
}

/** The schema text to register: canonical JSON of what the user wrote (avsc keeps docs and defaults). */
export function avroSchemaText(source: AvroSchemaSource): string {
  if (typeof source === 'string') return source;
  if (avro.Type.isType(source)) return JSON.stringify((source as avro.Type).schema({ exportAttrs: true }));
  return JSON.stringify(source);
}

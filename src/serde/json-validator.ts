// JSON Schema validation with ajv, compiled once per schema. Each schema gets its own Ajv instance: versions of
// one subject usually share an `$id`, and one instance refuses a second schema under the same `$id`.
import { Ajv, type ErrorObject, type Options as AjvOptions, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SerdeError } from './errors.js';
import { subjectCall, type SerdeRegistry, type SerdeSchema, type SerdeSchemaReference } from './registry.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

export type JsonValidator = ValidateFunction;

/** Parses a JSON Schema given as text or value; throws `SerdeError('INVALID_SCHEMA')`. */
export function parseJsonSchema(source: string | object): object {
  if (typeof source !== 'string') return source;
  try {
    const value: unknown = JSON.parse(source);
    if (typeof value !== 'object' && typeof value !== 'boolean')
      throw new Error('a JSON Schema is an object or a boolean');
    return value as object;
  } catch (error) {
    throw new SerdeError(
      'INVALID_SCHEMA',
      `invalid JSON Schema: ${(error as Error).message}`,
      {},
      { cause: error },
    );
  }
}

/** Compiles a schema (with its registry references added under their names) into a validator. */
export async function compileJsonSchema(
  registry: SerdeRegistry | undefined,
  schema: SerdeSchema,
  options: AjvOptions = {},
): Promise<JsonValidator> {
  const document = parseJsonSchema(schema.schema);
  const ajv = newAjv(document, options);
  if (registry !== undefined) await addReferences(ajv, registry, schema.references ?? [], new Set());
  try {
    return ajv.compile(document);
  } catch (error) {
    throw new SerdeError(
      'INVALID_SCHEMA',
      `JSON Schema does not compile: ${(error as Error).message}`,
      {},
      { cause: error },
    );
  }
}

function newAjv(document: object, options: AjvOptions): Ajv {
  const dialect = (document as { $schema?: unknown }).$schema;
  const settings: AjvOptions = { strict: false, allErrors: false, ...options };
  const ajv =
    typeof dialect === 'string' && dialect.includes('2020-12')
      ? new Ajv2020(settings)
      : typeof dialect === 'string' && dialect.includes('2019-09')
        ? new Ajv2019(settings)
        : new Ajv(settings);
  addFormats(ajv as Ajv);
  return ajv as Ajv;
}

async function addReferences(
  ajv: Ajv,
  registry: SerdeRegistry,
  references: readonly SerdeSchemaReference[],
  seen: Set<string>,
): Promise<void> {
  for (const reference of references) {
    if (seen.has(reference.name)) continue;
    seen.add(reference.name);
    const version = await subjectCall(
      `fetching reference ${reference.name} (version ${reference.version})`,
      reference.subject,
      () => registry.getVersion(reference.subject, reference.version),
    );
    await addReferences(ajv, registry, version.references ?? [], seen);
    const document = parseJsonSchema(version.schema) as { $id?: unknown };
    // Registered under the reference's name (the `$ref` text); its own `$id`, when different, is kept too.
    ajv.addSchema(
      (document.$id === reference.name ? document : { ...document, $id: reference.name }) as object,
    );
  }
}

/** One line per failing keyword: `/a/b: must be integer`. */
export function describeJsonErrors(errors: ErrorObject[] | null | undefined): {
  text: string;
  paths: string[];
} {
  const list = errors ?? [];
  const paths = list.map((e) => e.instancePath || '/');
  const text = list
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(root)'}: ${e.message ?? e.keyword}`)
    .join('; ');
  return { text, paths };
}

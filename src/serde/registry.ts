// What the serdes need from a schema registry: the four calls the Confluent serializers make. Any object with
// these methods works (structural typing), e.g. `SchemaRegistryClient` from src/registry/client.
import { SerdeError, UnknownSchemaIdError, type MessageContext } from './errors.js';

export type SerdeSchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';

export interface SerdeSchemaReference {
  name: string;
  subject: string;
  version: number;
}

export interface SerdeSchema {
  schema: string;
  /** Absent means AVRO, as on the wire. */
  schemaType?: SerdeSchemaType;
  references?: SerdeSchemaReference[];
}

export interface SerdeRegistry {
  register(
    subject: string,
    input: SerdeSchema,
    options?: { normalize?: boolean },
  ): Promise<{ id: number; version?: number }>;
  lookup(
    subject: string,
    input: SerdeSchema,
    options?: { normalize?: boolean },
  ): Promise<{ id: number; version: number }>;
  getSchemaById(id: number, options?: { subject?: string }): Promise<SerdeSchema>;
  getVersion(
    subject: string,
    version: number | 'latest',
  ): Promise<SerdeSchema & { id: number; version: number }>;
}

/** HTTP status of a registry client error, when it carries one (0 = unreachable). */
function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    if (typeof status === 'number') return status;
  }
  return undefined;
}

function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status === 0 || status === 429 || status >= 500;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Fetches the schema under `id`, turning the registry's 404 into `UnknownSchemaIdError`. */
export async function fetchSchemaById(
  registry: SerdeRegistry,
  id: number,
  context: MessageContext | undefined,
  subject?: string,
): Promise<SerdeSchema> {
  try {
    return await registry.getSchemaById(id, subject === undefined ? {} : { subject });
  } catch (error) {
    if (statusOf(error) === 404) throw new UnknownSchemaIdError(id, context, error);
    throw registryFailure(`cannot fetch schema id ${id}`, error, context, { schemaId: id });
  }
}

/** Runs a subject-level registry call (register, lookup, latest), wrapping failures as `SerdeError`s. */
export async function subjectCall<T>(what: string, subject: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw registryFailure(`${what} for subject ${subject} failed`, error, {}, { subject });
  }
}

function registryFailure(
  what: string,
  error: unknown,
  context: MessageContext | undefined,
  details: { schemaId?: number; subject?: string },
): SerdeError {
  return new SerdeError('REGISTRY_FAILURE', `${what}: ${messageOf(error)}`, context, {
    ...details,
    retryable: isTransient(error),
    cause: error,
  });
}

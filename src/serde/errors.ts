import { SchemagateError } from '../errors.js';

export type SerdeRole = 'key' | 'value';

/** Where a message came from or is going; every field is optional because a serde may run outside Kafka. */
export interface MessageContext {
  topic?: string;
  partition?: number;
  /** Kafka offsets are int64: kept as a decimal string, as kafkajs gives them. */
  offset?: string | number | bigint;
  role?: SerdeRole;
}

/**
 * Why a serializer or deserializer refused a message. Stable values; `retryable` tells a consumer whether
 * trying again later can succeed (a registry outage) or the message itself is bad (dead-letter it).
 */
export type SerdeErrorReason =
  /** The first byte is not the wire format's magic byte 0. */
  | 'UNKNOWN_MAGIC_BYTE'
  /** The registry has no schema under the message's id. */
  | 'UNKNOWN_SCHEMA_ID'
  /** The value or payload does not match its schema (invalid value, truncated or trailing bytes, bad JSON). */
  | 'PAYLOAD_MISMATCH'
  /** The id names a schema of another type (a JSON Schema id given to the Avro deserializer, say). */
  | 'WRONG_SCHEMA_TYPE'
  /** The writer's schema cannot be resolved to the configured reader schema. */
  | 'INCOMPATIBLE_READER'
  /** A schema from the registry or the options could not be parsed. */
  | 'INVALID_SCHEMA'
  /** No subject could be named (record strategy without a record name) or no schema was configured. */
  | 'NO_SUBJECT'
  /** The registry refused or could not be reached. */
  | 'REGISTRY_FAILURE'
  /** A synchronous call before the schema was fetched; call the async method (or `prepare`) first. */
  | 'NOT_READY'
  /** A model serializer's zod model refused the value, before anything was encoded. */
  | 'VALUE_REJECTED_BY_MODEL';

export class SerdeError extends SchemagateError {
  readonly reason: SerdeErrorReason;
  readonly topic: string | undefined;
  readonly partition: number | undefined;
  readonly offset: string | undefined;
  readonly role: SerdeRole | undefined;
  readonly schemaId: number | undefined;
  readonly subject: string | undefined;
  /** True when the same message may succeed later (the registry was unreachable or failed with 5xx). */
  readonly retryable: boolean;

  constructor(
    reason: SerdeErrorReason,
    message: string,
    context: MessageContext = {},
    details: { schemaId?: number; subject?: string; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(
      'SERDE_ERROR',
      `${message}${describeContext(context)}`,
      {},
      details.cause === undefined ? {} : { cause: details.cause },
    );
    this.name = 'SerdeError';
    this.reason = reason;
    this.topic = context.topic;
    this.partition = context.partition;
    this.offset = context.offset === undefined ? undefined : String(context.offset);
    this.role = context.role;
    this.schemaId = details.schemaId;
    this.subject = details.subject;
    this.retryable = details.retryable ?? false;
  }
}

export class UnknownMagicByteError extends SerdeError {
  readonly magicByte: number;
  constructor(magicByte: number, context?: MessageContext) {
    super(
      'UNKNOWN_MAGIC_BYTE',
      `unknown magic byte 0x${hex(magicByte)} (expected 0x00): not in the Confluent wire format`,
      context,
    );
    this.name = 'UnknownMagicByteError';
    this.magicByte = magicByte;
  }
}

export class UnknownSchemaIdError extends SerdeError {
  constructor(schemaId: number, context?: MessageContext, cause?: unknown) {
    super('UNKNOWN_SCHEMA_ID', `schema id ${schemaId} is not known to the registry`, context, {
      schemaId,
      cause,
    });
    this.name = 'UnknownSchemaIdError';
  }
}

export class PayloadMismatchError extends SerdeError {
  /** Paths of the offending fields, when the schema library names them (`a.b[2]`, `/a/b/2`). */
  readonly paths: readonly string[];
  constructor(
    message: string,
    context?: MessageContext,
    details: { schemaId?: number; subject?: string; paths?: string[]; cause?: unknown } = {},
  ) {
    super('PAYLOAD_MISMATCH', message, context, details);
    this.name = 'PayloadMismatchError';
    this.paths = details.paths ?? [];
  }
}

export function isSerdeError(e: unknown): e is SerdeError {
  return e instanceof SerdeError;
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

function describeContext(context: MessageContext): string {
  const parts: string[] = [];
  if (context.topic !== undefined) parts.push(`topic ${context.topic}`);
  if (context.partition !== undefined) parts.push(`partition ${context.partition}`);
  if (context.offset !== undefined) parts.push(`offset ${String(context.offset)}`);
  if (context.role !== undefined && parts.length > 0) parts.push(context.role);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

// The dead-letter record: the original key, value and headers byte for byte, plus headers that say where the
// record came from and why it failed (in the spirit of Kafka Connect's `__connect.errors.*` headers).
import { isSerdeError } from '../serde/errors.js';
import type { HeaderValue, IncomingRecord, OutgoingRecord } from './client.js';

export type FailureStage = 'deserialize' | 'handler';

export const DLQ_HEADER = {
  topic: 'schemagate.dlq.original.topic',
  partition: 'schemagate.dlq.original.partition',
  offset: 'schemagate.dlq.original.offset',
  timestamp: 'schemagate.dlq.original.timestamp',
  group: 'schemagate.dlq.consumer.group',
  stage: 'schemagate.dlq.error.stage',
  errorClass: 'schemagate.dlq.error.class',
  errorCode: 'schemagate.dlq.error.code',
  errorMessage: 'schemagate.dlq.error.message',
  attempts: 'schemagate.dlq.attempts',
  schemaId: 'schemagate.dlq.error.schema.id',
} as const;

/** Default dead-letter topic name. */
export function defaultDeadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

const MAX_MESSAGE_BYTES = 4096;

export function deadLetterRecord(
  record: IncomingRecord,
  failure: { stage: FailureStage; error: unknown; attempts: number; groupId: string },
): OutgoingRecord {
  const headers: Record<string, HeaderValue> = {};
  for (const [name, value] of Object.entries(record.headers)) if (value !== undefined) headers[name] = value;
  const { error } = failure;
  headers[DLQ_HEADER.topic] = record.topic;
  headers[DLQ_HEADER.partition] = String(record.partition);
  headers[DLQ_HEADER.offset] = record.offset;
  headers[DLQ_HEADER.timestamp] = record.timestamp;
  headers[DLQ_HEADER.group] = failure.groupId;
  headers[DLQ_HEADER.stage] = failure.stage;
  headers[DLQ_HEADER.errorClass] = error instanceof Error ? error.name : typeof error;
  headers[DLQ_HEADER.errorCode] = errorCode(error);
  headers[DLQ_HEADER.errorMessage] = truncate(error instanceof Error ? error.message : String(error));
  headers[DLQ_HEADER.attempts] = String(failure.attempts);
  if (isSerdeError(error) && error.schemaId !== undefined)
    headers[DLQ_HEADER.schemaId] = String(error.schemaId);
  return { key: record.key, value: record.value, headers };
}

function errorCode(error: unknown): string {
  if (isSerdeError(error)) return error.reason;
  if (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof (error as { code: unknown }).code === 'string'
  ) {
    return (error as { code: string }).code;
  }
  return 'HANDLER_ERROR';
}

function truncate(message: string): string {
  const bytes = Buffer.from(message);
  if (bytes.length <= MAX_MESSAGE_BYTES) return message;
  // A cut inside a multi-byte character decodes to U+FFFD: drop it.
  return `${bytes
    .subarray(0, MAX_MESSAGE_BYTES)
    .toString()
    .replace(/\uFFFD$/, '')}…`;
}

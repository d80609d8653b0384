import { SerdeError, type SerdeRole } from './errors.js';

/**
 * Names the subject a schema is registered under, as Confluent's `SubjectNameStrategy`: `recordName` is the
 * Avro record's full name or the JSON Schema's `title` (undefined when the schema has none).
 */
export type SubjectNameFunction = (topic: string, role: SerdeRole, recordName: string | undefined) => string;

/**
 * `topic` (TopicNameStrategy, the default): `{topic}-key` / `{topic}-value`;
 * `record` (RecordNameStrategy): the record's full name;
 * `topic-record` (TopicRecordNameStrategy): `{topic}-{full name}`; or a function.
 */
export type SubjectNameStrategy = 'topic' | 'record' | 'topic-record' | SubjectNameFunction;

export function subjectName(
  strategy: SubjectNameStrategy,
  topic: string,
  role: SerdeRole,
  recordName: string | undefined,
): string {
  switch (strategy) {
    case 'topic':
      return `${topic}-${role}`;
    case 'record':
      return requireName(recordName, strategy);
    case 'topic-record':
      return `${topic}-${requireName(recordName, strategy)}`;
    default:
      if (typeof strategy !== 'function') {
        throw new SerdeError('NO_SUBJECT', `unknown subject name strategy ${JSON.stringify(strategy)}`);
      }
      return strategy(topic, role, recordName);
  }
}

function requireName(recordName: string | undefined, strategy: string): string {
  if (recordName === undefined || recordName === '') {
    throw new SerdeError(
      'NO_SUBJECT',
      `the ${strategy} subject name strategy needs a named schema (an Avro record, enum or fixed, or a JSON Schema with a title)`,
    );
  }
  return recordName;
}

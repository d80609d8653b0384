import { avroFormat, type AvroSchema } from '../../../src/formats/avro/index.js';

/** The schemas of registry-protocol.md §6.4 (Confluent's AvroCompatibilityTest). */
export const S = {
  S1: '{"type":"record","name":"myrecord","fields":[{"type":"string","name":"f1"}]}',
  S2: '{"type":"record","name":"myrecord","fields":[{"type":"string","name":"f1"},{"type":"string","name":"f2","default":"foo"}]}',
  S3: '{"type":"record","name":"myrecord","fields":[{"type":"string","name":"f1"},{"type":"string","name":"f2"}]}',
  S4: '{"type":"record","name":"myrecord","fields":[{"type":"string","name":"f1_new","aliases":["f1"]}]}',
  S6: '{"type":"record","name":"myrecord","fields":[{"type":["null","string"],"name":"f1","doc":"doc of f1"}]}',
  S7: '{"type":"record","name":"myrecord","fields":[{"type":["null","string","int"],"name":"f1","doc":"doc of f1"}]}',
  S8: '{"type":"record","name":"myrecord","fields":[{"type":"string","name":"f1"},{"type":"string","name":"f2","default":"foo"},{"type":"string","name":"f3","default":"bar"}]}',
} as const;

export type SchemaName = keyof typeof S;

/** Parses a schema that must be valid; a failure names the issues. */
export function avro(text: string, lenient = false): AvroSchema {
  const r = avroFormat.parse(text, { lenient });
  if (!r.ok) throw new Error(`invalid test schema: ${JSON.stringify(r.issues)}`);
  return r.schema;
}

export function record(name: string, fields: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'record', name, ...extra, fields });
}

/** The §6.4 table: level, previous versions (oldest first), new schema, expected verdict and error types. */
export const LEVEL_CASES: {
  id: string;
  level: string;
  prev: SchemaName[];
  next: SchemaName;
  compatible: boolean;
  errors?: { errorType: string; path: string; version: number; direction: string; info?: string }[];
}[] = [
  { id: 'A1', level: 'BACKWARD', prev: ['S1'], next: 'S2', compatible: true },
  {
    id: 'A2',
    level: 'BACKWARD',
    prev: ['S1'],
    next: 'S3',
    compatible: false,
    errors: [
      {
        errorType: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        path: '/fields/1',
        version: 1,
        direction: 'new-reads-old',
        info: 'f2',
      },
    ],
  },
  { id: 'A3', level: 'BACKWARD', prev: ['S1'], next: 'S4', compatible: true },
  { id: 'A4', level: 'BACKWARD', prev: ['S1'], next: 'S6', compatible: true },
  {
    id: 'A5',
    level: 'BACKWARD',
    prev: ['S6'],
    next: 'S1',
    compatible: false,
    errors: [
      {
        errorType: 'TYPE_MISMATCH',
        path: '/fields/0/type',
        version: 1,
        direction: 'new-reads-old',
        info: 'reader type: STRING not compatible with writer type: NULL',
      },
    ],
  },
  { id: 'A6', level: 'BACKWARD', prev: ['S6'], next: 'S7', compatible: true },
  {
    id: 'A7',
    level: 'BACKWARD',
    prev: ['S7'],
    next: 'S6',
    compatible: false,
    errors: [
      {
        errorType: 'MISSING_UNION_BRANCH',
        path: '/fields/0/type/2',
        version: 1,
        direction: 'new-reads-old',
        info: 'reader union lacking writer type: INT',
      },
    ],
  },
  { id: 'A8', level: 'BACKWARD', prev: ['S1', 'S2'], next: 'S3', compatible: true },
  { id: 'A9', level: 'BACKWARD_TRANSITIVE', prev: ['S1', 'S2'], next: 'S8', compatible: true },
  { id: 'A10', level: 'BACKWARD_TRANSITIVE', prev: ['S2'], next: 'S3', compatible: true },
  {
    id: 'A11',
    level: 'BACKWARD_TRANSITIVE',
    prev: ['S1', 'S2'],
    next: 'S3',
    compatible: false,
    errors: [
      {
        errorType: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        path: '/fields/1',
        version: 1,
        direction: 'new-reads-old',
        info: 'f2',
      },
    ],
  },
  { id: 'A12', level: 'FORWARD', prev: ['S1'], next: 'S2', compatible: true },
  { id: 'A13', level: 'FORWARD', prev: ['S1'], next: 'S3', compatible: true },
  { id: 'A14', level: 'FORWARD', prev: ['S2'], next: 'S3', compatible: true },
  { id: 'A15', level: 'FORWARD', prev: ['S3'], next: 'S2', compatible: true },
  { id: 'A16', level: 'FORWARD', prev: ['S3', 'S2'], next: 'S1', compatible: true },
  { id: 'A17', level: 'FORWARD_TRANSITIVE', prev: ['S8', 'S2'], next: 'S1', compatible: true },
  { id: 'A18', level: 'FORWARD_TRANSITIVE', prev: ['S3'], next: 'S2', compatible: true },
  { id: 'A19', level: 'FORWARD_TRANSITIVE', prev: ['S2'], next: 'S1', compatible: true },
  {
    id: 'A20',
    level: 'FORWARD_TRANSITIVE',
    prev: ['S3', 'S2'],
    next: 'S1',
    compatible: false,
    errors: [
      {
        errorType: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        path: '/fields/1',
        version: 1,
        direction: 'old-reads-new',
        info: 'f2',
      },
    ],
  },
  { id: 'A21', level: 'FULL', prev: ['S1'], next: 'S2', compatible: true },
  { id: 'A22', level: 'FULL', prev: ['S1', 'S2'], next: 'S3', compatible: true },
  { id: 'A23', level: 'FULL', prev: ['S3', 'S2'], next: 'S1', compatible: true },
  { id: 'A24', level: 'FULL_TRANSITIVE', prev: ['S1', 'S2'], next: 'S8', compatible: true },
  { id: 'A25', level: 'FULL_TRANSITIVE', prev: ['S8', 'S2'], next: 'S1', compatible: true },
  { id: 'A26', level: 'FULL_TRANSITIVE', prev: ['S3'], next: 'S2', compatible: true },
  { id: 'A27', level: 'FULL_TRANSITIVE', prev: ['S2'], next: 'S1', compatible: true },
  { id: 'A28', level: 'FULL_TRANSITIVE', prev: ['S1'], next: 'S2', compatible: true },
  { id: 'A29', level: 'FULL_TRANSITIVE', prev: ['S2'], next: 'S3', compatible: true },
  {
    id: 'A30',
    level: 'FULL_TRANSITIVE',
    prev: ['S1', 'S2'],
    next: 'S3',
    compatible: false,
    errors: [
      {
        errorType: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        path: '/fields/1',
        version: 1,
        direction: 'new-reads-old',
        info: 'f2',
      },
    ],
  },
  {
    id: 'A31',
    level: 'FULL_TRANSITIVE',
    prev: ['S3', 'S2'],
    next: 'S1',
    compatible: false,
    errors: [
      {
        errorType: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        path: '/fields/1',
        version: 1,
        direction: 'old-reads-new',
        info: 'f2',
      },
    ],
  },
];

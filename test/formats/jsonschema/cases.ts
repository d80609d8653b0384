// The JSON Schema case table (cases/*.json) and the representative cases of registry-protocol.md §7.3,
// shared by the engine tests and the CLI tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonValue } from '../../../src/formats/json/parse.js';

export interface Reference {
  name: string;
  schema: JsonValue;
}
export interface DiffCase {
  description: string;
  original: JsonValue;
  update: JsonValue;
  originalReferences?: Reference[];
  updateReferences?: Reference[];
  changes: string[];
  compatible: boolean;
  compatibleLenient?: boolean;
}

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'cases');
export const CASES: Array<DiffCase & { file: string }> = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) =>
    (JSON.parse(readFileSync(join(dir, f), 'utf8')) as DiffCase[]).map((c) => ({ ...c, file: f })),
  );

// registry-protocol.md §7.3, old → new, BACKWARD: [old, new, changes, STRICT verdict, LENIENT verdict].
export const FOO = { foo: { type: 'string' } };
export const REPRESENTATIVE: Array<[unknown, unknown, string[], boolean, boolean?]> = [
  [{ type: 'object' }, { type: 'array' }, ['TYPE_CHANGED #/'], false],
  [{ type: 'integer' }, { type: 'number' }, ['TYPE_EXTENDED #/'], true],
  [{ type: 'number' }, { type: 'integer' }, ['TYPE_NARROWED #/'], false],
  [
    { type: 'string', minLength: 10 },
    { type: 'string', minLength: 11 },
    ['MIN_LENGTH_INCREASED #/minLength'],
    false,
  ],
  [
    { type: 'number', multipleOf: 10 },
    { type: 'number', multipleOf: 2 },
    ['MULTIPLE_OF_REDUCED #/multipleOf'],
    true,
  ],
  [{ type: 'string', enum: ['red'] }, { type: 'string' }, ['PRODUCT_TYPE_NARROWED #/'], true],
  [
    { allOf: [{ type: 'string' }, { enum: ['red'] }] },
    { allOf: [{ enum: ['red', 'blue'] }, { type: 'string' }] },
    ['ENUM_ARRAY_EXTENDED #/allOf/1/enum'],
    true,
  ],
  [
    { properties: FOO },
    { properties: { ...FOO, bar: { type: 'number' } } },
    ['OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/bar'],
    false,
    true,
  ],
  [
    { properties: FOO, additionalProperties: false },
    { properties: { ...FOO, bar: { type: 'number' } }, additionalProperties: false },
    ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/bar'],
    true,
  ],
  [
    { properties: FOO, additionalProperties: { type: 'string' } },
    { properties: { ...FOO, bar: { type: 'number' } }, additionalProperties: { type: 'string' } },
    [
      'TYPE_CHANGED #/properties/bar',
      'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/bar',
      'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/bar',
    ],
    false,
  ],
  [
    { properties: FOO },
    { properties: { bar: { type: 'string' } } },
    [
      'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL #/properties/foo',
      'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/bar',
    ],
    false,
    true,
  ],
  [
    { properties: FOO, required: ['foo'] },
    { properties: FOO },
    ['REQUIRED_ATTRIBUTE_REMOVED #/required/foo'],
    true,
  ],
  [
    { properties: FOO },
    { properties: FOO, required: ['foo'] },
    ['REQUIRED_ATTRIBUTE_ADDED #/required/foo'],
    false,
  ],
  [
    { properties: {}, additionalProperties: false },
    { properties: {} },
    ['ADDITIONAL_PROPERTIES_ADDED #/additionalProperties'],
    true,
  ],
  [
    { additionalProperties: true },
    { additionalProperties: false },
    ['ADDITIONAL_PROPERTIES_REMOVED #/additionalProperties'],
    false,
    true,
  ],
  [{ type: 'string' }, { oneOf: [{ type: 'number' }, { type: 'string' }] }, ['SUM_TYPE_EXTENDED #/'], true],
  [
    { oneOf: [{ type: 'number' }, { type: 'string' }] },
    { oneOf: [{ type: 'number' }] },
    ['SUM_TYPE_NARROWED #/'],
    false,
  ],
  [
    { allOf: [{ type: 'number' }, { minimum: 0 }] },
    { allOf: [{ type: 'number' }] },
    ['PRODUCT_TYPE_NARROWED #/'],
    true,
  ],
  [
    { anyOf: [{ type: 'number' }, { type: 'string' }] },
    { allOf: [{ type: 'boolean' }, { type: 'null' }] },
    ['COMBINED_TYPE_CHANGED #/'],
    false,
  ],
  [{ type: 'object', properties: FOO, required: ['foo'] }, {}, [], true],
  [
    { properties: { a: { type: 'object', properties: FOO } } },
    {
      definitions: { A: { type: 'object', properties: FOO } },
      properties: { a: { $ref: '#/definitions/A' } },
    },
    [],
    true,
  ],
];

/** §7.3 as table cases. */
export const REPRESENTATIVE_CASES: DiffCase[] = REPRESENTATIVE.map(
  ([original, update, changes, compatible, lenient], i) => ({
    description: `§7.3 case ${i + 1}`,
    original: original as JsonValue,
    update: update as JsonValue,
    changes,
    compatible,
    compatibleLenient: lenient ?? compatible,
  }),
);

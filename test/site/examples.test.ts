import { test } from 'node:test';
import assert from 'node:assert/strict';
import avsc from 'avsc';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { avroBinarySize } from '../../src/site/avro-size.js';
import { exampleMessages } from '../../src/site/examples.js';
import { fieldTable } from '../../src/site/fields.js';
import type { JsonValue } from '../../src/formats/json/parse.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const AVRO: Array<[string, unknown]> = [
  ['primitive', 'long'],
  [
    'every type in a record',
    {
      type: 'record',
      name: 'All',
      namespace: 'ns',
      fields: [
        { name: 'b', type: 'boolean' },
        { name: 'i', type: 'int' },
        { name: 'neg', type: { type: 'int', logicalType: 'date' } },
        { name: 'f', type: 'float' },
        { name: 'd', type: 'double' },
        { name: 'by', type: 'bytes' },
        { name: 's', type: 'string' },
        { name: 'u', type: { type: 'string', logicalType: 'uuid' } },
        { name: 'e', type: { type: 'enum', name: 'E', symbols: ['A', 'B', 'C'] } },
        { name: 'fx', type: { type: 'fixed', name: 'F', size: 4 } },
        { name: 'a', type: { type: 'array', items: 'E' } },
        { name: 'm', type: { type: 'map', values: 'F' } },
        {
          name: 'un',
          type: ['null', 'string', { type: 'record', name: 'R', fields: [{ name: 'x', type: 'int' }] }],
        },
        { name: 'un2', type: ['R', 'null'] },
        { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
      ],
    },
  ],
  [
    'a recursive record ends',
    {
      type: 'record',
      name: 'Node',
      fields: [
        { name: 'value', type: 'string' },
        { name: 'next', type: ['null', 'Node'], default: null },
        { name: 'children', type: { type: 'array', items: 'Node' } },
      ],
    },
  ],
  ['a top-level union', ['null', { type: 'record', name: 'T', fields: [{ name: 'n', type: 'long' }] }]],
];

for (const [name, schema] of AVRO)
  test(`Avro examples are valid for avsc and their size is avsc's: ${name}`, () => {
    const type = avsc.Type.forSchema(schema as avsc.Schema, { wrapUnions: true });
    const examples = exampleMessages('avro', JSON.stringify(schema), []);
    assert.deepEqual(
      examples.map((e) => e.kind),
      ['minimal', 'full'],
    );
    for (const e of examples) {
      const value = type.fromString(JSON.stringify(e.value)) as unknown;
      assert.ok(type.isValid(value), `${e.kind}: ${JSON.stringify(e.value)}`);
      assert.equal(
        avroBinarySize(schema as JsonValue, [], e.value as JsonValue),
        type.toBuffer(value).length,
        e.kind,
      );
    }
  });

const JSON_SCHEMAS: Array<[string, Record<string, unknown>]> = [
  [
    'formats, bounds, enums, nested and required',
    {
      type: 'object',
      required: ['id', 'when', 'n', 'tags', 'kind', 'inner'],
      properties: {
        id: { type: 'string', minLength: 12, maxLength: 20 },
        when: { type: 'string', format: 'date-time' },
        mail: { type: 'string', format: 'email' },
        n: { type: 'integer', minimum: 50, maximum: 60 },
        x: { type: 'number', exclusiveMinimum: 100 },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
        kind: { enum: ['a', 'b'] },
        fixed: { const: 3 },
        maybe: { type: ['null', 'string'] },
        inner: {
          type: 'object',
          required: ['deep'],
          properties: { deep: { $ref: '#/definitions/Deep' } },
          additionalProperties: false,
        },
      },
      definitions: { Deep: { type: 'object', properties: { v: { type: 'boolean' } }, required: ['v'] } },
      additionalProperties: false,
    },
  ],
  [
    'allOf parts and oneOf',
    {
      allOf: [
        { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        {
          type: 'object',
          properties: { b: { oneOf: [{ type: 'integer' }, { type: 'string', maxLength: 0 }] } },
        },
      ],
    },
  ],
  [
    'a recursive $ref ends',
    {
      $defs: {
        tree: {
          type: 'object',
          properties: { name: { type: 'string' }, kids: { type: 'array', items: { $ref: '#/$defs/tree' } } },
          required: ['name'],
        },
      },
      $ref: '#/$defs/tree',
    },
  ],
];

for (const [name, schema] of JSON_SCHEMAS)
  test(`JSON Schema examples are valid for ajv: ${name}`, () => {
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const examples = exampleMessages('json', JSON.stringify(schema), []);
    assert.equal(examples.length, 2);
    for (const e of examples)
      assert.ok(
        validate(e.value),
        `${e.kind}: ${JSON.stringify(e.value)} ${JSON.stringify(validate.errors)}`,
      );
  });

test('field table: Avro nested records from another file and their pointers, JSON Schema required and $ref', () => {
  const money = JSON.stringify({
    type: 'record',
    name: 'Money',
    namespace: 'a',
    fields: [{ name: 'units', type: 'long' }],
  });
  const avro = fieldTable(
    'avro',
    JSON.stringify({
      type: 'record',
      name: 'Order',
      namespace: 'a',
      fields: [
        { name: 'total', type: 'Money' },
        {
          name: 'lines',
          type: {
            type: 'array',
            items: {
              type: 'record',
              name: 'Line',
              fields: [{ name: 'sku', type: 'string', doc: 'stock unit' }],
            },
          },
        },
      ],
    }),
    [{ name: 'a.Money', text: money }],
  );
  assert.deepEqual(
    avro.map((r) => [r.path, r.type, r.pointer]),
    [
      ['total', 'record a.Money', '/fields/0'],
      ['total.units', 'long', undefined],
      ['lines', 'array<record a.Line>', '/fields/1'],
      ['lines.sku', 'string', '/fields/1/type/items/fields/0'],
    ],
  );
  const json = fieldTable(
    'json',
    JSON.stringify({
      type: 'object',
      properties: { a: { type: 'string', default: 'x' }, b: { $ref: 'other.json' } },
      required: ['b'],
    }),
    [
      {
        name: 'other.json',
        text: JSON.stringify({ type: 'object', properties: { c: { type: 'integer' } } }),
      },
    ],
  );
  assert.deepEqual(
    json.map((r) => [r.path, r.required, r.default, r.pointer]),
    [
      ['a', false, '"x"', '/properties/a'],
      ['b', true, undefined, '/properties/b'],
      ['b.c', false, undefined, undefined],
    ],
  );
});

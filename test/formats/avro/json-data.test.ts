import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAvroJson } from '../../../src/formats/avro/json-data.js';
import { parseAvro } from '../../../src/formats/avro/index.js';
import { javaJsonDecode } from '../../support/avro-java-json.js';

/** A schema, a message in Avro's JSON encoding, and what we answer: valid, or the path and a reason. */
interface Case {
  schema: string;
  message: string;
  invalid?: { path: string; reason: RegExp };
}

const ORDER = `{"type": "record", "name": "Order", "namespace": "com.acme", "fields": [
  {"name": "id", "type": "string"},
  {"name": "qty", "type": "int"},
  {"name": "note", "type": ["null", "string"], "default": null},
  {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
    {"name": "sku", "type": "string"}, {"name": "price", "type": "double"}]}}},
  {"name": "tags", "type": {"type": "map", "values": "long"}},
  {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "PAID"]}},
  {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 2}},
  {"name": "blob", "type": "bytes"},
  {"name": "payer", "type": ["null", "Line", {"type": "array", "items": "int"}]}]}`;

const order = (patch: Record<string, unknown>): string =>
  JSON.stringify({
    id: 'o1',
    qty: 2,
    note: { string: 'hi' },
    lines: [{ sku: 'a', price: 1.5 }],
    tags: { x: 1 },
    status: 'NEW',
    hash: '\u00ff\u0000',
    blob: 'ab\u00e9',
    payer: null,
    ...patch,
  });

const cases: Case[] = [
  { schema: ORDER, message: order({}) },
  { schema: ORDER, message: order({ payer: { 'com.acme.Line': { sku: 'b', price: 2 } } }) },
  { schema: ORDER, message: order({ payer: { array: [1, 2] } }) },
  { schema: ORDER, message: order({ extra: 'ignored' }) },
  { schema: ORDER, message: order({ note: null }) },
  { schema: ORDER, message: order({ qty: 2.0 }) },
  { schema: ORDER, message: order({ qty: 2.5 }), invalid: { path: '/qty', reason: /not an integer/ } },
  {
    schema: ORDER,
    message: order({ qty: 3000000000 }),
    invalid: { path: '/qty', reason: /out of the range of int/ },
  },
  {
    schema: ORDER,
    message: order({ qty: '2' }),
    invalid: { path: '/qty', reason: /expected an int, got the string "2"/ },
  },
  {
    schema: ORDER,
    message: order({ note: 'hi' }),
    invalid: { path: '/note', reason: /written \{"<branch>": value\}/ },
  },
  {
    schema: ORDER,
    message: order({ note: { int: 1 } }),
    invalid: { path: '/note', reason: /'int' is not a branch/ },
  },
  {
    schema: ORDER,
    message: order({ payer: { Line: { sku: 'b', price: 2 } } }),
    invalid: { path: '/payer', reason: /full name/ },
  },
  {
    schema: ORDER,
    message: order({ lines: [{ sku: 'a', price: 'x' }] }),
    invalid: { path: '/lines/0/price', reason: /expected a double/ },
  },
  {
    schema: ORDER,
    message: order({ lines: [{ sku: 'a' }] }),
    invalid: { path: '/lines/0/price', reason: /field 'price' of 'com.acme.Line' is missing/ },
  },
  {
    schema: ORDER,
    message: order({ tags: { x: 'y' } }),
    invalid: { path: '/tags/x', reason: /expected a long/ },
  },
  {
    schema: ORDER,
    message: order({ status: 'LOST' }),
    invalid: { path: '/status', reason: /'LOST' is not a symbol of enum 'com.acme.Status'/ },
  },
  {
    schema: ORDER,
    message: order({ hash: 'abc' }),
    invalid: { path: '/hash', reason: /has 2 bytes, the string has 3/ },
  },
  { schema: ORDER, message: order({ blob: 5 }), invalid: { path: '/blob', reason: /expected bytes/ } },
  { schema: '"double"', message: '"NaN"' },
  { schema: '"float"', message: '"-Infinity"' },
  { schema: '"double"', message: '"nan"', invalid: { path: '', reason: /expected a double/ } },
  { schema: '"long"', message: '1e3' },
  { schema: '"long"', message: '1.5', invalid: { path: '', reason: /not an integer/ } },
  { schema: '"null"', message: '0', invalid: { path: '', reason: /expected null/ } },
  { schema: '"boolean"', message: '1', invalid: { path: '', reason: /expected a boolean/ } },
  {
    schema: '{"type": "array", "items": "int"}',
    message: '{}',
    invalid: { path: '', reason: /expected an array/ },
  },
  { schema: '["null", "int"]', message: '{}', invalid: { path: '', reason: /written/ } },
  {
    schema: '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "default": 1}]}',
    message: '{}',
    invalid: { path: '/a', reason: /even one with a default/ },
  },
];

function ours(c: Case): ReturnType<typeof readAvroJson> {
  const parsed = parseAvro(c.schema);
  assert.ok(parsed.ok);
  return readAvroJson(parsed.schema.root, JSON.parse(c.message) as never);
}

for (const c of cases)
  test(`Avro JSON data: ${c.schema.slice(0, 20)}… ${c.message.slice(0, 60)}`, () => {
    const issue = ours(c);
    if (c.invalid === undefined) assert.equal(issue, undefined);
    else {
      assert.equal(issue?.path, c.invalid.path);
      assert.match(issue?.reason ?? '', c.invalid.reason);
    }
  });

test('Avro JSON data: Apache Avro Java JsonDecoder agrees on every case', async () => {
  const java = await javaJsonDecode(cases);
  cases.forEach((c, i) => {
    assert.equal(
      ours(c) === undefined,
      java[i] === null,
      `${c.message} against ${c.schema.slice(0, 40)}: Java says ${java[i]}`,
    );
  });
});

test('Avro JSON data: bytes beyond ISO-8859-1 are refused (Java would turn them into ?)', () => {
  const issue = ours({ schema: '"bytes"', message: '"a\u0100"' });
  assert.equal(issue?.path, '');
  assert.match(issue?.reason ?? '', /character 2 \(U\+0100\) is not ISO-8859-1/);
});

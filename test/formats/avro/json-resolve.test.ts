import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAvroJson } from '../../../src/formats/avro/json-data.js';
import { resolveAvroJson } from '../../../src/formats/avro/json-resolve.js';
import { parseAvro } from '../../../src/formats/avro/index.js';
import { javaJsonDecode } from '../../support/avro-java-json.js';

/** A message written with `writer` (Avro JSON encoding), read by `reader`: fails at `path`, or reads. */
interface Case {
  name: string;
  writer: string;
  reader: string;
  message: string;
  fails?: { path: string; reason: RegExp };
}

const rec = (fields: unknown[], name = 'R'): string => JSON.stringify({ type: 'record', name, fields });
const COLOR = (symbols: string[], extra: Record<string, unknown> = {}): unknown => ({
  type: 'enum',
  name: 'Color',
  symbols,
  ...extra,
});

const cases: Case[] = [
  {
    name: 'a field added with a default',
    writer: rec([{ name: 'a', type: 'int' }]),
    reader: rec([
      { name: 'a', type: 'int' },
      { name: 'b', type: 'string', default: '' },
    ]),
    message: '{"a": 1}',
  },
  {
    name: 'a field added without a default',
    writer: rec([{ name: 'a', type: 'int' }]),
    reader: rec([
      { name: 'a', type: 'int' },
      { name: 'b', type: 'string' },
    ]),
    message: '{"a": 1}',
    fails: { path: '/b', reason: /not in the writer's schema and has no default/ },
  },
  {
    name: 'a field removed',
    writer: rec([
      { name: 'a', type: 'int' },
      { name: 'b', type: 'string' },
    ]),
    reader: rec([{ name: 'a', type: 'int' }]),
    message: '{"a": 1, "b": "x"}',
  },
  {
    name: 'int promoted to long in a nested array',
    writer: rec([{ name: 'xs', type: { type: 'array', items: 'int' } }]),
    reader: rec([{ name: 'xs', type: { type: 'array', items: 'long' } }]),
    message: '{"xs": [1, 2]}',
  },
  {
    name: 'long narrowed to int',
    writer: rec([{ name: 'n', type: 'long' }]),
    reader: rec([{ name: 'n', type: 'int' }]),
    message: '{"n": 1}',
    fails: { path: '/n', reason: /written as long, the reader expects int/ },
  },
  {
    name: 'an enum symbol removed, the message uses another one',
    writer: rec([{ name: 'c', type: COLOR(['RED', 'BLUE']) }]),
    reader: rec([{ name: 'c', type: COLOR(['RED']) }]),
    message: '{"c": "RED"}',
  },
  {
    name: 'an enum symbol removed, the message uses it',
    writer: rec([{ name: 'c', type: COLOR(['RED', 'BLUE']) }]),
    reader: rec([{ name: 'c', type: COLOR(['RED']) }]),
    message: '{"c": "BLUE"}',
    fails: { path: '/c', reason: /has no symbol 'BLUE' and no default/ },
  },
  {
    name: 'an unknown enum symbol with a reader default',
    writer: rec([{ name: 'c', type: COLOR(['RED', 'BLUE']) }]),
    reader: rec([{ name: 'c', type: COLOR(['RED', 'UNKNOWN'], { default: 'UNKNOWN' }) }]),
    message: '{"c": "BLUE"}',
  },
  {
    name: 'a union branch the reader lacks, not taken',
    writer: rec([{ name: 'u', type: ['null', 'string', 'int'] }]),
    reader: rec([{ name: 'u', type: ['null', 'string'] }]),
    message: '{"u": {"string": "x"}}',
  },
  {
    name: 'a union branch the reader lacks, taken',
    writer: rec([{ name: 'u', type: ['null', 'string', 'boolean'] }]),
    reader: rec([{ name: 'u', type: ['null', 'string'] }]),
    message: '{"u": {"boolean": true}}',
    fails: { path: '/u/boolean', reason: /has no branch for boolean/ },
  },
  {
    name: 'a plain type widened into a union',
    writer: rec([{ name: 'u', type: 'string' }]),
    reader: rec([{ name: 'u', type: ['null', 'string'] }]),
    message: '{"u": "x"}',
  },
  {
    name: 'a union narrowed to its null branch by the message',
    writer: rec([{ name: 'u', type: ['null', 'string'] }]),
    reader: rec([{ name: 'u', type: 'string' }]),
    message: '{"u": null}',
    fails: { path: '/u', reason: /written as null, the reader expects string/ },
  },
  {
    name: 'a renamed field with a reader alias',
    writer: rec([{ name: 'old', type: 'int' }]),
    reader: rec([{ name: 'new', type: 'int', aliases: ['old'] }]),
    message: '{"old": 1}',
  },
  {
    name: 'fixed size changed',
    writer: rec([{ name: 'h', type: { type: 'fixed', name: 'H', size: 2 } }]),
    reader: rec([{ name: 'h', type: { type: 'fixed', name: 'H', size: 3 } }]),
    message: '{"h": "ab"}',
    fails: { path: '/h', reason: /has 2 bytes, the reader's 3/ },
  },
  {
    name: 'string read as bytes',
    writer: rec([{ name: 's', type: 'string' }]),
    reader: rec([{ name: 's', type: 'bytes' }]),
    message: '{"s": "ab"}',
  },
];

function ours(c: Case): ReturnType<typeof resolveAvroJson> {
  const w = parseAvro(c.writer);
  const r = parseAvro(c.reader);
  assert.ok(w.ok && r.ok, c.name);
  const value = JSON.parse(c.message) as never;
  assert.equal(readAvroJson(w.schema.root, value), undefined, `${c.name}: the message must be the writer's`);
  return resolveAvroJson(w.schema.root, r.schema.root, value);
}

for (const c of cases)
  test(`Avro JSON resolution: ${c.name}`, () => {
    const issue = ours(c);
    if (c.fails === undefined) assert.equal(issue, undefined);
    else {
      assert.equal(issue?.path, c.fails.path);
      assert.match(issue?.reason ?? '', c.fails.reason);
    }
  });

test('Avro JSON resolution: Apache Avro Java (GenericDatumReader(writer, reader)) agrees on every case', async () => {
  const java = await javaJsonDecode(
    cases.map((c) => ({ schema: c.writer, reader: c.reader, message: c.message })),
  );
  cases.forEach((c, i) =>
    assert.equal(ours(c) === undefined, java[i] === null, `${c.name}: Java says ${java[i]}`),
  );
});

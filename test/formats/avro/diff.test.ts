import assert from 'node:assert/strict';
import { test } from 'node:test';
import { avroFormat } from '../../../src/formats/avro/index.js';
import { avro, record, S } from './fixtures.js';

const diff = (a: string, b: string) =>
  avroFormat.diff(avro(a), avro(b)).map((c) => `${c.kind} ${c.pointer} [${c.breaks.join(',')}] ${c.summary}`);

test('a field added without a default breaks new-reads-old; with a default nothing', () => {
  assert.deepEqual(diff(S.S1, S.S3), [
    "added /fields/1 [new-reads-old] record 'myrecord': field 'f2' (string, no default) added",
  ]);
  assert.deepEqual(diff(S.S1, S.S2), [
    "added /fields/1 [] record 'myrecord': field 'f2' (string, default \"foo\") added",
  ]);
});

test('a field removed breaks old readers only when they had no default', () => {
  assert.deepEqual(diff(S.S3, S.S1), [
    "removed /fields/1 [old-reads-new] record 'myrecord': field 'f2' (string, no default) removed",
  ]);
  assert.deepEqual(diff(S.S2, S.S1), [
    "removed /fields/1 [] record 'myrecord': field 'f2' (string, default \"foo\") removed",
  ]);
});

test('rename through an alias, type changes with their directions, defaults, doc', () => {
  assert.deepEqual(diff(S.S1, S.S4), [
    "changed /fields/0/name [old-reads-new] record 'myrecord': field 'f1' renamed to 'f1_new' (through an alias)",
    "changed /fields/0/aliases [] record 'myrecord' field 'f1_new': aliases changed from [] to [f1]",
  ]);
  assert.deepEqual(
    diff(record('R', [{ name: 'a', type: 'int' }]), record('R', [{ name: 'a', type: 'long' }])),
    ["changed /fields/0/type [old-reads-new] record 'R' field 'a': type changed from int to long"],
  );
  assert.deepEqual(diff(S.S2, S.S2.replace('"foo"', '"baz"')), [
    'changed /fields/1/default [] record \'myrecord\' field \'f2\': default changed from "foo" to "baz"',
  ]);
  assert.deepEqual(diff(S.S6, S.S6.replace('doc of f1', 'new doc')), [
    "changed /fields/0/doc [] record 'myrecord' field 'f1': doc changed",
  ]);
});

test('union branches and enum symbols', () => {
  assert.deepEqual(diff(S.S6, S.S7), [
    "added /fields/0/type/2 [old-reads-new] record 'myrecord' field 'f1': union branch int added",
  ]);
  assert.deepEqual(diff(S.S7, S.S6), [
    "removed /fields/0/type/2 [new-reads-old] record 'myrecord' field 'f1': union branch int removed",
  ]);
  const e = (symbols: string[], extra = {}) =>
    record('R', [{ name: 'e', type: { type: 'enum', name: 'E', symbols, ...extra } }]);
  assert.deepEqual(diff(e(['A']), e(['A', 'B'])), [
    "added /fields/0/type/symbols/1 [old-reads-new] enum 'E': symbol 'B' added",
  ]);
  assert.deepEqual(diff(e(['A', 'B'], { default: 'A' }), e(['A'], { default: 'A' })), [
    "removed /fields/0/type/symbols/1 [] enum 'E': symbol 'B' removed",
  ]);
});

test('identical schemas have no changes; recursive schemas terminate', () => {
  assert.deepEqual(diff(S.S8, S.S8), []);
  const list = record('Node', [{ name: 'next', type: ['null', 'Node'] }]);
  assert.deepEqual(diff(list, list), []);
});

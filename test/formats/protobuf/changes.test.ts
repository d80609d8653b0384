import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCompatibility } from '../../../src/compat/check.js';
import type { CompatibilityLevel } from '../../../src/compat/level.js';
import { parseProtobuf, protobufFormat, type ProtobufSchema } from '../../../src/formats/protobuf/index.js';

function parse(text: string): ProtobufSchema {
  const r = parseProtobuf(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.schema;
}

const V1 = `syntax = "proto3";
package fleet;

message Truck {
  string plate = 1;
  int32 axles = 2;
}
`;
const V2 = V1.replace('  int32 axles = 2;\n', '  int32 axles = 2;\n  string depot = 3;\n');
const V3 = V2.replace('  int32 axles = 2;\n', '');
const V4 = V3.replace('string depot = 3', 'int64 depot = 3');

describe('semantic diff (schemagate diff)', () => {
  test('each change with its kind, its place in the new file and the directions it breaks', () => {
    assert.deepEqual(protobufFormat.diff(parse(V1), parse(V2)), [
      { kind: 'added', pointer: '/Truck/3', summary: 'FIELD_ADDED #/Truck/3', breaks: [] },
    ]);
    assert.deepEqual(protobufFormat.diff(parse(V3), parse(V4)), [
      {
        kind: 'changed',
        pointer: '/Truck/3',
        summary:
          "FIELD_SCALAR_KIND_CHANGED #/Truck/3: The kind of a SCALAR field at path '#/Truck/3' in the new schema does not match its kind in the old schema",
        breaks: ['new-reads-old', 'old-reads-new'],
      },
    ]);
  });
  test('a removed message breaks only new readers of old data', () => {
    const withExtra = `${V1}\nmessage Trailer {\n  string plate = 1;\n}\n`;
    const changes = protobufFormat.diff(parse(withExtra), parse(V1));
    assert.deepEqual(
      changes.map((c) => [c.kind, c.pointer, c.breaks]),
      [['removed', '/Trailer', ['new-reads-old']]],
    );
    assert.deepEqual(protobufFormat.locate(parse(withExtra), changes[0]?.pointer ?? ''), {
      line: 9,
      column: 1,
    });
  });
});

describe('levels, through the shared level machinery', () => {
  const versions = [V1, V2, V3].map(parse);
  const candidate = parse(V4);
  const run = (level: CompatibilityLevel): string[] =>
    checkCompatibility(level, candidate, versions, (r, w, c) => protobufFormat.check(r, w, c)).findings.map(
      (f) => `${f.version} ${f.direction} ${f.errorType}`,
    );
  test('BACKWARD: the newest version only', () =>
    assert.deepEqual(run('BACKWARD'), ['3 new-reads-old FIELD_SCALAR_KIND_CHANGED']));
  test('BACKWARD_TRANSITIVE: every version, newest first (v1 never had field 3)', () =>
    assert.deepEqual(run('BACKWARD_TRANSITIVE'), [
      '3 new-reads-old FIELD_SCALAR_KIND_CHANGED',
      '2 new-reads-old FIELD_SCALAR_KIND_CHANGED',
    ]));
  test('FULL: both directions against the newest', () =>
    assert.deepEqual(run('FULL'), [
      '3 old-reads-new FIELD_SCALAR_KIND_CHANGED',
      '3 new-reads-old FIELD_SCALAR_KIND_CHANGED',
    ]));
  test('NONE: nothing', () => assert.deepEqual(run('NONE'), []));
});

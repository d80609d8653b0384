// The Protobuf field table and example messages. Each example is read by @bufbuild/protobuf with the strict
// proto3 JSON mapping (unknown names and wrong value kinds are errors) for a message built from the same
// schema text, encoded to binary and decoded back unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { equals, fromBinary, fromJson, toBinary, type JsonValue as BufJson } from '@bufbuild/protobuf';
import type { SchemaReference } from '../../src/formats/format.js';
import { exampleMessages } from '../../src/site/examples.js';
import { fieldTable } from '../../src/site/fields.js';
import { bufMessage } from './buf-message.js';

const CASES: Array<[string, string, SchemaReference[]]> = [
  [
    'proto3: scalars, enum, nested and imported messages, map, repeated, oneof, optional, well-known types',
    `syntax = "proto3";
package shop;
import "google/protobuf/timestamp.proto";
import "google/protobuf/duration.proto";
import "google/protobuf/wrappers.proto";
import "google/protobuf/struct.proto";
import "google/protobuf/field_mask.proto";
import "google/protobuf/any.proto";
import "google/protobuf/empty.proto";
import "money.proto";

// An order placed in the shop.
message Order {
  // The order id.
  string order_id = 1;
  int64 total_cents = 2; // in cents
  Status status = 3;
  repeated Line lines = 4;
  map<string, acme.Money> prices = 5;
  map<int64, bool> flags = 15;
  oneof payment {
    string card = 6;
    Transfer transfer = 7;
  }
  optional double discount = 8;
  google.protobuf.Timestamp placed = 9;
  google.protobuf.Duration ttl = 10;
  google.protobuf.Int64Value maybe_count = 11;
  google.protobuf.Struct extra = 12;
  google.protobuf.FieldMask mask = 13;
  google.protobuf.Any any = 14;
  google.protobuf.Empty nothing = 16;
  google.protobuf.Value value = 17;
  google.protobuf.ListValue list = 18;
  bytes blob = 19;
  uint32 small = 20;
  sint64 signed = 21;
  fixed64 fixed = 22;
  float ratio = 23;
  bool gift = 24;
  acme.Money total = 25;
  Order parent = 26;

  enum Status {
    NEW = 0;
    PAID = 1;
  }
  message Line {
    /* stock unit */
    string sku = 1;
    uint64 quantity = 2;
  }
  message Transfer {
    string iban = 1;
  }
}
`,
    [
      {
        name: 'money.proto',
        text: 'syntax = "proto3";\npackage acme;\nmessage Money {\n  // whole units\n  int64 units = 1;\n  string currency = 2;\n}\n',
      },
    ],
  ],
  [
    'proto2: required fields, defaults, a required nested message, a group',
    `syntax = "proto2";
package legacy;
message Account {
  required string name = 1;
  optional int32 tries = 2 [default = 3];
  optional string region = 3 [default = "eu"];
  required Owner owner = 4;
  repeated int64 ids = 5;
  optional Kind kind = 6 [default = B];
  optional group Extra = 7 {
    optional string note = 1;
  }
  message Owner {
    required sfixed32 code = 1;
    optional string label = 2;
  }
  enum Kind {
    A = 1;
    B = 2;
  }
}
`,
    [],
  ],
];

for (const [name, text, references] of CASES)
  test(`Protobuf examples are read, encoded and decoded by @bufbuild/protobuf: ${name}`, () => {
    const desc = bufMessage(text, references);
    const examples = exampleMessages('protobuf', text, references);
    assert.deepEqual(
      examples.map((e) => e.kind),
      ['minimal', 'full'],
    );
    for (const e of examples) {
      const message = fromJson(desc, e.value as BufJson);
      const back = fromBinary(desc, toBinary(desc, message));
      assert.ok(equals(desc, message, back), `${e.kind} survives binary: ${JSON.stringify(e.value)}`);
    }
    const [minimal, full] = examples.map((e) => e.value as Record<string, unknown>);
    const required = desc.fields.filter((f) => f.proto.label === 2).map((f) => f.jsonName);
    assert.deepEqual(Object.keys(minimal ?? {}).sort(), required.sort(), 'minimal: the required fields only');
    // Full: every field but the second and later members of each oneof.
    const expected = desc.fields
      .filter((f) => f.oneof === undefined || f.oneof.fields[0] === f)
      .map((f) => f.jsonName);
    assert.deepEqual(Object.keys(full ?? {}).sort(), expected.sort(), 'full: every field');
  });

test('Protobuf field table: numbers, types, labels, defaults, comments, nested and imported messages expanded', () => {
  const [, text, references] = CASES[0]!;
  const rows = fieldTable('protobuf', text, references);
  const row = (path: string): (typeof rows)[number] =>
    rows.find((r) => r.path === path) ?? assert.fail(`no row ${path}: ${rows.map((r) => r.path).join(' ')}`);
  assert.deepEqual(
    [
      row('order_id'),
      row('total_cents'),
      row('status'),
      row('lines'),
      row('prices'),
      row('card'),
      row('discount'),
    ].map((r) => [r.number, r.type, r.label, r.doc, r.pointer]),
    [
      [1, 'string', 'singular', 'The order id.', '/Order/1'],
      [2, 'int64', 'singular', 'in cents', '/Order/2'],
      [3, 'enum shop.Order.Status {NEW, PAID}', 'singular', undefined, '/Order/3'],
      [4, 'message shop.Order.Line', 'repeated', undefined, '/Order/4'],
      [5, 'map<string, message acme.Money>', 'map', undefined, '/Order/5'],
      [6, 'string', 'oneof payment', undefined, '/Order/payment/6'],
      [8, 'double', 'optional', undefined, '/Order/8'],
    ],
  );
  assert.deepEqual(
    [row('lines.sku'), row('prices.units'), row('total.units')].map((r) => [
      r.depth,
      r.type,
      r.doc,
      r.pointer,
    ]),
    [
      [1, 'string', 'stock unit', '/Order/Line/1'],
      [1, 'int64', 'whole units', undefined],
      [1, 'int64', 'whole units', undefined],
    ],
  );
  assert.equal(row('placed').type, 'google.protobuf.Timestamp (well-known)');
  assert.ok(!rows.some((r) => r.path.startsWith('placed.')), 'well-known types are not expanded');
  assert.ok(!rows.some((r) => r.path.startsWith('parent.')), 'a recursive message stops at its first repeat');

  const legacy = fieldTable('protobuf', CASES[1]![1], []);
  assert.deepEqual(
    legacy.map((r) => [r.path, r.number, r.label, r.required, r.default]),
    [
      ['name', 1, 'required', true, undefined],
      ['tries', 2, 'optional', false, '3'],
      ['region', 3, 'optional', false, '"eu"'],
      ['owner', 4, 'required', true, undefined],
      ['owner.code', 1, 'required', true, undefined],
      ['owner.label', 2, 'optional', false, undefined],
      ['ids', 5, 'repeated', false, undefined],
      ['kind', 6, 'optional', false, '"B"'],
      ['extra', 7, 'optional', false, undefined],
      ['extra.note', 1, 'optional', false, undefined],
    ],
  );
});

test('Protobuf field docs: a comment above a labelled field or after it on its line; none for a field sharing its line', () => {
  const text = `syntax = "proto3";
// the message, not its fields
message A { int32 a = 1; int32 b = 2; } // nor this
message B {
  // the list
  repeated string xs = 1;
  optional int32 y = 2; // why
}`;
  assert.deepEqual(
    fieldTable('protobuf', text, []).map((r) => [r.path, r.doc]),
    [
      ['a', undefined],
      ['b', undefined],
    ],
  );
  assert.deepEqual(
    fieldTable('protobuf', text.replace(/message A.*\n/, ''), []).map((r) => [r.path, r.doc]),
    [
      ['xs', 'the list'],
      ['y', 'why'],
    ],
  );
});

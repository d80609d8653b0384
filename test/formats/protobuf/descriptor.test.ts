/**
 * A schema as a FileDescriptorProto and back: what `registry serve` does with the base64 descriptors
 * Confluent's clients register (descriptorText) and answers `format=serialized` with
 * (protoToDescriptor). Each case is our own `.proto` covering one kind of construct.
 */
import assert from 'node:assert/strict';
import { create, createFileRegistry, fromBinary, toBinary } from '@bufbuild/protobuf';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import {
  FieldOptionsSchema,
  type DescriptorProto,
  type FileDescriptorProto,
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as FieldType,
  FileDescriptorProtoSchema,
} from '@bufbuild/protobuf/wkt';
import { describe, test } from 'node:test';
import { descriptorText } from '../../../src/formats/protobuf/descriptor-to-proto.js';
import {
  canonicalProto,
  differences,
  parseProtobuf,
  type ProtobufSchema,
} from '../../../src/formats/protobuf/index.js';
import { protoToDescriptor } from '../../../src/formats/protobuf/proto-to-descriptor.js';
import { startTestRegistry } from '../../serde/support.js';

function parse(text: string): ProtobufSchema {
  const r = parseProtobuf(text);
  if (!r.ok) throw new Error(`${JSON.stringify(r.issues)}\n${text}`);
  return r.schema;
}

const CASES: Record<string, string> = {
  'proto3 scalars, nested message and enum': `syntax = "proto3";
package acme.orders;

message Order {
  string id = 1;
  int64 seq = 2;
  repeated Line lines = 3;
  Status status = 4;
  bytes blob = 5;
  double d = 6;
  sint32 s = 7;
  fixed64 f = 8;
  message Line {
    string sku = 1;
    uint32 qty = 2;
  }
  enum Status {
    UNKNOWN = 0;
    DONE = 1;
  }
}
`,
  'proto3 optional, oneof, map, json_name': `syntax = "proto3";
package acme;

message Event {
  optional string note = 1;
  oneof payload {
    string text = 2;
    Event nested = 3;
  }
  map<string, int32> counts = 4;
  map<int64, Event> by_id = 5;
  string user_name = 6 [json_name = "user"];
  repeated int32 packed_off = 7 [packed = false];
}
`,
  'proto2 labels, defaults, extensions, extend, reserved': `syntax = "proto2";
package legacy;

message Item {
  required string id = 1;
  optional int32 count = 2 [default = 7];
  optional string label = 3 [default = "none"];
  repeated int32 codes = 4 [packed = true];
  optional Kind kind = 5 [default = B];
  reserved 8, 10 to 12;
  reserved "old", "older";
  extensions 100 to 199;
  enum Kind {
    A = 1;
    B = 2;
  }
}

extend Item {
  optional string extra = 100;
}
`,
  'enum options and reserved, deprecated fields': `syntax = "proto3";

enum Color {
  option allow_alias = true;
  RED = 0;
  CRIMSON = 0;
  BLUE = 2 [deprecated = true];
  reserved 5 to 9;
  reserved "GREEN";
}

message Paint {
  Color color = 1 [deprecated = true];
  option deprecated = true;
}
`,
  'imports, file options and a service': `syntax = "proto3";
package acme.api;

import "google/protobuf/timestamp.proto";
import public "google/protobuf/duration.proto";

option java_package = "com.acme.api";
option java_multiple_files = true;
option optimize_for = SPEED;
option go_package = "acme/api";

message Ping {
  google.protobuf.Timestamp at = 1;
  .google.protobuf.Duration took = 2;
}

service Pinger {
  rpc Ping (Ping) returns (Ping);
  rpc Stream (stream Ping) returns (stream Ping) {
    option deprecated = true;
  }
}
`,
};

function byNumber(bytes: Uint8Array): FileDescriptorProto {
  const file = fromBinary(FileDescriptorProtoSchema, bytes);
  const sort = (m: DescriptorProto): void => {
    m.field.sort((a, b) => a.number - b.number);
    m.nestedType.forEach(sort);
  };
  file.messageType.forEach(sort);
  return file;
}

/** What `registry serve` stores for a descriptor (as a client registers it), parsed. */
function fromDescriptor(bytes: Uint8Array): ProtobufSchema {
  const text = descriptorText(bytes);
  assert.ok(text !== undefined, 'the descriptor converts');
  return parse(text);
}

describe('.proto → FileDescriptorProto → .proto', () => {
  for (const [name, text] of Object.entries(CASES)) {
    test(name, () => {
      const original = parse(text);
      const descriptor = protoToDescriptor(original);
      const back = fromDescriptor(descriptor);
      // The same schema to the registry's diff, both ways …
      assert.deepEqual(differences(original, back), []);
      assert.deepEqual(differences(back, original), []);
      // … and a fixed point: the stored text gives the same descriptor again (fields in number
      // order: the stored text writes a message's plain fields before its oneofs).
      assert.deepEqual(byNumber(protoToDescriptor(back)), byNumber(descriptor));
    });
  }
});

describe('the descriptor written for format=serialized', () => {
  const d = (text: string) => fromBinary(FileDescriptorProtoSchema, protoToDescriptor(parse(text)));

  test('type names are fully qualified, enums and messages told apart', () => {
    const file = d(CASES['proto3 scalars, nested message and enum']!);
    const order = file.messageType[0]!;
    const byName = new Map(order.field.map((f) => [f.name, f]));
    assert.equal(file.package, 'acme.orders');
    assert.equal(file.syntax, 'proto3');
    assert.equal(byName.get('lines')!.typeName, '.acme.orders.Order.Line');
    assert.equal(byName.get('lines')!.type, FieldType.MESSAGE);
    assert.equal(byName.get('lines')!.label, Label.REPEATED);
    assert.equal(byName.get('status')!.typeName, '.acme.orders.Order.Status');
    assert.equal(byName.get('status')!.type, FieldType.ENUM);
    assert.equal(byName.get('s')!.type, FieldType.SINT32);
  });

  test('map entries, proto3 optional as a synthetic oneof after the real ones, json_name as written', () => {
    const event = d(CASES['proto3 optional, oneof, map, json_name']!).messageType[0]!;
    assert.deepEqual(
      event.oneofDecl.map((o) => o.name),
      ['payload', '_note'],
    );
    const byName = new Map(event.field.map((f) => [f.name, f]));
    assert.equal(byName.get('note')!.proto3Optional, true);
    assert.equal(byName.get('note')!.oneofIndex, 1);
    assert.equal(byName.get('text')!.oneofIndex, 0);
    assert.equal(byName.get('by_id')!.typeName, '.acme.Event.ByIdEntry');
    const entry = event.nestedType.find((n) => n.name === 'ByIdEntry')!;
    assert.equal(entry.options?.mapEntry, true);
    assert.deepEqual(
      entry.field.map((f) => [f.name, f.number, f.type, f.typeName]),
      [
        ['key', 1, FieldType.INT64, ''],
        ['value', 2, FieldType.MESSAGE, '.acme.Event'],
      ],
    );
    assert.equal(byName.get('user_name')!.jsonName, 'user');
    assert.equal(byName.get('packed_off')!.options?.packed, false);
  });

  test('declared nested messages come before map entries and groups: message indexes name them', () => {
    // The registry's descriptor of a text adds the entry messages after the declared ones, so [0, 0] (the
    // message indexes of Item, counted in the text) is Item also for a client that resolves indexes in
    // the descriptor's nested_type list, as Confluent's Python and Go deserializers do.
    const file = d(`syntax = "proto2";
package acme;
message Basket {
  map<string, int32> counts = 1;
  optional group Extra = 2 { optional string note = 3; }
  message Item { optional string sku = 1; }
  map<int32, Item> by_slot = 4;
  message Coupon { optional string code = 1; }
}
`);
    assert.deepEqual(
      file.messageType[0]!.nestedType.map((n) => n.name),
      ['Item', 'Coupon', 'CountsEntry', 'BySlotEntry', 'Extra'],
    );
  });

  test('a group is a GROUP field with its message, which a descriptor library builds', () => {
    const file = d(`syntax = "proto2";
package legacy;
message Search {
  repeated group Result = 1 {
    required string url = 2;
  }
  oneof pick {
    group Choice = 3 {
      optional int32 n = 4;
    }
  }
}
`);
    const search = file.messageType[0]!;
    assert.deepEqual(
      search.field.map((f) => [f.name, f.number, f.type, f.label, f.typeName, f.oneofIndex]),
      [
        ['result', 1, FieldType.GROUP, Label.REPEATED, '.legacy.Search.Result', 0],
        ['choice', 3, FieldType.GROUP, Label.OPTIONAL, '.legacy.Search.Choice', 0],
      ],
    );
    assert.deepEqual(
      search.nestedType.map((n) => [n.name, n.field.map((f) => f.name)]),
      [
        ['Result', ['url']],
        ['Choice', ['n']],
      ],
    );
    const registry = createFileRegistry(file, () => undefined);
    const built = registry.getMessage('legacy.Search')!;
    assert.deepEqual(
      built.oneofs.map((o) => [o.name, o.fields.map((f) => f.name)]),
      [['pick', ['choice']]],
    );
    assert.equal(built.field['result']?.message?.typeName, 'legacy.Search.Result');
  });

  test('proto2 defaults, ranges end exclusive for messages and inclusive for enums, imports', () => {
    const item = d(CASES['proto2 labels, defaults, extensions, extend, reserved']!);
    const msg = item.messageType[0]!;
    assert.equal(msg.field.find((f) => f.name === 'count')!.defaultValue, '7');
    assert.equal(msg.field.find((f) => f.name === 'id')!.label, Label.REQUIRED);
    assert.deepEqual(
      msg.reservedRange.map((r) => [r.start, r.end]),
      [
        [8, 9],
        [10, 13],
      ],
    );
    assert.deepEqual(
      msg.extensionRange.map((r) => [r.start, r.end]),
      [[100, 200]],
    );
    assert.equal(item.extension[0]!.extendee, '.legacy.Item');
    const color = d(CASES['enum options and reserved, deprecated fields']!).enumType[0]!;
    assert.deepEqual(
      color.reservedRange.map((r) => [r.start, r.end]),
      [[5, 9]],
    );
    assert.equal(color.options?.allowAlias, true);
    const api = d(CASES['imports, file options and a service']!);
    assert.deepEqual(api.dependency, ['google/protobuf/timestamp.proto', 'google/protobuf/duration.proto']);
    assert.deepEqual(api.publicDependency, [1]);
    const weak = d('syntax = "proto3";\nimport weak "google/protobuf/empty.proto";\nmessage A {}\n');
    assert.deepEqual(weak.dependency, ['google/protobuf/empty.proto']);
    assert.deepEqual(weak.weakDependency, [0]);
    assert.equal(api.options?.javaPackage, 'com.acme.api');
    assert.equal(api.service[0]!.method[1]!.clientStreaming, true);
    assert.equal(api.service[0]!.method[0]!.inputType, '.acme.api.Ping');
  });
});

/** A descriptor as protoc (and Confluent's JS serde) writes one: json_name on every field. */
const REGISTERED = create(FileDescriptorProtoSchema, {
  name: 'shop.proto',
  package: 'shop',
  syntax: 'proto3',
  messageType: [
    {
      name: 'Cart',
      field: [
        { name: 'cart_id', number: 1, label: Label.OPTIONAL, type: FieldType.STRING, jsonName: 'cartId' },
        {
          name: 'items',
          number: 2,
          label: Label.REPEATED,
          type: FieldType.MESSAGE,
          typeName: '.shop.Cart.ItemsEntry',
          jsonName: 'items',
        },
        {
          name: 'coupon',
          number: 3,
          label: Label.OPTIONAL,
          type: FieldType.STRING,
          jsonName: 'coupon',
          oneofIndex: 0,
          proto3Optional: true,
        },
      ],
      nestedType: [
        {
          name: 'ItemsEntry',
          field: [
            { name: 'key', number: 1, label: Label.OPTIONAL, type: FieldType.STRING, jsonName: 'key' },
            { name: 'value', number: 2, label: Label.OPTIONAL, type: FieldType.INT32, jsonName: 'value' },
          ],
          options: { mapEntry: true },
        },
      ],
      oneofDecl: [{ name: '_coupon' }],
    },
  ],
});

/**
 * The registry's conversion (ProtobufSchema.toProtoFile(FileDescriptorProto)) keeps what the
 * descriptor says: qualified type names, json_name, the map entry as a nested message.
 */
const REGISTERED_TEXT = `syntax = "proto3";
package shop;

message Cart {
  string cart_id = 1 [json_name = "cartId"];
  repeated .shop.Cart.ItemsEntry items = 2 [json_name = "items"];
  optional string coupon = 3 [json_name = "coupon"];

  message ItemsEntry {
    option map_entry = true;
  
    string key = 1 [json_name = "key"];
    int32 value = 2 [json_name = "value"];
  }
}
`;

describe('a registered descriptor', () => {
  const bytes = toBinary(FileDescriptorProtoSchema, REGISTERED);

  test('becomes the .proto text the registry stores', () => {
    assert.equal(descriptorText(bytes), REGISTERED_TEXT);
  });

  test("Confluent's meta options (tags, params, doc) are kept, as the registry keeps them", () => {
    const meta = new BinaryWriter()
      .tag(1, WireType.LengthDelimited)
      .string('social security number')
      .tag(2, WireType.LengthDelimited)
      .bytes(
        new BinaryWriter()
          .tag(1, WireType.LengthDelimited)
          .string('owner')
          .tag(2, WireType.LengthDelimited)
          .string('crm')
          .finish(),
      )
      .tag(2, WireType.LengthDelimited)
      .bytes(
        new BinaryWriter()
          .tag(1, WireType.LengthDelimited)
          .string('precision')
          .tag(2, WireType.LengthDelimited)
          .string('4')
          .finish(),
      )
      .tag(3, WireType.LengthDelimited)
      .string('PII')
      .finish();
    const file = create(FileDescriptorProtoSchema, {
      name: 'person.proto',
      package: 'crm',
      dependency: ['confluent/meta.proto'],
      syntax: 'proto3',
      messageType: [
        {
          name: 'Person',
          field: [{ name: 'ssn', number: 1, label: Label.OPTIONAL, type: FieldType.STRING }],
          options: {},
        },
      ],
    });
    const person = file.messageType[0]!;
    person.field[0]!.options = create(FieldOptionsSchema);
    person.field[0]!.options.$unknown = [
      { no: 1088, wireType: WireType.LengthDelimited, data: new BinaryWriter().bytes(meta).finish() },
    ];
    const tagOnly = new BinaryWriter().tag(3, WireType.LengthDelimited).string('SENSITIVE').finish();
    person.options!.$unknown = [
      { no: 1088, wireType: WireType.LengthDelimited, data: new BinaryWriter().bytes(tagOnly).finish() },
    ];
    const expected = `syntax = "proto3";
package crm;
import "confluent/meta.proto";
message Person {
  option (confluent.message_meta) = { tags: ["SENSITIVE"] };
  string ssn = 1 [(confluent.field_meta) = {
    doc: "social security number",
    params: [{ key: "owner", value: "crm" }, { value: "4", key: "precision" }],
    tags: ["PII"]
  }];
}
`;
    assert.equal(
      descriptorText(toBinary(FileDescriptorProtoSchema, file)),
      canonicalProto(parse(expected).proto),
    );
  });

  test('bytes that are not a descriptor give no text', () => {
    assert.equal(descriptorText(new Uint8Array([0x0a, 0x05, 0x61])), undefined);
  });

  test('registry serve stores its text and answers format=serialized with a descriptor', async () => {
    const server = await startTestRegistry();
    try {
      const base64 = Buffer.from(bytes).toString('base64');
      const post = await fetch(`${server.url}/subjects/cart-value/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
        body: JSON.stringify({ schemaType: 'PROTOBUF', schema: base64 }),
      });
      assert.equal(post.status, 200, await post.clone().text());
      const { id } = (await post.json()) as { id: number };
      const plain = (await (await fetch(`${server.url}/schemas/ids/${id}`)).json()) as { schema: string };
      assert.equal(plain.schema, REGISTERED_TEXT);
      const paths = [
        `/schemas/ids/${id}`,
        '/subjects/cart-value/versions/1',
        '/subjects/cart-value/metadata',
      ];
      for (const path of paths) {
        const r = (await (await fetch(`${server.url}${path}?format=serialized`)).json()) as {
          schema: string;
        };
        const served = fromBinary(FileDescriptorProtoSchema, Buffer.from(r.schema, 'base64'));
        assert.equal(served.messageType[0]!.name, 'Cart', path);
        assert.deepEqual(
          served.messageType[0]!.field.map((f) => [f.name, f.typeName, f.jsonName, f.proto3Optional]),
          [
            ['cart_id', '', 'cartId', false],
            ['items', '.shop.Cart.ItemsEntry', 'items', false],
            ['coupon', '', 'coupon', true],
          ],
          path,
        );
      }
      const raw = await (await fetch(`${server.url}/schemas/ids/${id}/schema?format=serialized`)).text();
      assert.equal(fromBinary(FileDescriptorProtoSchema, Buffer.from(raw, 'base64')).package, 'shop');
      // Registering the same descriptor again finds the same schema.
      const again = await fetch(`${server.url}/subjects/cart-value`, {
        method: 'POST',
        headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
        body: JSON.stringify({ schemaType: 'PROTOBUF', schema: base64 }),
      });
      assert.equal(((await again.json()) as { id: number }).id, id);
    } finally {
      await server.close();
    }
  });
});

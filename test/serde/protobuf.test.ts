import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import protobuf from 'protobufjs';
import {
  decodeMessageIndexes,
  encodeMessageIndexes,
  PayloadMismatchError,
  ProtobufDeserializer,
  ProtobufSerializer,
  SerdeError,
  type SerdeRegistry,
  type SerdeSchema,
} from '../../src/serde/index.js';
import { rejected, startTestRegistry, thrown, type TestRegistry } from './support.js';

const ORDER = `syntax = "proto3";
package acme;

import "google/protobuf/timestamp.proto";

message Order {
  string id = 1;
  int64 seq = 2;
  repeated Line lines = 3;
  google.protobuf.Timestamp at = 4;
  message Line {
    string sku = 1;
    int32 qty = 2;
  }
  message Note {
    message Detail { string text = 1; }
  }
}

enum Status { UNKNOWN = 0; DONE = 1; }

message Refund {
  string order_id = 1;
  Status status = 2;
}
`;

/**
 * The registry calls the serdes make, kept in memory: the wire format is proven here against this stand-in
 * and protobufjs; the round trip with a reference at the end goes through the real registry server.
 */
class MemoryRegistry implements SerdeRegistry {
  readonly schemas: SerdeSchema[] = [];
  readonly subjects = new Map<string, number[]>();
  register(subject: string, input: SerdeSchema): Promise<{ id: number; version: number }> {
    let id = this.schemas.findIndex((s) => s.schema === input.schema) + 1;
    if (id === 0) id = this.schemas.push(input);
    const versions = this.subjects.get(subject) ?? [];
    if (!versions.includes(id)) versions.push(id);
    this.subjects.set(subject, versions);
    return Promise.resolve({ id, version: versions.indexOf(id) + 1 });
  }
  lookup(subject: string, input: SerdeSchema): Promise<{ id: number; version: number }> {
    const versions = this.subjects.get(subject) ?? [];
    const version = versions.findIndex((id) => this.schemas[id - 1]!.schema === input.schema);
    if (version < 0) return Promise.reject(Object.assign(new Error('not found'), { status: 404 }));
    return Promise.resolve({ id: versions[version]!, version: version + 1 });
  }
  getSchemaById(id: number): Promise<SerdeSchema> {
    const schema = this.schemas[id - 1];
    if (schema === undefined) return Promise.reject(Object.assign(new Error('no id'), { status: 404 }));
    return Promise.resolve(schema);
  }
  getVersion(
    subject: string,
    version: number | 'latest',
  ): Promise<SerdeSchema & { id: number; version: number }> {
    const versions = this.subjects.get(subject) ?? [];
    const n = version === 'latest' ? versions.length : version;
    const id = versions[n - 1];
    if (id === undefined) return Promise.reject(Object.assign(new Error('no version'), { status: 404 }));
    return Promise.resolve({ ...this.schemas[id - 1]!, id, version: n });
  }
}

const types = protobuf.parse(ORDER, { keepCase: true }).root;
types.addJSON(protobuf.common.get('google/protobuf/timestamp.proto')!.nested!);
const raw = (name: string, value: object): string =>
  Buffer.from(types.lookupType(name).encode(value).finish()).toString('hex');
const idHex = (id: number) => id.toString(16).padStart(8, '0');

test('message indexes: the [0] shortcut, then count and indexes as zig-zag varints', () => {
  for (const [path, hex] of [
    [[0], '00'],
    [[1], '0202'],
    [[0, 0], '040000'],
    [[0, 1, 2], '06000204'],
    [[64], '028001'],
    [[3, 200], '04069003'],
  ] as const) {
    assert.equal(encodeMessageIndexes(path).toString('hex'), hex, `encode ${JSON.stringify(path)}`);
    const bytes = Buffer.concat([Buffer.from([0xff]), Buffer.from(hex, 'hex'), Buffer.from([0x0a])]);
    assert.deepEqual(decodeMessageIndexes(bytes, 1), { path: [...path], end: 1 + hex.length / 2 });
  }
  for (const hex of ['01', '02', '0403', '', '02ffffffffff']) {
    const error = thrown(() => decodeMessageIndexes(Buffer.from(hex, 'hex'), 0));
    assert.ok(error instanceof PayloadMismatchError, `${hex}: ${String(error)}`);
    assert.match(error.message, /message indexes are absent or malformed/);
  }
});

test('writes header + [0] + the protobuf binary of the first message, and reads it back', async () => {
  const registry = new MemoryRegistry();
  const serializer = new ProtobufSerializer(registry, { schema: ORDER });
  const value = { id: 'o-1', seq: 7, lines: [{ sku: 'a', qty: 2 }], at: { seconds: 5, nanos: 1 } };
  const bytes = await serializer.serialize('orders', value);
  assert.deepEqual(registry.subjects.get('orders-value'), [1]);
  assert.deepEqual(registry.schemas[0], { schema: ORDER, schemaType: 'PROTOBUF' });
  assert.equal(bytes.toString('hex'), `00${idHex(1)}00${raw('acme.Order', value)}`);
  const deserializer = new ProtobufDeserializer(registry, { toObject: { longs: Number } });
  assert.deepEqual(await deserializer.deserialize('orders', bytes), value);
  assert.deepEqual(deserializer.deserializeSync('orders', bytes), value);
});

test('messageType picks a nested or a later message; its index path is written and read', async () => {
  const registry = new MemoryRegistry();
  const deserializer = new ProtobufDeserializer(registry, { toObject: { enums: String } });
  for (const [messageType, indexes, value] of [
    ['acme.Order.Line', '040000', { sku: 'x', qty: 3 }],
    ['acme.Order.Note.Detail', '06000200', { text: 'hi' }],
    ['acme.Refund', '0202', { order_id: 'o-1', status: 1 }],
  ] as const) {
    const serializer = new ProtobufSerializer(registry, { schema: ORDER, messageType });
    const bytes = await serializer.serialize('orders', value);
    assert.equal(bytes.toString('hex'), `00${idHex(1)}${indexes}${raw(messageType, value)}`, messageType);
    const expected = messageType === 'acme.Refund' ? { order_id: 'o-1', status: 'DONE' } : value;
    assert.deepEqual(await deserializer.deserialize('orders', bytes), expected);
  }
});

test('index paths count messages as the registry does: not groups, not map entries', async () => {
  const schema = `syntax = "proto2";
package acme;
message Outer {
  optional group Legacy = 1 { optional int32 x = 2; }
  map<string, int32> counts = 3;
  message Inner { optional string s = 1; }
}
`;
  const registry = new MemoryRegistry();
  const serializer = new ProtobufSerializer(registry, { schema, messageType: 'acme.Outer.Inner' });
  const bytes = await serializer.serialize('t', { s: 'v' });
  assert.equal(bytes.subarray(5).toString('hex'), '040000' + '0a0176');
  const read = await new ProtobufDeserializer(registry, { toObject: {} }).deserialize('t', bytes);
  assert.deepEqual(read, { s: 'v' });
});

test('a map written as a map_entry message (the registry’s text of a descriptor) is a map, counted in paths', async () => {
  // As the registry prints `map<string, Money> prices = 1;` from a FileDescriptorProto (what Confluent's Java
  // and Python serializers register): the entry message is declared, before Inner.
  const schema = `syntax = "proto3";
package acme;
message Outer {
  repeated .acme.Outer.PricesEntry prices = 1;
  message PricesEntry {
    option map_entry = true;
    string key = 1;
    .acme.Money value = 2;
  }
  message Inner { map<int32, string> names = 1; }
}
message Money { int64 units = 1; }
`;
  const registry = new MemoryRegistry();
  const deserializer = new ProtobufDeserializer(registry, { toObject: { longs: String } });
  const outer = new ProtobufSerializer(registry, { schema });
  const value = { prices: { eur: { units: 5 }, chf: { units: 7 } } };
  const bytes = await outer.serialize('t', value);
  // The bytes of the map field as the equivalent `map<string, Money>` declares them.
  const asMap = protobuf.parse(
    'syntax = "proto3"; message O { map<string, M> prices = 1; } message M { int64 units = 1; }',
  );
  assert.equal(
    bytes.subarray(6).toString('hex'),
    Buffer.from(asMap.root.lookupType('O').encode(value).finish()).toString('hex'),
  );
  assert.deepEqual(await deserializer.deserialize('t', bytes), {
    prices: { eur: { units: '5' }, chf: { units: '7' } },
  });
  const inner = new ProtobufSerializer(registry, { schema, messageType: 'acme.Outer.Inner' });
  const innerBytes = await inner.serialize('t', { names: { 1: 'a' } });
  assert.equal(
    innerBytes.subarray(5, 8).toString('hex'),
    '040002',
    'PricesEntry is Outer’s nested message 0',
  );
  assert.deepEqual(await deserializer.deserialize('t', innerBytes), { names: { 1: 'a' } });
});

test('record strategies name the subject after the written message', async () => {
  const registry = new MemoryRegistry();
  await new ProtobufSerializer(registry, { schema: ORDER, subjectNameStrategy: 'record' }).serialize('t', {
    id: 'a',
  });
  await new ProtobufSerializer(registry, {
    schema: ORDER,
    messageType: 'acme.Refund',
    subjectNameStrategy: 'topic-record',
  }).serialize('t', { order_id: 'a' });
  assert.deepEqual([...registry.subjects.keys()], ['acme.Order', 't-acme.Refund']);
});

test('imports resolve through references, fetched from the registry', async () => {
  const registry = new MemoryRegistry();
  const common =
    'syntax = "proto3";\npackage acme.common;\nmessage Money { int64 units = 1; string currency = 2; }\n';
  const invoice =
    'syntax = "proto3";\npackage acme;\nimport "acme/common.proto";\nmessage Invoice { acme.common.Money total = 1; }\n';
  await registry.register('acme-common', { schema: common, schemaType: 'PROTOBUF' });
  const serializer = new ProtobufSerializer(registry, {
    schema: invoice,
    references: [{ name: 'acme/common.proto', subject: 'acme-common', version: 1 }],
  });
  const value = { total: { units: 12, currency: 'CHF' } };
  const bytes = await serializer.serialize('invoices', value);
  assert.equal(bytes.subarray(0, 6).toString('hex'), `00${idHex(2)}00`);
  assert.equal(bytes.subarray(6).toString('hex'), '0a07080c1203434846');
  assert.deepEqual(registry.schemas[1]!.references, [
    { name: 'acme/common.proto', subject: 'acme-common', version: 1 },
  ]);
  const decoded = await new ProtobufDeserializer(registry, { toObject: { longs: Number } }).deserialize(
    'invoices',
    bytes,
  );
  assert.deepEqual(decoded, value);

  const missing = new ProtobufSerializer(new MemoryRegistry(), { schema: invoice });
  const error = (await rejected(missing.serialize('invoices', value))) as SerdeError;
  assert.equal(error.reason, 'INVALID_SCHEMA');
  assert.match(
    error.message,
    /imports acme\/common\.proto, which is neither a reference nor a built-in file/,
  );
});

test('an empty file that only re-exports one file: message indexes count that file’s messages', async () => {
  const registry = new MemoryRegistry();
  await registry.register('acme-orders', { schema: ORDER, schemaType: 'PROTOBUF' });
  const references = [{ name: 'acme/order.proto', subject: 'acme-orders', version: 1 }];
  const wrapper = 'syntax = "proto3";\nimport public "acme/order.proto";\n';
  const deserializer = new ProtobufDeserializer(registry, { toObject: { enums: String } });
  for (const [messageType, indexes, value] of [
    [undefined, '00', { id: 'o-1' }],
    ['acme.Order.Line', '040000', { sku: 'x', qty: 3 }],
    ['acme.Refund', '0202', { order_id: 'o-1' }],
  ] as const) {
    const serializer = new ProtobufSerializer(registry, { schema: wrapper, references, messageType });
    const bytes = await serializer.serialize('wrapped', value);
    const type = messageType ?? 'acme.Order';
    assert.equal(bytes.toString('hex'), `00${idHex(2)}${indexes}${raw(type, value)}`, type);
    assert.deepEqual(await deserializer.deserialize('wrapped', bytes), value, type);
  }
  // A well-known file re-exported: its first message is [0].
  const timestamp = 'syntax = "proto3";\nimport public "google/protobuf/timestamp.proto";\n';
  const at = { seconds: 5, nanos: 1 };
  const bytes = await new ProtobufSerializer(registry, { schema: timestamp }).serialize('at', at);
  assert.equal(bytes.subarray(5).toString('hex'), `00${raw('google.protobuf.Timestamp', at)}`);
  // Anything more than the one public import, and the file stands for itself: it declares no message.
  for (const [schema, refs] of [
    [`${wrapper}import "google/protobuf/empty.proto";\n`, references],
    [`${wrapper}import public "google/protobuf/timestamp.proto";\n`, references],
  ] as const) {
    const error = (await rejected(
      new ProtobufSerializer(registry, { schema, references: [...refs] }).serialize('other', {}),
    )) as SerdeError;
    assert.equal(error.reason, 'INVALID_SCHEMA', schema);
    assert.match(error.message, /declares no message/, schema);
  }
});

test('imports the registry knows without a reference: google/type and confluent files', async () => {
  const registry = new MemoryRegistry();
  const schema = `syntax = "proto3";
package acme;
import "google/type/date.proto";
import "confluent/meta.proto";
message Birthday {
  google.type.Date date = 1 [(confluent.field_meta).doc = "when"];
}
`;
  const bytes = await new ProtobufSerializer(registry, { schema }).serialize('b', {
    date: { year: 2020, month: 2, day: 29 },
  });
  assert.equal(bytes.subarray(5).toString('hex'), '000a0708e40f1002181d');
  const read = await new ProtobufDeserializer(registry, { toObject: {} }).deserialize('b', bytes);
  assert.deepEqual(read, { date: { year: 2020, month: 2, day: 29 } });
});

test('typed errors: bad value, unknown message type, unknown index, bad payload, wrong schema type', async () => {
  const registry = new MemoryRegistry();
  const serializer = new ProtobufSerializer(registry, { schema: ORDER });
  const bad = (await rejected(serializer.serialize('orders', { id: 5 }))) as PayloadMismatchError;
  assert.ok(bad instanceof PayloadMismatchError);
  assert.match(
    bad.message,
    /value does not match message acme\.Order \(id 1\): id: string expected \(topic orders, value\)/,
  );

  const unknown = new ProtobufSerializer(registry, { schema: ORDER, messageType: 'acme.Nope' });
  const invalid = (await rejected(unknown.serialize('orders', {}))) as SerdeError;
  assert.equal(invalid.reason, 'INVALID_SCHEMA');
  assert.match(invalid.message, /declares no message acme\.Nope/);

  const deserializer = new ProtobufDeserializer(registry);
  const noSuchIndex = Buffer.from(`00${idHex(1)}020a`, 'hex');
  const e1 = (await rejected(deserializer.deserialize('orders', noSuchIndex))) as SerdeError;
  assert.equal(e1.reason, 'PAYLOAD_MISMATCH');
  assert.match(e1.message, /message indexes \[5\] name no message of schema id 1 \(topic orders, value\)/);
  for (const [indexes, expected] of [
    ['040010', /message indexes \[0, 8\] name no message of schema id 1/],
    ['0600020a', /message indexes \[0, 1, 5\] name no message/],
    ['01', /the message-index count -1 is impossible/],
    ['0201', /message index -1 is negative/],
    ['048080', /the message-index list is cut short/],
    ['02ffffffffff', /a message-index varint is longer than 5 bytes/],
  ] as const) {
    const error = (await rejected(
      deserializer.deserialize('orders', Buffer.from(`00${idHex(1)}${indexes}`, 'hex')),
    )) as SerdeError;
    assert.equal(error.reason, 'PAYLOAD_MISMATCH', indexes);
    assert.match(error.message, expected, indexes);
  }

  const truncated = Buffer.from(`00${idHex(1)}000a05616263`, 'hex');
  const e2 = (await rejected(
    deserializer.deserialize('orders', truncated, { partition: 2, offset: '9' }),
  )) as SerdeError;
  assert.equal(e2.reason, 'PAYLOAD_MISMATCH');
  assert.match(
    e2.message,
    /payload is not a acme\.Order message \(schema id 1\).*\(topic orders, partition 2, offset 9, value\)/,
  );

  const e3 = (await rejected(
    deserializer.deserialize('orders', Buffer.from('01000000010a', 'hex')),
  )) as SerdeError;
  assert.equal(e3.reason, 'UNKNOWN_MAGIC_BYTE');
  const e4 = (await rejected(
    deserializer.deserialize('orders', Buffer.from(`00${idHex(99)}00`, 'hex')),
  )) as SerdeError;
  assert.equal(e4.reason, 'UNKNOWN_SCHEMA_ID');

  await registry.register('j', { schema: '{"type":"object"}', schemaType: 'JSON' });
  const e5 = (await rejected(
    deserializer.deserialize('j', Buffer.from(`00${idHex(2)}00`, 'hex')),
  )) as SerdeError;
  assert.equal(e5.reason, 'WRONG_SCHEMA_TYPE');

  const e6 = thrown(() => new ProtobufSerializer(registry, { schema: 'message {' })) as SerdeError;
  assert.equal(e6.reason, 'INVALID_SCHEMA');
});

test('useLatestVersion and useSchemaId write with the stored schema', async () => {
  const registry = new MemoryRegistry();
  await registry.register('orders-value', { schema: ORDER, schemaType: 'PROTOBUF' });
  const latest = new ProtobufSerializer(registry, { useLatestVersion: true, messageType: 'acme.Refund' });
  const bytes = await latest.serialize('orders', { order_id: 'z' });
  assert.equal(bytes.toString('hex'), `00${idHex(1)}0202${raw('acme.Refund', { order_id: 'z' })}`);
  const byId = new ProtobufSerializer(registry, { useSchemaId: 1 });
  assert.equal(
    (await byId.serialize('other', { id: 'q' })).toString('hex'),
    `00${idHex(1)}00${raw('acme.Order', { id: 'q' })}`,
  );
});

test('the schema id is written big-endian in the 4 header bytes', async () => {
  const anyId: SerdeRegistry = {
    register: () => Promise.reject(new Error('not used')),
    lookup: () => Promise.reject(new Error('not used')),
    getVersion: () => Promise.reject(new Error('not used')),
    getSchemaById: () => Promise.resolve({ schema: ORDER, schemaType: 'PROTOBUF' }),
  };
  for (const [id, hex] of [
    [0x7f020304, '7f020304'],
    [0x00ff0180, '00ff0180'],
    [256, '00000100'],
  ] as const) {
    const serializer = new ProtobufSerializer(anyId, { useSchemaId: id, messageType: 'acme.Refund' });
    const bytes = await serializer.serialize('t', { order_id: 'r' });
    assert.equal(bytes.toString('hex'), `00${hex}0202${raw('acme.Refund', { order_id: 'r' })}`);
    const read = await new ProtobufDeserializer(anyId, { toObject: {} }).deserialize('t', bytes);
    assert.deepEqual(read, { order_id: 'r' });
  }
});

// Against the real registry server, once it stores PROTOBUF schemas (another branch adds it).
let server: TestRegistry | undefined;
before(async () => {
  server = await startTestRegistry();
});
after(async () => {
  await server?.close();
});

test('round trip through the real registry server, with a reference', async () => {
  const client = server!.client;
  const common = 'syntax = "proto3";\npackage acme.common;\nmessage Money { int64 units = 1; }\n';
  await client.register('acme-common', { schema: common, schemaType: 'PROTOBUF' });
  const serializer = new ProtobufSerializer(client, {
    schema:
      'syntax = "proto3";\npackage acme;\nimport "acme/common.proto";\nmessage Invoice { acme.common.Money total = 1; }\n',
    references: [{ name: 'acme/common.proto', subject: 'acme-common', version: 1 }],
  });
  const bytes = await serializer.serialize('invoices', { total: { units: 3 } });
  const latest = await client.getVersion('invoices-value', 'latest');
  assert.equal(latest.schemaType, 'PROTOBUF');
  assert.equal(bytes.readInt32BE(1), latest.id);
  const value = await new ProtobufDeserializer(client, { toObject: { longs: Number } }).deserialize(
    'invoices',
    bytes,
  );
  assert.deepEqual(value, { total: { units: 3 } });
});

// Interop with Confluent's own JavaScript serde (@confluentinc/schemaregistry, which encodes with
// @bufbuild/protobuf from descriptors): bytes it writes are read by our deserializer, bytes we write are
// read by its deserializer, and both write the same bytes for the same message. The first tests use a
// plain node:http stand-in that keeps what it is sent (to see the base64 FileDescriptorProto Confluent's
// client registers); the last goes through the real registry server.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import {
  create,
  createFileRegistry,
  createMutableRegistry,
  toBinary,
  type DescMessage,
} from '@bufbuild/protobuf';
import {
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as FieldType,
  FileDescriptorProtoSchema,
} from '@bufbuild/protobuf/wkt';
import {
  ProtobufDeserializer as ConfluentProtobufDeserializer,
  ProtobufSerializer as ConfluentProtobufSerializer,
  SchemaRegistryClient as ConfluentClient,
  SerdeType,
} from '@confluentinc/schemaregistry';
import protobuf from 'protobufjs';
import {
  ProtobufDeserializer,
  ProtobufSerializer,
  type SerdeRegistry,
  type SerdeSchema,
} from '../../src/serde/index.js';
import { startTestRegistry } from './support.js';

const PROTO = `syntax = "proto3";
package acme;

message Order {
  string id = 1;
  int64 seq = 2;
  repeated Line lines = 3;
  message Line {
    string sku = 1;
    int32 qty = 2;
  }
}

enum Status {
  UNKNOWN = 0;
  DONE = 1;
}

message Refund {
  string order_id = 1;
  Status status = 2;
}
`;

/** PROTO as a descriptor, written out field by field (the form Confluent's JS serde works from). */
const descriptor = create(FileDescriptorProtoSchema, {
  name: 'acme/order.proto',
  package: 'acme',
  syntax: 'proto3',
  messageType: [
    {
      name: 'Order',
      field: [
        { name: 'id', number: 1, label: Label.OPTIONAL, type: FieldType.STRING, jsonName: 'id' },
        { name: 'seq', number: 2, label: Label.OPTIONAL, type: FieldType.INT64, jsonName: 'seq' },
        {
          name: 'lines',
          number: 3,
          label: Label.REPEATED,
          type: FieldType.MESSAGE,
          typeName: '.acme.Order.Line',
          jsonName: 'lines',
        },
      ],
      nestedType: [
        {
          name: 'Line',
          field: [
            { name: 'sku', number: 1, label: Label.OPTIONAL, type: FieldType.STRING, jsonName: 'sku' },
            { name: 'qty', number: 2, label: Label.OPTIONAL, type: FieldType.INT32, jsonName: 'qty' },
          ],
        },
      ],
    },
    {
      name: 'Refund',
      field: [
        { name: 'order_id', number: 1, label: Label.OPTIONAL, type: FieldType.STRING, jsonName: 'orderId' },
        {
          name: 'status',
          number: 2,
          label: Label.OPTIONAL,
          type: FieldType.ENUM,
          typeName: '.acme.Status',
          jsonName: 'status',
        },
      ],
    },
  ],
  enumType: [
    {
      name: 'Status',
      value: [
        { name: 'UNKNOWN', number: 0 },
        { name: 'DONE', number: 1 },
      ],
    },
  ],
});
const files = createFileRegistry(descriptor, () => undefined);
/** An int64 as protobufjs takes it exactly: a Long (from the `long` package protobufjs bundles). */
const long = (decimal: string): object =>
  (protobuf.util.Long as unknown as { fromString(s: string): object }).fromString(decimal);
const message = (name: string): DescMessage => files.getMessage(name)!;

interface Registered {
  subject: string;
  schema: string;
  schemaType?: string;
}

/** A registry stand-in: assigns ids to what is registered and answers the lookups Confluent's client makes. */
class StandIn {
  readonly schemas: Registered[] = [];
  readonly requests: string[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        this.requests.push(`${req.method} ${req.url}`);
        const [status, reply] = this.answer(req.method ?? '', new URL(req.url ?? '/', 'http://x'), body);
        res.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
        res.end(JSON.stringify(reply));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }

  private answer(method: string, url: URL, body: string): [number, unknown] {
    const parts = url.pathname
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
    if (method === 'POST' && parts[0] === 'subjects') {
      const input = JSON.parse(body) as { schema: string; schemaType?: string };
      const subject = parts[1]!;
      let id = this.schemas.findIndex((s) => s.subject === subject && s.schema === input.schema) + 1;
      if (id === 0 && parts[2] === 'versions') id = this.schemas.push({ subject, ...input });
      if (id === 0) return [404, { error_code: 40403, message: 'Schema not found' }];
      if (parts[2] === 'versions') return [200, { id }];
      return [200, { subject, id, version: 1, schema: input.schema, schemaType: input.schemaType }];
    }
    if (method === 'GET' && parts[0] === 'schemas' && parts[1] === 'ids') {
      const stored = this.schemas[Number(parts[2]) - 1];
      if (stored === undefined) return [404, { error_code: 40403, message: 'Schema not found' }];
      return [200, { schema: stored.schema, schemaType: stored.schemaType }];
    }
    return [404, { error_code: 40401, message: `not in the stand-in: ${method} ${url.pathname}` }];
  }
}

/** Our side of the registry: the same ids, holding the .proto text (what the registry answers by default). */
function textRegistry(): SerdeRegistry {
  const byId = (id: number): Promise<SerdeSchema> =>
    id === 1
      ? Promise.resolve({ schema: PROTO, schemaType: 'PROTOBUF' })
      : Promise.reject(Object.assign(new Error(`no id ${id}`), { status: 404 }));
  return {
    register: () => Promise.reject(new Error('not used')),
    lookup: () => Promise.reject(new Error('not used')),
    getSchemaById: byId,
    getVersion: () => Promise.reject(new Error('not used')),
  };
}

let standIn: StandIn;
let confluent: ConfluentClient;
before(async () => {
  standIn = new StandIn();
  await standIn.start();
  confluent = new ConfluentClient({ baseURLs: [standIn.url] });
});
after(async () => {
  await standIn.close();
});

/** Each message: Confluent's init value, what we read (longs and enums as strings), what we write. */
const cases = [
  {
    type: 'acme.Order',
    indexes: '00',
    init: {
      id: 'o-1',
      seq: 9007199254740993n,
      lines: [
        { sku: 'a', qty: 2 },
        { sku: 'é', qty: -1 },
      ],
    },
    ours: {
      id: 'o-1',
      seq: '9007199254740993',
      lines: [
        { sku: 'a', qty: 2 },
        { sku: 'é', qty: -1 },
      ],
    },
    write: {
      id: 'o-1',
      seq: long('9007199254740993'),
      lines: [
        { sku: 'a', qty: 2 },
        { sku: 'é', qty: -1 },
      ],
    },
  },
  {
    type: 'acme.Order.Line',
    indexes: '040000',
    init: { sku: 'x', qty: 300 },
    ours: { sku: 'x', qty: 300 },
    write: { sku: 'x', qty: 300 },
  },
  {
    type: 'acme.Refund',
    indexes: '0202',
    init: { orderId: 'o-1', status: 1 },
    ours: { order_id: 'o-1', status: 'DONE' },
    write: { order_id: 'o-1', status: 1 },
  },
];

test("Confluent's serializer → our deserializer, message indexes included", async () => {
  const serializer = new ConfluentProtobufSerializer(confluent, SerdeType.VALUE, {
    autoRegisterSchemas: true,
    registry: createMutableRegistry(files),
  });
  const ours = new ProtobufDeserializer(textRegistry(), { toObject: { longs: String, enums: String } });
  for (const c of cases) {
    const bytes = await serializer.serialize('orders', create(message(c.type), c.init));
    assert.equal(bytes.subarray(0, 5).toString('hex'), '0000000001', c.type);
    assert.equal(bytes.subarray(5, 5 + c.indexes.length / 2).toString('hex'), c.indexes, c.type);
    assert.deepEqual(await ours.deserialize('orders', bytes), c.ours, c.type);
  }
  assert.equal(standIn.schemas.length, 1, 'Confluent registered one schema');
  assert.equal(standIn.schemas[0]!.schemaType, 'PROTOBUF');
  assert.equal(
    standIn.schemas[0]!.schema,
    Buffer.from(toBinary(FileDescriptorProtoSchema, descriptor)).toString('base64'),
  );
});

test("our serializer → Confluent's deserializer, byte for byte what Confluent writes", async () => {
  const theirsWriter = new ConfluentProtobufSerializer(confluent, SerdeType.VALUE, {
    autoRegisterSchemas: true,
    registry: createMutableRegistry(files),
  });
  const theirsReader = new ConfluentProtobufDeserializer(confluent, SerdeType.VALUE, {});
  for (const c of cases) {
    const ours = new ProtobufSerializer(textRegistry(), { useSchemaId: 1, messageType: c.type });
    const bytes = await ours.serialize('orders', c.write);
    const theirs = await theirsWriter.serialize('orders', create(message(c.type), c.init));
    assert.equal(bytes.toString('hex'), theirs.toString('hex'), c.type);
    const read = (await theirsReader.deserialize('orders', bytes)) as { $typeName: string };
    assert.equal(read.$typeName, c.type);
    const expected = create(message(c.type), c.init) as unknown as Record<string, unknown>;
    assert.deepEqual({ ...read }, { ...expected }, c.type);
  }
});

// Against the real registry server: Confluent's JS
// serializer registers the descriptor (base64), the server keeps it as .proto text, and each side reads the
// other's bytes through the server.
test('both ways through the real registry server', async () => {
  const server = await startTestRegistry();
  try {
    const theirsClient = new ConfluentClient({ baseURLs: [server.url] });
    const theirsWriter = new ConfluentProtobufSerializer(theirsClient, SerdeType.VALUE, {
      autoRegisterSchemas: true,
      registry: createMutableRegistry(files),
    });
    const theirsReader = new ConfluentProtobufDeserializer(theirsClient, SerdeType.VALUE, {});
    const ours = new ProtobufDeserializer(server.client, { toObject: { longs: String, enums: String } });
    for (const c of cases) {
      const bytes = await theirsWriter.serialize('orders', create(message(c.type), c.init));
      assert.deepEqual(await ours.deserialize('orders', bytes), c.ours, c.type);
      const writer = new ProtobufSerializer(server.client, { useLatestVersion: true, messageType: c.type });
      const written = await writer.serialize('orders', c.write);
      assert.equal(written.toString('hex'), bytes.toString('hex'), c.type);
      const read = (await theirsReader.deserialize('orders', written)) as { $typeName: string };
      assert.equal(read.$typeName, c.type);
    }
  } finally {
    await server.close();
  }
});

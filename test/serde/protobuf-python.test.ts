// Interop with Confluent's Python Protobuf serde (confluent-kafka with the `protobuf` extra) through the real
// registry server, both ways. Python's message classes are generated now by protoc (grpcio-tools) from the
// .proto files below; its serializer registers each file as a base64 FileDescriptorProto (the import as a
// reference under the file's name) and its deserializer fetches schemas with `format=serialized`. Bytes cross
// as hex on the command line and stdout: no broker is needed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import protobuf from 'protobufjs';
import { ProtobufDeserializer, ProtobufSerializer } from '../../src/serde/index.js';
import { pythonVenv, type PythonVenv } from '../support/python-venv.js';
import { REPO_ROOT, runTool } from '../support/tool-cache.js';
import { startTestRegistry, type TestRegistry } from './support.js';

/** An int64 as protobufjs takes it exactly: a Long (from the `long` package protobufjs bundles). */
const long = (decimal: string): object =>
  (protobuf.util.Long as unknown as { fromString(s: string): object }).fromString(decimal);

const PYTHON_DIR = join(REPO_ROOT, 'test', 'serde', 'python');

const COMMON = `syntax = "proto3";
package acme.common;

message Money {
  int64 units = 1;
  string currency = 2;
}

enum Status {
  STATUS_UNKNOWN = 0;
  STATUS_OPEN = 1;
  STATUS_DONE = 2;
}
`;

const ORDER = `syntax = "proto3";
package acme;

import "acme/common.proto";
import "google/protobuf/timestamp.proto";

message Order {
  string id = 1;
  int64 seq = 2;
  repeated Line lines = 3;
  acme.common.Money total = 4;
  acme.common.Status status = 5;
  google.protobuf.Timestamp placed_at = 6;
  oneof payment {
    string card = 7;
    string voucher = 8;
  }
  map<string, sint64> counters = 9;

  message Line {
    string sku = 1;
    sint32 qty = 2;
    acme.common.Money price = 3;
  }
}

message Refund {
  string order_id = 1;
  acme.common.Money amount = 2;
  Reason reason = 3;
  map<string, string> labels = 4;

  enum Reason {
    REASON_UNKNOWN = 0;
    DAMAGED = 1;
    LATE = 2;
  }
}
`;

/**
 * `indexes`: the message-index list as Python writes it, from the descriptor, where the entry message of
 * the map `counters` (declared before `Line`) is Order's first nested message; the schema registered from
 * that descriptor says so too (`message CountersEntry { option map_entry = true; … }`), so we write the
 * same. From the .proto text, where no entry message is declared, Line is [0, 0] (`textIndexes`), as the
 * registry's own serializer writes it. One map entry per map: entries may be written in any order, and
 * the last test compares bytes. Each message three ways: `json`, proto3 JSON with declared field names (what Python reads and writes);
 * `ours`, what our deserializer gives with longs and enums as strings; `write`, what our serializer takes.
 */
const cases = [
  {
    type: 'acme.Order',
    indexes: '00',
    json: {
      id: 'o-1',
      seq: '9007199254740993',
      lines: [
        { sku: 'a', qty: 2, price: { units: '5', currency: 'EUR' } },
        { sku: 'é', qty: -1 },
      ],
      total: { units: '10', currency: 'EUR' },
      status: 'STATUS_DONE',
      placed_at: '2023-11-14T22:13:20.000005Z',
      voucher: 'v-9',
      counters: { picked: '-4' },
    },
    ours: {
      id: 'o-1',
      seq: '9007199254740993',
      lines: [
        { sku: 'a', qty: 2, price: { units: '5', currency: 'EUR' } },
        { sku: 'é', qty: -1 },
      ],
      total: { units: '10', currency: 'EUR' },
      status: 'STATUS_DONE',
      placed_at: { seconds: '1700000000', nanos: 5000 },
      voucher: 'v-9',
      counters: { picked: '-4' },
    },
    write: {
      id: 'o-1',
      seq: long('9007199254740993'),
      lines: [
        { sku: 'a', qty: 2, price: { units: 5, currency: 'EUR' } },
        { sku: 'é', qty: -1 },
      ],
      total: { units: 10, currency: 'EUR' },
      status: 2,
      placed_at: { seconds: 1700000000, nanos: 5000 },
      voucher: 'v-9',
      counters: { picked: -4 },
    },
  },
  {
    type: 'acme.Order.Line',
    indexes: '040002',
    textIndexes: '040000',
    json: { sku: 'x', qty: 300, price: { units: '-3', currency: 'CHF' } },
    ours: { sku: 'x', qty: 300, price: { units: '-3', currency: 'CHF' } },
    write: { sku: 'x', qty: 300, price: { units: -3, currency: 'CHF' } },
  },
  {
    type: 'acme.Refund',
    indexes: '0202',
    json: {
      order_id: 'o-1',
      amount: { units: '7', currency: 'USD' },
      reason: 'LATE',
      labels: { channel: 'web' },
    },
    ours: {
      order_id: 'o-1',
      amount: { units: '7', currency: 'USD' },
      reason: 'LATE',
      labels: { channel: 'web' },
    },
    write: {
      order_id: 'o-1',
      amount: { units: 7, currency: 'USD' },
      reason: 2,
      labels: { channel: 'web' },
    },
  },
];

interface PythonResult {
  produced: string[];
  consumed: unknown[];
  /** The writer's message names the record strategy was given (`recordStrategy` items). */
  writers: string[];
}

let venv: PythonVenv;
let registry: TestRegistry;
let work: string;

/** Runs protobuf_serde.py (a fresh protoc output dir per run, so each run imports its own classes). */
async function python(args: {
  produce?: Array<{ type: string; value: unknown }>;
  consume?: Array<{ type: string; hex: string; recordStrategy?: boolean }>;
}): Promise<PythonResult> {
  const genDir = mkdtempSync(join(work, 'gen-'));
  const input = {
    url: registry.url,
    protoDir: join(work, 'proto'),
    genDir,
    file: 'acme/order.proto',
    ...args,
  };
  const out = await runTool(venv.python, [join(PYTHON_DIR, 'protobuf_serde.py'), JSON.stringify(input)], {
    timeoutMs: 120_000,
    what: 'the Python Protobuf serde',
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '') as PythonResult;
}

before(async () => {
  venv = await pythonVenv(
    'python-protobuf',
    join(PYTHON_DIR, 'requirements.txt'),
    'installing confluent-kafka[protobuf] and grpcio-tools into a venv',
  );
  if (venv.install.built)
    process.stderr.write(
      `Python Protobuf serde: installed in ${(venv.install.millis / 1000).toFixed(0)} s\n`,
    );
  work = mkdtempSync(join(tmpdir(), 'sg-protobuf-python-'));
  for (const [name, text] of [
    ['acme/common.proto', COMMON],
    ['acme/order.proto', ORDER],
  ] as const) {
    const path = join(work, 'proto', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  registry = await startTestRegistry();
});
after(async () => {
  await registry?.close();
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

test("Python's ProtobufSerializer → our deserializer: message indexes, an import as a reference", async () => {
  const { produced } = await python({ produce: cases.map((c) => ({ type: c.type, value: c.json })) });
  const ours = new ProtobufDeserializer(registry.client, { toObject: { longs: String, enums: String } });
  const ids = new Set<string>();
  for (const [i, c] of cases.entries()) {
    const bytes = Buffer.from(produced[i]!, 'hex');
    ids.add(bytes.subarray(1, 5).toString('hex'));
    assert.equal(bytes.subarray(5, 5 + c.indexes.length / 2).toString('hex'), c.indexes, c.type);
    assert.deepEqual(await ours.deserialize('orders', bytes), c.ours, c.type);
  }
  assert.equal(ids.size, 1, 'every message type was written with the one schema id of orders-value');
  // Python registered the import under its file name, and the order schema with a reference to it.
  assert.deepEqual(await registry.client.listSubjects(), ['acme/common.proto', 'orders-value']);
  const latest = await registry.client.getVersion('orders-value', 'latest');
  assert.deepEqual(latest.references, [
    { name: 'acme/common.proto', subject: 'acme/common.proto', version: 1 },
  ]);
});

test("our ProtobufSerializer (.proto text with a reference) → Python's ProtobufDeserializer", async () => {
  await registry.client.register('ours-common', { schema: COMMON, schemaType: 'PROTOBUF' });
  const references = [{ name: 'acme/common.proto', subject: 'ours-common', version: 1 }];
  const written: Array<{ type: string; hex: string }> = [];
  for (const c of cases) {
    const ours = new ProtobufSerializer(registry.client, { schema: ORDER, references, messageType: c.type });
    const bytes = await ours.serialize('ours-orders', c.write);
    const indexes = c.textIndexes ?? c.indexes;
    assert.equal(bytes.subarray(5, 5 + indexes.length / 2).toString('hex'), indexes, c.type);
    written.push({ type: c.type, hex: bytes.toString('hex') });
  }
  const { consumed } = await python({ consume: written });
  assert.deepEqual(
    consumed,
    cases.map((c) => c.json),
  );
});

test('the same message written by Python and by us is the same payload', async () => {
  const { produced } = await python({ produce: cases.map((c) => ({ type: c.type, value: c.json })) });
  for (const [i, c] of cases.entries()) {
    const ours = new ProtobufSerializer(registry.client, { useLatestVersion: true, messageType: c.type });
    const bytes = await ours.serialize('orders', c.write);
    assert.equal(bytes.toString('hex'), produced[i], c.type);
  }
});

test('Python finds the message our indexes name in the descriptor the server serves', async () => {
  // Line's indexes from the text are [0, 0]; the `counters` map is declared before it. Python resolves the
  // indexes in the writer's descriptor (format=serialized) and hands that message's name to a record name
  // strategy: the entry message made for the map must come after Line there, or the name would be
  // acme.Order.CountersEntry (and the subject, with the record strategy, another one).
  await registry.client.register('ours-common', { schema: COMMON, schemaType: 'PROTOBUF' });
  const references = [{ name: 'acme/common.proto', subject: 'ours-common', version: 1 }];
  const line = cases.find((c) => c.type === 'acme.Order.Line')!;
  const ours = new ProtobufSerializer(registry.client, { schema: ORDER, references, messageType: line.type });
  const bytes = await ours.serialize('lines', line.write);
  assert.equal(bytes.subarray(5, 8).toString('hex'), '040000');
  const { consumed, writers } = await python({
    consume: [{ type: line.type, hex: bytes.toString('hex'), recordStrategy: true }],
  });
  assert.deepEqual(writers, ['acme.Order.Line']);
  assert.deepEqual(consumed, [line.json]);
});

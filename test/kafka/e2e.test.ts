// End to end on a real Apache Kafka broker (KRaft, from Maven Central; test/support/kafka-broker.ts) and the
// real local registry: schema evolution across producers, the dead-letter topic, restart from the committed
// offset after a graceful stop and after a SIGKILL, a registry outage.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import {
  DLQ_HEADER,
  kafkajsClient,
  SchemaRegistryKafkaService,
  type ConsumedMessage,
  type ConsumerHandle,
  type KafkaClientPort,
} from '../../src/kafka/index.js';
import { SchemaRegistryClient } from '../../src/registry/client/index.js';
import { startRegistryServer } from '../../src/registry/server/index.js';
import {
  AvroDeserializer,
  AvroSerializer,
  frame,
  ProtobufDeserializer,
  ProtobufSerializer,
} from '../../src/serde/index.js';
import { startKafkaBroker, type KafkaBroker } from '../support/kafka-broker.js';
import { plain, startTestRegistry, type TestRegistry } from '../serde/support.js';

const orderV1 = {
  type: 'record',
  name: 'Order',
  namespace: 'com.acme',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'cents', type: 'long' },
  ],
};
const orderV2 = {
  ...orderV1,
  fields: [...orderV1.fields, { name: 'currency', type: 'string', default: 'EUR' }],
};
type Order = { id: string; cents: number; currency?: string };

let broker: KafkaBroker;
let registry: TestRegistry;
let admin: Admin;
let raw: Kafka;
let client: KafkaClientPort;

before(async () => {
  [broker, registry] = await Promise.all([startKafkaBroker(), startTestRegistry()]);
  raw = new Kafka({ brokers: [broker.bootstrap], clientId: 'e2e-admin', logLevel: logLevel.NOTHING });
  admin = raw.admin();
  await admin.connect();
  client = kafkajsClient({ brokers: [broker.bootstrap], clientId: 'e2e', logLevel: 'nothing' });
});

after(async () => {
  await admin?.disconnect();
  await Promise.all([broker?.stop(), registry?.close()]);
});

async function createTopics(...topics: string[]): Promise<void> {
  await admin.createTopics({
    topics: topics.map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })),
    waitForLeaders: true,
  });
}

async function waitFor(what: string, predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function committedOffset(groupId: string, topic: string): Promise<string | undefined> {
  const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return entry?.partitions[0]?.offset;
}

/** Every record on `topic`, read with a throwaway raw consumer. */
async function readAll(topic: string, expected: number) {
  const consumer = raw.consumer({ groupId: `reader-${topic}-${Date.now()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const records: Array<{
    offset: string;
    key: Buffer | null;
    value: Buffer | null;
    headers: Record<string, string>;
  }> = [];
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
      records.push({ offset: message.offset, key: message.key, value: message.value, headers });
    },
  });
  try {
    await waitFor(`${expected} records on ${topic}`, () => records.length >= expected);
  } finally {
    await consumer.disconnect();
  }
  return records;
}

test('produce with v1, evolve to v2, consume old and new with the v2 reader', async () => {
  await createTopics('orders');
  const v1 = new SchemaRegistryKafkaService<Order>({
    client,
    valueSerializer: new AvroSerializer(registry.client, { schema: orderV1 }),
  });
  for (let i = 1; i <= 3; i++)
    await v1.produce('orders', { id: `o${i}`, cents: i * 100 }, { key: `o${i}`, headers: { source: 'v1' } });
  const v2 = new SchemaRegistryKafkaService<Order>({
    client,
    valueSerializer: new AvroSerializer(registry.client, { schema: orderV2 }),
  });
  for (let i = 4; i <= 5; i++)
    await v2.produce('orders', { id: `o${i}`, cents: i * 100, currency: 'CHF' }, { key: `o${i}` });
  const versions = await registry.client.getVersion('orders-value', 'latest');
  assert.equal(versions.version, 2, 'the compatible v2 was registered as version 2');

  const reader = new SchemaRegistryKafkaService<Order>({
    client,
    valueDeserializer: new AvroDeserializer(registry.client, { readerSchema: orderV2 }),
  });
  const seen: Array<ConsumedMessage<Order, string>> = [];
  const handle = await reader.consume({
    topics: ['orders'],
    groupId: 'orders-reader',
    maxWaitTimeMs: 200,
    fromBeginning: true,
    handler: (m) => void seen.push(m),
  });
  await waitFor('5 orders', () => seen.length >= 5);
  await handle.stop();
  await handle.done;
  await Promise.all([v1.close(), v2.close(), reader.close()]);

  assert.deepEqual(
    seen.map((m) => plain(m.value)),
    [
      { id: 'o1', cents: 100, currency: 'EUR' },
      { id: 'o2', cents: 200, currency: 'EUR' },
      { id: 'o3', cents: 300, currency: 'EUR' },
      { id: 'o4', cents: 400, currency: 'CHF' },
      { id: 'o5', cents: 500, currency: 'CHF' },
    ],
  );
  assert.deepEqual(
    seen.map((m) => (m.key as Buffer).toString()),
    ['o1', 'o2', 'o3', 'o4', 'o5'],
  );
  assert.equal(seen[0]!.headers.source?.toString(), 'v1');
  assert.equal(await committedOffset('orders-reader', 'orders'), '5');
});

const ORDER_PROTO_V1 = `syntax = "proto3";
package shop;

message Order {
  string id = 1;
  int64 cents = 2;
}
`;
const ORDER_PROTO_V2 = `syntax = "proto3";
package shop;

message Order {
  string id = 1;
  int64 cents = 2;
  string currency = 3;
}
`;

test('Protobuf: produce with v1, evolve to v2 (a compatible new field), consume both with one deserializer', async () => {
  await createTopics('shop-orders');
  const v1 = new SchemaRegistryKafkaService<object>({
    client,
    valueSerializer: new ProtobufSerializer(registry.client, { schema: ORDER_PROTO_V1 }),
  });
  await v1.produce('shop-orders', { id: 'p1', cents: 100 }, { key: 'p1' });
  const v2 = new SchemaRegistryKafkaService<object>({
    client,
    valueSerializer: new ProtobufSerializer(registry.client, { schema: ORDER_PROTO_V2 }),
  });
  await v2.produce('shop-orders', { id: 'p2', cents: 200, currency: 'CHF' }, { key: 'p2' });
  const latest = await registry.client.getVersion('shop-orders-value', 'latest');
  assert.equal(latest.version, 2, 'the compatible v2 was registered as version 2');
  assert.equal(latest.schemaType, 'PROTOBUF');

  const reader = new SchemaRegistryKafkaService<object>({
    client,
    valueDeserializer: new ProtobufDeserializer(registry.client, { toObject: { longs: String } }),
  });
  const seen: Array<ConsumedMessage<object, string>> = [];
  const handle = await reader.consume({
    topics: ['shop-orders'],
    groupId: 'shop-orders-reader',
    maxWaitTimeMs: 200,
    fromBeginning: true,
    handler: (m) => void seen.push(m),
  });
  await waitFor('2 orders', () => seen.length >= 2);
  await handle.stop();
  await handle.done;
  await Promise.all([v1.close(), v2.close(), reader.close()]);
  // Each message is read with the schema it was written with (proto3 leaves defaults out).
  assert.deepEqual(
    seen.map((m) => m.value),
    [
      { id: 'p1', cents: '100' },
      { id: 'p2', cents: '200', currency: 'CHF' },
    ],
  );
  assert.equal(await committedOffset('shop-orders-reader', 'shop-orders'), '2');
});

test('poison messages and a handler that keeps failing go to {topic}.dlq with error headers; the consumer moves on', async () => {
  await createTopics('payments', 'payments.dlq');
  const producer = new SchemaRegistryKafkaService<Order>({
    client,
    valueSerializer: new AvroSerializer(registry.client, { schema: orderV1 }),
  });
  await producer.produce('payments', { id: 'p1', cents: 1 });
  const rawProducer = raw.producer();
  await rawProducer.connect();
  // offset 1: not the wire format at all; offset 2: a schema id the registry does not know.
  await rawProducer.send({
    topic: 'payments',
    messages: [{ key: 'bad-1', value: Buffer.from('{"id":"p2"}'), headers: { trace: 't-2' } }],
  });
  await rawProducer.send({ topic: 'payments', messages: [{ value: frame(987654, Buffer.from([2, 0])) }] });
  await rawProducer.disconnect();
  await producer.produce('payments', { id: 'fail', cents: 3 }); // offset 3: the handler always throws
  await producer.produce('payments', { id: 'p5', cents: 5 }); // offset 4

  const consumer = new SchemaRegistryKafkaService<Order>({
    client,
    valueDeserializer: new AvroDeserializer(registry.client),
  });
  const handled: string[] = [];
  let failures = 0;
  const deadLettered: string[] = [];
  const handle = await consumer.consume({
    topics: ['payments'],
    groupId: 'payments-service',
    maxWaitTimeMs: 200,
    fromBeginning: true,
    maxAttempts: 3,
    retryBackoffMs: 10,
    onDeadLetter: (e) => deadLettered.push(`${e.offset}:${e.stage}`),
    handler: (m) => {
      if (m.value?.id === 'fail') {
        failures++;
        throw new Error('downstream said no');
      }
      handled.push(m.value!.id);
    },
  });
  await waitFor('the last payment', () => handled.includes('p5'));
  await handle.stop();
  await Promise.all([producer.close(), consumer.close()]);

  assert.deepEqual(handled, ['p1', 'p5']);
  assert.equal(failures, 3, 'the handler was tried maxAttempts times');
  assert.deepEqual(deadLettered, ['1:deserialize', '2:deserialize', '3:handler']);
  assert.equal(
    await committedOffset('payments-service', 'payments'),
    '5',
    'the consumer moved past the poison',
  );

  const dlq = await readAll('payments.dlq', 3);
  assert.equal(dlq.length, 3);
  const [magic, unknownId, handlerFailure] = dlq;
  assert.equal(magic!.value!.toString(), '{"id":"p2"}', 'the original bytes, unchanged');
  assert.equal(magic!.key!.toString(), 'bad-1');
  assert.equal(magic!.headers.trace, 't-2', 'original headers kept');
  assert.equal(magic!.headers[DLQ_HEADER.topic], 'payments');
  assert.equal(magic!.headers[DLQ_HEADER.partition], '0');
  assert.equal(magic!.headers[DLQ_HEADER.offset], '1');
  assert.equal(magic!.headers[DLQ_HEADER.stage], 'deserialize');
  assert.equal(magic!.headers[DLQ_HEADER.errorCode], 'UNKNOWN_MAGIC_BYTE');
  assert.equal(magic!.headers[DLQ_HEADER.errorClass], 'UnknownMagicByteError');
  assert.match(
    magic!.headers[DLQ_HEADER.errorMessage]!,
    /unknown magic byte 0x7b.*topic payments, partition 0, offset 1/,
  );
  assert.equal(magic!.headers[DLQ_HEADER.group], 'payments-service');

  assert.equal(unknownId!.headers[DLQ_HEADER.errorCode], 'UNKNOWN_SCHEMA_ID');
  assert.equal(unknownId!.headers[DLQ_HEADER.schemaId], '987654');
  assert.equal(unknownId!.headers[DLQ_HEADER.offset], '2');

  assert.equal(handlerFailure!.headers[DLQ_HEADER.stage], 'handler');
  assert.equal(handlerFailure!.headers[DLQ_HEADER.errorCode], 'HANDLER_ERROR');
  assert.equal(handlerFailure!.headers[DLQ_HEADER.errorMessage], 'downstream said no');
  assert.equal(handlerFailure!.headers[DLQ_HEADER.attempts], '3');
  assert.equal(handlerFailure!.value![0], 0, 'the original wire-format bytes');
});

test('a consumer stopped mid-stream resumes from its committed offset: nothing lost, nothing repeated', async () => {
  await createTopics('events');
  const producer = new SchemaRegistryKafkaService<Order>({
    client,
    valueSerializer: new AvroSerializer(registry.client, { schema: orderV1 }),
  });
  for (let i = 0; i < 10; i++) await producer.produce('events', { id: `e${i}`, cents: i });
  const deserializer = new AvroDeserializer<Order>(registry.client);

  const first = new SchemaRegistryKafkaService<Order>({ client, valueDeserializer: deserializer });
  const firstSeen: string[] = [];
  // The handler stops its own consumer; consume() has resolved long before the fourth record arrives.
  const started: { handle?: ConsumerHandle } = {};
  let stopping: Promise<void> | undefined;
  const handleA = (started.handle = await first.consume({
    topics: ['events'],
    groupId: 'events-service',
    maxWaitTimeMs: 200,
    fromBeginning: true,
    handler: (m) => {
      firstSeen.push(m.value!.id);
      // Stop after the fourth record, from inside the stream (the batch holds all ten).
      if (firstSeen.length === 4) stopping = started.handle!.stop();
    },
  }));
  await waitFor('the first consumer to stop', () => stopping !== undefined);
  await stopping;
  await handleA.done;
  assert.deepEqual(firstSeen, ['e0', 'e1', 'e2', 'e3']);
  assert.equal(await committedOffset('events-service', 'events'), '4');

  for (let i = 10; i < 15; i++) await producer.produce('events', { id: `e${i}`, cents: i });

  const second = new SchemaRegistryKafkaService<Order>({ client, valueDeserializer: deserializer });
  const secondSeen: string[] = [];
  const handleB = await second.consume({
    topics: ['events'],
    groupId: 'events-service',
    maxWaitTimeMs: 200,
    fromBeginning: true,
    handler: (m) => void secondSeen.push(m.value!.id),
  });
  await waitFor('the rest of the events', () => secondSeen.length >= 11);
  await handleB.stop();
  await Promise.all([producer.close(), first.close(), second.close()]);

  assert.deepEqual(
    secondSeen,
    Array.from({ length: 11 }, (_, i) => `e${i + 4}`),
  );
  assert.equal(await committedOffset('events-service', 'events'), '15');
});

test('a registry outage is waited out, not dead-lettered', async () => {
  await createTopics('outage', 'outage.dlq');
  const dataDir = await mkdtemp(join(tmpdir(), 'schemagate-outage-registry-'));
  let server = await startRegistryServer({ port: 0, dataDir });
  const port = server.port;
  const outageClient = new SchemaRegistryClient({ url: server.url, retries: 0 });
  const producer = new SchemaRegistryKafkaService<Order>({
    client,
    valueSerializer: new AvroSerializer(outageClient, { schema: orderV1 }),
  });
  await producer.produce('outage', { id: 'x1', cents: 1 });
  await producer.close();
  await server.close();

  const consumer = new SchemaRegistryKafkaService<Order>({
    client,
    valueDeserializer: new AvroDeserializer(
      new SchemaRegistryClient({ url: `http://127.0.0.1:${port}`, retries: 0 }),
    ),
  });
  const handled: string[] = [];
  const deadLettered: string[] = [];
  const handle = await consumer.consume({
    topics: ['outage'],
    groupId: 'outage-service',
    fromBeginning: true,
    maxWaitTimeMs: 200,
    retryBackoffMs: 100,
    onDeadLetter: (e) => deadLettered.push(e.offset),
    handler: (m) => void handled.push(m.value!.id),
  });
  try {
    // The consumer is fetching and failing to reach the registry; give it several attempts.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(handled, []);
    assert.deepEqual(deadLettered, []);
    server = await startRegistryServer({ port, dataDir });
    await waitFor('the record after the registry came back', () => handled.length === 1);
    assert.deepEqual(handled, ['x1']);
    assert.deepEqual(deadLettered, []);
  } finally {
    await handle.stop();
    await consumer.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  assert.equal(await committedOffset('outage-service', 'outage'), '1');
});

test('a consumer killed mid-stream (SIGKILL) is resumed from its committed offset by the next one: nothing lost', async () => {
  await createTopics('ledger');
  const producer = new SchemaRegistryKafkaService<Order>({
    client,
    valueSerializer: new AvroSerializer(registry.client, { schema: orderV1 }),
  });
  for (let i = 0; i < 12; i++) await producer.produce('ledger', { id: `l${i}`, cents: i });
  await producer.close();

  const script = fileURLToPath(new URL('./crashing-consumer.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, broker.bootstrap, registry.url, 'ledger', 'ledger-service', '6'],
    { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, s) => resolve(s)),
  );
  assert.equal(signal, 'SIGKILL', `the child should have killed itself; stderr: ${err}`);
  const firstSeen = out.trim().split('\n');
  assert.deepEqual(firstSeen, ['l0', 'l1', 'l2', 'l3', 'l4', 'l5']);
  // Committed after each handled record (commitThreshold 1); l5 was in its handler when the process died.
  assert.equal(await committedOffset('ledger-service', 'ledger'), '5');

  const next = new SchemaRegistryKafkaService<Order>({
    client,
    valueDeserializer: new AvroDeserializer(registry.client),
  });
  const secondSeen: string[] = [];
  const handle = await next.consume({
    topics: ['ledger'],
    groupId: 'ledger-service',
    fromBeginning: true,
    sessionTimeoutMs: 6000,
    maxWaitTimeMs: 200,
    handler: (m) => void secondSeen.push(m.value!.id),
  });
  await waitFor('the rest of the ledger', () => secondSeen.length >= 7, 60_000);
  await handle.stop();
  await next.close();
  assert.deepEqual(secondSeen, ['l5', 'l6', 'l7', 'l8', 'l9', 'l10', 'l11']);
  assert.equal(await committedOffset('ledger-service', 'ledger'), '12');
});

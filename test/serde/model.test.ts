import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { defineBase, defineMessage } from '../../src/formats/zod/declare.js';
import { declarationToAvro } from '../../src/formats/zod/to-avro.js';
import { formatAvsc } from '../../src/formats/zod/write-avsc.js';
import {
  AvroDeserializer,
  JsonSchemaDeserializer,
  ModelRejectedError,
  SerdeError,
  serializerFor,
} from '../../src/serde/index.js';
import { MODEL_LOGICAL_TYPES, MODEL_LONG } from '../../src/serde/avro-logical.js';
import { registerDeclarations } from '../../src/startup/register-declarations.js';
import {
  countingRegistry,
  plain,
  rejected,
  startTestRegistry,
  thrown,
  type TestRegistry,
} from './support.js';

const Line = z.object({ sku: z.string(), price: z.number().nonnegative() });
const OrderPlaced = defineMessage({
  topic: 'orders',
  name: 'OrderPlaced',
  namespace: 'com.acme.orders',
  model: z.object({
    id: z.string(),
    at: z.date(),
    items: z.array(Line),
    note: z.string().optional(),
    currency: z.string().default('EUR'),
  }),
});

let registry: TestRegistry;
before(async () => {
  registry = await startTestRegistry();
});
after(async () => {
  await registry.close();
});

test('a model serializer registers the generated schema and writes the parsed value (defaults filled)', async () => {
  const serializer = serializerFor(OrderPlaced, registry.client);
  const at = new Date(1_700_000_000_000);
  const bytes = await serializer.serialize('orders', { id: 'o-1', at, items: [{ sku: 'a', price: 2.5 }] });
  const latest = await registry.client.getVersion('orders-value', 'latest');
  assert.equal(bytes.readInt32BE(1), latest.id);
  assert.equal(JSON.parse(latest.schema).name, 'OrderPlaced');
  const back = await new AvroDeserializer(registry.client, {
    avro: { logicalTypes: MODEL_LOGICAL_TYPES },
  }).deserialize('orders', bytes);
  assert.deepEqual(plain(back), {
    id: 'o-1',
    at: at.toISOString(),
    items: [{ sku: 'a', price: 2.5 }],
    note: null,
    currency: 'EUR',
  });
});

test('a value the model rejects fails before encoding, naming the zod issue path', async () => {
  const counting = countingRegistry(registry.client);
  const serializer = serializerFor(OrderPlaced, counting);
  const bad = { id: 'o-2', at: new Date(0), items: [{ sku: 'a', price: -1 }] };
  const error = await rejected(serializer.serialize('orders', bad));
  assert.ok(error instanceof ModelRejectedError);
  assert.ok(error instanceof SerdeError);
  assert.equal(error.reason, 'VALUE_REJECTED_BY_MODEL');
  assert.deepEqual(error.paths, ['/items/0/price']);
  assert.match(error.message, /OrderPlaced: \/items\/0\/price: /);
  // Rejected before the registry was asked: nothing to encode, nothing to register.
  assert.equal(counting.calls.register, 0);
  await serializer.prepare('orders');
  const sync = thrown(() => serializer.serializeSync('orders', bad));
  assert.ok(sync instanceof ModelRejectedError);
});

test('the value is typed by the model (compiled by tsc)', () => {
  const serializer = serializerFor(OrderPlaced, registry.client);
  const typed = () =>
    // @ts-expect-error price must be a number
    serializer.serialize('orders', { id: 'x', at: new Date(), items: [{ sku: 'a', price: '1' }] });
  const missing = () =>
    // @ts-expect-error id is required
    serializer.serialize('orders', { at: new Date(), items: [] });
  // The model's input type: `currency` has a default, so it may be left out.
  const fine = () => serializer.serialize('orders', { id: 'x', at: new Date(), items: [] });
  assert.equal(typeof typed, 'function');
  assert.equal(typeof missing, 'function');
  assert.equal(typeof fine, 'function');
});

test('a key declaration writes {topic}-key; a JSON declaration writes JSON Schema', async () => {
  const Key = defineMessage({
    topic: 'carts',
    key: true,
    name: 'CartKey',
    namespace: 'com.acme',
    model: z.object({ cart: z.string().uuid() }),
  });
  const key = await serializerFor(Key, registry.client).serialize('carts', {
    cart: '6f1c3a52-5d2e-4b8a-9f0e-1a2b3c4d5e6f',
  });
  assert.equal(key.readInt32BE(1), (await registry.client.getVersion('carts-key', 'latest')).id);
  const keyError = await rejected(serializerFor(Key, registry.client).serialize('carts', { cart: 'nope' }));
  assert.ok(keyError instanceof ModelRejectedError);
  assert.deepEqual(keyError.paths, ['/cart']);

  const Json = defineMessage({
    topic: 'events',
    name: 'Event',
    namespace: 'com.acme',
    format: 'json',
    model: z.object({ kind: z.enum(['A', 'B']), count: z.number().int() }),
  });
  const bytes = await serializerFor(Json, registry.client).serialize('events', { kind: 'A', count: 3 });
  const latest = await registry.client.getVersion('events-value', 'latest');
  assert.equal(latest.schemaType, 'JSON');
  assert.deepEqual(await new JsonSchemaDeserializer(registry.client).deserialize('events', bytes), {
    kind: 'A',
    count: 3,
  });
});

test('a model using a shared base refers to it by name, as the generated file does', async () => {
  const EnvelopeModel = z.object({ event_id: z.string() });
  const Envelope = defineBase({ model: EnvelopeModel, name: 'Envelope', namespace: 'com.acme' });
  const Shipped = defineMessage({
    topic: 'shipped',
    name: 'Shipped',
    namespace: 'com.acme',
    model: z.object({ base: EnvelopeModel, parcel: z.string() }),
  });
  const baseText = formatAvsc(declarationToAvro(Envelope).schema);
  await registry.client.register('com.acme.Envelope', { schema: baseText });
  const serializer = serializerFor(Shipped, registry.client, {
    bases: [Envelope],
    references: [{ name: 'com.acme.Envelope', subject: 'com.acme.Envelope', version: 1 }],
  });
  const bytes = await serializer.serialize('shipped', { base: { event_id: 'e' }, parcel: 'p' });
  const latest = await registry.client.getVersion('shipped-value', 'latest');
  // The base is a name, not an inlined record (the registry stores its own canonical text).
  const fields = (JSON.parse(latest.schema) as { fields: Array<{ type: unknown }> }).fields;
  assert.equal(fields[0]?.type, 'Envelope');
  assert.deepEqual(latest.references, [
    { name: 'com.acme.Envelope', subject: 'com.acme.Envelope', version: 1 },
  ]);
  assert.deepEqual(plain(await new AvroDeserializer(registry.client).deserialize('shipped', bytes)), {
    base: { event_id: 'e' },
    parcel: 'p',
  });
});

test("the model's own values are written: bigint and number longs, any Uint8Array as bytes, Date", async () => {
  const Blob = defineMessage({
    topic: 'blobs',
    name: 'Blob',
    namespace: 'com.acme',
    model: z.object({
      size: z.bigint(),
      offset: z.int64(),
      count: z.uint32(),
      data: z.instanceof(Uint8Array),
      at: z.date(),
    }),
  });
  const value = {
    size: 9007199254740993n,
    offset: -5n,
    count: 2 ** 32 - 1,
    data: new Uint8Array([1, 2, 255]),
    at: new Date(1000),
  };
  const bytes = await serializerFor(Blob, registry.client).serialize('blobs', value);
  const back = (await new AvroDeserializer(registry.client, {
    avro: { logicalTypes: MODEL_LOGICAL_TYPES, registry: { long: MODEL_LONG } },
  }).deserialize('blobs', bytes)) as Record<string, unknown>;
  assert.deepEqual(
    { ...back, data: [...(back.data as Uint8Array)] },
    { size: 9007199254740993n, offset: -5, count: 2 ** 32 - 1, data: [1, 2, 255], at: new Date(1000) },
  );
});

test('with the schemas registered (publish, or registerDeclarations), useLatestVersion writes with the latest version', async () => {
  const StampModel = z.object({ at: z.date() });
  const Stamp = defineBase({ model: StampModel, name: 'Stamp', namespace: 'com.acme.latest' });
  const Ping = defineMessage({
    topic: 'pings',
    name: 'Ping',
    namespace: 'com.acme.latest',
    model: z.object({ stamp: StampModel, n: z.int() }),
  });
  const report = await registerDeclarations(registry.client, [Stamp, Ping]);
  assert.equal(report.registered, 2, JSON.stringify(report.errors));
  const counting = countingRegistry(registry.client);
  const serializer = serializerFor(Ping, counting, { useLatestVersion: true });
  const bytes = await serializer.serialize('pings', { stamp: { at: new Date(5) }, n: 1 });
  assert.equal(counting.calls.register, 0);
  assert.equal(bytes.readInt32BE(1), (await registry.client.getVersion('pings-value', 'latest')).id);
  const back = await new AvroDeserializer(registry.client, {
    avro: { logicalTypes: MODEL_LOGICAL_TYPES },
  }).deserialize('pings', bytes);
  assert.deepEqual(plain(back), { stamp: { at: new Date(5).toISOString() }, n: 1 });
  const refused = await rejected(serializer.serialize('pings', { stamp: { at: new Date(5) }, n: 1.5 }));
  assert.ok(refused instanceof ModelRejectedError);
  assert.deepEqual(refused.paths, ['/n']);
});

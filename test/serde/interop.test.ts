// Interop with Confluent's own JavaScript serdes (@confluentinc/schemaregistry), both ways, against the same
// registry (ours, over real HTTP).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  AvroDeserializer as ConfluentAvroDeserializer,
  AvroSerializer as ConfluentAvroSerializer,
  JsonDeserializer as ConfluentJsonDeserializer,
  JsonSerializer as ConfluentJsonSerializer,
  SchemaRegistryClient as ConfluentClient,
  SerdeType,
} from '@confluentinc/schemaregistry';
import {
  AvroDeserializer,
  AvroSerializer,
  JsonSchemaDeserializer,
  JsonSchemaSerializer,
} from '../../src/serde/index.js';
import { plain, startTestRegistry, type TestRegistry } from './support.js';

const payment = {
  type: 'record',
  name: 'Payment',
  namespace: 'com.acme',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'cents', type: 'long' },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'method', type: { type: 'enum', name: 'Method', symbols: ['CARD', 'CASH'] } },
    { name: 'memo', type: ['null', 'string'], default: null },
  ],
};
const paymentV2 = {
  ...payment,
  fields: [...payment.fields, { name: 'country', type: 'string', default: 'CH' }],
};
const value = { id: 'p-1', cents: 1234, tags: ['a', 'b'], method: 'CARD', memo: null };

const order = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Order',
  type: 'object',
  properties: { id: { type: 'string' }, qty: { type: 'integer' } },
  required: ['id'],
};

let registry: TestRegistry;
let confluent: ConfluentClient;
before(async () => {
  registry = await startTestRegistry();
  confluent = new ConfluentClient({ baseURLs: [registry.url] });
});
after(async () => {
  await registry.close();
});

test('Avro: ours writes, Confluent reads', async () => {
  const bytes = await new AvroSerializer(registry.client, { schema: payment }).serialize('pay-ours', value);
  const theirs = new ConfluentAvroDeserializer(confluent, SerdeType.VALUE, {});
  assert.deepEqual(plain(await theirs.deserialize('pay-ours', bytes)), value);
});

test('Avro: Confluent writes, ours reads (also through a v2 reader)', async () => {
  await registry.client.register('pay-theirs-value', { schema: JSON.stringify(payment) });
  const theirs = new ConfluentAvroSerializer(confluent, SerdeType.VALUE, { useLatestVersion: true });
  const bytes = await theirs.serialize('pay-theirs', value);
  assert.equal(bytes[0], 0);
  assert.deepEqual(
    plain(await new AvroDeserializer(registry.client).deserialize('pay-theirs', bytes)),
    value,
  );
  assert.deepEqual(
    plain(
      await new AvroDeserializer(registry.client, { readerSchema: paymentV2 }).deserialize(
        'pay-theirs',
        bytes,
      ),
    ),
    {
      ...value,
      country: 'CH',
    },
  );
});

test('Avro: the same value gives byte-identical frames from both serializers', async () => {
  await registry.client.register('pay-same-value', { schema: JSON.stringify(payment) });
  const ours = await new AvroSerializer(registry.client, { useLatestVersion: true }).serialize(
    'pay-same',
    value,
  );
  const theirs = await new ConfluentAvroSerializer(confluent, SerdeType.VALUE, {
    useLatestVersion: true,
  }).serialize('pay-same', value);
  assert.equal(ours.toString('hex'), theirs.toString('hex'));
});

test('Avro keys: Confluent auto-registers under {topic}-key, ours reads', async () => {
  const theirs = new ConfluentAvroSerializer(confluent, SerdeType.KEY, { autoRegisterSchemas: true });
  const bytes = await theirs.serialize('pay-keys', 'key-7');
  assert.equal((await registry.client.getVersion('pay-keys-key', 'latest')).version, 1);
  assert.equal(
    await new AvroDeserializer(registry.client, { role: 'key' }).deserialize('pay-keys', bytes),
    'key-7',
  );
});

test('JSON Schema: ours writes, Confluent reads; Confluent writes, ours reads', async () => {
  const doc = { id: 'o-1', qty: 3 };
  const ours = await new JsonSchemaSerializer(registry.client, { schema: order }).serialize(
    'orders-json',
    doc,
  );
  const theirsReader = new ConfluentJsonDeserializer(confluent, SerdeType.VALUE, {});
  assert.deepEqual(await theirsReader.deserialize('orders-json', ours), doc);

  const theirsWriter = new ConfluentJsonSerializer(confluent, SerdeType.VALUE, { useLatestVersion: true });
  const theirs = await theirsWriter.serialize('orders-json', { id: 'o-2', qty: 5 });
  assert.equal(theirs.readInt32BE(1), ours.readInt32BE(1));
  assert.deepEqual(await new JsonSchemaDeserializer(registry.client).deserialize('orders-json', theirs), {
    id: 'o-2',
    qty: 5,
  });
});

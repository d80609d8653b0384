import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import avro from 'avsc';
import {
  AvroDeserializer,
  AvroSerializer,
  PayloadMismatchError,
  SerdeError,
  UnknownMagicByteError,
  UnknownSchemaIdError,
} from '../../src/serde/index.js';
import {
  countingRegistry,
  plain,
  rejected,
  startTestRegistry,
  thrown,
  type TestRegistry,
} from './support.js';

const orderV1 = {
  type: 'record',
  name: 'Order',
  namespace: 'com.acme',
  fields: [
    { name: 'id', type: 'int' },
    { name: 'name', type: 'string' },
  ],
};
const orderV2 = {
  ...orderV1,
  fields: [
    ...orderV1.fields,
    { name: 'currency', type: 'string', default: 'EUR' },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

let registry: TestRegistry;
before(async () => {
  registry = await startTestRegistry();
});
after(async () => {
  await registry.close();
});

test('serialize registers under {topic}-value and writes header + Avro binary (golden bytes)', async () => {
  const serializer = new AvroSerializer(registry.client, { schema: orderV1 });
  const bytes = await serializer.serialize('golden', { id: 1, name: 'hi' });
  const latest = await registry.client.getVersion('golden-value', 'latest');
  assert.equal(latest.version, 1);
  const id = latest.id.toString(16).padStart(8, '0');
  assert.equal(bytes.toString('hex'), `00${id}02046869`);
  const deserializer = new AvroDeserializer(registry.client);
  assert.deepEqual(plain(await deserializer.deserialize('golden', bytes)), { id: 1, name: 'hi' });
});

test('keys register under {topic}-key', async () => {
  const serializer = new AvroSerializer(registry.client, { schema: '"string"', role: 'key' });
  const bytes = await serializer.serialize('keyed', 'k-1');
  const latest = await registry.client.getVersion('keyed-key', 'latest');
  assert.equal(bytes.readInt32BE(1), latest.id);
  assert.equal(
    await new AvroDeserializer(registry.client, { role: 'key' }).deserialize('keyed', bytes),
    'k-1',
  );
});

test('one registry call per topic; the sync path works once prepared and refuses before', async () => {
  const counting = countingRegistry(registry.client);
  const serializer = new AvroSerializer<{ id: number; name: string }>(counting, { schema: orderV1 });
  const notReady = thrown(() => serializer.serializeSync('sync-topic', { id: 1, name: 'a' }));
  assert.ok(notReady instanceof SerdeError);
  assert.equal(notReady.reason, 'NOT_READY');
  const { subject, schemaId } = await serializer.prepare('sync-topic');
  assert.equal(subject, 'sync-topic-value');
  const frames = [];
  for (let i = 0; i < 50; i++) frames.push(serializer.serializeSync('sync-topic', { id: i, name: `n${i}` }));
  frames.push(await serializer.serialize('sync-topic', { id: 50, name: 'n50' }));
  assert.equal(counting.calls.register, 1);
  assert.ok(frames.every((f) => f.readInt32BE(1) === schemaId));

  const deserializer = new AvroDeserializer(counting);
  const first = await deserializer.deserialize('sync-topic', frames[0]!);
  assert.deepEqual(plain(first), { id: 0, name: 'n0' });
  for (let i = 1; i < frames.length; i++) {
    assert.deepEqual(plain(deserializer.deserializeSync('sync-topic', frames[i]!)), { id: i, name: `n${i}` });
  }
  assert.equal(counting.calls.getSchemaById, 1);
});

test('concurrent first calls share one registration', async () => {
  const counting = countingRegistry(registry.client);
  const serializer = new AvroSerializer(counting, { schema: orderV1 });
  const frames = await Promise.all(
    Array.from({ length: 20 }, (_, i) => serializer.serialize('concurrent', { id: i, name: 'x' })),
  );
  assert.equal(counting.calls.register, 1);
  assert.equal(new Set(frames.map((f) => f.readInt32BE(1))).size, 1);
});

test('old data is read with the new reader schema (defaults filled), new data too; one resolver per writer id', async () => {
  const v1 = new AvroSerializer(registry.client, { schema: orderV1 });
  const v2 = new AvroSerializer(registry.client, { schema: orderV2 });
  const old = await v1.serialize('evolve', { id: 1, name: 'old' });
  const fresh = await v2.serialize('evolve', { id: 2, name: 'new', currency: 'USD', note: 'hello' });
  assert.notEqual(old.readInt32BE(1), fresh.readInt32BE(1));
  const counting = countingRegistry(registry.client);
  const reader = new AvroDeserializer(counting, { readerSchema: orderV2 });
  assert.deepEqual(plain(await reader.deserialize('evolve', old)), {
    id: 1,
    name: 'old',
    currency: 'EUR',
    note: null,
  });
  assert.deepEqual(plain(await reader.deserialize('evolve', fresh)), {
    id: 2,
    name: 'new',
    currency: 'USD',
    note: 'hello',
  });
  for (let i = 0; i < 10; i++) {
    assert.deepEqual(plain(reader.deserializeSync('evolve', old)), {
      id: 1,
      name: 'old',
      currency: 'EUR',
      note: null,
    });
  }
  assert.equal(counting.calls.getSchemaById, 2);
  // And the reverse: new data read with the old reader drops the added fields.
  const oldReader = new AvroDeserializer(registry.client, { readerSchema: JSON.stringify(orderV1) });
  assert.deepEqual(plain(await oldReader.deserialize('evolve', fresh)), { id: 2, name: 'new' });
});

test('a reader the writer cannot be resolved to is INCOMPATIBLE_READER', async () => {
  const bytes = await new AvroSerializer(registry.client, { schema: orderV1 }).serialize('incompat', {
    id: 1,
    name: 'a',
  });
  const reader = new AvroDeserializer(registry.client, {
    readerSchema: { ...orderV1, fields: [...orderV1.fields, { name: 'required', type: 'long' }] },
  });
  const error = await rejected(reader.deserialize('incompat', bytes, { partition: 0, offset: '5' }));
  assert.ok(error instanceof SerdeError);
  assert.equal(error.reason, 'INCOMPATIBLE_READER');
  assert.equal(error.offset, '5');
});

test('useLatestVersion writes with the subject latest version; autoRegister off looks the schema up', async () => {
  await registry.client.register('latest-value', { schema: JSON.stringify(orderV1) });
  const v2 = await registry.client.register('latest-value', { schema: JSON.stringify(orderV2) });
  const counting = countingRegistry(registry.client);
  const latest = new AvroSerializer(counting, { useLatestVersion: true });
  const bytes = await latest.serialize('latest', { id: 7, name: 'x', currency: 'CHF', note: null });
  assert.equal(bytes.readInt32BE(1), v2.id);
  assert.equal(counting.calls.getVersion, 1);
  assert.equal(counting.calls.register, 0);

  const lookedUp = new AvroSerializer(counting, { schema: orderV1, autoRegister: false });
  const v1bytes = await lookedUp.serialize('latest', { id: 1, name: 'y' });
  assert.equal(counting.calls.lookup, 1);
  assert.equal(counting.calls.register, 0);
  const v1 = await registry.client.getVersion('latest-value', 1);
  assert.equal(v1bytes.readInt32BE(1), v1.id);

  const missing = new AvroSerializer(registry.client, {
    schema: { ...orderV1, name: 'Unregistered' },
    autoRegister: false,
  });
  const error = await rejected(missing.serialize('latest', { id: 1, name: 'z' }));
  assert.ok(error instanceof SerdeError);
  assert.equal(error.reason, 'REGISTRY_FAILURE');
  assert.equal(error.retryable, false);
  assert.equal(error.subject, 'latest-value');
});

test('useSchemaId writes with that id', async () => {
  const { id } = await registry.client.register('fixed-id-value', { schema: JSON.stringify(orderV1) });
  const serializer = new AvroSerializer(registry.client, { useSchemaId: id });
  const bytes = await serializer.serialize('anything', { id: 3, name: 'c' });
  assert.equal(bytes.readInt32BE(1), id);
});

test('normalize is passed to register and to lookup', async () => {
  const counting = countingRegistry(registry.client);
  await new AvroSerializer(counting, { schema: orderV1, normalize: true }).serialize('norm', {
    id: 1,
    name: 'a',
  });
  assert.deepEqual(counting.args.register?.[2], { normalize: true });
  await new AvroSerializer(counting, { schema: orderV1, normalize: true, autoRegister: false }).serialize(
    'norm',
    { id: 1, name: 'a' },
  );
  assert.deepEqual(counting.args.lookup?.[2], { normalize: true });
  await new AvroSerializer(counting, { schema: orderV1 }).serialize('norm', { id: 1, name: 'a' });
  assert.deepEqual(counting.args.register?.[2], {});
});

test('record and topic-record strategies name the subject after the record', async () => {
  await new AvroSerializer(registry.client, { schema: orderV1, subjectNameStrategy: 'record' }).serialize(
    't1',
    { id: 1, name: 'a' },
  );
  await new AvroSerializer(registry.client, {
    schema: orderV1,
    subjectNameStrategy: 'topic-record',
  }).serialize('t1', { id: 1, name: 'a' });
  await new AvroSerializer(registry.client, {
    schema: orderV1,
    subjectNameStrategy: (topic) => `custom.${topic}`,
  }).serialize('t1', {
    id: 1,
    name: 'a',
  });
  for (const subject of ['com.acme.Order', 't1-com.acme.Order', 'custom.t1']) {
    assert.equal((await registry.client.getVersion(subject, 'latest')).version, 1, subject);
  }
  const error = await rejected(
    new AvroSerializer(registry.client, { schema: '"string"', subjectNameStrategy: 'record' }).serialize(
      't1',
      'x',
    ),
  );
  assert.ok(error instanceof SerdeError);
  assert.equal(error.reason, 'NO_SUBJECT');
});

test('a top-level "bytes" schema is written and read raw, without the Avro length prefix', async () => {
  const serializer = new AvroSerializer<Buffer>(registry.client, { schema: '"bytes"' });
  const payload = Buffer.from([1, 2, 3, 250]);
  const bytes = await serializer.serialize('raw', payload);
  assert.equal(bytes.subarray(5).toString('hex'), '010203fa');
  assert.equal(bytes.length, 9);
  const read = await new AvroDeserializer<Buffer>(registry.client).deserialize('raw', bytes);
  assert.ok(Buffer.isBuffer(read));
  assert.equal(read.toString('hex'), '010203fa');
  const asString = await new AvroDeserializer(registry.client, { readerSchema: '"string"' }).deserialize(
    'raw',
    await serializer.serialize('raw', Buffer.from('héllo')),
  );
  assert.equal(asString, 'héllo');
  const error = await rejected(serializer.serialize('raw', 'not bytes' as unknown as Buffer));
  assert.ok(error instanceof PayloadMismatchError);
});

test('a value that does not match the schema is a PayloadMismatchError naming the field', async () => {
  const serializer = new AvroSerializer(registry.client, { schema: orderV1 });
  const error = await rejected(serializer.serialize('bad-value', { id: 'seven', name: 'x' }));
  assert.ok(error instanceof PayloadMismatchError);
  assert.equal(error.reason, 'PAYLOAD_MISMATCH');
  assert.deepEqual(error.paths, ['id']);
  assert.match(
    error.message,
    /value does not match the Avro schema \(id \d+\): id: expected int.*topic bad-value/,
  );
  const missing = await rejected(serializer.serialize('bad-value', { id: 1 }));
  assert.ok(missing instanceof PayloadMismatchError);
  assert.deepEqual(missing.paths, ['name']);
});

test('large values grow the scratch buffer and still encode exactly', async () => {
  const serializer = new AvroSerializer(registry.client, { schema: orderV1 });
  const name = 'x'.repeat(100_000);
  const bytes = await serializer.serialize('large', { id: 1, name });
  const expected = avro.Type.forSchema(orderV1 as avro.Schema).toBuffer({ id: 1, name });
  assert.equal(bytes.subarray(5).toString('hex'), expected.toString('hex'));
  const small = await serializer.serialize('large', { id: 2, name: 'y' });
  assert.equal(small.length, 5 + 1 + 2);
});

test('decoding errors: unknown magic byte, unknown id, truncated and trailing bytes, wrong schema type', async () => {
  const deserializer = new AvroDeserializer(registry.client);
  const context = { partition: 2, offset: '41' };
  const magic = await rejected(deserializer.deserialize('errs', Buffer.from([1, 0, 0, 0, 1, 2]), context));
  assert.ok(magic instanceof UnknownMagicByteError);
  assert.equal(magic.topic, 'errs');
  assert.equal(magic.partition, 2);
  assert.equal(magic.offset, '41');

  const unknown = await rejected(
    deserializer.deserialize('errs', Buffer.from([0, 0, 0, 0x7f, 0xff, 2]), context),
  );
  assert.ok(unknown instanceof UnknownSchemaIdError);
  assert.equal(unknown.schemaId, 0x7fff);
  assert.equal(unknown.retryable, false);
  assert.match(
    unknown.message,
    /schema id 32767 is not known to the registry \(topic errs, partition 2, offset 41, value\)/,
  );

  const good = await new AvroSerializer(registry.client, { schema: orderV1 }).serialize('errs', {
    id: 1,
    name: 'abc',
  });
  const truncated = await rejected(
    deserializer.deserialize('errs', good.subarray(0, good.length - 1), context),
  );
  assert.ok(truncated instanceof PayloadMismatchError);
  assert.match(truncated.message, /truncated/);
  const trailing = await rejected(
    deserializer.deserialize('errs', Buffer.concat([good, Buffer.from([0])]), context),
  );
  assert.ok(trailing instanceof PayloadMismatchError);
  assert.match(trailing.message, /1 trailing byte/);

  const { id } = await registry.client.register('json-subject', {
    schemaType: 'JSON',
    schema: '{"type":"object"}',
  });
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  const wrongType = await rejected(
    deserializer.deserialize('errs', Buffer.concat([header, Buffer.from('{}')]), context),
  );
  assert.ok(wrongType instanceof SerdeError);
  assert.equal(wrongType.reason, 'WRONG_SCHEMA_TYPE');
});

test('an unreachable registry is a retryable REGISTRY_FAILURE, not a bad message', async () => {
  const down = await startTestRegistry();
  const bytes = await new AvroSerializer(down.client, { schema: orderV1 }).serialize('down', {
    id: 1,
    name: 'a',
  });
  await down.close();
  const error = await rejected(new AvroDeserializer(down.client).deserialize('down', bytes));
  assert.ok(error instanceof SerdeError);
  assert.equal(error.reason, 'REGISTRY_FAILURE');
  assert.equal(error.retryable, true);
});

test('schema references: a writer schema using a named type from another subject', async () => {
  const money = {
    type: 'record',
    name: 'Money',
    namespace: 'com.acme',
    fields: [
      { name: 'cents', type: 'long' },
      { name: 'currency', type: 'string' },
    ],
  };
  const moneyVersion = await registry.client.register('com.acme.Money', { schema: JSON.stringify(money) });
  const invoice = {
    type: 'record',
    name: 'Invoice',
    namespace: 'com.acme',
    fields: [{ name: 'total', type: 'com.acme.Money' }],
  };
  const references = [
    { name: 'com.acme.Money', subject: 'com.acme.Money', version: moneyVersion.version ?? 1 },
  ];
  const serializer = new AvroSerializer(registry.client, {
    schema: invoice,
    references,
    subjectNameStrategy: 'record',
  });
  const bytes = await serializer.serialize('invoices', { total: { cents: 1999, currency: 'EUR' } });
  const stored = await registry.client.getVersion('com.acme.Invoice', 'latest');
  assert.deepEqual(stored.references, references);
  const read = await new AvroDeserializer(registry.client).deserialize('invoices', bytes);
  assert.deepEqual(plain(read), { total: { cents: 1999, currency: 'EUR' } });
});

test('options without a schema are refused up front', () => {
  const error = thrown(() => new AvroSerializer(registry.client, {}));
  assert.ok(error instanceof SerdeError);
  assert.equal(error.reason, 'NO_SUBJECT');
  const invalid = thrown(
    () =>
      new AvroSerializer(registry.client, {
        schema: { type: 'record', name: 'X', fields: [{ name: 'a', type: 'nope' }] },
      }),
  );
  assert.ok(invalid instanceof SerdeError);
  assert.equal(invalid.reason, 'INVALID_SCHEMA');
});

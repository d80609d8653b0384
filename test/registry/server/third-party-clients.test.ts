import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AvroDeserializer,
  AvroSerializer,
  Compatibility,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { startTestRegistry, type TestRegistry } from './support.js';

const USER_V1 = JSON.stringify({
  type: 'record',
  name: 'User',
  namespace: 'com.acme',
  fields: [
    { name: 'name', type: 'string' },
    { name: 'age', type: 'int' },
  ],
});
const USER_V2 = JSON.stringify({
  type: 'record',
  name: 'User',
  namespace: 'com.acme',
  fields: [
    { name: 'name', type: 'string' },
    { name: 'age', type: 'int' },
    { name: 'email', type: ['null', 'string'], default: null },
  ],
});
const USER_BAD = JSON.stringify({
  type: 'record',
  name: 'User',
  namespace: 'com.acme',
  fields: [
    { name: 'name', type: 'string' },
    { name: 'phone', type: 'string' },
  ],
});

/** The schema id in a Confluent-framed message: magic byte 0, then a big-endian int32. */
function framedId(buf: Buffer): number {
  assert.equal(buf[0], 0);
  return buf.readInt32BE(1);
}

// Both response shapes: 7.9 (default) and 8.x (`--shapes 8`).
for (const shapes of ['7', '8'] as const) {
  describe(`@confluentinc/schemaregistry against registry serve (${shapes}.x shapes)`, () => {
    let r: TestRegistry;
    let client: SchemaRegistryClient;
    before(async () => {
      r = await startTestRegistry({ shapes });
      client = new SchemaRegistryClient({ baseURLs: [r.url], maxRetries: 0 });
    });
    after(async () => {
      await client.close();
      await r.stop();
    });

    it('register, id, latest, versions, compatibility, config, deletes', async () => {
      const id1 = await client.register('users-value', { schemaType: 'AVRO', schema: USER_V1 });
      assert.equal(id1, 1);
      assert.equal(await client.getId('users-value', { schemaType: 'AVRO', schema: USER_V1 }), 1);
      assert.equal(
        await client.testSubjectCompatibility('users-value', { schemaType: 'AVRO', schema: USER_V2 }),
        true,
      );
      assert.equal(
        await client.testCompatibility('users-value', 1, { schemaType: 'AVRO', schema: USER_BAD }),
        false,
      );
      await assert.rejects(
        client.register('users-value', { schemaType: 'AVRO', schema: USER_BAD }),
        (e: Error & { status?: number }) => {
          assert.equal(e.status, 409);
          return true;
        },
      );
      const id2 = await client.register('users-value', { schemaType: 'AVRO', schema: USER_V2 });
      assert.equal(id2, 2);
      const latest = await client.getLatestSchemaMetadata('users-value');
      assert.deepEqual([latest.id, latest.version, latest.schema], [2, 2, USER_V2]);
      assert.deepEqual(await client.getAllVersions('users-value'), [1, 2]);
      assert.deepEqual(await client.getAllSubjects(), ['users-value']);
      assert.equal((await client.getBySubjectAndId('users-value', 1)).schema, USER_V1);
      assert.equal(await client.getVersion('users-value', { schemaType: 'AVRO', schema: USER_V1 }), 1);

      assert.equal(await client.updateCompatibility('users-value', Compatibility.FULL), Compatibility.FULL);
      assert.equal(await client.getCompatibility('users-value'), Compatibility.FULL);
      assert.equal(await client.updateDefaultCompatibility(Compatibility.NONE), Compatibility.NONE);
      assert.equal(await client.getDefaultCompatibility(), Compatibility.NONE);
      const config = await client.getConfig('users-value');
      assert.equal(config.compatibilityLevel, Compatibility.FULL);

      assert.equal(await client.deleteSubjectVersion('users-value', 2, false), 2);
      assert.deepEqual(await client.deleteSubject('users-value', false), [1]);
      assert.deepEqual(await client.deleteSubject('users-value', true), [1, 2]);
      assert.deepEqual(await client.getAllSubjects(), []);
    });

    it('an association probe (8.x API) gets a 404 with an error body, and the client keeps working', async () => {
      await assert.rejects(
        client.getAssociationsByResourceName('orders', 'lkc-1', null, [], null, 0, -1),
        (e: Error & { status?: number; errorCode?: number }) => {
          assert.equal(e.status, 404);
          assert.equal(e.errorCode, 404);
          return true;
        },
      );
      assert.deepEqual(await client.getAllSubjects(), []);
    });

    it('their AvroSerializer encodes, our server resolves the id, their AvroDeserializer decodes', async () => {
      const reg = new SchemaRegistryClient({ baseURLs: [r.url], maxRetries: 0 });
      try {
        const id = await reg.register('orders-value', { schemaType: 'AVRO', schema: USER_V2 });
        const ser = new AvroSerializer(reg, SerdeType.VALUE, { useLatestVersion: true });
        const bytes = await ser.serialize('orders', { name: 'Ada', age: 36, email: 'ada@example.org' });
        assert.equal(framedId(bytes), id);
        const ours = await r.call('GET', `/schemas/ids/${id}`);
        assert.equal((ours.body as { schema: string }).schema, USER_V2);

        // A fresh client, so that the deserializer really asks the server for the id.
        const other = new SchemaRegistryClient({ baseURLs: [r.url], maxRetries: 0 });
        const de = new AvroDeserializer(other, SerdeType.VALUE, {});
        assert.deepEqual(
          { ...(await de.deserialize('orders', bytes)) },
          { name: 'Ada', age: 36, email: 'ada@example.org' },
        );
        await other.close();

        const auto = new AvroSerializer(reg, SerdeType.VALUE, { autoRegisterSchemas: true });
        const autoBytes = await auto.serialize('clicks', { page: '/home', count: 3 });
        const autoId = framedId(autoBytes);
        const versions = await r.call('GET', `/schemas/ids/${autoId}/versions`);
        assert.deepEqual(versions.body, [{ subject: 'clicks-value', version: 1 }]);
      } finally {
        await reg.close();
      }
    });
  });
}

describe('@kafkajs/confluent-schema-registry against registry serve', () => {
  let r: TestRegistry;
  let registry: SchemaRegistry;
  before(async () => {
    r = await startTestRegistry();
    registry = new SchemaRegistry({ host: r.url, retry: { retries: 0 } });
  });
  after(async () => {
    await r.stop();
  });

  it('register (setting the level on first use), latest id, id by version, lookup, encode and decode', async () => {
    const { id } = await registry.register(
      { type: SchemaType.AVRO, schema: USER_V1 },
      { subject: 'people-value' },
    );
    assert.equal(id, 1);
    assert.deepEqual((await r.call('GET', '/config/people-value')).body, { compatibilityLevel: 'BACKWARD' });
    const second = await registry.register(
      { type: SchemaType.AVRO, schema: USER_V2 },
      { subject: 'people-value' },
    );
    assert.equal(second.id, 2);
    assert.equal(await registry.getLatestSchemaId('people-value'), 2);
    assert.equal(await registry.getRegistryId('people-value', 1), 1);
    assert.equal(
      await registry.getRegistryIdBySchema('people-value', { type: SchemaType.AVRO, schema: USER_V1 }),
      1,
    );
    await assert.rejects(
      registry.register({ type: SchemaType.AVRO, schema: USER_BAD }, { subject: 'people-value' }),
      /incompatible/i,
    );

    const payload = { name: 'Grace', age: 85, email: null };
    const bytes = await registry.encode(2, payload);
    assert.equal(framedId(bytes), 2);
    assert.equal(((await r.call('GET', '/schemas/ids/2')).body as { schema: string }).schema, USER_V2);
    const fresh = new SchemaRegistry({ host: r.url });
    // avsc decodes into a record class; compare the fields.
    assert.deepEqual({ ...(await fresh.decode(bytes)) }, payload);
  });

  it('JSON Schema through kafkajs: register and round trip', async () => {
    const schema = JSON.stringify({
      type: 'object',
      properties: { sku: { type: 'string' } },
      required: ['sku'],
    });
    const { id } = await registry.register({ type: SchemaType.JSON, schema }, { subject: 'items-value' });
    const ours = (await r.call('GET', `/schemas/ids/${id}`)).body as { schemaType: string; schema: string };
    assert.deepEqual(ours, { schemaType: 'JSON', schema });
    const bytes = await registry.encode(id, { sku: 'A-1' });
    assert.deepEqual(await new SchemaRegistry({ host: r.url }).decode(bytes), { sku: 'A-1' });
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RegistryError, SchemaRegistryClient } from '../../../src/registry/client/index.js';
import { startTestRegistry, type TestRegistry } from '../server/support.js';

const record = (name: string, fields: { name: string; type: unknown; default?: unknown }[]): string =>
  JSON.stringify({ type: 'record', name, namespace: 'com.example', fields });

// On the file log, or on Kafka when SCHEMAGATE_TEST_KAFKA is set (test/registry/kafka/conformance-on-kafka).
let server: TestRegistry;
let client: SchemaRegistryClient;

before(async () => {
  server = await startTestRegistry();
  client = new SchemaRegistryClient({ url: server.url, retries: 1, retryDelayMs: 1 });
});
after(async () => {
  await server.stop();
});

async function rejects(p: Promise<unknown>, status: number, errorCode: number): Promise<void> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  assert.ok(e instanceof RegistryError, `expected a RegistryError, got ${String(e)}`);
  assert.equal(e.status, status);
  assert.equal(e.errorCode, errorCode);
}

describe('SchemaRegistryClient against `registry serve` over HTTP', () => {
  const v1 = record('Customer', [{ name: 'id', type: 'string' }]);
  const v2 = record('Customer', [
    { name: 'id', type: 'string' },
    { name: 'email', type: ['null', 'string'], default: null },
  ]);

  it('registers, is idempotent, looks up, and reads by id, version and latest', async () => {
    const r1 = await client.register('customer-value', { schema: v1 });
    assert.deepEqual(r1, { id: r1.id, version: 1 });
    assert.deepEqual(await client.register('customer-value', { schema: v1 }), r1);
    const r2 = await client.register('customer-value', { schema: v2 });
    assert.equal(r2.version, 2);
    assert.notEqual(r2.id, r1.id);

    const found = await client.lookup('customer-value', { schema: v1 });
    assert.equal(found.version, 1);
    assert.equal(found.id, r1.id);
    assert.equal(JSON.parse(found.schema).name, 'Customer');

    assert.equal((await client.getSchemaById(r2.id)).schemaType, 'AVRO');
    assert.equal((await client.getVersion('customer-value', 1)).id, r1.id);
    assert.equal((await client.getLatest('customer-value')).version, 2);
    assert.deepEqual(await client.listSubjects(), ['customer-value']);
    assert.deepEqual(await client.listVersions('customer-value'), [1, 2]);
  });

  it('answers the registry error codes for what is missing', async () => {
    await rejects(client.getLatest('nope'), 404, 40401);
    await rejects(client.getVersion('customer-value', 9), 404, 40402);
    await rejects(client.getSchemaById(9999), 404, 40403);
    await rejects(client.lookup('customer-value', { schema: record('Other', []) }), 404, 40403);
  });

  it('compatibility against latest and against all, verbose', async () => {
    const ok = await client.testCompatibility('customer-value', { schema: v2 }, { version: 'latest' });
    assert.equal(ok.isCompatible, true);
    const all = await client.testCompatibility('customer-value', { schema: v2 });
    assert.equal(all.isCompatible, true);
    assert.deepEqual(all.messages, []);
  });

  it('config and mode, global and per subject', async () => {
    assert.deepEqual(await client.getConfig(), { compatibilityLevel: 'BACKWARD' });
    assert.equal(await client.getConfig('customer-value'), undefined);
    await client.setConfig('FULL', 'customer-value');
    assert.deepEqual(await client.getConfig('customer-value'), { compatibilityLevel: 'FULL' });
    assert.equal(await client.getMode(), 'READWRITE');
    assert.equal(await client.getMode('customer-value'), undefined);
    await client.setMode('READONLY', 'customer-value');
    assert.equal(await client.getMode('customer-value'), 'READONLY');
    await rejects(
      client.register('customer-value', {
        schema: record('Customer', [{ name: 'id', type: 'string', default: 'x' }]),
      }),
      422,
      42205,
    );
    await client.setMode('READWRITE', 'customer-value');
  });

  it('soft and permanent deletes, and referenced-by', async () => {
    const base = await client.register('address-value', {
      schema: record('Address', [{ name: 'city', type: 'string' }]),
    });
    const user = await client.register('user-value', {
      schema: record('User', [{ name: 'home', type: 'com.example.Address' }]),
      references: [{ name: 'com.example.Address', subject: 'address-value', version: 1 }],
    });
    assert.deepEqual(await client.referencedBy('address-value', 1), [user.id]);
    await rejects(client.deleteSubject('address-value'), 422, 42206);
    assert.deepEqual((await client.getSchemaById(user.id)).references, [
      { name: 'com.example.Address', subject: 'address-value', version: 1 },
    ]);
    assert.ok(base.id > 0);

    assert.equal(await client.deleteVersion('customer-value', 2), 2);
    assert.deepEqual(await client.listVersions('customer-value'), [1]);
    await rejects(client.deleteVersion('customer-value', 1, { permanent: true }), 404, 40407);
    assert.deepEqual(await client.deleteSubject('customer-value'), [1]);
    assert.deepEqual(await client.deleteSubject('customer-value', { permanent: true }), [1, 2]);
    await rejects(client.getLatest('customer-value'), 404, 40401);
  });
});

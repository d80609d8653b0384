import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTestRegistry, type Reply, type TestRegistry } from './support.js';

// Compatibility on register and through the config (registry-protocol.md §4.8). Each test names the
// method of Confluent's RestApiCompatibilityTest or RestApiTransitiveCompatibilityTest it follows.

const code = (r: Reply): unknown => (r.body as { error_code?: unknown }).error_code;
const field = (r: Reply, name: string): unknown => (r.body as Record<string, unknown>)[name];

const rec = (fields: string): string => `{"type":"record","name":"myrecord","fields":[${fields}]}`;
const F1 = '{"name":"f1","type":"string"}';
const F2 = '{"name":"f2","type":"string"}';
const F2_DEFAULT = '{"name":"f2","type":"string","default":"foo"}';
const F3 = '{"name":"f3","type":"string"}';

describe('compatibility over REST (§4.8)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  const register = (schema: string, subject = 'testSubject'): Promise<Reply> =>
    r.call('POST', `/subjects/${subject}/versions`, { schema });

  it('RestApiCompatibilityTest.testCompatibility: 409 naming the Avro incompatibility, 42201 for a non-schema, a compatible one registers', async () => {
    assert.equal(field(await register(rec(F1)), 'id'), 1);
    const refused = await register(rec(`${F1},${F2}`));
    assert.deepEqual([refused.status, code(refused)], [409, 409]);
    assert.match((refused.body as { message: string }).message, /READER_FIELD_MISSING_DEFAULT_VALUE/);
    assert.equal(code(await register('non-avro schema string')), 42201);
    assert.equal(field(await register(rec(`${F1},${F2_DEFAULT}`)), 'id'), 2);
  });

  it('RestApiCompatibilityTest.testCompatibilityLevelChangeToNone and testCompatibilityLevelChangeToBackward: the global level decides', async () => {
    assert.equal(field(await register(rec(F1)), 'id'), 1);
    assert.equal((await register(rec(`${F1},${F2}`))).status, 409);
    assert.deepEqual((await r.call('GET', '/config')).body, { compatibilityLevel: 'BACKWARD' });
    assert.deepEqual((await r.call('PUT', '/config', { compatibility: 'FORWARD' })).body, {
      compatibility: 'FORWARD',
    });
    assert.deepEqual((await r.call('GET', '/config')).body, { compatibilityLevel: 'FORWARD' });
    assert.equal(field(await register(rec(`${F1},${F2}`)), 'id'), 2);
    assert.equal((await r.call('PUT', '/config', { compatibility: 'BACKWARD' })).status, 200);
    assert.equal((await register(rec(`${F1},${F2},${F3}`))).status, 409);
    assert.equal((await r.call('PUT', '/config', { compatibility: 'NONE' })).status, 200);
    assert.equal(field(await register(rec(`${F1},${F2},${F3}`)), 'id'), 3);
  });

  it('RestApiTransitiveCompatibilityTest.testCompatibility and validateTransitiveEffect: BACKWARD_TRANSITIVE checks every version', async () => {
    assert.equal((await r.call('PUT', '/config', { compatibility: 'BACKWARD_TRANSITIVE' })).status, 200);
    assert.equal(field(await register(rec(F1)), 'id'), 1);
    assert.equal(field(await register(rec(`${F1},${F2_DEFAULT}`)), 'id'), 2);
    // Compatible with version 2 (the default is dropped), not with version 1.
    const refused = await register(rec(`${F1},${F2}`));
    assert.equal(refused.status, 409);
    assert.match((refused.body as { message: string }).message, /\{oldSchemaVersion: 1\}/);

    // Removing a default on its own is backward compatible.
    assert.equal(field(await register(rec(`${F1},${F2_DEFAULT}`), 'other'), 'id'), 2);
    assert.equal(field(await register(rec(`${F1},${F2}`), 'other'), 'id'), 3);
  });

  it('RestApiTest.testIncompatibleSchemaBySubject: latest vs all versions under FORWARD_TRANSITIVE', async () => {
    assert.equal(field(await register(rec(`${F1},${F2}`)), 'id'), 1);
    assert.equal(field(await register(rec(F1)), 'id'), 2);
    assert.equal(
      (await r.call('PUT', '/config/testSubject', { compatibility: 'FORWARD_TRANSITIVE' })).status,
      200,
    );
    const schema3 = rec(`${F1},${F3}`);
    const latest = await r.call('POST', '/compatibility/subjects/testSubject/versions/latest', {
      schema: schema3,
    });
    assert.deepEqual(latest.body, { is_compatible: true });
    const all = await r.call('POST', '/compatibility/subjects/testSubject/versions', { schema: schema3 });
    assert.deepEqual(all.body, { is_compatible: false });
    const refused = await register(schema3);
    assert.equal(code(refused), 409);
    for (const part of ['oldSchemaVersion:', 'oldSchema:', 'compatibility:'])
      assert.ok((refused.body as { message: string }).message.includes(part), part);
  });
});

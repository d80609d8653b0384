import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTestRegistry, type Reply, type TestRegistry } from './support.js';

// Register, read and look up over REST (registry-protocol.md §3, §4). Each test names the method of
// Confluent's RestApiTest it follows.

const code = (r: Reply): unknown => (r.body as { error_code?: unknown }).error_code;
const field = (r: Reply, name: string): unknown => (r.body as Record<string, unknown>)[name];
const canonical = (n: number): string =>
  `{"type":"record","name":"myrecord","fields":[{"name":"f${n}","type":"string"}]}`;

describe('RestApiTest basics', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  const register = (schema: string, subject = 'test', body: Record<string, unknown> = {}) =>
    r.call('POST', `/subjects/${subject}/versions`, { schema, ...body });

  it('RestApiTest.testRegisterSameSchemaOnDifferentSubject and testSchemaRegistrationUnderDiffSubjects: one id per schema, versions per subject', async () => {
    assert.equal(field(await register(canonical(1), 'subject1'), 'id'), 1);
    assert.equal(field(await register(canonical(1), 'subject2'), 'id'), 1);
    for (const s of ['s1', 's2'])
      assert.equal((await r.call('PUT', `/config/${s}`, { compatibility: 'NONE' })).status, 200);
    const other = '{"type":"record","name":"myrecord","fields":[{"name":"foo","type":"int"}]}';
    assert.deepEqual([field(await register(canonical(1), 's1'), 'id')], [1]);
    assert.equal(field(await r.call('POST', '/subjects/s1', { schema: canonical(1) }), 'version'), 1);
    assert.deepEqual(
      [field(await register(other, 's1'), 'id'), field(await register(other, 's1'), 'version')],
      [2, 2],
    );
    const inS2 = await register(other, 's2');
    assert.deepEqual([field(inS2, 'id'), field(inS2, 'version')], [2, 1]);
  });

  it('RestApiTest.testGetVersion, testGetVersionSchemaOnly, testGetLatestVersionSchemaOnly and testGetOnlySchemaById', async () => {
    assert.equal(field(await register(canonical(1)), 'id'), 1);
    assert.equal((await r.call('PUT', '/config/test', { compatibility: 'NONE' })).status, 200);
    assert.equal(field(await register(canonical(2)), 'id'), 2);
    assert.equal(field(await r.call('GET', '/subjects/test/versions/1'), 'schema'), canonical(1));
    assert.equal(field(await r.call('GET', '/subjects/test/versions/latest'), 'schema'), canonical(2));
    assert.equal((await r.call('GET', '/subjects/test/versions/1/schema')).text, canonical(1));
    assert.equal((await r.call('GET', '/subjects/test/versions/latest/schema')).text, canonical(2));
    // A union of one record, as String.valueOf(list) makes it in the registry's test.
    const union = `[${canonical(3)}]`;
    const reg = await register(union, 'union');
    assert.equal((await r.call('GET', `/schemas/ids/${String(field(reg, 'id'))}/schema`)).text, union);
  });

  it('RestApiTest.testGetSchemaTypes: the types this server serves', async () => {
    assert.deepEqual((await r.call('GET', '/schemas/types')).body, ['AVRO', 'JSON', 'PROTOBUF']);
  });

  it('RestApiTest.testBadFormat: an unknown format is ignored', async () => {
    assert.equal(field(await register(canonical(1)), 'id'), 1);
    assert.equal(field(await r.call('GET', '/schemas/ids/1?format=bad-format'), 'schema'), canonical(1));
  });

  it('RestApiTest.testBad, testRegisterInvalidSchemaBadType and testRegisterInvalidSchemaBadReference: 42201 and nothing registered', async () => {
    assert.deepEqual((await r.call('GET', '/subjects')).body, []);
    assert.equal(code(await register('{"type":"record","name":"x","fields":[{"name":"f"}]}')), 42201);
    assert.equal(
      code(await register('{"type":"record","name":"myrecord","fields":[{"type":"str","name":"field1"}]}')),
      42201,
    );
    const badRef = await register(canonical(1), 'test', {
      references: [{ name: 'invalid.schema', subject: 'badSubject', version: 1 }],
    });
    assert.equal(code(badRef), 42201);
    assert.deepEqual((await r.call('GET', '/subjects')).body, []);
  });

  it('RestApiTest.testRegisterSchemaWithInvalidNamespace: an invalid namespace is 42201', async () => {
    const schema =
      '{"type":"record","name":"myrecord","namespace":"a-bad.namespace","fields":[{"type":"string","name":"f"}]}';
    assert.equal(code(await register(schema, 'testSubject0')), 42201);
  });

  it('RestApiTest.testLookUpNonExistentSchemaUnderSubject: 40403', async () => {
    assert.equal(field(await register(canonical(1)), 'id'), 1);
    assert.equal(code(await r.call('POST', '/subjects/test', { schema: canonical(2) })), 40403);
  });

  it('RestApiTest.testRegisterInvalidSchemaBadType: 42201 whose message contains Avro Java\'s own ("Undefined schema: str")', async () => {
    const bad = '{"type":"record","name":"myrecord","fields":[{"type":"str","name":"field1"}]}';
    const reply = await register(bad);
    assert.equal(code(reply), 42201);
    assert.match(field(reply, 'message') as string, /Undefined schema: str/);
  });
});

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTestRegistry, type Reply, type TestRegistry } from './support.js';

// The JSON Schema provider over REST (registry-protocol.md §3, §4, §7). Each test names the method of
// Confluent's rest/json/RestApiTest it follows.

const code = (r: Reply): unknown => (r.body as { error_code?: unknown }).error_code;
const field = (r: Reply, name: string): unknown => (r.body as Record<string, unknown>)[name];

const external = (type: string, prop: string): string =>
  JSON.stringify({
    type: 'object',
    additionalProperties: false,
    definitions: {
      [type]: { type: 'object', properties: { [prop]: { type: 'string' } }, additionalProperties: false },
    },
  });
const REF_A = external('ExternalType', 'name');
const REF_B = external('ExternalType2', 'name2');

const REFERRER =
  '{"$id":"https://acme.com/referrer.json","$schema":"http://json-schema.org/draft-07/schema#",' +
  '"type":"object","properties":{"Ref":{"$ref":"ref.json#/definitions/ExternalType"}},"additionalProperties":false}';

describe('JSON Schema over REST', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  const registerJson = (subject: string, body: Record<string, unknown>, query = ''): Promise<Reply> =>
    r.call('POST', `/subjects/${subject}/versions${query}`, { schemaType: 'JSON', ...body });

  it('json RestApiTest.testSchemaReferences: $ref to another subject, found by lookup, deletes guarded', async () => {
    assert.equal(field(await registerJson('reference', { schema: REF_A }), 'id'), 1);
    const ref = { name: 'ref.json', subject: 'reference', version: 1 };
    const reg = await registerJson('referrer', { schema: REFERRER, references: [ref] });
    assert.equal(field(reg, 'id'), 2, reg.text);
    const byId = await r.call('GET', '/schemas/ids/2');
    assert.deepEqual(JSON.parse(field(byId, 'schema') as string), JSON.parse(REFERRER));
    assert.deepEqual(field(byId, 'references'), [ref]);
    assert.deepEqual((await r.call('GET', '/subjects/reference/versions/1/referencedby')).body, [2]);
    const found = await r.call('POST', '/subjects/referrer', {
      schemaType: 'JSON',
      schema: REFERRER,
      references: [ref],
    });
    assert.equal(field(found, 'id'), 2, found.text);
    assert.equal(code(await r.call('DELETE', '/subjects/reference/versions/1')), 42206);
    assert.equal((await r.call('DELETE', '/subjects/referrer/versions/1')).body, 1);
    assert.deepEqual((await r.call('GET', '/subjects/reference/versions/1/referencedby')).body, []);
    assert.equal((await r.call('DELETE', '/subjects/reference/versions/1')).body, 1);
  });

  it('json RestApiTest.testSchemaMissingReferences: a $ref that no reference provides is 42201', async () => {
    const reg = await registerJson('referrer', { schema: REFERRER, references: [] });
    assert.deepEqual([reg.status, code(reg)], [422, 42201]);
  });

  it('json RestApiTest.testSchemaNormalization: with normalize, key order and reference order do not matter', async () => {
    assert.equal(field(await registerJson('ref1', { schema: REF_A }), 'id'), 1);
    assert.equal(field(await registerJson('ref2', { schema: REF_B }), 'id'), 2);
    const ref1 = { name: 'ref1.json', subject: 'ref1', version: 1 };
    const ref2 = { name: 'ref2.json', subject: 'ref2', version: 1 };
    const one =
      '{"$id":"https://acme.com/referrer.json","$schema":"http://json-schema.org/draft-07/schema#","type":"object",' +
      '"properties":{"Ref1":{"$ref":"ref1.json#/definitions/ExternalType"},"Ref2":{"$ref":"ref2.json#/definitions/ExternalType2"}},"additionalProperties":false}';
    const two =
      '{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://acme.com/referrer.json","type":"object",' +
      '"properties":{"Ref2":{"$ref":"ref2.json#/definitions/ExternalType2"},"Ref1":{"$ref":"ref1.json#/definitions/ExternalType"}},"additionalProperties":false}';
    const reg = await registerJson(
      'testSubject1',
      { schema: one, references: [ref1, ref2] },
      '?normalize=true',
    );
    assert.equal(field(reg, 'id'), 3, reg.text);
    const found = await r.call('POST', '/subjects/testSubject1?normalize=true', {
      schemaType: 'JSON',
      schema: two,
      references: [ref2, ref1],
    });
    assert.deepEqual([field(found, 'version'), field(found, 'id')], [1, 3], found.text);
    const again = await registerJson(
      'testSubject1',
      { schema: two, references: [ref2, ref1] },
      '?normalize=true',
    );
    assert.deepEqual([field(again, 'version'), field(again, 'id')], [1, 3]);
  });

  it('json RestApiTest.testIncompatibleSchema: FULL refuses a changed property type, with the registry message parts', async () => {
    const schema = (type: string) =>
      '{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://acme.com/referrer.json","type":"object",' +
      `"properties":{"myField1":{"type":"string"},"myField2":{"type":"${type}"}},"additionalProperties":false}`;
    assert.equal((await r.call('PUT', '/config/testSubject', { compatibility: 'FULL' })).status, 200);
    assert.equal(
      (await registerJson('testSubject', { schema: schema('number') }, '?normalize=true')).status,
      200,
    );
    const refused = await registerJson('testSubject', { schema: schema('string') }, '?normalize=true');
    assert.equal(refused.status, 409);
    for (const part of ['oldSchemaVersion:', 'oldSchema:', 'compatibility:'])
      assert.ok((refused.body as { message: string }).message.includes(part), part);
    const verbose = await r.call('POST', '/compatibility/subjects/testSubject/versions/1?verbose=true', {
      schemaType: 'JSON',
      schema: schema('string'),
    });
    const messages = field(verbose, 'messages') as string[];
    assert.equal(field(verbose, 'is_compatible'), false);
    assert.match(messages[2] ?? '', /oldSchemaVersion:/);
    assert.match(messages[3] ?? '', /oldSchema:/);
    assert.match(messages[4] ?? '', /compatibility:/);
  });

  it('json RestApiTest.testConfluentVersion: confluent:version with JSON schemas as with Avro', async () => {
    const schema = '{"type":"object","properties":{"f1":{"type":"string"}}}';
    assert.deepEqual(
      [
        field(await registerJson('test', { schema }), 'id'),
        field(await registerJson('test', { schema, version: 2 }), 'id'),
      ],
      [1, 2],
    );
    const latest = await r.call('GET', '/subjects/test/versions/latest');
    assert.deepEqual(field(latest, 'metadata'), { properties: { 'confluent:version': '2' } });
    const plain = await r.call('POST', '/subjects/test', { schemaType: 'JSON', schema });
    assert.equal(field(plain, 'version'), 1);
    const two = await r.call('POST', '/subjects/test', {
      schemaType: 'JSON',
      schema,
      metadata: { properties: { 'confluent:version': '2' } },
    });
    assert.equal(field(two, 'version'), 2);
  });
});

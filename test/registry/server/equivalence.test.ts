import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTestRegistry, type Reply, type TestRegistry } from './support.js';

// Lookup and register by equivalence (registry-protocol.md §4.2, §4.3): Confluent compares parsed
// schemas when the stored text differs (ParsedSchema.canLookup). Each test names the method of
// Confluent's RestApiTest it follows.

const code = (r: Reply): unknown => (r.body as { error_code?: unknown }).error_code;
const field = (r: Reply, name: string): unknown => (r.body as Record<string, unknown>)[name];

const SUB1 = JSON.stringify({
  type: 'record',
  name: 'Subrecord1',
  namespace: 'otherns',
  fields: [{ name: 'field1', type: 'string' }],
});
const SUB2 = JSON.stringify({
  type: 'record',
  name: 'Subrecord2',
  namespace: 'otherns',
  fields: [{ name: 'field2', type: 'string' }],
});
const REF1 = { name: 'otherns.Subrecord1', subject: 'ref1', version: 1 };
const REF2 = { name: 'otherns.Subrecord2', subject: 'ref2', version: 1 };

/** The same record written two ways: `{"type":"int"}` vs `"int"`, property keys in another order. */
const USES_REFS_A =
  '{"type":"record","name":"myrecord","fields":[{"type":{"type":"int"},"name":"field0"},' +
  '{"name":"field1","type":"otherns.Subrecord1"},{"name":"field2","type":"otherns.Subrecord2"}],' +
  '"extraMetadata":{"a":1,"b":2}}';
const USES_REFS_B =
  '{"type":"record","name":"myrecord","fields":[{"type":"int","name":"field0"},' +
  '{"name":"field1","type":"otherns.Subrecord1"},{"name":"field2","type":"otherns.Subrecord2"}],' +
  '"extraMetadata":{"b":2,"a":1}}';
/** USES_REFS_B with both referenced records written in place (what Avro Java's toString() prints). */
const USES_REFS_INLINED = JSON.stringify({
  type: 'record',
  name: 'myrecord',
  fields: [
    { name: 'field0', type: 'int' },
    { name: 'field1', type: JSON.parse(SUB1) as unknown },
    { name: 'field2', type: JSON.parse(SUB2) as unknown },
  ],
  extraMetadata: { b: 2, a: 1 },
});

const STRING_DEFAULT_NULL = JSON.stringify({
  type: 'record',
  name: 'test',
  namespace: 'namespace',
  fields: [{ name: 'string_default', type: 'string', default: null }],
});

describe('lookup and register by equivalence (§4.2, §4.3)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
    for (const [subject, schema] of [
      ['ref1', SUB1],
      ['ref2', SUB2],
    ] as const) {
      assert.equal((await r.call('POST', `/subjects/${subject}/versions`, { schema })).status, 200);
    }
  });
  afterEach(async () => {
    await r.stop();
  });

  it('RestApiTest.testSchemaNormalization: normalize finds the schema written differently, references in another order or inlined', async () => {
    const reg = await r.call('POST', '/subjects/testSubject1/versions?normalize=true', {
      schema: USES_REFS_A,
      references: [REF1, REF2],
    });
    assert.equal(reg.status, 200, reg.text);
    assert.equal(field(reg, 'id'), 3);
    const lookup = await r.call('POST', '/subjects/testSubject1?normalize=true', {
      schema: USES_REFS_B,
      references: [REF2, REF1],
    });
    assert.equal(lookup.status, 200, lookup.text);
    assert.deepEqual([field(lookup, 'version'), field(lookup, 'id')], [1, 3]);
    const inlined = await r.call('POST', '/subjects/testSubject1?normalize=true', {
      schema: USES_REFS_INLINED,
    });
    assert.equal(inlined.status, 200, inlined.text);
    assert.deepEqual([field(inlined, 'version'), field(inlined, 'id')], [1, 3]);

    const bad = await r.call('POST', '/subjects/testSubject1/versions?normalize=true', {
      schema: STRING_DEFAULT_NULL,
    });
    assert.deepEqual([bad.status, code(bad)], [422, 42201]);
    const verbose = await r.call(
      'POST',
      '/compatibility/subjects/testSubject1/versions?normalize=true&verbose=true',
      { schema: STRING_DEFAULT_NULL },
    );
    assert.equal(field(verbose, 'is_compatible'), false);
    assert.match(String((field(verbose, 'messages') as string[])[0]), /Invalid schema/);
  });

  it('RestApiTest.testSchemaNormalization: normalize keeps referenced types by name and sorts the references', async () => {
    const reg = await r.call('POST', '/subjects/s/versions?normalize=true', {
      schema: USES_REFS_A,
      references: [REF2, REF1],
    });
    assert.equal(reg.status, 200, reg.text);
    const got = await r.call('GET', '/subjects/s/versions/1');
    // What Confluent stores: the normalised text printed by Avro's Schema.toString(refs), so the
    // referenced records stay names and the properties are sorted.
    assert.equal(
      field(got, 'schema'),
      '{"type":"record","name":"myrecord","fields":[{"name":"field0","type":"int"},' +
        '{"name":"field1","type":"otherns.Subrecord1"},{"name":"field2","type":"otherns.Subrecord2"}],' +
        '"extraMetadata":{"a":1,"b":2}}',
    );
    assert.deepEqual(field(got, 'references'), [REF1, REF2]);
  });

  it('RestApiTest.testCanonicalization: a schema registered without normalize is found by lookup and register with normalize (no duplicate version)', async () => {
    const text =
      '{"type":"record","name":"r","namespace":"n","fields":[{"name":"a","type":{"type":"string"},"z":1,"y":2}],"b":1,"a":{"d":1,"c":2}}';
    const first = await r.call('POST', '/subjects/plain/versions', { schema: text });
    assert.equal(first.status, 200, first.text);
    const id = field(first, 'id');
    const found = await r.call('POST', '/subjects/plain?normalize=true', { schema: text });
    assert.equal(found.status, 200, found.text);
    assert.deepEqual([field(found, 'version'), field(found, 'id')], [1, id]);
    const again = await r.call('POST', '/subjects/plain/versions?normalize=true', { schema: text });
    assert.deepEqual([field(again, 'version'), field(again, 'id')], [1, id]);
    assert.deepEqual((await r.call('GET', '/subjects/plain/versions')).body, [1]);

    // The subject's normalize config applies to lookups and registers without the parameter.
    assert.equal((await r.call('PUT', '/config/plain', { normalize: true })).status, 200);
    const byConfig = await r.call('POST', '/subjects/plain', { schema: text });
    assert.deepEqual([field(byConfig, 'version'), field(byConfig, 'id')], [1, id]);
    const regByConfig = await r.call('POST', '/subjects/plain/versions', { schema: text });
    assert.deepEqual([field(regByConfig, 'version'), field(regByConfig, 'id')], [1, id]);

    // A doc is part of the schema: not equivalent, so a new version.
    const withDoc = text.replace('"name":"r"', '"name":"r","doc":"d"');
    const docLookup = await r.call('POST', '/subjects/plain?normalize=true', { schema: withDoc });
    assert.equal(code(docLookup), 40403);
    const docReg = await r.call('POST', '/subjects/plain/versions', { schema: withDoc });
    assert.equal(field(docReg, 'version'), 2);
  });

  it('RestApiTest.testSchemaReferences: a schema sent with its references inlined is found, and registering it answers the existing version', async () => {
    const reg = await r.call('POST', '/subjects/my_referrer/versions', {
      schema: USES_REFS_B,
      references: [REF1, REF2],
    });
    assert.equal(reg.status, 200, reg.text);
    const found = await r.call('POST', '/subjects/my_referrer', { schema: USES_REFS_INLINED });
    assert.equal(found.status, 200, found.text);
    assert.deepEqual([field(found, 'version'), field(found, 'id')], [1, field(reg, 'id')]);
    const again = await r.call('POST', '/subjects/my_referrer/versions', { schema: USES_REFS_INLINED });
    assert.deepEqual([field(again, 'version'), field(again, 'id')], [1, field(reg, 'id')]);
    assert.deepEqual((await r.call('GET', '/subjects/my_referrer/versions')).body, [1]);
    // Without normalize the list of references is compared as it is: another order is another schema.
    const reordered = await r.call('POST', '/subjects/my_referrer', {
      schema: USES_REFS_B,
      references: [REF2, REF1],
    });
    assert.equal(code(reordered), 40403);
  });

  it('RestApiTest.testDeleteWithLookup: a soft-deleted version answers a lookup only with deleted=true, also by equivalence', async () => {
    const text = '{"type":"record","name":"d","fields":[{"name":"a","type":"string"}],"p":{"y":1,"x":2}}';
    assert.equal((await r.call('POST', '/subjects/del/versions', { schema: text })).status, 200);
    assert.equal((await r.call('PUT', '/config/del', { compatibility: 'NONE' })).status, 200);
    assert.equal((await r.call('POST', '/subjects/del/versions', { schema: SUB1 })).status, 200);
    assert.equal((await r.call('DELETE', '/subjects/del/versions/1')).status, 200);
    assert.equal(code(await r.call('POST', '/subjects/del?normalize=true', { schema: text })), 40403);
    const found = await r.call('POST', '/subjects/del?normalize=true&deleted=true', { schema: text });
    assert.equal(found.status, 200, found.text);
    assert.equal(field(found, 'version'), 1);
    // Registered again: version 3 with the same id, which every lookup now answers.
    const again = await r.call('POST', '/subjects/del/versions', { schema: text });
    assert.deepEqual([field(again, 'version'), field(again, 'id')], [3, 3]);
    for (const query of ['?deleted=true', '?deleted=false', '', '?normalize=true&deleted=true'])
      assert.equal(
        field(await r.call('POST', `/subjects/del${query}`, { schema: text }), 'version'),
        3,
        query,
      );
  });
});

describe('references over several levels and 8.x shapes', () => {
  let r: TestRegistry;
  afterEach(async () => {
    await r.stop();
  });

  it('RestApiTest.testSchemaReferencesMultipleLevels: a union of referenced records that share a referenced enum', async () => {
    r = await startTestRegistry();
    const currency =
      '{"type":"enum","name":"Currency","namespace":"myavro.currencies","symbols":["EUR","USD"]}';
    const budget = (name: string, last: string) =>
      JSON.stringify({
        type: 'record',
        name,
        namespace: 'myavro',
        fields: [
          { name: 'buyerId', type: 'long' },
          { name: 'currency', type: { type: 'myavro.currencies.Currency' } },
          { name: last, type: 'double' },
        ],
      });
    const shared = { name: 'myavro.currencies.Currency', subject: 'shared', version: 1 };
    assert.equal(field(await r.call('POST', '/subjects/shared/versions', { schema: currency }), 'id'), 1);
    for (const [subject, schema, id] of [
      ['ref1', budget('BudgetDecreased', 'amount'), 2],
      ['ref2', budget('BudgetUpdated', 'updatedValue'), 3],
    ] as const) {
      const reg = await r.call('POST', `/subjects/${subject}/versions`, { schema, references: [shared] });
      assert.equal(field(reg, 'id'), id, reg.text);
    }
    const root = '["myavro.BudgetDecreased","myavro.BudgetUpdated"]';
    const refs = [
      { name: 'myavro.BudgetDecreased', subject: 'ref1', version: 1 },
      { name: 'myavro.BudgetUpdated', subject: 'ref2', version: 1 },
    ];
    const reg = await r.call('POST', '/subjects/root/versions', { schema: root, references: refs });
    assert.equal(field(reg, 'id'), 4, reg.text);
    const byId = await r.call('GET', '/schemas/ids/4');
    assert.deepEqual([field(byId, 'schema'), field(byId, 'references')], [root, refs]);
    // Normalising keeps the union of names as it is.
    const normal = await r.call('POST', '/subjects/root/versions?normalize=true', {
      schema: root,
      references: refs,
    });
    assert.deepEqual([field(normal, 'id'), field(normal, 'version')], [4, 1]);

    assert.equal((await r.call('DELETE', '/subjects/root/versions/1')).status, 200);
    assert.equal((await r.call('DELETE', '/subjects/ref1/versions/1')).status, 200);
    assert.equal(code(await r.call('DELETE', '/subjects/ref1/versions/1?permanent=true')), 42206);
    assert.equal((await r.call('DELETE', '/subjects/root/versions/1?permanent=true')).status, 200);
    assert.equal((await r.call('DELETE', '/subjects/ref1/versions/1?permanent=true')).status, 200);
  });

  it("--shapes 8: a register answered by equivalence has the stored version's 8.x fields", async () => {
    r = await startTestRegistry({ shapes: '8' });
    const text = '{"type":"record","name":"e","fields":[{"name":"a","type":{"type":"string"}}],"y":1,"x":2}';
    const first = await r.call('POST', '/subjects/e/versions', { schema: text });
    const again = await r.call('POST', '/subjects/e/versions?normalize=true', { schema: text });
    assert.deepEqual(again.body, first.body);
    assert.deepEqual(Object.keys(again.body as object), [
      'id',
      'version',
      'guid',
      'schemaType',
      'schema',
      'ts',
      'deleted',
    ]);
    const found = await r.call('POST', '/subjects/e?normalize=true', { schema: text });
    assert.equal(field(found, 'guid'), field(first, 'guid'));
  });
});

describe('compatibility endpoint validates the candidate (§4.8)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  it('RestApiTest.testLookUpSchemaUnderNonExistentSubject: 40401 for a valid schema, 42201 for an invalid one (parsed first)', async () => {
    assert.equal(code(await r.call('POST', '/subjects/nothing', { schema: SUB1 })), 40401);
    assert.equal(code(await r.call('POST', '/subjects/nothing', { schema: '{"type":"recrd"}' })), 42201);
  });

  it('RestApiTest.testCompatibilityNonExistentSubject: an invalid schema is 42201 even against an empty subject', async () => {
    for (const path of [
      '/compatibility/subjects/none/versions/latest',
      '/compatibility/subjects/none/versions',
    ]) {
      const bad = await r.call('POST', path, { schema: STRING_DEFAULT_NULL });
      assert.deepEqual([bad.status, code(bad)], [422, 42201], path);
      const verbose = await r.call('POST', `${path}?verbose=true`, { schema: STRING_DEFAULT_NULL });
      assert.equal(field(verbose, 'is_compatible'), false, path);
      const good = await r.call('POST', path, { schema: SUB1 });
      assert.deepEqual(good.body, { is_compatible: true }, path);
    }
  });
});

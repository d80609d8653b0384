import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { avroRecord, startTestRegistry, type TestRegistry } from './support.js';

const code = (body: unknown): number | undefined => (body as { error_code?: number }).error_code;

describe('modes (§3.8)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  it('RestApiModeTest.testReadOnlyMode: READONLY refuses writes with 42205; a subject may override a global READONLY, not a READONLY_OVERRIDE', async () => {
    await r.call('POST', '/subjects/s/versions', { schema: avroRecord('a', ['x']) });
    assert.deepEqual((await r.call('PUT', '/mode', { mode: 'READONLY' })).body, { mode: 'READONLY' });
    const refused = await r.call('POST', '/subjects/s/versions', { schema: avroRecord('a', ['x'], ['y']) });
    assert.deepEqual(refused.body, {
      error_code: 42205,
      // The registry writes the default context as '' here (QualifiedSubject.qualifiedContextFor).
      message: 'Subject s in context  is in read-only mode',
    });
    assert.equal(code((await r.call('DELETE', '/subjects/s')).body), 42205);
    await r.call('PUT', '/mode/s', { mode: 'READWRITE' });
    assert.equal(
      (await r.call('POST', '/subjects/s/versions', { schema: avroRecord('a', ['x'], ['y']) })).status,
      200,
    );
    await r.call('PUT', '/mode', { mode: 'READONLY_OVERRIDE' });
    assert.equal(
      code((await r.call('POST', '/subjects/s/versions', { schema: avroRecord('a', ['x'], ['z']) })).body),
      42205,
    );
    assert.deepEqual((await r.call('DELETE', '/mode')).body, { mode: 'READONLY_OVERRIDE' });
    assert.deepEqual((await r.call('GET', '/mode')).body, { mode: 'READWRITE' });
  });

  it('RestApiModeTest.testImportMode / testImportModeWithoutId / testReadWriteMode: IMPORT keeps given ids and versions, requires an id, and refuses to start over live subjects without force', async () => {
    await r.call('POST', '/subjects/live/versions', { schema: avroRecord('a', ['x']) });
    assert.deepEqual((await r.call('PUT', '/mode', { mode: 'IMPORT' })).body, {
      error_code: 42205,
      message: 'Cannot import since found existing subjects',
    });
    assert.equal((await r.call('PUT', '/mode?force=true', { mode: 'IMPORT' })).status, 200);
    const imported = await r.call('POST', '/subjects/imp/versions', {
      schema: avroRecord('b', ['x']),
      id: 100,
      version: 5,
    });
    assert.deepEqual(imported.body, { id: 100, version: 5, schema: avroRecord('b', ['x']) });
    assert.equal(
      code((await r.call('POST', '/subjects/imp/versions', { schema: avroRecord('b', ['y']) })).body),
      42205,
    );
    const conflict = await r.call('POST', '/subjects/imp/versions', {
      schema: avroRecord('c', ['x']),
      id: 100,
    });
    // RestApiTest.testImportDifferentSchemaOnSameID: the registry answers 42205, not 42207.
    assert.deepEqual(conflict.body, {
      error_code: 42205,
      message: 'Overwrite new schema with id 100 in context  is not permitted.',
    });
    await r.call('PUT', '/mode', { mode: 'READWRITE' });
    const withId = await r.call('POST', '/subjects/other/versions', {
      schema: avroRecord('d', ['x']),
      id: 7,
    });
    assert.equal(code(withId.body), 42205);
    const next = await r.call('POST', '/subjects/other/versions', { schema: avroRecord('d', ['x']) });
    assert.deepEqual(next.body, { id: 101, version: 1, schema: avroRecord('d', ['x']) });
    assert.deepEqual((await r.call('GET', '/subjects/imp/versions')).body, [5]);
  });

  it('subject modes: 40409 when none, defaultToGlobal falls back, invalid mode → 42204', async () => {
    assert.deepEqual((await r.call('GET', '/mode/s')).body, {
      error_code: 40409,
      message: "Subject 's' does not have subject-level mode configured",
    });
    assert.deepEqual((await r.call('GET', '/mode/s?defaultToGlobal=true')).body, { mode: 'READWRITE' });
    assert.equal(code((await r.call('PUT', '/mode/s', { mode: 'WHATEVER' })).body), 42204);
    assert.equal(code((await r.call('DELETE', '/mode/s')).body), 40401);
    await r.call('PUT', '/mode/s', { mode: 'readonly' });
    assert.deepEqual((await r.call('GET', '/mode/s')).body, { mode: 'READONLY' });
    assert.deepEqual((await r.call('DELETE', '/mode/s')).body, { mode: 'READONLY' });
  });
});

describe('config resolution (§3.7)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  it('subject over global over the default; 40408, 40401 and 42203 where the registry answers them', async () => {
    assert.deepEqual((await r.call('GET', '/config/s')).body, {
      error_code: 40408,
      message: "Subject 's' does not have subject-level compatibility configured",
    });
    assert.deepEqual((await r.call('GET', '/config/s?defaultToGlobal=true')).body, {
      compatibilityLevel: 'BACKWARD',
    });
    assert.deepEqual((await r.call('PUT', '/config', { compatibility: 'forward_transitive' })).body, {
      compatibility: 'FORWARD_TRANSITIVE',
    });
    assert.deepEqual((await r.call('GET', '/config/s?defaultToGlobal=true')).body, {
      compatibilityLevel: 'FORWARD_TRANSITIVE',
    });
    await r.call('PUT', '/config/s', { compatibility: 'NONE' });
    assert.deepEqual((await r.call('GET', '/config/s')).body, { compatibilityLevel: 'NONE' });
    // Only the fields given change; the answer is the whole stored config (ConfigUpdateRequest(config)).
    assert.deepEqual((await r.call('PUT', '/config/s', { normalize: true })).body, {
      compatibility: 'NONE',
      normalize: true,
    });
    assert.deepEqual((await r.call('GET', '/config/s')).body, {
      compatibilityLevel: 'NONE',
      normalize: true,
    });
    assert.equal(code((await r.call('PUT', '/config', { compatibility: 'SIDEWAYS' })).body), 42203);
    assert.deepEqual((await r.call('DELETE', '/config/s')).body, {
      compatibilityLevel: 'NONE',
      normalize: true,
    });
    assert.deepEqual((await r.call('DELETE', '/config/s')).body, {
      error_code: 40401,
      message: "Subject 's' not found.",
    });
    assert.deepEqual((await r.call('DELETE', '/config')).body, { compatibilityLevel: 'FORWARD_TRANSITIVE' });
    assert.deepEqual((await r.call('GET', '/config')).body, { compatibilityLevel: 'BACKWARD' });
    // `:.:` is the default context: the global config.
    await r.call('PUT', '/config/:.:', { compatibility: 'FULL' });
    assert.deepEqual((await r.call('GET', '/config')).body, { compatibilityLevel: 'FULL' });
  });

  it('the subject level decides registration', async () => {
    await r.call('POST', '/subjects/s/versions', { schema: avroRecord('a', ['x']) });
    const breaking = { schema: avroRecord('a', ['x', 'y']) };
    assert.equal((await r.call('POST', '/subjects/s/versions', breaking)).status, 409);
    await r.call('PUT', '/config/s', { compatibility: 'NONE' });
    assert.equal((await r.call('POST', '/subjects/s/versions', breaking)).status, 200);
  });
});

describe('references (§4.7)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  const address = JSON.stringify({
    type: 'record',
    name: 'Address',
    namespace: 'com.acme',
    fields: [{ name: 'city', type: 'string' }],
  });
  const user = JSON.stringify({
    type: 'record',
    name: 'User',
    namespace: 'com.acme',
    fields: [{ name: 'home', type: 'com.acme.Address' }],
  });
  const ref = { name: 'com.acme.Address', subject: 'address', version: 1 };
  // Avro's Schema.toString() names a type of the same namespace by its short name.
  const storedUser = user.replace('"com.acme.Address"', '"Address"');

  it('Avro: a named type from another subject; referencedby; the referenced version cannot be deleted', async () => {
    await r.call('POST', '/subjects/address/versions', { schema: address });
    assert.equal(code((await r.call('POST', '/subjects/user/versions', { schema: user })).body), 42201);
    assert.equal(
      code(
        (
          await r.call('POST', '/subjects/user/versions', {
            schema: user,
            references: [{ ...ref, version: 9 }],
          })
        ).body,
      ),
      42201,
    );
    const reg = await r.call('POST', '/subjects/user/versions', { schema: user, references: [ref] });
    assert.deepEqual(reg.body, { id: 2, version: 1, references: [ref], schema: storedUser });
    assert.deepEqual((await r.call('GET', '/schemas/ids/2')).body, { references: [ref], schema: storedUser });
    assert.deepEqual((await r.call('POST', '/subjects/user', { schema: user, references: [ref] })).body, {
      subject: 'user',
      version: 1,
      id: 2,
      references: [ref],
      schema: storedUser,
    });
    assert.deepEqual((await r.call('GET', '/subjects/address/versions/1/referencedby')).body, [2]);
    assert.deepEqual((await r.call('DELETE', '/subjects/address/versions/1')).body, {
      error_code: 42206,
      message: 'One or more references exist to the schema {subject=address, version=1}.',
    });
    assert.equal(code((await r.call('DELETE', '/subjects/address')).body), 42206);
    await r.call('DELETE', '/subjects/user');
    // Soft-deleted referrers still block a permanent delete, not a soft one.
    assert.deepEqual((await r.call('DELETE', '/subjects/address')).body, [1]);
    assert.equal(code((await r.call('DELETE', '/subjects/address?permanent=true')).body), 42206);
    await r.call('DELETE', '/subjects/user?permanent=true');
    assert.deepEqual((await r.call('DELETE', '/subjects/address?permanent=true')).body, [1]);
  });

  it('JSON Schema: $ref to a schema in another subject', async () => {
    const addr = '{"type":"object","properties":{"city":{"type":"string"}}}';
    const person = '{"type":"object","properties":{"home":{"$ref":"address.json"}}}';
    await r.call('POST', '/subjects/addr/versions', { schemaType: 'JSON', schema: addr });
    const reg = await r.call('POST', '/subjects/person/versions', {
      schemaType: 'JSON',
      schema: person,
      references: [{ name: 'address.json', subject: 'addr', version: 1 }],
    });
    assert.equal(reg.status, 200, reg.text);
    assert.deepEqual((await r.call('GET', '/subjects/addr/versions/1/referencedby')).body, [
      (reg.body as { id: number }).id,
    ]);
  });
});

describe('metadata (§3.3, §4.10)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  it('metadata is part of the identity, inherited by the next version, and searchable', async () => {
    const owner = { properties: { owner: 'team-a' } };
    const first = await r.call('POST', '/subjects/m/versions', {
      schema: avroRecord('m', ['x']),
      metadata: owner,
    });
    assert.deepEqual(first.body, { id: 1, version: 1, metadata: owner, schema: avroRecord('m', ['x']) });
    const second = await r.call('POST', '/subjects/m/versions', { schema: avroRecord('m', ['x'], ['y']) });
    assert.deepEqual((second.body as { metadata: unknown }).metadata, owner);
    const other = { properties: { owner: 'team-b' } };
    const third = await r.call('POST', '/subjects/m/versions', {
      schema: avroRecord('m', ['x'], ['y']),
      metadata: other,
    });
    assert.deepEqual(
      [(third.body as { id: number }).id, (third.body as { version: number }).version],
      [3, 3],
    );
    const found = await r.call('GET', '/subjects/m/metadata?key=owner&value=team-a');
    assert.equal((found.body as { version: number }).version, 2);
    assert.equal(code((await r.call('GET', '/subjects/m/metadata?key=owner&value=team-z')).body), 40403);
    assert.equal(code((await r.call('GET', '/subjects/none/metadata?key=owner&value=team-a')).body), 40401);
    // A lookup without metadata is tried again with the latest version's metadata (the registry's
    // second pass, as a register would inherit it): that finds version 3, not version 1.
    const latest = await r.call('POST', '/subjects/m', { schema: avroRecord('m', ['x'], ['y']) });
    assert.equal((latest.body as { version: number }).version, 3);
    assert.equal(code((await r.call('POST', '/subjects/m', { schema: avroRecord('m', ['x']) })).body), 40403);
  });
});

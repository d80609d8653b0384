import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { avroRecord, startTestRegistry, type TestRegistry } from './support.js';

// Deletes and references, each test after the Confluent test method it follows (RestApiTest,
// RestApiReferenceVersionsStrictTest).
const code = (body: unknown): number | undefined => (body as { error_code?: number }).error_code;
const record = (name: string, fields: Array<[string, unknown]>, namespace = 'ns'): string =>
  JSON.stringify({ type: 'record', name, namespace, fields: fields.map(([n, type]) => ({ name: n, type })) });
const REF = record('Ref', [['id', 'string']], 'com.example');
const BASE = record('Base', [['refField', 'com.example.Ref']], 'com.example');

describe('deletes and references', () => {
  let r: TestRegistry;
  afterEach(async () => {
    await r.stop();
  });
  const reg = async (subject: string, body: Record<string, unknown>) =>
    r.call('POST', `/subjects/${subject}/versions`, body);
  const del = async (path: string) => (await r.call('DELETE', path)).body;
  const baseWithRef = { schema: BASE, references: [{ name: 'com.example.Ref', subject: 'ref', version: 1 }] };

  it('RestApiTest.testDeleteAndCreateWithDanglingReference: a new schema may not use a soft-deleted or hard-deleted version (42201)', async () => {
    r = await startTestRegistry();
    assert.equal((await reg('ref', { schema: REF })).status, 200);
    assert.equal((await reg('base', baseWithRef)).status, 200);
    assert.equal(await del('/subjects/base/versions/1'), 1);
    assert.equal(await del('/subjects/ref/versions/1'), 1);
    const onSoftDeleted = await reg('base', baseWithRef);
    assert.equal(code(onSoftDeleted.body), 42201, onSoftDeleted.text);
    // The soft-deleted referrer still counts: the reference cannot be removed for good before it.
    assert.deepEqual((await r.call('GET', '/subjects/ref/versions/1/referencedby?deleted=true')).body, [2]);
    assert.equal(code(await del('/subjects/ref/versions/1?permanent=true')), 42206);
    assert.equal(await del('/subjects/base/versions/1?permanent=true'), 1);
    assert.equal(await del('/subjects/ref/versions/1?permanent=true'), 1);
    assert.equal(code((await reg('base', baseWithRef)).body), 42201);
  });

  it('RestApiTest.testReviveSchemaWithDanglingReference: after both are hard-deleted, neither the old nor a changed referrer registers', async () => {
    r = await startTestRegistry();
    await reg('ref', { schema: REF });
    await reg('base', baseWithRef);
    await del('/subjects/base/versions/1');
    await del('/subjects/ref/versions/1');
    await del('/subjects/base/versions/1?permanent=true');
    await del('/subjects/ref/versions/1?permanent=true');
    assert.equal(code((await reg('base', baseWithRef)).body), 42201);
    const changed = record(
      'Base',
      [
        ['refField', 'com.example.Ref'],
        ['newField', 'string'],
      ],
      'com.example',
    );
    assert.equal(code((await reg('base', { ...baseWithRef, schema: changed })).body), 42201);
  });

  it('RestApiTest.testSameIdTombstonePreservesReferencedSoftDeletedVersion / testSameIdTombstoneStillRunsWhenNoReferences', async () => {
    r = await startTestRegistry();
    await r.call('PUT', '/config/user', { compatibility: 'NONE' });
    const v1 = record('User', [['id', 'long']]);
    const v2 = record('User', [
      ['id', 'long'],
      ['name', 'string'],
    ]);
    await reg('user', { schema: v1 });
    await reg('user', { schema: v2 });
    const order = record('Order', [['buyer', 'ns.User']]);
    const ordered = await reg('order', {
      schema: order,
      references: [{ name: 'ns.User', subject: 'user', version: 2 }],
    });
    assert.equal((ordered.body as { id: number }).id, 3);
    await del('/subjects/order/versions/1');
    await del('/subjects/user/versions/1');
    await del('/subjects/user/versions/2');
    assert.deepEqual((await reg('user', { schema: v2 })).body, { id: 2, version: 3, schema: v2 });
    // v2 is referenced by the soft-deleted order: it stays; v1 (no referrer, other id) stays too.
    assert.deepEqual((await r.call('GET', '/subjects/user/versions?deleted=true')).body, [1, 2, 3]);
    assert.deepEqual((await r.call('GET', '/subjects/user/versions/2/referencedby?deleted=true')).body, [3]);
    // Without a referrer the soft-deleted same-id version is tombstoned.
    await r.call('PUT', '/config/no_refs', { compatibility: 'NONE' });
    await reg('no_refs', { schema: v1 });
    await reg('no_refs', { schema: v2 });
    await del('/subjects/no_refs/versions/1');
    await del('/subjects/no_refs/versions/2');
    assert.equal(((await reg('no_refs', { schema: v2 })).body as { version: number }).version, 3);
    assert.equal(code((await r.call('GET', '/subjects/no_refs/versions/2?deleted=true')).body), 40402);
    assert.equal(
      ((await r.call('GET', '/subjects/no_refs/versions/1?deleted=true')).body as { id: number }).id,
      1,
    );
  });

  it('RestApiTest.testDeleteSubjectWithSelfReferencingVersions: references inside one subject do not block its deletion', async () => {
    r = await startTestRegistry();
    await r.call('PUT', '/config/self-ref-subject', { compatibility: 'NONE' });
    await reg('self-ref-subject', { schema: REF });
    const derived = await reg('self-ref-subject', {
      schema: record('Derived', [['base', 'com.example.Ref']], 'com.example'),
      references: [{ name: 'com.example.Ref', subject: 'self-ref-subject', version: 1 }],
    });
    assert.equal((derived.body as { id: number }).id, 2);
    assert.deepEqual(await del('/subjects/self-ref-subject'), [1, 2]);
    assert.deepEqual(await del('/subjects/self-ref-subject?permanent=true'), [1, 2]);
  });

  it('RestApiTest.testDeleteSchemaVersionPermanent: a live referenced version is 42206 before 40407', async () => {
    r = await startTestRegistry();
    await reg('ref', { schema: REF });
    await reg('base', baseWithRef);
    assert.equal(code(await del('/subjects/ref/versions/1?permanent=true')), 42206);
    assert.equal(code(await del('/subjects/base/versions/1?permanent=true')), 40407);
  });

  it('RestApiTest.testDeleteWithLookup / testDeleteSubjectException / testDeleteNonExistentSubject / testDeleteSchemaVersionInvalidSubject', async () => {
    r = await startTestRegistry();
    assert.equal(code(await del('/subjects/test/versions/1')), 40401);
    assert.equal(code(await del('/subjects/never')), 40401);
    assert.equal(code(await del('/subjects/never?permanent=true')), 40401);
    const [s0, s1] = [avroRecord('a', ['x']), avroRecord('a', ['x'], ['y'])];
    await reg('test', { schema: s0 });
    await reg('test', { schema: s1 });
    assert.equal(await del('/subjects/test/versions/1'), 1);
    const lookup = async (query: string) =>
      (await r.call('POST', `/subjects/test${query}`, { schema: s0 })).body;
    assert.equal(code(await lookup('')), 40403);
    assert.equal(((await lookup('?deleted=true')) as { version: number }).version, 1);
    assert.deepEqual((await reg('test', { schema: s0 })).body, { id: 1, version: 3, schema: s0 });
    assert.equal(((await lookup('?deleted=true')) as { version: number }).version, 3);
    assert.equal(((await lookup('')) as { version: number }).version, 3);
    assert.deepEqual(await del('/subjects/test'), [2, 3]);
    assert.equal(((await lookup('?deleted=true')) as { version: number }).version, 3);
    assert.equal(code(await del('/subjects/test')), 40404);
  });

  it('RestApiTest.testListSoftDeletedSubjectsAndSchemas', async () => {
    r = await startTestRegistry();
    await reg('test1', { schema: avroRecord('a', ['x']) });
    await reg('test1', { schema: avroRecord('a', ['x'], ['y']) });
    await reg('test2', { schema: avroRecord('b', ['x']) });
    await del('/subjects/test1/versions/1');
    await del('/subjects/test2/versions/1');
    assert.deepEqual((await r.call('GET', '/subjects/test1/versions')).body, [2]);
    assert.deepEqual((await r.call('GET', '/subjects/test1/versions?deleted=true')).body, [1, 2]);
    assert.deepEqual((await r.call('GET', '/subjects/test1/versions?deletedOnly=true')).body, [1]);
    assert.deepEqual((await r.call('GET', '/subjects')).body, ['test1']);
    assert.deepEqual((await r.call('GET', '/subjects?deleted=true')).body, ['test1', 'test2']);
    assert.deepEqual((await r.call('GET', '/subjects?deletedOnly=true')).body, ['test2']);
  });

  it('RestApiReferenceVersionsStrictTest.testConflictingReferenceVersionsRejected / testConsistentReferenceVersionsAllowed: with referenceVersionsStrict, one name at two versions is 42201; consistent versions register', async () => {
    const inner1 = JSON.stringify({
      type: 'record',
      name: 'Inner',
      fields: [{ name: 'f1', type: 'string' }],
    });
    const inner2 = JSON.stringify({
      type: 'record',
      name: 'Inner',
      fields: [
        { name: 'f1', type: 'string' },
        { name: 'f2', type: ['null', 'string'], default: null },
      ],
    });
    const middle = record('Middle', [['m1', 'string']], '');
    const root = record('Root', [['r1', 'string']], '');
    for (const strict of [true, false]) {
      r = await startTestRegistry({ referenceVersionsStrict: strict });
      await reg('inner', { schema: inner1 });
      await reg('inner', { schema: inner2 });
      await reg('middle', { schema: middle, references: [{ name: 'Inner', subject: 'inner', version: 2 }] });
      const rootRefs = [
        { name: 'Inner', subject: 'inner', version: 1 },
        { name: 'Middle', subject: 'middle', version: 1 },
      ];
      const res = await reg('root', { schema: root, references: rootRefs });
      if (strict) {
        assert.equal(code(res.body), 42201);
        assert.match((res.body as { message: string }).message, /Conflicting reference versions for "Inner"/);
        await reg('middleOk', {
          schema: middle,
          references: [{ name: 'Inner', subject: 'inner', version: 1 }],
        });
        const ok = await reg('rootOk', {
          schema: root,
          references: [rootRefs[0], { name: 'Middle', subject: 'middleOk', version: 1 }],
        });
        assert.equal(ok.status, 200, ok.text);
      } else {
        assert.equal(res.status, 200, res.text);
      }
      await r.stop();
    }
    r = await startTestRegistry();
  });
});

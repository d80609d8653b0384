import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { avroRecord, startTestRegistry, type TestRegistry } from './support.js';

// §4.5 and §4.6, case by case, over HTTP.
const A = avroRecord('myrecord', ['f1']);
const B = avroRecord('myrecord', ['f1'], ['f2']);
const C = avroRecord('myrecord', ['f1'], ['f2', 'f3']);

describe('version numbering and deletes (§4.5, §4.6)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });
  const reg = async (subject: string, schema: string) => {
    const res = await r.call('POST', `/subjects/${subject}/versions`, { schema });
    assert.equal(res.status, 200, res.text);
    return res.body as { id: number; version: number };
  };
  const versions = async (subject: string, query = '') =>
    (await r.call('GET', `/subjects/${subject}/versions${query}`)).body;

  it('v1, v2 → soft-delete v2 → register a new schema → v3', async () => {
    await reg('s', A);
    await reg('s', B);
    assert.equal((await r.call('DELETE', '/subjects/s/versions/2')).body, 2);
    assert.deepEqual(await reg('s', C), { id: 3, version: 3, schema: C });
    assert.deepEqual(await versions('s'), [1, 3]);
    assert.deepEqual(await versions('s', '?deleted=true'), [1, 2, 3]);
    assert.deepEqual(await versions('s', '?deletedOnly=true'), [2]);
  });

  it('v1, v2 → soft v2 → hard v2 → soft v1 → re-register schema 1 → v2', async () => {
    await reg('s', A);
    await reg('s', B);
    assert.equal((await r.call('DELETE', '/subjects/s/versions/2')).body, 2);
    assert.equal((await r.call('DELETE', '/subjects/s/versions/2?permanent=true')).body, 2);
    assert.equal((await r.call('DELETE', '/subjects/s/versions/1')).body, 1);
    const again = await reg('s', A);
    assert.equal(again.version, 2);
    assert.equal(again.id, 1);
  });

  it('v1, v2 → soft-delete both → re-register schema 1 twice → [3] both times', async () => {
    await reg('s', A);
    await reg('s', B);
    await r.call('DELETE', '/subjects/s/versions/1');
    await r.call('DELETE', '/subjects/s/versions/2');
    assert.equal((await reg('s', A)).version, 3);
    assert.deepEqual(await versions('s'), [3]);
    assert.equal((await reg('s', A)).version, 3);
    assert.deepEqual(await versions('s'), [3]);
  });

  it('RestApiTest.testDeleteSubjectAndRegister: v1 (id 1), v2 (id 2) → DELETE subject → re-register both → [3, 4], ids 1 and 2 reused; version 1 → 40402', async () => {
    assert.deepEqual(await reg('s', A), { id: 1, version: 1, schema: A });
    assert.deepEqual(await reg('s', B), { id: 2, version: 2, schema: B });
    assert.deepEqual((await r.call('DELETE', '/subjects/s')).body, [1, 2]);
    assert.deepEqual(await reg('s', A), { id: 1, version: 3, schema: A });
    assert.deepEqual(await reg('s', B), { id: 2, version: 4, schema: B });
    assert.deepEqual(await versions('s'), [3, 4]);
    const v1 = await r.call('GET', '/subjects/s/versions/1');
    assert.equal(v1.status, 404);
    assert.equal((v1.body as { error_code: number }).error_code, 40402);
  });

  it('hard delete needs a soft delete first; afterwards the version is gone even with deleted=true', async () => {
    await reg('s', A);
    await reg('s', B);
    const early = await r.call('DELETE', '/subjects/s/versions/2?permanent=true');
    assert.deepEqual([early.status, (early.body as { error_code: number }).error_code], [404, 40407]);
    assert.deepEqual((await r.call('DELETE', '/subjects/s/versions/2')).body, 2);
    const twice = await r.call('DELETE', '/subjects/s/versions/2');
    assert.deepEqual(twice.body, {
      error_code: 40406,
      message: "Subject 's' Version 2 was soft deleted.Set permanent=true to delete permanently",
    });
    assert.equal((await r.call('GET', '/subjects/s/versions/2?deleted=true')).status, 200);
    assert.equal((await r.call('GET', '/subjects/s/versions/2')).status, 404);
    assert.equal((await r.call('DELETE', '/subjects/s/versions/2?permanent=true')).body, 2);
    assert.equal(
      ((await r.call('GET', '/subjects/s/versions/2?deleted=true')).body as { error_code: number })
        .error_code,
      40402,
    );
    assert.equal(
      ((await r.call('DELETE', '/subjects/s/versions/2?permanent=true')).body as { error_code: number })
        .error_code,
      40402,
    );
  });

  it('concurrent registrations to one subject get consecutive versions and distinct ids', async () => {
    await r.call('PUT', '/config/c', { compatibility: 'NONE' });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        r.call('POST', '/subjects/c/versions', { schema: avroRecord(`r${i}`, ['a']) }),
      ),
    );
    const bodies = answers.map((a) => a.body as { id: number; version: number });
    assert.deepEqual(
      bodies.map((b) => b.version).sort((a, b) => a - b),
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    assert.equal(new Set(bodies.map((b) => b.id)).size, 40);
    assert.deepEqual(
      await versions('c'),
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it('latest is the highest live version, and DELETE latest removes it', async () => {
    await reg('s', A);
    await reg('s', B);
    await r.call('DELETE', '/subjects/s/versions/latest');
    assert.equal(
      ((await r.call('GET', '/subjects/s/versions/latest')).body as { version: number }).version,
      1,
    );
    assert.equal(
      ((await r.call('GET', '/subjects/s/versions/-1?deleted=true')).body as { version: number }).version,
      1,
    );
  });

  it('subject deletes: 40404 when already soft-deleted, 40405 before a soft delete, 40401 once gone', async () => {
    await reg('s', A);
    const early = await r.call('DELETE', '/subjects/s?permanent=true');
    assert.deepEqual(early.body, {
      error_code: 40405,
      message: "Subject 's' was not deleted first before being permanently deleted",
    });
    await r.call('PUT', '/config/s', { compatibility: 'NONE' });
    assert.deepEqual((await r.call('DELETE', '/subjects/s')).body, [1]);
    assert.deepEqual((await r.call('DELETE', '/subjects/s')).body, {
      error_code: 40404,
      message: "Subject 's' was soft deleted.Set permanent=true to delete permanently",
    });
    assert.deepEqual((await r.call('GET', '/subjects')).body, []);
    assert.deepEqual((await r.call('GET', '/subjects?deleted=true')).body, ['s']);
    assert.deepEqual((await r.call('GET', '/subjects?deletedOnly=true')).body, ['s']);
    assert.equal(
      ((await r.call('GET', '/subjects/s/versions')).body as { error_code: number }).error_code,
      40401,
    );
    // A soft delete keeps the id readable and the subject config.
    assert.equal((await r.call('GET', '/schemas/ids/1')).status, 200);
    assert.equal((await r.call('GET', '/config/s')).status, 200);
    assert.deepEqual((await r.call('DELETE', '/subjects/s?permanent=true')).body, [1]);
    assert.equal(((await r.call('GET', '/schemas/ids/1')).body as { error_code: number }).error_code, 40403);
    assert.equal(((await r.call('GET', '/config/s')).body as { error_code: number }).error_code, 40408);
    assert.deepEqual((await r.call('DELETE', '/subjects/s')).body, {
      error_code: 40401,
      message: "Subject 's' not found.",
    });
    assert.deepEqual((await r.call('GET', '/subjects?deleted=true')).body, []);
  });
});

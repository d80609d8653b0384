import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { avroRecord, startTestRegistry, type TestRegistry } from './support.js';

// Config and listing endpoints, each test after the RestApiTest method it follows.
const code = (body: unknown): number | undefined => (body as { error_code?: number }).error_code;

describe('config and listings', () => {
  let r: TestRegistry;
  afterEach(async () => {
    await r.stop();
  });
  const get = async (path: string) => (await r.call('GET', path)).body;
  const reg = async (subject: string, schema: string) => {
    const res = await r.call('POST', `/subjects/${subject}/versions`, { schema });
    assert.equal(res.status, 200, res.text);
  };

  it('RestApiTest.testConfigDefaults / testGlobalConfigChange: the global level, changed and deleted', async () => {
    r = await startTestRegistry();
    assert.deepEqual(await get('/config'), { compatibilityLevel: 'BACKWARD' });
    await r.call('PUT', '/config', { compatibility: 'FORWARD' });
    assert.deepEqual(await get('/config'), { compatibilityLevel: 'FORWARD' });
    await r.call('PUT', '/config', { compatibility: 'backward' });
    assert.deepEqual(await get('/config'), { compatibilityLevel: 'BACKWARD' });
    assert.deepEqual((await r.call('DELETE', '/config')).body, { compatibilityLevel: 'BACKWARD' });
    assert.deepEqual(await get('/config?defaultToGlobal=true'), { compatibilityLevel: 'BACKWARD' });
  });

  it('RestApiTest.testNonExistentSubjectConfigChange / testSubjectConfigChange / testGetConfigNonExistentSubject', async () => {
    r = await startTestRegistry();
    assert.equal(code(await get('/config/non-existent-subject')), 40408);
    await r.call('PUT', '/config', { compatibility: 'NONE' });
    assert.deepEqual((await r.call('PUT', '/config/testSubject', { compatibility: 'FORWARD' })).body, {
      compatibility: 'FORWARD',
    });
    assert.deepEqual(await get('/config'), { compatibilityLevel: 'NONE' });
    assert.deepEqual(await get('/config/testSubject'), { compatibilityLevel: 'FORWARD' });
    await r.call('DELETE', '/config/testSubject');
    assert.deepEqual(await get('/config/testSubject?defaultToGlobal=true'), { compatibilityLevel: 'NONE' });
    // A named context's subjects fall back to the context's config, then to :.__GLOBAL:, not to the default context's.
    await r.call('PUT', `/config/${encodeURIComponent(':.ctx:')}`, { compatibility: 'FULL' });
    assert.deepEqual(await get(`/config/${encodeURIComponent(':.ctx:s')}?defaultToGlobal=true`), {
      compatibilityLevel: 'FULL',
    });
    assert.deepEqual(await get(`/config/${encodeURIComponent(':.other:s')}?defaultToGlobal=true`), {
      compatibilityLevel: 'BACKWARD',
    });
    await r.call('PUT', `/config/${encodeURIComponent(':.__GLOBAL:')}`, {
      compatibility: 'FORWARD_TRANSITIVE',
    });
    assert.deepEqual(await get(`/config/${encodeURIComponent(':.other:s')}?defaultToGlobal=true`), {
      compatibilityLevel: 'FORWARD_TRANSITIVE',
    });
    assert.deepEqual(await get(`/config/${encodeURIComponent(':.__GLOBAL:')}`), {
      compatibilityLevel: 'FORWARD_TRANSITIVE',
    });
  });

  it('RestApiTest.testSubjectCompatibilityAfterDeletingAllVersions: soft deletes keep the subject config; read-only mode refuses config changes', async () => {
    r = await startTestRegistry();
    await r.call('PUT', '/config', { compatibility: 'FULL' });
    await r.call('PUT', '/config/testSubject', { compatibility: 'BACKWARD' });
    await reg('testSubject', avroRecord('myrecord', ['f']));
    await reg('testSubject', avroRecord('myrecord', ['f'], ['g']));
    await r.call('DELETE', '/subjects/testSubject/versions/1');
    await r.call('DELETE', '/subjects/testSubject/versions/2');
    assert.deepEqual(await get('/config/testSubject'), { compatibilityLevel: 'BACKWARD' });
    assert.deepEqual(await get('/config'), { compatibilityLevel: 'FULL' });
    await r.call('PUT', '/mode', { mode: 'READONLY' });
    assert.deepEqual((await r.call('PUT', '/config', { compatibility: 'NONE' })).body, {
      error_code: 42205,
      message: 'Subject null in context  is in read-only mode',
    });
    assert.equal(code((await r.call('DELETE', '/config/testSubject')).body), 42205);
  });

  it('RestApiTest.testListSubjects / testGetSubjectsAssociatedWithSchemaId / testGetVersionsAssociatedWithSchemaId', async () => {
    r = await startTestRegistry();
    const schema = avroRecord('shared', ['x']);
    await reg('testTopic1', schema);
    await reg('testTopic2', schema);
    assert.deepEqual(await get('/subjects'), ['testTopic1', 'testTopic2']);
    assert.deepEqual(await get('/schemas/ids/1/subjects'), ['testTopic1', 'testTopic2']);
    assert.deepEqual(await get('/schemas/ids/1/versions'), [
      { subject: 'testTopic1', version: 1 },
      { subject: 'testTopic2', version: 1 },
    ]);
    await r.call('DELETE', '/subjects/testTopic2/versions/1');
    assert.deepEqual(await get('/subjects'), ['testTopic1']);
    assert.deepEqual(await get('/subjects?deleted=true'), ['testTopic1', 'testTopic2']);
    assert.deepEqual(await get('/schemas/ids/1/subjects'), ['testTopic1']);
    assert.deepEqual(await get('/schemas/ids/1/subjects?offset=1&limit=1'), []);
    assert.deepEqual(await get('/schemas/ids/1/subjects?deleted=true'), ['testTopic1', 'testTopic2']);
    assert.deepEqual(await get('/schemas/ids/1/versions?deleted=true&offset=1&limit=1'), [
      { subject: 'testTopic2', version: 1 },
    ]);
    // `subject` picks the context to read the id in; the answer lists every holder there.
    assert.deepEqual(await get('/schemas/ids/1/subjects?subject=testTopic1'), ['testTopic1']);
    assert.deepEqual(await get('/schemas/ids/1/subjects?subject=testTopic1&deleted=true'), [
      'testTopic1',
      'testTopic2',
    ]);
    assert.equal(code(await get('/schemas/ids/2/subjects')), 40403);
  });
});

import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { avroRecord, startTestRegistry, tempDir, type TestRegistry } from './support.js';

// Modes, each test after the Confluent test method (RestApiModeTest, RestApiTest) it follows.
const code = (body: unknown): number | undefined => (body as { error_code?: number }).error_code;
const enc = encodeURIComponent;
const A = avroRecord('myrecord', ['f1']);
const B = avroRecord('myrecord', ['f1'], ['f2']);

describe('modes', () => {
  let r: TestRegistry;
  afterEach(async () => {
    await r.stop();
  });
  const mode = async (path: string) => (await r.call('GET', path)).body;
  const setMode = async (subject: string | undefined, m: string | null) => {
    const res = await r.call('PUT', subject === undefined ? '/mode' : `/mode/${enc(subject)}`, { mode: m });
    return res.body;
  };

  it('RestApiModeTest.testClearMode: PUT /mode without a mode clears it', async () => {
    r = await startTestRegistry();
    assert.deepEqual(await setMode(undefined, 'READONLY'), { mode: 'READONLY' });
    const cleared = await r.call('PUT', '/mode', {});
    assert.equal(cleared.status, 200);
    assert.deepEqual(cleared.body, {});
    assert.deepEqual(await mode('/mode'), { mode: 'READWRITE' });
    await setMode('s', 'READONLY');
    assert.deepEqual((await r.call('PUT', '/mode/s', { mode: null })).body, { mode: null });
    assert.equal(code(await mode('/mode/s')), 40409);
  });

  it('RestApiModeTest.testDeleteGlobalMode / testDeleteSubjectModeAfterGlobalMode: DELETE answers the old mode; the subject falls back', async () => {
    r = await startTestRegistry();
    await setMode(undefined, 'READONLY');
    assert.deepEqual((await r.call('DELETE', '/mode')).body, { mode: 'READONLY' });
    assert.deepEqual(await mode('/mode'), { mode: 'READWRITE' });
    await setMode(undefined, 'READONLY');
    await setMode('testSubject', 'READWRITE');
    assert.deepEqual(await mode('/mode/testSubject'), { mode: 'READWRITE' });
    assert.deepEqual((await r.call('DELETE', '/mode/testSubject')).body, { mode: 'READWRITE' });
    assert.deepEqual(await mode('/mode/testSubject?defaultToGlobal=true'), { mode: 'READONLY' });
    assert.deepEqual((await r.call('DELETE', '/mode/testSubject')).body, {
      error_code: 40401,
      message: "Subject 'testSubject' not found.",
    });
  });

  it('RestApiModeTest.testGlobalContextWithReadOnlyMode: READONLY on :.__GLOBAL: covers every subject', async () => {
    r = await startTestRegistry();
    assert.deepEqual(await setMode(':.__GLOBAL:', 'READONLY'), { mode: 'READONLY' });
    assert.deepEqual(await mode('/mode?defaultToGlobal=true'), { mode: 'READONLY' });
    assert.deepEqual(await mode('/mode'), { mode: 'READWRITE' });
    const refused = await r.call('POST', '/subjects/testSubject/versions', { schema: A });
    assert.equal(code(refused.body), 42205);
    const inCtx = await r.call('POST', `/subjects/${enc(':.ctx:s')}/versions`, { schema: A });
    assert.deepEqual(inCtx.body, {
      error_code: 42205,
      message: 'Subject :.ctx:s in context :.ctx: is in read-only mode',
    });
  });

  it('RestApiModeTest.testSetForwardMode / testSetForwardModeForNonGlobalContext: FORWARD only on :.__GLOBAL', async () => {
    r = await startTestRegistry();
    const refused = { error_code: 42204, message: 'Forward mode only supported on global level' };
    assert.deepEqual(await setMode('testSubject', 'FORWARD'), refused);
    assert.deepEqual(await setMode(undefined, 'FORWARD'), refused);
    assert.deepEqual(await setMode(':.:', 'FORWARD'), refused);
    assert.deepEqual(await setMode(':.__GLOBAL:subject-name', 'FORWARD'), refused);
    assert.deepEqual(await setMode(':.__GLOBAL', 'FORWARD'), { mode: 'FORWARD' });
    assert.deepEqual(await mode(`/mode/${enc(':.__GLOBAL')}`), { mode: 'FORWARD' });
    // FORWARD registers like IMPORT: the id is kept.
    const imported = await r.call('POST', '/subjects/s/versions', { schema: A, id: 7 });
    assert.equal((imported.body as { id: number }).id, 7);
  });

  it('RestApiModeTest.testRecursiveDeleteContextMode / testNonRecursiveDeleteContextModeDoesNotAffectSubjects / testRecursiveDeleteContextModeWhenContextModeNotSet / testRecursiveDeleteDoesNotAffectOtherContexts', async () => {
    r = await startTestRegistry();
    const ctx = ':.mycontext:';
    for (const s of [ctx, `${ctx}subject1`, `${ctx}subject2`, ':.other:subject1', 'plain'])
      assert.deepEqual(await setMode(s, 'READONLY'), { mode: 'READONLY' });
    assert.deepEqual((await r.call('DELETE', `/mode/${enc(ctx)}`)).body, { mode: 'READONLY' });
    assert.deepEqual(await mode(`/mode/${enc(`${ctx}subject1`)}`), { mode: 'READONLY' });
    assert.equal(code((await r.call('DELETE', `/mode/${enc(ctx)}`)).body), 40401);
    assert.deepEqual((await r.call('DELETE', `/mode/${enc(ctx)}?recursive=true`)).body, {});
    for (const s of [ctx, `${ctx}subject1`, `${ctx}subject2`])
      assert.equal(code(await mode(`/mode/${enc(s)}`)), 40409);
    assert.deepEqual(await mode(`/mode/${enc(':.other:subject1')}`), { mode: 'READONLY' });
    assert.deepEqual(await mode('/mode/plain'), { mode: 'READONLY' });
  });

  it('modes set, cleared and recursively deleted are the same after a restart', async () => {
    const dir = tempDir();
    r = await startTestRegistry({ dataDir: dir });
    await setMode(':.__GLOBAL:', 'READONLY');
    await setMode(':.c:', 'IMPORT');
    await setMode(':.c:s', 'READONLY');
    await setMode('plain', 'READWRITE');
    await r.call('PUT', '/mode/plain', {});
    await r.call('DELETE', `/mode/${enc(':.c:')}?recursive=true`);
    await r.server.close();
    r = await startTestRegistry({ dataDir: dir });
    assert.deepEqual(await mode(`/mode/${enc(':.__GLOBAL:')}`), { mode: 'READONLY' });
    assert.equal(code(await mode(`/mode/${enc(':.c:')}`)), 40409);
    assert.equal(code(await mode(`/mode/${enc(':.c:s')}`)), 40409);
    assert.equal(code(await mode('/mode/plain')), 40409);
    assert.deepEqual(await mode(`/mode/${enc(':.c:s')}?defaultToGlobal=true`), { mode: 'READONLY' });
  });

  it("RestApiModeTest.testRecursiveDeleteGlobalMode: clears the default context's subjects, not other contexts'", async () => {
    r = await startTestRegistry();
    await setMode(undefined, 'READONLY');
    for (const s of ['subject1', 'subject2', ':.c:subject3']) await setMode(s, 'READONLY');
    assert.deepEqual((await r.call('DELETE', '/mode?recursive=true')).body, { mode: 'READONLY' });
    assert.deepEqual(await mode('/mode'), { mode: 'READWRITE' });
    assert.equal(code(await mode('/mode/subject1')), 40409);
    assert.equal(code(await mode('/mode/subject2')), 40409);
    assert.deepEqual(await mode(`/mode/${enc(':.c:subject3')}`), { mode: 'READONLY' });
  });

  it('RestApiTest.testGlobalMode: a global READONLY_OVERRIDE beats a subject mode at 7.9 shapes', async () => {
    r = await startTestRegistry();
    await r.call('POST', '/subjects/testSubject/versions', { schema: A });
    assert.equal(code(await mode('/mode/testSubject')), 40409);
    assert.deepEqual(await mode('/mode/testSubject?defaultToGlobal=true'), { mode: 'READWRITE' });
    await setMode(undefined, 'READONLY');
    await setMode('testSubject', 'READWRITE');
    assert.equal((await r.call('POST', '/subjects/testSubject/versions', { schema: B })).status, 200);
    await setMode(undefined, 'READONLY_OVERRIDE');
    assert.deepEqual(await mode('/mode/testSubject'), { mode: 'READONLY_OVERRIDE' });
    assert.deepEqual(await mode('/mode/other?defaultToGlobal=true'), { mode: 'READONLY_OVERRIDE' });
    const refused = await r.call('POST', '/subjects/testSubject2/versions', { schema: A });
    assert.equal(code(refused.body), 42205);
    // A schema the subject already holds is answered, read-only or not (registerOrForward looks it up first).
    const again = await r.call('POST', '/subjects/testSubject/versions', { schema: B });
    assert.deepEqual(again.body, { id: 2, version: 2, schema: B });
  });

  it("RestApiTest.testGlobalMode at 8.x shapes: a subject's own mode wins over READONLY_OVERRIDE", async () => {
    r = await startTestRegistry({ shapes: '8' });
    await setMode('testSubject', 'READWRITE');
    await setMode(undefined, 'READONLY_OVERRIDE');
    assert.deepEqual(await mode('/mode/testSubject'), { mode: 'READWRITE' });
    assert.equal((await r.call('POST', '/subjects/testSubject/versions', { schema: A })).status, 200);
    assert.deepEqual(await mode('/mode/other?defaultToGlobal=true'), { mode: 'READONLY_OVERRIDE' });
  });

  it('RestApiTest.testDefaultContextConfigAndMode: :.: is the global config and mode', async () => {
    r = await startTestRegistry();
    assert.deepEqual((await r.call('PUT', '/config', { compatibility: 'FORWARD' })).body, {
      compatibility: 'FORWARD',
    });
    assert.deepEqual(await mode(`/config/${enc(':.:')}?defaultToGlobal=true`), {
      compatibilityLevel: 'FORWARD',
    });
    await r.call('PUT', `/config/${enc(':.:')}`, { compatibility: 'FORWARD_TRANSITIVE' });
    assert.deepEqual(await mode('/config?defaultToGlobal=true'), {
      compatibilityLevel: 'FORWARD_TRANSITIVE',
    });
    await r.call('DELETE', `/config/${enc(':.:')}`);
    assert.deepEqual(await mode('/config?defaultToGlobal=true'), { compatibilityLevel: 'BACKWARD' });
    assert.deepEqual(await setMode(undefined, 'IMPORT'), { mode: 'IMPORT' });
    assert.deepEqual(await mode(`/mode/${enc(':.:')}?defaultToGlobal=true`), { mode: 'IMPORT' });
    assert.deepEqual(await setMode(':.:', 'READONLY'), { mode: 'READONLY' });
    assert.deepEqual(await mode('/mode?defaultToGlobal=true'), { mode: 'READONLY' });
    assert.deepEqual((await r.call('DELETE', `/mode/${enc(':.:')}`)).body, { mode: 'READONLY' });
    assert.deepEqual(await mode('/mode?defaultToGlobal=true'), { mode: 'READWRITE' });
  });

  it('RestApiModeTest.testInvalidImportMode / testRegisterSchemaWithNoIdAfterImport: force; a known schema without an id is answered in IMPORT', async () => {
    r = await startTestRegistry();
    await r.call('POST', '/subjects/testSubject/versions', { schema: A });
    assert.equal(code(await setMode(undefined, 'IMPORT')), 42205);
    assert.deepEqual((await r.call('PUT', '/mode/testSubject?force=true', { mode: 'IMPORT' })).body, {
      mode: 'IMPORT',
    });
    assert.deepEqual((await r.call('PUT', '/mode?force=true', { mode: 'IMPORT' })).body, { mode: 'IMPORT' });
    const known = await r.call('POST', '/subjects/testSubject/versions', { schema: A });
    assert.deepEqual(known.body, { id: 1, version: 1, schema: A });
    assert.equal(code((await r.call('POST', '/subjects/testSubject/versions', { schema: B })).body), 42205);
  });

  it('RestApiModeTest.testRegisterSchemaWithSameIdButWithMetadataAfterImport: a hard-deleted id may come back with other metadata', async () => {
    r = await startTestRegistry();
    await r.call('POST', '/subjects/testSubject/versions', { schema: A });
    await r.call('DELETE', '/subjects/testSubject');
    assert.deepEqual(await setMode(undefined, 'IMPORT'), { mode: 'IMPORT' });
    const withMeta = { schema: A, metadata: { properties: { foo: 'bar' } }, version: 1, id: 1 };
    const first = await r.call('POST', '/subjects/testSubject/versions', withMeta);
    assert.equal(first.status, 200, first.text);
    assert.equal((first.body as { id: number }).id, 1);
    assert.deepEqual((await r.call('GET', '/subjects/testSubject/versions/1')).body, {
      subject: 'testSubject',
      version: 1,
      id: 1,
      metadata: { properties: { foo: 'bar' } },
      schema: A,
    });
    await r.call('DELETE', '/subjects/testSubject');
    const second = await r.call('POST', '/subjects/testSubject/versions', withMeta);
    assert.equal((second.body as { id: number }).id, 1, second.text);
  });

  it('RestApiTest.testImportDifferentSchemaOnSameID: another schema on a held id is 42205, in the same subject or another', async () => {
    r = await startTestRegistry();
    await setMode(undefined, 'IMPORT');
    assert.equal(
      (
        (await r.call('POST', '/subjects/subject1/versions', { schema: A, version: 1, id: 1 })).body as {
          id: number;
        }
      ).id,
      1,
    );
    const same = await r.call('POST', '/subjects/subject1/versions', { schema: B, version: 2, id: 1 });
    assert.deepEqual(same.body, {
      error_code: 42205,
      message: 'Overwrite new schema with id 1 in context  is not permitted.',
    });
    const other = await r.call('POST', '/subjects/subject2/versions', { schema: B, version: 1, id: 1 });
    assert.equal(code(other.body), 42205);
  });

  it('RestApiTest.testNormalizeConfigFallbackNotAppliedInImportMode / testNormalizeConfigFallbackAppliedOutsideImportMode / testExplicitNormalizeIgnoredInImportMode', async () => {
    r = await startTestRegistry();
    // Normalizing sorts a field's extra properties, so the stored text tells whether it ran.
    const raw = JSON.stringify({
      type: 'record',
      name: 'myrecord',
      fields: [{ name: 'field1', type: 'string', zprop: 'z', aprop: 'a' }],
    });
    const normalized = JSON.stringify({
      type: 'record',
      name: 'myrecord',
      fields: [{ name: 'field1', type: 'string', aprop: 'a', zprop: 'z' }],
    });
    const stored = async (subject: string) =>
      ((await r.call('GET', `/subjects/${subject}/versions/1`)).body as { schema: string }).schema;
    await r.call('PUT', '/config/imported', { normalize: true });
    await setMode('imported', 'IMPORT');
    await r.call('POST', '/subjects/imported/versions', { schema: raw, version: 1, id: 1 });
    assert.equal(await stored('imported'), raw);
    await r.call('PUT', '/config/normal', { normalize: true });
    await r.call('POST', '/subjects/normal/versions', { schema: raw });
    assert.equal(await stored('normal'), normalized);
    await setMode('explicit', 'IMPORT');
    await r.call('POST', '/subjects/explicit/versions?normalize=true', { schema: raw, version: 1, id: 5 });
    assert.equal(await stored('explicit'), raw);
  });

  it('RestApiModeTest.testImportModeWithSameSchemaDifferentId / testImportModeWithSameSchemaDifferentIdAndSubject: one schema under two imported ids', async () => {
    r = await startTestRegistry();
    await setMode(undefined, 'IMPORT');
    await r.call('POST', '/subjects/s/versions', { schema: A, version: 1, id: 100 });
    const second = await r.call('POST', '/subjects/s/versions', { schema: A, version: 2, id: 200 });
    assert.equal((second.body as { id: number }).id, 200, second.text);
    assert.equal(((await mode('/subjects/s/versions/2')) as { schema: string }).schema, A);
    const other = await r.call('POST', '/subjects/s2/versions', { schema: A, version: 1, id: 300 });
    assert.equal((other.body as { id: number }).id, 300, other.text);
    const lookup = await r.call('POST', '/subjects/s2', { schema: A });
    assert.equal((lookup.body as { version: number }).version, 1);
  });
});

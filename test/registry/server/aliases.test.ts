import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { avroRecord, startTestRegistry, tempDir, type TestRegistry } from './support.js';

// Subject aliases, each test after the Confluent test method (RestApiCompatibilityTest) it follows.
const enc = encodeURIComponent;
const S1 = avroRecord('myrecord', ['f1']);
const S2 = avroRecord('myrecord', ['f1'], ['f2']);

describe('subject aliases', () => {
  let r: TestRegistry;
  afterEach(async () => {
    await r.stop();
  });
  const reg = async (subject: string, schema: string, base = '') => {
    const res = await r.call('POST', `${base}/subjects/${enc(subject)}/versions`, { schema });
    assert.equal(res.status, 200, res.text);
    return (res.body as { id: number }).id;
  };
  const alias = async (subject: string, target: string) => {
    const res = await r.call('PUT', `/config/${enc(subject)}`, { alias: target });
    assert.deepEqual(res.body, { alias: target });
  };
  const get = async (path: string) => (await r.call('GET', path)).body;

  it('RestApiCompatibilityTest.testSubjectAlias / testSubjectAliasWithSlash: reads through an alias reach its target', async () => {
    r = await startTestRegistry();
    assert.equal(await reg('testSubject', S1), 1);
    await alias('testAlias', 'testSubject');
    await alias('test/Alias', 'testSubject');
    for (const a of ['testAlias', 'test/Alias']) {
      const v = (await get(`/subjects/${enc(a)}/versions/1`)) as Record<string, unknown>;
      assert.equal(v['schema'], S1);
      assert.equal(v['subject'], 'testSubject');
    }
    assert.deepEqual(await get('/subjects/testAlias/versions'), [1]);
    assert.equal(((await get('/schemas/ids/1?subject=testAlias')) as { schema: string }).schema, S1);
    // The alias's own config is still its own.
    assert.deepEqual(await get('/config/testAlias'), {
      compatibilityLevel: 'BACKWARD',
      alias: 'testSubject',
    });
    // Writes go to the target too: registering through the alias makes version 2 of testSubject.
    const viaAlias = await r.call('POST', '/subjects/testAlias/versions', { schema: S2 });
    assert.deepEqual(viaAlias.body, { id: 2, version: 2, schema: S2 });
    assert.deepEqual(await get('/subjects/testSubject/versions'), [1, 2]);
    assert.deepEqual(await get('/subjects'), ['testSubject']);
  });

  it('RestApiCompatibilityTest.testSubjectAliasWithContext / testSubjectAliasWithContextImpl: an alias in one context names a subject in another', async () => {
    r = await startTestRegistry();
    assert.equal(await reg('testSubject', S1, '/contexts/.mycontext'), 1);
    await alias(':.mycontext2:testAlias', ':.mycontext:testSubject');
    const v = (await get('/contexts/.mycontext2/subjects/testAlias/versions/1')) as Record<string, unknown>;
    assert.equal(v['schema'], S1);
    assert.equal(v['subject'], ':.mycontext:testSubject');
    // An unqualified alias target is in the alias's own context.
    await alias(':.mycontext:other', 'testSubject');
    assert.deepEqual(await get(`/subjects/${enc(':.mycontext:other')}/versions`), [1]);
  });

  it('RestApiCompatibilityTest.testGlobalAliasNotUsed: an alias in the global config redirects nothing', async () => {
    r = await startTestRegistry();
    await reg('testSubject', S1);
    assert.deepEqual((await r.call('PUT', '/config', { alias: 'badSubject', validateFields: false })).body, {
      validateFields: false,
      alias: 'badSubject',
    });
    assert.equal(((await get('/subjects/testSubject/versions/1')) as { schema: string }).schema, S1);
  });

  it('RestApiCompatibilityTest.testGetSchemasWithAliases / testGetSchemasWithAliasesAndContextWildcard: aliases=true lists the targets with their aliases', async () => {
    r = await startTestRegistry();
    await reg('testSubject', S1);
    await reg('testSubject', S2);
    await reg('noTestSubject', avroRecord('other', ['x1']));
    await alias('testAlias', 'testSubject');
    assert.deepEqual(await get('/schemas?subjectPrefix=testAlias'), []);
    const listed = (await get('/schemas?subjectPrefix=testAlias&aliases=true')) as Record<string, unknown>[];
    assert.deepEqual(
      listed.map((s) => [s['subject'], s['version'], s['aliases']]),
      [
        ['testSubject', 1, ['testAlias']],
        ['testSubject', 2, ['testAlias']],
      ],
    );
    await reg('testAlligator', avroRecord('gator', ['a1']));
    await alias('testAlias2', 'testSubject');
    for (const prefix of ['testAl', 'test']) {
      const all = (await get(`/schemas?subjectPrefix=${prefix}&aliases=true`)) as Record<string, unknown>[];
      assert.deepEqual(
        all.map((s) => [s['subject'], s['aliases']]),
        [
          ['testAlligator', undefined],
          ['testSubject', ['testAlias', 'testAlias2']],
          ['testSubject', ['testAlias', 'testAlias2']],
        ],
      );
    }
    const wildcard = (await get(`/schemas?subjectPrefix=${enc(':*:')}&aliases=true`)) as Record<
      string,
      unknown
    >[];
    assert.equal(wildcard.length, 4);
    assert.deepEqual(
      wildcard.filter((s) => s['aliases'] !== undefined).map((s) => s['subject']),
      ['testSubject', 'testSubject'],
    );
  });

  it('an alias survives a restart, and deleting its config ends it', async () => {
    const dir = tempDir();
    r = await startTestRegistry({ dataDir: dir });
    await reg('target', S1);
    await alias('nick', 'target');
    await r.server.close();
    r = await startTestRegistry({ dataDir: dir });
    assert.deepEqual(await get('/subjects/nick/versions'), [1]);
    await r.call('DELETE', '/config/nick');
    assert.equal(((await get('/subjects/nick/versions')) as { error_code: number }).error_code, 40401);
  });
});

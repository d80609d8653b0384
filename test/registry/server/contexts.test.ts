import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { avroRecord, startTestRegistry, tempDir, type TestRegistry } from './support.js';

// Contexts (`:.ctx:subject`, `/contexts/{ctx}/…`), each test after the Confluent test method it follows.
const code = (body: unknown): number | undefined => (body as { error_code?: number }).error_code;
const schemas = (n: number, name = 'rec'): string[] =>
  Array.from({ length: n }, (_, i) => avroRecord(`${name}${i}`, [`f${i}`]));

describe('contexts', () => {
  let r: TestRegistry;
  afterEach(async () => {
    await r.stop();
  });
  const enc = encodeURIComponent;
  const reg = async (subject: string, schema: string, base = '') => {
    const res = await r.call('POST', `${base}/subjects/${enc(subject)}/versions`, { schema });
    assert.equal(res.status, 200, res.text);
    return (res.body as { id: number }).id;
  };
  const get = async (path: string) => (await r.call('GET', path)).body;
  /** Confluent's test instance runs with compatibility NONE; `:.__GLOBAL:` sets it for every context. */
  const start = async (options: Parameters<typeof startTestRegistry>[0] = {}) => {
    const started = await startTestRegistry(options);
    const res = await started.call('PUT', `/config/${enc(':.__GLOBAL:')}`, { compatibility: 'NONE' });
    assert.equal(res.status, 200, res.text);
    return started;
  };

  it('RestApiContextTest.testQualifiedSubjects: each context numbers its ids from 1; listings by prefix and wildcard', async () => {
    r = await start();
    assert.equal(code(await get(`/subjects/${enc(':.ctx1:testTopic1')}/versions`)), 40401);
    assert.deepEqual(await get('/contexts'), ['.']);
    const s1 = schemas(3, 'a');
    const s2 = schemas(2, 'b');
    for (const [i, s] of s1.entries()) assert.equal(await reg(':.ctx1:testTopic1', s), i + 1);
    for (const [i, s] of s1.entries()) assert.equal(await reg(':.ctx1:testTopic1', s), i + 1);
    for (const [i, s] of s2.entries()) assert.equal(await reg(':.ctx2:testTopic2', s), i + 1);
    assert.equal(await reg(':.ctx3:testTopic1', schemas(1, 'c')[0] as string), 1);
    assert.equal(await reg('testTopic1', schemas(1, 'd')[0] as string), 1);
    // The same id reads differently in each context.
    assert.equal(
      ((await get(`/schemas/ids/1?subject=${enc(':.ctx2:testTopic2')}`)) as { schema: string }).schema,
      s2[0],
    );
    assert.deepEqual(await get('/contexts'), ['.', '.ctx1', '.ctx2', '.ctx3']);
    assert.deepEqual(await get(`/subjects?subjectPrefix=${enc(':.ctx1:')}`), [':.ctx1:testTopic1']);
    assert.deepEqual(await get('/subjects?subjectPrefix='), ['testTopic1']);
    assert.deepEqual(await get(`/subjects?subjectPrefix=${enc(':*:')}`), [
      'testTopic1',
      ':.ctx1:testTopic1',
      ':.ctx2:testTopic2',
      ':.ctx3:testTopic1',
    ]);
    assert.equal(((await get(`/schemas?subjectPrefix=${enc(':*:')}`)) as unknown[]).length, 7);
    assert.equal(((await get(`/schemas?subjectPrefix=${enc(':*:testTopic1')}`)) as unknown[]).length, 5);
    assert.equal(((await get(`/schemas?subjectPrefix=${enc(':*:testTopic2')}`)) as unknown[]).length, 2);
    // GET /schemas without a prefix is the default context only (RestApiTest.testRegisterDiffContext).
    assert.equal(((await get('/schemas')) as unknown[]).length, 1);
  });

  it("RestApiTest.testRegisterDiffContext: the same schema in another context gets that context's next id; guid is shared (8.x)", async () => {
    r = await start({ shapes: '8' });
    const [a, b] = schemas(2) as [string, string];
    assert.equal(await reg('testSubject', a), 1);
    assert.equal(await reg(':.ctx:testSubject', b), 1);
    assert.equal(await reg(':.ctx:testSubject', a), 2);
    const inDefault = (await get('/schemas/ids/1?subject=testSubject')) as Record<string, unknown>;
    const inCtx = (await get(`/schemas/ids/2?subject=${enc(':.ctx:testSubject')}`)) as Record<
      string,
      unknown
    >;
    assert.equal(inDefault['schema'], a);
    assert.equal(inCtx['schema'], a);
    assert.equal(inCtx['subject'], ':.ctx:testSubject');
    assert.equal(inDefault['guid'], inCtx['guid']);
    // A plain subject that only a named context holds is found there (getSchemaKeyUsingContexts).
    assert.equal(await reg(':.ctx:onlyHere', b), 1);
    const viaPlain = (await get('/schemas/ids/1?subject=onlyHere')) as Record<string, unknown>;
    assert.equal(viaPlain['schema'], b);
    assert.equal(((await get('/schemas/ids/1')) as Record<string, unknown>)['schema'], a);
  });

  it('RestApiContextTest.testContextPaths / testContextPathsImpl: /contexts/{ctx}/… reads and writes inside the context; DELETE /contexts (8.x, 42211 when not empty)', async () => {
    r = await start({ shapes: '8' });
    const c1 = '/contexts/.ctx1';
    const c2 = '/contexts/.ctx2';
    const c3 = `/contexts/${enc(':.:')}`;
    assert.equal(code(await get(`${c1}/subjects/testTopic1/versions`)), 40401);
    const s1 = schemas(3, 'a');
    for (const [i, s] of s1.entries()) assert.equal(await reg('testTopic1', s, c1), i + 1);
    const s2 = schemas(2, 'b');
    for (const [i, s] of s2.entries()) {
      for (const sub of ['testTopic2A', 'testTopic2B', 'testTopic2C'])
        assert.equal(await reg(sub, s, c2), i + 1);
    }
    assert.equal(code(await get(`${c3}/schemas/ids/1`)), 40403);
    const s3 = schemas(2, 'c');
    for (const [i, s] of s3.entries()) assert.equal(await reg('testTopic3', s, c3), i + 1);
    assert.deepEqual(await get(`${c1}/subjects/testTopic1/versions`), [1, 2, 3]);
    assert.deepEqual(await get(`${c3}/subjects/testTopic3/versions`), [1, 2]);
    assert.deepEqual(await get(`/subjects/${enc(':.:testTopic3')}/versions`), [1, 2]);
    assert.deepEqual(await get(`${c1}/contexts`), ['.', '.ctx1', '.ctx2']);
    assert.deepEqual(await get(`${c1}/subjects`), [':.ctx1:testTopic1']);
    assert.deepEqual(await get(`${c2}/subjects`), [
      ':.ctx2:testTopic2A',
      ':.ctx2:testTopic2B',
      ':.ctx2:testTopic2C',
    ]);
    assert.deepEqual(await get(`${c3}/subjects`), ['testTopic3']);
    assert.equal(((await get('/schemas/ids/1?subject=testTopic3')) as { schema: string }).schema, s3[0]);
    assert.equal(((await get('/schemas/ids/1?subject=testTopic2A')) as { schema: string }).schema, s2[0]);
    // Inside a context, /schemas/ids reads that context's ids.
    assert.equal(((await get(`${c2}/schemas/ids/2`)) as { schema: string }).schema, s2[1]);
    assert.deepEqual(await r.call('DELETE', `${c1}/subjects/testTopic1`).then((x) => x.body), [1, 2, 3]);
    assert.deepEqual(
      await r.call('DELETE', `${c1}/subjects/testTopic1?permanent=true`).then((x) => x.body),
      [1, 2, 3],
    );
    assert.equal(code(await get(`${c1}/subjects/testTopic1/versions`)), 40401);
    assert.deepEqual((await r.call('DELETE', '/contexts/.ctx2')).body, {
      error_code: 42211,
      message: "The specified context ':.ctx2:' is not empty.",
    });
    // The emptied context stays listed until it is deleted.
    assert.deepEqual(await get('/contexts'), ['.', '.ctx1', '.ctx2']);
    const deleted = await r.call('DELETE', '/contexts/.ctx1');
    assert.equal(deleted.status, 204);
    assert.deepEqual(await get('/contexts'), ['.', '.ctx2']);
    assert.equal((await r.call('DELETE', `/contexts/${enc('a:b')}`)).status, 400);
  });

  it('RestApiContextTest.testContextPaths: DELETE /contexts/{ctx} is absent at 7.9 shapes', async () => {
    r = await start();
    assert.equal((await r.call('DELETE', '/contexts/.ctx1')).status, 404);
  });

  it('RestApiContextTest.testContextPrefixFilter / testContextPrefixFilterEdgeCases / testContextPrefixFilterWithPagination: contextPrefix filters, case-sensitively, before paging', async () => {
    r = await start();
    const subjects = [':.prod:a', ':.prod-eu:b', ':.staging:c', ':.dev:d', 'e'];
    for (const [i, s] of subjects.entries()) await reg(s, schemas(5)[i] as string);
    const all = ['.', '.dev', '.prod', '.prod-eu', '.staging'];
    assert.deepEqual(await get('/contexts'), all);
    assert.deepEqual(await get('/contexts?contextPrefix=.prod'), ['.prod', '.prod-eu']);
    assert.deepEqual(await get('/contexts?contextPrefix=.prod-eu'), ['.prod-eu']);
    assert.deepEqual(await get('/contexts?contextPrefix=.'), all);
    assert.deepEqual(await get('/contexts?contextPrefix=.s'), ['.staging']);
    assert.deepEqual(await get('/contexts?contextPrefix=.nonexistent'), []);
    assert.deepEqual(await get('/contexts?contextPrefix='), all);
    assert.deepEqual(await get('/contexts?contextPrefix=.PROD'), []);
    assert.deepEqual(await get('/contexts?contextPrefix=.&offset=0&limit=2'), ['.', '.dev']);
    assert.deepEqual(await get('/contexts?contextPrefix=.&offset=2&limit=2'), ['.prod', '.prod-eu']);
    assert.deepEqual(await get('/contexts?contextPrefix=.p&limit=1'), ['.prod']);
    assert.deepEqual(await get(`/contexts?contextPrefix=${'.long'.repeat(40)}`), []);
    assert.deepEqual(await get('/contexts?contextPrefix=.&offset=4&limit=2'), ['.staging']);
  });

  it("RestApiTest.testSchemaReferencesSameContext / testSchemaReferencesDifferentContext / testSchemaUnqualifiedReferencesInContext: references resolve in the referrer's context", async () => {
    r = await start();
    const sub = JSON.stringify({
      type: 'record',
      name: 'Sub',
      namespace: 'o',
      fields: [{ name: 'x', type: 'int' }],
    });
    const top = JSON.stringify({ type: 'record', name: 'Top', fields: [{ name: 's', type: 'o.Sub' }] });
    const regRef = async (subject: string, refSubject: string) => {
      const res = await r.call('POST', `/subjects/${enc(subject)}/versions`, {
        schema: top,
        references: [{ name: 'o.Sub', subject: refSubject, version: 1 }],
      });
      return res;
    };
    // Same context, unqualified reference: the referrer's context is meant.
    assert.equal(await reg(':.ctx:my_reference', sub), 1);
    const same = await regRef(':.ctx:my_referrer', 'my_reference');
    assert.equal(same.status, 200, same.text);
    assert.equal((same.body as { id: number }).id, 2);
    const byId = (await get(`/schemas/ids/2?subject=${enc(':.ctx:my_referrer')}`)) as Record<string, unknown>;
    assert.deepEqual(byId['references'], [{ name: 'o.Sub', subject: 'my_reference', version: 1 }]);
    const qualified = (await get(
      `/schemas/ids/2?subject=${enc(':.ctx:my_referrer')}&referenceFormat=qualified`,
    )) as Record<string, unknown>;
    assert.deepEqual(qualified['references'], [{ name: 'o.Sub', subject: ':.ctx:my_reference', version: 1 }]);
    const version = (await get(
      `/subjects/${enc(':.ctx:my_referrer')}/versions/1?referenceFormat=qualified`,
    )) as Record<string, unknown>;
    assert.deepEqual(version['references'], [{ name: 'o.Sub', subject: ':.ctx:my_reference', version: 1 }]);
    assert.deepEqual(await get(`/subjects/${enc(':.ctx:my_reference')}/versions/1/referencedby`), [2]);
    assert.equal(
      code((await r.call('DELETE', `/subjects/${enc(':.ctx:my_reference')}/versions/1`)).body),
      42206,
    );
    // Different context: a default-context referrer names the qualified subject; it gets id 1 here.
    const diff = await regRef('my_referrer', ':.ctx:my_reference');
    assert.equal((diff.body as { id: number }).id, 1);
    assert.deepEqual(await get(`/subjects/${enc(':.ctx:my_reference')}/versions/1/referencedby`), [1, 2]);
    // An unqualified reference from the default context does not reach into `.ctx` (testRegisterBadReferenceInContext).
    assert.equal(code((await regRef('other', 'my_reference')).body), 42201);
    assert.equal((await r.call('DELETE', `/subjects/${enc(':.ctx:my_referrer')}/versions/1`)).body, 1);
    assert.equal((await r.call('DELETE', '/subjects/my_referrer/versions/1')).body, 1);
    assert.deepEqual(await get(`/subjects/${enc(':.ctx:my_reference')}/versions/1/referencedby`), []);
    assert.equal((await r.call('DELETE', `/subjects/${enc(':.ctx:my_reference')}/versions/1`)).body, 1);
  });

  it('RestApiTest.testRegisterBadReferenceInContext: a lookup whose schema the subject does not hold is 40403, another context notwithstanding', async () => {
    r = await start();
    const [a, b] = schemas(2) as [string, string];
    assert.equal(await reg('testSubject', a), 1);
    assert.equal(await reg(':.ctx:testFoo', b), 1);
    const lookup = await r.call('POST', '/subjects/testSubject', {
      schema: avroRecord('somerecord', ['field1']),
      references: [{ name: 'testSubject', subject: 'testSubject', version: 1 }],
    });
    assert.equal(code(lookup.body), 40403, lookup.text);
  });

  it("RestApiTest.testGetSchemaWithFetchMaxId: maxId is the highest id of the schema's context", async () => {
    r = await start();
    for (const s of schemas(3)) await reg('subject', s);
    await reg(':.ctx:x', avroRecord('other', ['y']));
    assert.equal(((await get('/schemas/ids/1')) as Record<string, unknown>)['maxId'], undefined);
    assert.equal(((await get('/schemas/ids/1?fetchMaxId=true')) as Record<string, unknown>)['maxId'], 3);
    assert.equal(
      ((await get(`/schemas/ids/1?fetchMaxId=true&subject=${enc(':.ctx:x')}`)) as Record<string, unknown>)[
        'maxId'
      ],
      1,
    );
  });

  it('contexts, their ids and a deleted context survive a restart; a log from before per-context ids still replays', async () => {
    const dir = tempDir();
    r = await start({ dataDir: dir, shapes: '8' });
    await reg(':.a:s', avroRecord('x', ['f']));
    await reg(':.b:s', avroRecord('y', ['f']));
    await r.call('DELETE', `/subjects/${enc(':.b:s')}`);
    await r.call('DELETE', `/subjects/${enc(':.b:s')}?permanent=true`);
    assert.equal((await r.call('DELETE', '/contexts/.b')).status, 204);
    await r.server.close();
    r = await start({ dataDir: dir, shapes: '8' });
    assert.deepEqual(await get('/contexts'), ['.', '.a']);
    assert.equal(
      ((await get(`/schemas/ids/1?subject=${enc(':.a:s')}`)) as { schema: string }).schema,
      avroRecord('x', ['f']),
    );
    await r.stop();
    // A log written when ids were global: `:.c:s` v1 names id 1, first stored for the default subject.
    const { writeFileSync } = await import('node:fs');
    const old = tempDir();
    const schema = { id: 1, schemaType: 'AVRO', schema: avroRecord('z', ['f']), references: [] };
    writeFileSync(
      `${old}/registry.log`,
      `${JSON.stringify({ t: 'reg', s: 'd', v: 1, id: 1, schema })}\n${JSON.stringify({ t: 'reg', s: ':.c:s', v: 1, id: 1 })}\n`,
    );
    r = await start({ dataDir: old });
    assert.equal(
      ((await get(`/subjects/${enc(':.c:s')}/versions/1`)) as { schema: string }).schema,
      schema.schema,
    );
    assert.deepEqual(await get('/contexts'), ['.', '.c']);
  });
});

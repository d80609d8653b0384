import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { startTestRegistry, tempDir, type Reply, type TestRegistry } from './support.js';

// The rest of Confluent's REST test classes, method by method: error codes of reads and deletes,
// compatibility checks against a version, IMPORT edge cases, config fields cleared with null, tags in a
// context. Each test names the Confluent method it follows; the cases are our own.

const code = (r: Reply): unknown => (r.body as { error_code?: unknown }).error_code;
const field = (r: Reply, name: string): unknown => (r.body as Record<string, unknown>)[name];
const enc = encodeURIComponent;

/** Avro record `Rec` with string fields named as given; `opt` fields get a default. */
const rec = (fields: string[], opt: string[] = []): string =>
  JSON.stringify({
    type: 'record',
    name: 'Rec',
    fields: [
      ...fields.map((name) => ({ name, type: 'string' })),
      ...opt.map((name) => ({ name, type: 'string', default: '' })),
    ],
  });

describe('Confluent REST tests, the remaining methods', () => {
  let r: TestRegistry;
  afterEach(async () => {
    await r.stop();
  });
  const start = async (options: Parameters<typeof startTestRegistry>[0] = {}) => {
    r = await startTestRegistry(options);
  };
  const register = (subject: string, schema: string, extra: Record<string, unknown> = {}) =>
    r.call('POST', `/subjects/${enc(subject)}/versions`, { schema, ...extra });
  const compat = (subject: string, version: string, schema: string) =>
    r.call('POST', `/compatibility/subjects/${enc(subject)}/versions/${version}`, { schema });

  it('RestApiTest.testGetVersionNonExistentSubject / testGetLatestVersionNonExistentSubject / testListVersionsNonExistingSubject / testGetSchemaNonExistingId / testGetSubjectsAssociatedWithNotFoundSchemaId / testGetInvalidVersion / testGetNonExistingVersion', async () => {
    await start();
    const missing: [string, number, number][] = [
      ['/subjects/nobody/versions/1', 404, 40401],
      ['/subjects/nobody/versions/latest', 404, 40401],
      ['/subjects/nobody/versions', 404, 40401],
      ['/schemas/ids/7', 404, 40403],
      ['/schemas/ids/1/subjects', 404, 40403],
    ];
    for (const [path, status, errorCode] of missing) {
      const reply = await r.call('GET', path);
      assert.deepEqual([path, reply.status, code(reply)], [path, status, errorCode]);
    }
    assert.equal(field(await register('s', rec(['a'])), 'id'), 1);
    const invalid = await r.call('GET', '/subjects/s/versions/0');
    assert.deepEqual([invalid.status, code(invalid)], [422, 42202]);
    const absent = await r.call('GET', '/subjects/s/versions/57');
    assert.deepEqual([absent.status, code(absent)], [404, 40402]);
  });

  it('RestApiTest.testCompatibilityInvalidVersion / testCompatibilityNonExistentVersion / testCompatibleSchemaLookupBySubject: checks name a valid version and register nothing', async () => {
    await start();
    await r.call('PUT', '/config/s', { compatibility: 'NONE' });
    await register('s', rec(['a']));
    assert.equal(code(await compat('s', 'first', rec(['a']))), 42202);
    assert.equal(code(await compat('s', '9', rec(['a']))), 40402);
    for (const schema of [rec(['a']), rec(['b']), rec(['c'], ['d'])])
      assert.deepEqual((await compat('s', 'latest', schema)).body, { is_compatible: true });
    assert.deepEqual((await r.call('GET', '/subjects/s/versions')).body, [1]);
  });

  it('RestApiTest.testIncompatibleSchemaLookupBySubject / testIncompatibleSchemaLookupBySubjectAfterDelete: a check against a version, and against the new latest after a delete', async () => {
    await start();
    await r.call('PUT', '/config/s', { compatibility: 'FULL' });
    await register('s', rec(['a']));
    const asInt = JSON.stringify({ type: 'record', name: 'Rec', fields: [{ name: 'a', type: 'int' }] });
    assert.deepEqual((await compat('s', '1', asInt)).body, { is_compatible: false });

    await r.call('PUT', '/config/t', { compatibility: 'BACKWARD' });
    await register('t', rec(['a']));
    const withString = rec(['a'], ['g']);
    assert.deepEqual((await compat('t', 'latest', withString)).body, { is_compatible: true });
    assert.equal(field(await register('t', withString), 'id'), 2);
    // g becomes an int: incompatible with version 2, fine against version 1 once 2 is gone.
    const withInt = JSON.stringify({
      type: 'record',
      name: 'Rec',
      fields: [
        { name: 'a', type: 'string' },
        { name: 'g', type: 'int', default: 0 },
      ],
    });
    assert.deepEqual((await compat('t', 'latest', withInt)).body, { is_compatible: false });
    assert.equal(code(await register('t', withInt)), 409);
    assert.equal((await r.call('DELETE', '/subjects/t/versions/latest')).body, 2);
    assert.deepEqual((await compat('t', 'latest', withInt)).body, { is_compatible: true });
    assert.equal(field(await register('t', withInt), 'id'), 3);
    assert.equal(field(await r.call('POST', '/subjects/t', { schema: withInt }), 'version'), 3);
  });

  it('RestApiTest.testDeleteSchemaVersionBasic / testDeleteInvalidVersion / testDeleteLatestVersion / testGetLatestVersionDeleteOlder', async () => {
    await start();
    await r.call('PUT', '/config/s', { compatibility: 'NONE' });
    const [one, two, three] = [rec(['a']), rec(['b']), rec(['c'])];
    await register('s', one);
    await register('s', two);
    assert.equal(code(await r.call('DELETE', '/subjects/s/versions/3')), 40402);
    // Deleting an older version leaves the latest alone.
    assert.equal((await r.call('DELETE', '/subjects/s/versions/1')).body, 1);
    assert.equal(field(await r.call('GET', '/subjects/s/versions/latest'), 'schema'), two);
    assert.deepEqual((await r.call('GET', '/subjects/s/versions')).body, [2]);
    const soft = await r.call('GET', '/subjects/s/versions/1?deleted=true');
    assert.deepEqual([field(soft, 'version'), field(soft, 'schema')], [1, one]);
    assert.equal(code(await r.call('GET', '/subjects/s/versions/1')), 40402);
    assert.equal(code(await r.call('POST', '/subjects/s', { schema: one })), 40403);
    assert.equal((await r.call('DELETE', '/subjects/s/versions/latest')).body, 2);
    assert.equal(code(await r.call('GET', '/subjects/s/versions/latest')), 40401);
    assert.equal(code(await r.call('GET', '/subjects/s/versions')), 40401);
    assert.equal(field(await register('s', three), 'id'), 3);
    assert.equal(field(await r.call('GET', '/subjects/s/versions/latest'), 'schema'), three);
  });

  it('RestApiTest.testDeleteSubjectBasic / testDeleteSubjectPermanent: soft first (deleted=true still finds), then permanent', async () => {
    await start();
    await r.call('PUT', '/config/s', { compatibility: 'NONE' });
    const [one, two] = [rec(['a']), rec(['b'])];
    await register('s', one);
    await register('s', two);
    assert.equal(code(await r.call('DELETE', '/subjects/s?permanent=true')), 40405);
    assert.deepEqual((await r.call('DELETE', '/subjects/s')).body, [1, 2]);
    assert.equal(code(await r.call('GET', '/subjects/s/versions/latest')), 40401);
    assert.equal(field(await r.call('POST', '/subjects/s?deleted=true', { schema: two }), 'version'), 2);
    assert.deepEqual((await r.call('DELETE', '/subjects/s?permanent=true')).body, [1, 2]);
    for (const [schema, query] of [
      [one, ''],
      [one, '?deleted=true'],
      [two, '?deleted=true'],
    ] as const)
      assert.equal(code(await r.call('POST', `/subjects/s${query}`, { schema })), 40401);
  });

  it('RestApiTest.testSubjectCompatibilityAfterDeletingSubject: deleting a subject leaves the global level', async () => {
    await start();
    await r.call('PUT', '/config', { compatibility: 'FULL' });
    await r.call('PUT', '/config/s', { compatibility: 'BACKWARD' });
    await register('s', rec(['a']));
    await register('s', rec(['a'], ['g']));
    assert.deepEqual((await r.call('DELETE', '/subjects/s')).body, [1, 2]);
    assert.deepEqual((await r.call('GET', '/config')).body, { compatibilityLevel: 'FULL' });
    await r.call('DELETE', '/subjects/s?permanent=true');
    assert.deepEqual((await r.call('GET', '/config')).body, { compatibilityLevel: 'FULL' });
  });

  it('RestApiTest.testRegisterInvalidSubject / testInvalidSchema (over REST: no schema) / testRegisterBadDefault', async () => {
    await start();
    const badSubject = await register('\rbad\nsubject\t', rec(['a']));
    assert.deepEqual([badSubject.status, code(badSubject)], [422, 42208]);
    for (const body of [{}, { schema: null }]) {
      const empty = await r.call('POST', '/subjects/s/versions', body);
      assert.deepEqual([empty.status, code(empty)], [422, 42201]);
    }
    const nullDefault = JSON.stringify({
      type: 'record',
      name: 'Rec',
      fields: [{ name: 'f', type: 'string', default: null }],
    });
    assert.equal(code(await compat('s', 'latest', nullDefault)), 42201);
    assert.equal(code(await register('s', nullDefault)), 42201);
    assert.equal(code(await r.call('GET', '/subjects/s/versions')), 40401);
  });

  it('RestApiTest.testRegisterDiffSchemaType: under NONE one subject takes Avro, then JSON, then Protobuf', async () => {
    await start();
    await r.call('PUT', '/config/s', { compatibility: 'NONE' });
    assert.equal(field(await register('s', rec(['a'])), 'id'), 1);
    const json = '{"type":"object","properties":{"a":{"type":"string"}}}';
    const proto = 'syntax = "proto3";\nmessage M {\n  string a = 1;\n}\n';
    const check = (schema: string, schemaType: string) =>
      r.call('POST', '/compatibility/subjects/s/versions/latest', { schema, schemaType });
    assert.deepEqual((await check(json, 'JSON')).body, { is_compatible: true });
    assert.equal(field(await register('s', json, { schemaType: 'JSON' }), 'id'), 2);
    assert.deepEqual((await check(proto, 'PROTOBUF')).body, { is_compatible: true });
    assert.equal(field(await register('s', proto, { schemaType: 'PROTOBUF' }), 'id'), 3);
    assert.deepEqual((await r.call('GET', '/subjects/s/versions')).body, [1, 2, 3]);
  });

  it('RestApiTest.testImportSameSchemaDifferentVersion: in IMPORT one schema and id may fill several versions', async () => {
    await start();
    await r.call('PUT', '/mode', { mode: 'IMPORT' });
    for (const version of [1, 2, 1])
      assert.equal(field(await register('imp', rec(['a']), { id: 1, version }), 'id'), 1);
    assert.deepEqual((await r.call('GET', '/subjects/imp/versions')).body, [1, 2]);
  });

  it('RestApiModeTest.testImportModeWithEquivalentSchemaDifferentId: the same schema written in another key order takes its own imported id', async () => {
    await start();
    await r.call('PUT', '/mode', { mode: 'IMPORT' });
    const decimal = (props: Record<string, unknown>) =>
      JSON.stringify({
        type: 'record',
        name: 'Money',
        fields: [{ name: 'amount', type: ['null', { type: 'bytes', ...props }], default: null }],
      });
    const first = decimal({ scale: 2, precision: 12, logicalType: 'decimal' });
    const second = decimal({ logicalType: 'decimal', precision: 12, scale: 2 });
    assert.equal(field(await register('money', first, { id: 40, version: 1 }), 'id'), 40);
    assert.equal(field(await register('money', second, { id: 80, version: 2 }), 'id'), 80);
    const v1 = await r.call('GET', '/subjects/money/versions/1');
    const v2 = await r.call('GET', '/subjects/money/versions/2');
    assert.deepEqual([field(v1, 'id'), field(v2, 'id')], [40, 80]);
    assert.equal(field(v2, 'schema'), (await r.call('GET', '/schemas/ids/80/schema')).text);
  });

  it('RestApiModeTest.testRegisterSchemaWithSameIdAfterImport / testRegisterIncompatibleSchemaDuringImport', async () => {
    await start();
    const a = rec(['a']);
    const b = JSON.stringify({ type: 'record', name: 'Rec', fields: [{ name: 'a', type: 'int' }] });
    // Registered, subject deleted, imported back under its old id, twice.
    assert.equal(field(await register('same', a), 'id'), 1);
    await r.call('DELETE', '/subjects/same');
    assert.equal((await r.call('PUT', '/mode', { mode: 'IMPORT' })).status, 200);
    assert.equal(field(await register('same', a, { id: 1, version: 1 }), 'id'), 1);
    await r.call('DELETE', '/subjects/same');
    assert.equal(field(await register('same', a, { id: 1, version: 1 }), 'id'), 1);
    assert.equal(field(await r.call('GET', '/subjects/same/versions/1'), 'schema'), a);
    // IMPORT skips the compatibility check: an incompatible schema is imported as version 2.
    assert.equal(field(await register('same', b, { id: 2, version: 2 }), 'id'), 2);
    assert.equal(field(await r.call('GET', '/subjects/same/versions/2'), 'schema'), b);
  });

  it('RestApiModeTest.testRegisterSchemaWithDifferentIdAfterImport: the schema of a deleted subject comes back under another id', async () => {
    await start();
    const c = rec(['c']);
    assert.equal(field(await register('diff', c), 'id'), 1);
    await r.call('DELETE', '/subjects/diff');
    assert.equal((await r.call('PUT', '/mode', { mode: 'IMPORT' })).status, 200);
    assert.equal(field(await register('diff', c, { id: 9, version: 1 }), 'id'), 9);
    assert.equal(field(await r.call('GET', '/subjects/diff/versions/1'), 'id'), 9);
    assert.equal((await r.call('GET', '/schemas/ids/9/schema')).text, c);
  });

  it('RestApiModeTest.testRecursiveDeleteMixedContextAndSubjects: a recursive delete clears the context and each subject mode, whatever they were', async () => {
    await start();
    const ctx = ':.mixed:';
    const mode = (s: string) => r.call('GET', `/mode/${enc(s)}`);
    assert.equal((await r.call('PUT', `/mode/${enc(ctx)}`, { mode: 'IMPORT' })).status, 200);
    await r.call('PUT', `/mode/${enc(`${ctx}one`)}`, { mode: 'READONLY' });
    await r.call('PUT', `/mode/${enc(`${ctx}two`)}`, { mode: 'READWRITE' });
    await r.call('PUT', `/mode/${enc(':.kept:one')}`, { mode: 'READONLY' });
    assert.deepEqual((await mode(`${ctx}two`)).body, { mode: 'READWRITE' });
    assert.deepEqual((await r.call('DELETE', `/mode/${enc(ctx)}?recursive=true`)).body, { mode: 'IMPORT' });
    for (const s of [ctx, `${ctx}one`, `${ctx}two`, `${ctx}three`]) assert.equal(code(await mode(s)), 40409);
    assert.deepEqual((await mode(':.kept:one')).body, { mode: 'READONLY' });
  });

  it('RestApiCompatibilityTest.testClearCompatibilityGroup: a config field sent as null is cleared, an absent one kept', async () => {
    await start();
    assert.deepEqual(
      (await r.call('PUT', '/config', { compatibilityGroup: 'app.version', validateFields: true })).body,
      { compatibilityGroup: 'app.version', validateFields: true },
    );
    assert.deepEqual((await r.call('PUT', '/config', { compatibilityGroup: null })).body, {
      validateFields: true,
    });
    assert.deepEqual((await r.call('GET', '/config')).body, {
      compatibilityLevel: 'BACKWARD',
      validateFields: true,
    });
    await r.call('PUT', '/config/s', { compatibility: 'FULL', normalize: true, alias: 'target' });
    assert.deepEqual((await r.call('PUT', '/config/s', { compatibility: null, alias: null })).body, {
      normalize: true,
    });
    assert.deepEqual((await r.call('GET', '/config/s')).body, {
      compatibilityLevel: 'BACKWARD',
      normalize: true,
    });
    // The cleared alias no longer redirects: s has no versions of its own.
    await register('target', rec(['a']));
    assert.equal(code(await r.call('GET', '/subjects/s/versions/1')), 40401);
  });

  it('RestApiCompatibilityTest.testAddCompatibilityGroup: a group added after the first version splits later checks by its value', async () => {
    await start();
    const v1 = rec(['a']);
    const v2 = rec(['a', 'b']);
    assert.equal(field(await register('s', v1, { metadata: { properties: {} } }), 'id'), 1);
    assert.equal(code(await register('s', v2)), 409);
    await r.call('PUT', '/config', { compatibilityGroup: 'application.version' });
    const inGroup2 = await register('s', v2, { metadata: { properties: { 'application.version': '2' } } });
    assert.equal(field(inGroup2, 'version'), 2);
    // Back in the group of version 1 (no value), the check is against version 1 only.
    const optional = JSON.stringify({
      type: 'record',
      name: 'Rec',
      fields: [
        { name: 'a', type: 'string' },
        { name: 'b', type: ['null', 'int'], default: null },
      ],
    });
    assert.equal(field(await register('s', optional, { metadata: { properties: {} } }), 'version'), 3);
  });

  it('RestApiCompatibilityTest.testGlobalContextWithNone: NONE on :.__GLOBAL: lets an incompatible schema in', async () => {
    await start();
    await register('s', rec(['a']));
    assert.equal(code(await register('s', rec(['a', 'b']))), 409);
    assert.deepEqual((await r.call('PUT', `/config/${enc(':.__GLOBAL:')}`, { compatibility: 'NONE' })).body, {
      compatibility: 'NONE',
    });
    assert.equal(field(await r.call('GET', '/config/s?defaultToGlobal=true'), 'compatibilityLevel'), 'NONE');
    assert.equal(field(await register('s', rec(['a', 'b'])), 'version'), 2);
  });

  it('RestApiCompatibilityTest.testGlobalNormalizeInheritedWhenSubjectConfigSet: a subject level does not hide the global normalize', async () => {
    await start();
    await r.call('PUT', '/config', { normalize: true });
    await r.call('PUT', '/config/s', { compatibility: 'BACKWARD' });
    assert.deepEqual((await r.call('GET', '/config/s?defaultToGlobal=true')).body, {
      compatibilityLevel: 'BACKWARD',
      normalize: true,
    });
    const badDefault = JSON.stringify({
      type: 'record',
      name: 'Rec',
      fields: [{ name: 'n', type: 'int', default: 'x' }],
    });
    assert.equal(code(await compat('s', 'latest', badDefault)), 42201);
    assert.equal(code(await register('s', badDefault)), 42201);
    // Normalize applies: a schema written with other key order is found as the one registered.
    await register('s', rec(['a']));
    const reordered = '{"fields":[{"type":"string","name":"a"}],"name":"Rec","type":"record"}';
    assert.equal(field(await r.call('POST', '/subjects/s', { schema: reordered }), 'version'), 1);
  });

  it('RestApiCompatibilityTest.testGetSchemasDeletedProperty: GET /schemas with deleted=true lists soft-deleted versions, marked (8.x)', async () => {
    await start({ shapes: '8' });
    await register('s', rec(['a']));
    await r.call('DELETE', '/subjects/s/versions/1');
    const all = (await r.call('GET', '/schemas?subjectPrefix=s&deleted=true')).body as Record<
      string,
      unknown
    >[];
    assert.equal(all.length, 1);
    assert.equal(all[0]?.['deleted'], true);
    assert.equal(typeof all[0]?.['ts'], 'number');
    assert.deepEqual((await r.call('GET', '/schemas?subjectPrefix=s')).body, []);
  });

  it('RestApiRegisterSchemaTagsTest.testRegisterSchemaTagsInDiffContext / testRegisterSchemaTagsInDiffContextDeprecated: tags in a named context', async () => {
    await start();
    const subject = ':.tagctx:s';
    const schema = '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"}]}';
    const tagsOn = (tags: string[]) => [
      { schemaEntity: { entityPath: 'myrecord', entityType: 'sr_record' }, tags },
    ];
    const withTags = (tags: string[]) => `${schema.slice(0, -1)},"confluent:tags":${JSON.stringify(tags)}}`;
    assert.equal(field(await register(subject, schema), 'id'), 1);
    const added = await register(subject, schema, { version: 2, schemaTagsToAdd: tagsOn(['T1', 'T2']) });
    assert.equal(field(added, 'id'), 2);
    const latest = await r.call('GET', `/subjects/${enc(subject)}/versions/latest`);
    assert.equal(field(latest, 'schema'), withTags(['T1', 'T2']));
    assert.deepEqual(field(latest, 'metadata'), { properties: { 'confluent:version': '2' } });
    // The older endpoint, in the context path form.
    const viaEndpoint = await r.call('POST', '/contexts/.tagctx/subjects/s/versions/latest/tags', {
      newVersion: 3,
      tagsToRemove: tagsOn(['T2']),
    });
    assert.equal(field(viaEndpoint, 'id'), 3);
    const third = await r.call('GET', `/subjects/${enc(subject)}/versions/3`);
    assert.equal(field(third, 'schema'), withTags(['T1']));
    // Context ids: the default context has none of these.
    assert.equal(code(await r.call('GET', '/schemas/ids/2')), 40403);
  });

  it('RestApiRegisterSchemaTagsTest.testRegisterSchemaTagsWithInvalidSchemaDeprecated / testRegisterSchemaTagsWithInvalidTagsDeprecated / testRegisterSchemaWithoutNewVersionInputDeprecated', async () => {
    await start();
    const schema = '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"}]}';
    const tagsOn = (entityPath: string, entityType: string, tags: string[]) => [
      { schemaEntity: { entityPath, entityType }, tags },
    ];
    const tag = (subject: string, version: string, body: unknown) =>
      r.call('POST', `/subjects/${subject}/versions/${version}/tags`, body);
    const add = { newVersion: 2, tagsToAdd: tagsOn('myrecord', 'sr_record', ['T1']) };
    assert.equal(code(await tag('nobody', '1', add)), 40401);
    await register('s', schema);
    assert.equal(code(await tag('s', '2', add)), 40402);
    // A newVersion that is not the next one, and a field that does not exist: 42201, nothing written.
    assert.equal(code(await tag('s', '1', { ...add, newVersion: 1 })), 42201);
    const badPath = { newVersion: 2, tagsToAdd: tagsOn('does.not.exist', 'sr_field', ['T1']) };
    assert.equal(code(await tag('s', '1', badPath)), 42201);
    assert.deepEqual((await r.call('GET', '/subjects/s/versions')).body, [1]);
    // Without newVersion the next version is taken, and confluent:version says which.
    const withTags = (tags: string[]) => `${schema.slice(0, -1)},"confluent:tags":${JSON.stringify(tags)}}`;
    assert.equal(
      field(await tag('s', 'latest', { tagsToAdd: tagsOn('myrecord', 'sr_record', ['T1', 'T2']) }), 'id'),
      2,
    );
    assert.equal(
      field(await tag('s', 'latest', { tagsToRemove: tagsOn('myrecord', 'sr_record', ['T2']) }), 'id'),
      3,
    );
    const latest = await r.call('GET', '/subjects/s/versions/latest');
    assert.deepEqual(
      [field(latest, 'version'), field(latest, 'schema'), field(latest, 'metadata')],
      [3, withTags(['T1']), { properties: { 'confluent:version': '3' } }],
    );
  });

  it('protobuf RestApiTest.testGuidIsCorrectWithSerializedFormat: format=serialized changes the schema text, not the guid (8.x)', async () => {
    await start({ shapes: '8' });
    const proto = 'syntax = "proto3";\npackage acme.orders;\n\nmessage Order {\n  string id = 1;\n}\n';
    await register('orders', proto, { schemaType: 'PROTOBUF' });
    const plain = await r.call('GET', '/subjects/orders/versions/latest');
    const guid = field(plain, 'guid');
    assert.match(String(guid), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const serialized = await r.call('GET', '/subjects/orders/versions/latest?format=serialized');
    assert.notEqual(field(serialized, 'schema'), field(plain, 'schema'));
    assert.equal(field(serialized, 'guid'), guid);
    const lookup = (query: string) =>
      r.call('POST', `/subjects/orders${query}`, { schema: proto, schemaType: 'PROTOBUF' });
    const looked = await lookup('?format=serialized');
    assert.equal(field(looked, 'guid'), guid);
    // The lookup answers in the format asked for, as SubjectsResource does.
    assert.equal(field(looked, 'schema'), field(serialized, 'schema'));
    assert.equal(field(await lookup(''), 'schema'), field(plain, 'schema'));
  });

  it('without an encoder secret, sensitive metadata values read back as sent, also after a restart', async () => {
    const dir = tempDir();
    await start({ dataDir: dir, metadataSecrets: {} });
    const properties = { nonsensitive: 'foo', sensitive: 'secret-value' };
    const metadata = { properties, sensitive: ['sensitive'] };
    const first = await register('rotation', rec(['a']), { metadata });
    assert.equal(field(first, 'id'), 1);
    const readBack = async (id: number) =>
      (field(await r.call('GET', `/schemas/ids/${id}`), 'metadata') as { properties?: unknown }).properties;
    assert.deepEqual(await readBack(1), properties);
    assert.deepEqual((await r.call('GET', '/schemas/ids/1/versions')).body, [
      { subject: 'rotation', version: 1 },
    ]);
    await r.server.close();
    await start({ dataDir: dir, metadataSecrets: {} });
    assert.deepEqual(await readBack(1), properties);
    const again = { nonsensitive: 'bar', sensitive: 'another-secret' };
    const second = await register('rotation2', rec(['a']), {
      metadata: { properties: again, sensitive: ['sensitive'] },
    });
    assert.equal(field(second, 'id'), 2);
    assert.deepEqual(await readBack(2), again);
  });

  it('RestApiTest.testBasic: versions numbered per subject, ids across them, re-registering finds, lists grow', async () => {
    await start();
    assert.deepEqual((await r.call('GET', '/subjects')).body, []);
    assert.equal(code(await r.call('GET', '/subjects/first/versions')), 40401);
    await r.call('PUT', '/config', { compatibility: 'NONE' });
    const first = Array.from({ length: 6 }, (_, i) => rec([`a${i}`]));
    const second = Array.from({ length: 3 }, (_, i) => rec([`b${i}`]));
    for (const [i, s] of first.entries()) {
      const reply = await register('first', s);
      assert.deepEqual(
        [field(reply, 'id'), (await r.call('GET', `/subjects/first/versions/${i + 1}`)).body],
        [i + 1, { subject: 'first', version: i + 1, id: i + 1, schema: s }],
      );
    }
    for (const [i, s] of first.entries()) assert.equal(field(await register('first', s), 'id'), i + 1);
    for (const [i, s] of second.entries()) assert.equal(field(await register('second', s), 'id'), 7 + i);
    assert.deepEqual((await r.call('GET', '/subjects/first/versions')).body, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual((await r.call('GET', '/subjects/second/versions')).body, [1, 2, 3]);
    assert.deepEqual((await r.call('GET', '/subjects')).body, ['first', 'second']);
    assert.equal((await r.call('GET', '/schemas/ids/8/schema')).text, second[1]);
  });

  it('RestApiTest.testSchemaMissingReferences: a named type from another subject, sent without its reference, is 42201', async () => {
    await start();
    const sub = JSON.stringify({
      type: 'record',
      name: 'Part',
      namespace: 'o',
      fields: [{ name: 'x', type: 'int' }],
    });
    const whole = JSON.stringify({ type: 'record', name: 'Whole', fields: [{ name: 'p', type: 'o.Part' }] });
    await register('part', sub);
    const without = await register('whole', whole, { references: [] });
    assert.deepEqual([without.status, code(without)], [422, 42201]);
    const withRef = await register('whole', whole, {
      references: [{ name: 'o.Part', subject: 'part', version: 1 }],
    });
    assert.equal(field(withRef, 'id'), 2);
  });

  it('json RestApiTest.testBasic: JSON schemas numbered per subject, found again, listed', async () => {
    await start();
    await r.call('PUT', '/config', { compatibility: 'NONE' });
    const schema = (name: string) =>
      JSON.stringify({ type: 'object', properties: { [name]: { type: 'string' } } });
    const reg = (subject: string, s: string) => register(subject, s, { schemaType: 'JSON' });
    for (const [i, n] of ['a', 'b', 'c', 'd'].entries())
      assert.equal(field(await reg('j1', schema(n)), 'id'), i + 1);
    for (const [i, n] of ['a', 'b', 'c', 'd'].entries())
      assert.equal(field(await reg('j1', schema(n)), 'id'), i + 1);
    for (const [i, n] of ['e', 'f'].entries()) assert.equal(field(await reg('j2', schema(n)), 'id'), 5 + i);
    assert.deepEqual((await r.call('GET', '/subjects/j1/versions')).body, [1, 2, 3, 4]);
    assert.deepEqual((await r.call('GET', '/subjects/j2/versions')).body, [1, 2]);
    assert.deepEqual((await r.call('GET', '/subjects')).body, ['j1', 'j2']);
    assert.equal(field(await r.call('GET', '/subjects/j2/versions/2'), 'schemaType'), 'JSON');
  });

  it('json RestApiTest.testBad: an unknown JSON type and a reference to a missing subject are 42201; nothing is listed', async () => {
    await start();
    const bad = JSON.stringify({ type: 'bad-object', properties: { f: { type: 'string' } } });
    const badReply = await register('j', bad, { schemaType: 'JSON' });
    assert.deepEqual([badReply.status, code(badReply)], [422, 42201]);
    const good = JSON.stringify({ type: 'object', properties: { f: { type: 'string' } } });
    const badRef = await register('j', good, {
      schemaType: 'JSON',
      references: [{ name: 'bad', subject: 'bad', version: 100 }],
    });
    assert.deepEqual([badRef.status, code(badRef)], [422, 42201]);
    assert.deepEqual((await r.call('GET', '/subjects')).body, []);
  });

  it('a remembered lookup answer does not outlive a change of state', async () => {
    await start();
    await r.call('PUT', '/config/s', { compatibility: 'NONE' });
    await register('s', rec(['a']));
    const body = { schema: rec(['a']) };
    for (let i = 0; i < 2; i++) assert.equal(field(await r.call('POST', '/subjects/s', body), 'version'), 1);
    await r.call('DELETE', '/subjects/s/versions/1');
    assert.equal(code(await r.call('POST', '/subjects/s', body)), 40401);
    assert.equal(field(await register('s', rec(['a'])), 'version'), 2);
    assert.equal(field(await r.call('POST', '/subjects/s', body), 'version'), 2);
    assert.equal(field(await r.call('POST', '/subjects/s?deleted=true', body), 'version'), 2);
  });
});

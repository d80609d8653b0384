import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTestRegistry, type Reply, type TestRegistry } from './support.js';

// Schema tags on register and through the older tags endpoint (registry-protocol.md §3.10). Each
// test names the method of Confluent's RestApiRegisterSchemaTagsTest it follows.

const code = (r: Reply): unknown => (r.body as { error_code?: unknown }).error_code;
const field = (r: Reply, name: string): unknown => (r.body as Record<string, unknown>)[name];
const cv = (r: Reply): unknown =>
  (field(r, 'metadata') as { properties?: Record<string, string> } | undefined)?.properties?.[
    'confluent:version'
  ];

const SCHEMA = '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"}]}';
const record = (tags: string[]) => ({
  schemaEntity: { entityPath: 'myrecord', entityType: 'sr_record' },
  tags,
});
const tagged = (tags: string[]) =>
  `{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"}],"confluent:tags":${JSON.stringify(tags)}}`;

describe('schema tags (§3.10)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
    assert.equal(field(await r.call('POST', '/subjects/test/versions', { schema: SCHEMA }), 'id'), 1);
  });
  afterEach(async () => {
    await r.stop();
  });

  const latest = (query = '?findTags=*') => r.call('GET', `/subjects/test/versions/latest${query}`);

  it('RestApiRegisterSchemaTagsTest.testRegisterSchemaTagsBasic: add, remove, find and propagate tags', async () => {
    const added = await r.call('POST', '/subjects/test/versions', {
      schema: SCHEMA,
      version: 2,
      schemaTagsToAdd: [record(['TAG1', 'TAG2'])],
    });
    assert.equal(field(added, 'id'), 2, added.text);
    let got = await latest();
    assert.deepEqual(
      [field(got, 'schema'), field(got, 'version'), cv(got)],
      [tagged(['TAG1', 'TAG2']), 2, '2'],
    );
    assert.deepEqual(field(got, 'schemaTags'), [record(['TAG1', 'TAG2'])]);
    // schemaTags come right after the schema.
    assert.deepEqual(Object.keys(got.body as object).slice(-2), ['schema', 'schemaTags']);

    const removed = await r.call('POST', '/subjects/test/versions', {
      schema: tagged(['TAG1', 'TAG2']),
      version: 3,
      schemaTagsToRemove: [record(['TAG2'])],
    });
    assert.equal(field(removed, 'id'), 3, removed.text);
    got = await latest();
    assert.deepEqual([field(got, 'schema'), cv(got)], [tagged(['TAG1']), '3']);
    const byId = await r.call('GET', '/schemas/ids/3?subject=test&findTags=TAG1');
    assert.deepEqual(field(byId, 'schemaTags'), [record(['TAG1'])]);
    assert.equal(field(await r.call('GET', '/schemas/ids/3?findTags=OTHER'), 'schemaTags'), undefined);

    // propagateSchemaTags carries the latest version's tags into an evolved schema.
    const evolved = (f1Tags: string) =>
      `{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"${f1Tags}},{"name":"f2","type":"string","default":"hi"}]}`;
    const propagated = await r.call('POST', '/subjects/test/versions', {
      schema: evolved(''),
      propagateSchemaTags: true,
    });
    assert.equal(field(propagated, 'id'), 4, propagated.text);
    got = await latest();
    assert.equal(field(got, 'schema'), evolved('').replace(/}$/, ',"confluent:tags":["TAG1"]}'));

    const withField = await r.call('POST', '/subjects/test/versions', {
      schema: evolved(',"confluent:tags":["TAG2"]'),
      propagateSchemaTags: true,
    });
    assert.equal(field(withField, 'id'), 5, withField.text);
    got = await latest();
    assert.deepEqual(field(got, 'schemaTags'), [
      record(['TAG1']),
      { schemaEntity: { entityPath: 'myrecord.f1', entityType: 'sr_field' }, tags: ['TAG2'] },
    ]);
    const both = await r.call('GET', '/schemas/ids/5?findTags=TAG1&findTags=TAG2');
    assert.equal((field(both, 'schemaTags') as unknown[]).length, 2);
  });

  it('RestApiRegisterSchemaTagsTest.testRegisterSchemaWithoutNewVersionInput: without a version the next one is taken, with confluent:version', async () => {
    const added = await r.call('POST', '/subjects/test/versions', {
      schema: SCHEMA,
      schemaTagsToAdd: [record(['TAG1', 'TAG2'])],
    });
    assert.equal(field(added, 'id'), 2, added.text);
    const got = await latest('');
    assert.deepEqual(
      [field(got, 'schema'), field(got, 'version'), cv(got)],
      [tagged(['TAG1', 'TAG2']), 2, '2'],
    );
  });

  it('RestApiRegisterSchemaTagsTest.testRegisterSchemaTagsWithInvalidSchema and testRegisterSchemaTagsWithInvalidTags: 42201', async () => {
    const tags = { schemaTagsToAdd: [record(['TAG1'])] };
    const none = await r.call('POST', '/subjects/non-exist/versions', {
      schema: SCHEMA,
      version: 2,
      ...tags,
    });
    assert.equal(code(none), 42201);
    const existing = await r.call('POST', '/subjects/test/versions', { schema: SCHEMA, version: 1, ...tags });
    assert.equal(code(existing), 42201);
    const badPath = await r.call('POST', '/subjects/test/versions', {
      schema: SCHEMA,
      version: 2,
      schemaTagsToAdd: [
        { schemaEntity: { entityPath: 'does.not.exist', entityType: 'sr_field' }, tags: ['TAG1'] },
      ],
    });
    assert.deepEqual([badPath.status, code(badPath)], [422, 42201]);
    assert.match(
      (badPath.body as { message: string }).message,
      /No matching path 'does.not.exist' found in the schema/,
    );
  });

  it('RestApiRegisterSchemaTagsTest.testRegisterSchemaTagsBasicDeprecated: the tags endpoint adds and removes tags as new versions', async () => {
    const added = await r.call('POST', '/subjects/test/versions/latest/tags', {
      newVersion: 2,
      tagsToAdd: [record(['TAG1', 'TAG2'])],
    });
    assert.equal(field(added, 'id'), 2, added.text);
    let got = await latest();
    assert.deepEqual(
      [field(got, 'schema'), field(got, 'version'), cv(got)],
      [tagged(['TAG1', 'TAG2']), 2, '2'],
    );
    const removed = await r.call('POST', '/subjects/test/versions/latest/tags', {
      newVersion: 3,
      tagsToRemove: [record(['TAG2'])],
    });
    assert.equal(field(removed, 'id'), 3, removed.text);
    got = await latest();
    assert.deepEqual([field(got, 'schema'), cv(got)], [tagged(['TAG1']), '3']);
    assert.equal(
      code(await r.call('POST', '/subjects/none/versions/1/tags', { tagsToAdd: [record(['T'])] })),
      40401,
    );
    assert.equal(
      code(await r.call('POST', '/subjects/test/versions/9/tags', { tagsToAdd: [record(['T'])] })),
      40402,
    );
  });

  it('RestApiRegisterSchemaTagsTest.testRegisterSchemaTagsIncrementalRuleSetDeprecated: rulesToMerge and rulesToRemove edit the previous rules by name', async () => {
    const rule = (name: string, mode: string, tag: string) => ({
      name,
      mode,
      type: 'fooType',
      tags: [tag],
      onFailure: 'NONE',
    });
    const full = (name: string, mode: string, tag: string) => ({
      name,
      kind: 'TRANSFORM',
      mode,
      type: 'fooType',
      tags: [tag],
      onFailure: 'NONE',
      disabled: false,
    });
    const first = await r.call('POST', '/subjects/test/versions/latest/tags', {
      newVersion: 2,
      rulesToMerge: {
        migrationRules: [
          rule('myMigrationRule', 'UPGRADE', 'PII'),
          rule('myMigrationRule2', 'UPGRADE', 'PII'),
        ],
        domainRules: [
          rule('myRule', 'WRITEREAD', 'PII'),
          rule('myRule2', 'WRITEREAD', 'PII'),
          rule('myRule3', 'WRITEREAD', 'PII'),
        ],
      },
      rulesToRemove: ['myRule4'],
    });
    assert.equal(field(first, 'id'), 2, first.text);
    const second = await r.call('POST', '/subjects/test/versions/latest/tags', {
      newVersion: 3,
      rulesToMerge: {
        migrationRules: [rule('myMigrationRule3', 'UPGRADE', 'PII2')],
        domainRules: [
          rule('myRule5', 'WRITEREAD', 'PII2'),
          rule('myRule4', 'WRITEREAD', 'PII2'),
          rule('myRule2', 'WRITEREAD', 'PII2'),
        ],
      },
      rulesToRemove: ['myRule', 'myMigrationRule2'],
    });
    assert.equal(field(second, 'id'), 3, second.text);
    assert.deepEqual(field(second, 'ruleSet'), {
      migrationRules: [
        full('myMigrationRule', 'UPGRADE', 'PII'),
        full('myMigrationRule3', 'UPGRADE', 'PII2'),
      ],
      domainRules: [
        full('myRule3', 'WRITEREAD', 'PII'),
        full('myRule5', 'WRITEREAD', 'PII2'),
        full('myRule4', 'WRITEREAD', 'PII2'),
        full('myRule2', 'WRITEREAD', 'PII2'),
      ],
    });
    assert.equal(cv(await latest('')), '3');
    const both = await r.call('POST', '/subjects/test/versions/latest/tags', {
      ruleSet: {},
      rulesToRemove: ['x'],
    });
    assert.equal(code(both), 42210);
  });
});

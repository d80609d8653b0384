import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTestRegistry, type Reply, type TestRegistry } from './support.js';

// More of the Protobuf provider over REST. Each test names the method of Confluent's
// rest/protobuf/RestApiTest it follows.

const field = (r: Reply, name: string): unknown => (r.body as Record<string, unknown>)[name];
const meta = (r: Reply): unknown =>
  ((r.body as { metadata?: { properties?: Record<string, string> } }).metadata?.properties ?? {})[
    'confluent:version'
  ];

describe('Protobuf over REST, more', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  const register = (subject: string, body: Record<string, unknown>): Promise<Reply> =>
    r.call('POST', `/subjects/${encodeURIComponent(subject)}/versions`, { schemaType: 'PROTOBUF', ...body });

  it('protobuf RestApiTest.testCustomOption: options with an unresolved custom name on a message, oneof and enum register and read back unchanged', async () => {
    const schema =
      'syntax = "proto3";\n\nimport "google/protobuf/descriptor.proto";\n\n' +
      'option java_package = "com.acme.options";\noption java_outer_classname = "Cards";\n' +
      'option php_namespace = "Acme\\\\V1";\n\n' +
      'message Hand {\n  option (doc_url) = "https://example.com/hand";\n\n  Suit suit = 1;\n\n' +
      '  oneof owner {\n    option (doc_url) = "https://example.com/owner";\n  \n    string name = 2;\n    int32 seat = 3;\n  }\n\n' +
      '  enum Suit {\n    option (doc_url) = "https://example.com/suit";\n    SPADES = 0;\n    HEARTS = 1;\n  }\n}\n';
    const reg = await register('cards', { schema });
    assert.equal(field(reg, 'id'), 1, reg.text);
    const got = await r.call('GET', '/schemas/ids/1');
    assert.equal(String(field(got, 'schema')).trim(), schema.trim());
  });
  const M1 =
    'syntax = "proto3";\npackage acme.tick;\n\nmessage Tick {\n  string f1 = 1;\n  string f2 = 2;\n}\n';

  it('protobuf RestApiTest.testConfluentVersion: confluent:version is set by an explicit version, matched on lookup, kept on re-register', async () => {
    const lookup = (body: Record<string, unknown>): Promise<Reply> =>
      r.call('POST', '/subjects/tick', { schemaType: 'PROTOBUF', schema: M1, ...body });
    const latest = (): Promise<Reply> => r.call('GET', '/subjects/tick/versions/latest');
    assert.equal(field(await register('tick', { schema: M1 }), 'id'), 1);
    let got = await latest();
    assert.equal(field(got, 'schema'), M1);
    assert.equal(field(got, 'version'), 1);
    assert.equal(field(got, 'metadata'), undefined);
    assert.equal(field(await register('tick', { schema: M1, version: -1 }), 'id'), 1);
    assert.equal(field(await register('tick', { schema: M1, version: 2 }), 'id'), 2);
    assert.equal(field(await register('tick', { schema: M1, version: -1 }), 'id'), 2);
    got = await latest();
    assert.equal(field(got, 'version'), 2);
    assert.equal(meta(got), '2');

    got = await lookup({});
    assert.equal(field(got, 'version'), 1);
    assert.equal(field(got, 'metadata'), undefined);
    got = await lookup({ metadata: { properties: { 'confluent:version': '1' } } });
    assert.equal(field(got, 'version'), 1);
    assert.equal(field(got, 'metadata'), undefined);
    got = await lookup({ metadata: { properties: { 'confluent:version': '2' } } });
    assert.equal(field(got, 'version'), 2);
    assert.equal(meta(got), '2');

    assert.equal((await r.call('DELETE', '/subjects/tick/versions/1')).status, 200);
    got = await lookup({});
    assert.equal(field(got, 'version'), 2);
    assert.equal(meta(got), '2');
    assert.equal(field(await register('tick', { schema: M1 }), 'id'), 2);
    assert.equal(field(await latest(), 'version'), 2);

    assert.equal(field(await register('tick', { schema: M1, version: 3 }), 'id'), 3);
    assert.equal(field(await register('tick', { schema: M1, version: -1 }), 'id'), 3);
    got = await latest();
    assert.equal(field(got, 'version'), 3);
    assert.equal(meta(got), '3');
    const again = await register('tick', { schema: M1, version: 3 });
    assert.equal(field(again, 'error_code'), 42201, 'a version that is not the next one is refused');
    assert.equal(field(await register('tick', { schema: M1, version: 4 }), 'id'), 4);
    got = await lookup({});
    assert.equal(field(got, 'version'), 4);
    assert.equal(meta(got), '4');

    const withVersion = (v: string): Record<string, unknown> => ({
      schema: M1,
      metadata: { properties: { 'confluent:version': v } },
    });
    assert.equal(field(await register('tick', withVersion('-1')), 'id'), 5);
    assert.equal(meta(await latest()), '5');
    assert.equal(field(await register('tick', withVersion('2')), 'id'), 2);
    assert.equal(field(await register('tick', withVersion('3')), 'id'), 3);
    assert.equal(field(await register('tick', withVersion('0')), 'id'), 6);
    got = await latest();
    assert.equal(field(got, 'version'), 6);
    assert.equal(meta(got), '6');
    assert.equal(field(await register('tick', { schema: M1, metadata: { properties: {} } }), 'id'), 6);

    const mine = { schema: M1, metadata: { properties: { mykey: 'myvalue' } } };
    assert.equal(field(await register('tick', mine), 'id'), 7);
    got = await latest();
    assert.equal(field(got, 'version'), 7);
    assert.equal(meta(got), undefined);
    assert.equal(field(await register('tick', { schema: M1, version: -1 }), 'id'), 8);
    assert.equal(meta(await latest()), '8');
    got = await lookup({ metadata: mine.metadata });
    assert.equal(field(got, 'version'), 7);
    assert.equal(meta(got), undefined);
    assert.equal((await r.call('DELETE', '/subjects/tick/versions/7')).status, 200);
    got = await lookup({ metadata: mine.metadata });
    assert.equal(field(got, 'version'), 8);
    assert.equal(meta(got), '8');
  });

  it('protobuf RestApiTest.testParsedSchemaCacheAcrossSubjects: one schema in two subjects is one id, read alike under either subject', async () => {
    const schema =
      'syntax = "proto3";\npackage acme.cache;\n\nmessage Flag {\n  string name = 1;\n  bool is_active = 2;\n}\n';
    const id1 = field(await register('cache-one', { schema }), 'id');
    const id2 = field(await register('cache-two', { schema }), 'id');
    assert.equal(id1, 1);
    assert.equal(id2, id1);
    const one = await r.call('GET', `/schemas/ids/${String(id1)}?subject=cache-one`);
    const two = await r.call('GET', `/schemas/ids/${String(id2)}?subject=cache-two`);
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(two.body, one.body);
    assert.equal(field(one, 'schema'), schema);
    assert.equal(field(one, 'schemaType'), 'PROTOBUF');
  });
  const PLAIN =
    'syntax = "proto3";\npackage acme.tags;\n\nmessage Account {\n  string id = 1;\n  string email = 2;\n}\n';
  const tagged = (tags: string[]): string =>
    'syntax = "proto3";\npackage acme.tags;\n\nmessage Account {\n  string id = 1;\n' +
    '  string email = 2 [(confluent.field_meta) = {\n    tags: [\n' +
    tags.map((t) => `      "${t}"`).join(',\n') +
    '\n    ]\n  }];\n}\n';
  const entity = (path: string, tags: string[]): Record<string, unknown> => ({
    schemaEntity: { entityPath: path, entityType: 'sr_field' },
    tags,
  });
  const latestOf = async (subject: string): Promise<Reply> =>
    r.call('GET', `/subjects/${subject}/versions/latest`);

  it('protobuf RestApiTest.testRegisterSchemaTagsBasic: schemaTagsToAdd/ToRemove write (confluent.field_meta).tags as new versions', async () => {
    assert.equal(field(await register('acct', { schema: PLAIN }), 'id'), 1);
    // `.Account.email` is the same entity as `Account.email`: its tags join.
    const add = await register('acct', {
      schema: PLAIN,
      schemaTagsToAdd: [entity('Account.email', ['PII']), entity('.Account.email', ['SECRET'])],
    });
    assert.equal(field(add, 'id'), 2, add.text);
    let got = await latestOf('acct');
    assert.equal(field(got, 'schema'), tagged(['PII', 'SECRET']));
    assert.equal(field(got, 'version'), 2);
    assert.equal(meta(got), '2');

    const remove = await register('acct', {
      schema: tagged(['PII', 'SECRET']),
      version: 3,
      schemaTagsToRemove: [entity('Account.email', ['SECRET'])],
    });
    assert.equal(field(remove, 'id'), 3, remove.text);
    got = await latestOf('acct');
    assert.equal(field(got, 'schema'), tagged(['PII']));
    assert.equal(field(got, 'version'), 3);
    assert.equal(meta(remove), '3');

    const found = await r.call('GET', '/subjects/acct/versions/latest?findTags=PII');
    assert.deepEqual(field(found, 'schemaTags'), [
      { schemaEntity: { entityPath: 'Account.email', entityType: 'sr_field' }, tags: ['PII'] },
    ]);
  });

  it('protobuf RestApiTest.testRegisterSchemaTagsBasicDeprecated: POST /subjects/{s}/versions/latest/tags adds and removes Protobuf field tags', async () => {
    assert.equal(field(await register('acct', { schema: PLAIN }), 'id'), 1);
    const tagsCall = (body: Record<string, unknown>): Promise<Reply> =>
      r.call('POST', '/subjects/acct/versions/latest/tags', body);
    const add = await tagsCall({
      tagsToAdd: [entity('Account.email', ['PII']), entity('.Account.email', ['SECRET'])],
    });
    assert.equal(field(add, 'id'), 2, add.text);
    let got = await latestOf('acct');
    assert.equal(field(got, 'schema'), tagged(['PII', 'SECRET']));
    assert.equal(meta(got), '2');
    const remove = await tagsCall({ newVersion: 3, tagsToRemove: [entity('Account.email', ['SECRET'])] });
    assert.equal(field(remove, 'id'), 3, remove.text);
    got = await latestOf('acct');
    assert.equal(field(got, 'schema'), tagged(['PII']));
    assert.equal(field(got, 'version'), 3);
    assert.equal(meta(remove), '3');
  });

  it("protobuf schema tags: nested messages, oneof fields and other options, merged in the registry's order; an unknown entity is 42201", async () => {
    const schema =
      'syntax = "proto3";\npackage acme.tags;\n\nmessage Outer {\n  message Inner {\n    string code = 1;\n  }\n' +
      '  Inner inner = 1 [deprecated = true];\n  oneof contact {\n    string phone = 2;\n    string mail = 3;\n  }\n}\n';
    assert.equal(field(await register('nest', { schema }), 'id'), 1);
    const reg = await register('nest', {
      schema,
      schemaTagsToAdd: [
        { schemaEntity: { entityPath: 'Outer.Inner', entityType: 'sr_record' }, tags: ['REF'] },
        entity('Outer.Inner.code', ['CODE']),
        entity('Outer.inner', ['LINK']),
        entity('Outer.contact.phone', ['PII']),
      ],
    });
    assert.equal(reg.status, 200, reg.text);
    const text = String(field(await latestOf('nest'), 'schema'));
    assert.match(
      text,
      /message Inner \{\n {4}option \(confluent\.message_meta\) = \{\n {6}tags: \[\n {8}"REF"\n {6}\]\n {4}\};/,
    );
    assert.match(text, /string code = 1 \[\(confluent\.field_meta\) = \{/);
    // HashMap order of the merged option names: `confluent.field_meta` before `deprecated`.
    assert.match(
      text,
      /Inner inner = 1 \[\n {4}\(confluent\.field_meta\) = \{\n {6}tags: \[\n {8}"LINK"\n {6}\]\n {4}\},\n {4}deprecated = true\n {2}\];/,
    );
    assert.match(text, /string phone = 2 \[\(confluent\.field_meta\) = \{/);
    const found = await r.call('GET', '/subjects/nest/versions/latest?findTags=*');
    assert.deepEqual(
      (field(found, 'schemaTags') as Array<{ schemaEntity: { entityPath: string } }>).map(
        (t) => t.schemaEntity.entityPath,
      ),
      // Oneof fields first, named without the oneof; nested messages after their parent's fields.
      ['Outer.phone', 'Outer.inner', 'Outer.Inner', 'Outer.Inner.code'],
    );
    const bad = await register('nest', { schema, schemaTagsToAdd: [entity('Outer.nothing', ['X'])] });
    assert.equal(field(bad, 'error_code'), 42201, bad.text);
    assert.match(String(field(bad, 'message')), /No matching Field with name 'nothing'/);
  });

  it("protobuf schema tags: propagateSchemaTags copies the latest version's field and message tags into the next schema; findTags on /schemas/ids", async () => {
    const v1 =
      'syntax = "proto3";\npackage acme.tags;\n\nmessage Account {\n  option (confluent.message_meta).tags = "OWNED";\n' +
      '  string id = 1;\n  string email = 2 [(confluent.field_meta).tags = "PII"];\n}\n';
    assert.equal(field(await register('prop', { schema: v1 }), 'id'), 1);
    const v2 =
      'syntax = "proto3";\npackage acme.tags;\n\nmessage Account {\n  string id = 1;\n  string email = 2;\n  string name = 3;\n}\n';
    const reg = await register('prop', { schema: v2, propagateSchemaTags: true });
    assert.equal(field(reg, 'id'), 2, reg.text);
    const text = String(field(await latestOf('prop'), 'schema'));
    // Propagated tags are added as a list, as any added tags are.
    const listed = (tag: string, indent: string): string =>
      `{\n${indent}  tags: [\n${indent}    "${tag}"\n${indent}  ]\n${indent}}`;
    assert.ok(text.includes(`  option (confluent.message_meta) = ${listed('OWNED', '  ')};\n`), text);
    assert.ok(text.includes(`  string email = 2 [(confluent.field_meta) = ${listed('PII', '  ')}];\n`), text);
    assert.match(text, /string name = 3;/);
    const found = await r.call('GET', '/schemas/ids/2?findTags=PII&findTags=OWNED');
    assert.deepEqual(field(found, 'schemaTags'), [
      { schemaEntity: { entityPath: 'Account', entityType: 'sr_record' }, tags: ['OWNED'] },
      { schemaEntity: { entityPath: 'Account.email', entityType: 'sr_field' }, tags: ['PII'] },
    ]);
  });
});

describe('Avro over REST, lenient names', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  it('RestApiTest.testRegisterSchemaWithInvalidNamespace: an invalid namespace is 42201, registered once validateNewSchemas is false; an invalid name stays 42201', async () => {
    const record = (name: string, namespace: string): string =>
      JSON.stringify({
        type: 'record',
        name,
        namespace,
        fields: [
          { name: 'f', type: 'string' },
          { name: 'g', type: 'string', default: 'd' },
        ],
      });
    const register = (schema: string): Promise<Reply> =>
      r.call('POST', '/subjects/bad-space/versions', { schema });
    const badSpace = record('myrecord', 'a-bad.namespace');
    assert.equal(field(await register(badSpace), 'error_code'), 42201);
    const config = await r.call('PUT', '/config', { compatibility: 'BACKWARD', validateNewSchemas: false });
    assert.equal(config.status, 200, config.text);
    const reg = await register(badSpace);
    assert.equal(field(reg, 'id'), 1, reg.text);
    const back = await r.call('GET', '/schemas/ids/1');
    assert.equal(JSON.parse(String(field(back, 'schema'))).namespace, 'a-bad.namespace');
    // The registry still checks simple names of a schema that is not new.
    assert.equal(field(await register(record('my-record', 'good.space')), 'error_code'), 42201);
  });
});

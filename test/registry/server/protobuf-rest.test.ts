import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTestRegistry, type Reply, type TestRegistry } from './support.js';

// The Protobuf provider over REST (registry-protocol.md §3, §4, §7). Each test names the method of
// Confluent's rest/protobuf/RestApiTest (or the ProtobufSchema behaviour) it follows.

const code = (r: Reply): unknown => (r.body as { error_code?: unknown }).error_code;
const field = (r: Reply, name: string): unknown => (r.body as Record<string, unknown>)[name];

/** A proto3 file in `pkg` with one message of string fields, written as the registry's canonical form. */
const proto = (pkg: string, message: string, fields: string[]): string =>
  `syntax = "proto3";\npackage ${pkg};\n\nmessage ${message} {\n${fields
    .map((f, i) => `  string ${f} = ${i + 1};\n`)
    .join('')}}\n`;

const CUSTOMER = proto('acme.crm', 'Customer', ['name', 'email']);

// The referrer imports the customer file (a reference) and a well-known type (built in, no reference).
const ORDER =
  'syntax = "proto3";\npackage acme.sales;\n\nimport "acme/crm/customer.proto";\n' +
  'import "google/protobuf/timestamp.proto";\n\nmessage Order {\n  acme.crm.Customer customer = 1;\n' +
  '  google.protobuf.Timestamp placed_at = 2;\n  map<string, acme.crm.Customer> contacts = 3;\n}\n';
const CUSTOMER_REF = { name: 'acme/crm/customer.proto', subject: 'customer', version: 1 };

describe('Protobuf over REST', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  const register = (subject: string, body: Record<string, unknown>, query = ''): Promise<Reply> =>
    r.call('POST', `/subjects/${encodeURIComponent(subject)}/versions${query}`, {
      schemaType: 'PROTOBUF',
      ...body,
    });
  const lookup = (subject: string, body: Record<string, unknown>, query = ''): Promise<Reply> =>
    r.call('POST', `/subjects/${encodeURIComponent(subject)}${query}`, { schemaType: 'PROTOBUF', ...body });

  it('protobuf RestApiTest.testBasic: PROTOBUF is a served type; versions register, re-registering finds them', async () => {
    assert.deepEqual((await r.call('GET', '/schemas/types')).body, ['AVRO', 'JSON', 'PROTOBUF']);
    await r.call('PUT', '/config', { compatibility: 'NONE' });
    const schemas = [1, 2, 3].map((n) => proto(`p${n}`, `M${n}`, [`f${n}`]));
    for (const [i, schema] of schemas.entries()) {
      const reg = await register('topic1', { schema });
      assert.equal(field(reg, 'id'), i + 1, reg.text);
    }
    for (const [i, schema] of schemas.entries())
      assert.equal(field(await register('topic1', { schema }), 'id'), i + 1);
    assert.deepEqual((await r.call('GET', '/subjects/topic1/versions')).body, [1, 2, 3]);
    const v2 = await r.call('GET', '/subjects/topic1/versions/2');
    assert.equal(field(v2, 'schemaType'), 'PROTOBUF');
    assert.equal(field(v2, 'schema'), schemas[1]);
  });

  it('protobuf RestApiTest.testSchemaReferences: imports through references, well-known types built in, lookup, deletes guarded', async () => {
    assert.equal(field(await register('customer', { schema: CUSTOMER }), 'id'), 1);
    const reg = await register('order', { schema: ORDER, references: [CUSTOMER_REF] });
    assert.equal(field(reg, 'id'), 2, reg.text);

    const byId = await r.call('GET', '/schemas/ids/2');
    assert.equal(field(byId, 'schema'), ORDER);
    assert.equal(field(byId, 'schemaType'), 'PROTOBUF');
    assert.deepEqual(field(byId, 'references'), [CUSTOMER_REF]);
    assert.equal((await r.call('GET', '/schemas/ids/2/schema')).text, ORDER);

    const found = await lookup('order', { schema: ORDER, references: [CUSTOMER_REF] });
    assert.deepEqual([field(found, 'id'), field(found, 'version')], [2, 1], found.text);
    assert.deepEqual((await r.call('GET', '/subjects/customer/versions/1/referencedby')).body, [2]);
    assert.equal(code(await r.call('DELETE', '/subjects/customer/versions/1')), 42206);
    assert.equal((await r.call('DELETE', '/subjects/order/versions/1')).body, 1);
    assert.equal((await r.call('DELETE', '/subjects/customer/versions/1')).body, 1);
  });

  it('protobuf RestApiTest.testSchemaReferences: a reference named as a built-in file replaces it', async () => {
    const meta = 'syntax = "proto3";\npackage confluent;\n\nmessage Note {\n  string text = 1;\n}\n';
    assert.equal(field(await register('confluent/meta.proto', { schema: meta }), 'id'), 1);
    const user =
      'syntax = "proto3";\npackage app;\n\nimport "confluent/meta.proto";\n\nmessage Holder {\n  confluent.Note note = 1;\n}\n';
    const ref = { name: 'confluent/meta.proto', subject: 'confluent/meta.proto', version: 1 };
    const reg = await register('holder', { schema: user, references: [ref] });
    assert.equal(field(reg, 'id'), 2, reg.text);
    // Without the reference, the built-in meta.proto has no message Note (a strict check finds it).
    await r.call('PUT', '/config', { validateFields: true });
    const without = await register('holder2', { schema: user });
    assert.equal(code(without), 42201, without.text);
  });

  it('protobuf RestApiTest.testSchemaReferencesPkg: a map of a type from another package', async () => {
    const msg1 = proto('pkg1', 'Message1', ['s']);
    assert.equal(field(await register('pkg1/msg1.proto', { schema: msg1 }), 'id'), 1);
    const msg2 =
      'syntax = "proto3";\npackage pkg2;\n\nimport "pkg1/msg1.proto";\n\nmessage Message2 {\n' +
      '  map<string, pkg1.Message1> map = 1;\n  pkg1.Message1 f2 = 2;\n}\n';
    const ref = { name: 'pkg1/msg1.proto', subject: 'pkg1/msg1.proto', version: 1 };
    const reg = await register('pkg2/msg2.proto', { schema: msg2, references: [ref] });
    assert.equal(field(reg, 'id'), 2, reg.text);
  });

  it('protobuf RestApiTest.testSchemaMissingReferences: an import no reference provides is 42201 naming it', async () => {
    const reg = await register('order', { schema: ORDER, references: [] });
    assert.equal(reg.status, 422);
    assert.equal(code(reg), 42201);
    assert.match(field(reg, 'message') as string, /acme\/crm\/customer\.proto/);
  });

  it('protobuf RestApiTest.testIncompatibleSchema: 409 with the registry messages; verbose compatibility lists each direction', async () => {
    const v1 =
      'syntax = "proto3";\npackage pkg3;\n\nmessage Schema1 {\n  string f1 = 1;\n  string f2 = 2;\n}\n';
    const v2 =
      'syntax = "proto3";\npackage pkg3;\n\nmessage Schema1 {\n  string f1 = 1;\n  int32 f2 = 2;\n}\n';
    await r.call('PUT', '/config/testSubject', { compatibility: 'FULL' });
    assert.equal(field(await register('testSubject', { schema: v1 }), 'id'), 1);
    const refused = await register('testSubject', { schema: v2 });
    assert.equal(refused.status, 409);
    const message = field(refused, 'message') as string;
    for (const part of ['oldSchemaVersion:', 'oldSchema:', 'compatibility:'])
      assert.ok(message.includes(part), message);

    const check = await r.call('POST', '/compatibility/subjects/testSubject/versions/1?verbose=true', {
      schemaType: 'PROTOBUF',
      schema: v2,
    });
    assert.equal(field(check, 'is_compatible'), false);
    const messages = field(check, 'messages') as string[];
    const kind = (who: string, other: string): string =>
      `{errorType:"FIELD_SCALAR_KIND_CHANGED", description:"The kind of a SCALAR field at path '#/Schema1/2' in the ${who} schema does not match its kind in the ${other} schema"}`;
    // FULL checks the old version reading the new one first, then the new reading the old (mutual read).
    assert.deepEqual(messages, [
      kind('old', 'new'),
      kind('new', 'old'),
      '{oldSchemaVersion: 1}',
      `{oldSchema: '${v1}'}`,
      "{validateFields: 'false', compatibility: 'FULL'}",
    ]);
  });

  it('protobuf RestApiTest.testIncompatibleSchema (compatible side): a new field and a renamed one pass BACKWARD', async () => {
    const v1 = proto('pkg', 'M', ['a', 'b']);
    const v2 =
      'syntax = "proto3";\npackage pkg;\n\nmessage M {\n  string a = 1;\n  string renamed = 2;\n  int64 c = 3;\n}\n';
    assert.equal(field(await register('s', { schema: v1 }), 'id'), 1);
    const check = await r.call('POST', '/compatibility/subjects/s/versions/latest', {
      schemaType: 'PROTOBUF',
      schema: v2,
    });
    assert.equal(field(check, 'is_compatible'), true, check.text);
    assert.equal(field(await register('s', { schema: v2 }), 'id'), 2);
  });

  it('protobuf RestApiTest.testSchemaNormalization: reordered options, imports and fields are found with normalize=true', async () => {
    const msg1 = proto('pkg1', 'Message1', ['s']);
    const msg2 = proto('pkg2', 'Message2', ['s']);
    assert.equal(field(await register('pkg1/msg1.proto', { schema: msg1 }), 'id'), 1);
    assert.equal(field(await register('pkg2/msg2.proto', { schema: msg2 }), 'id'), 2);
    const ref1 = { name: 'pkg1/msg1.proto', subject: 'pkg1/msg1.proto', version: 1 };
    const ref2 = { name: 'pkg2/msg2.proto', subject: 'pkg2/msg2.proto', version: 1 };
    const msg3 =
      'syntax = "proto3";\npackage pkg3;\n\noption go_package = "pkg3pb";\noption java_package = "com.pkg3";\n\n' +
      'import "pkg1/msg1.proto";\nimport "pkg2/msg2.proto";\n\nmessage Message3 {\n' +
      '  map<string, pkg1.Message1> map = 1;\n  pkg1.Message1 f1 = 2;\n  pkg2.Message2 f2 = 3;\n}\n';
    const reg = await register('subject1', { schema: msg3, references: [ref1, ref2] }, '?normalize=true');
    assert.equal(field(reg, 'id'), 3, reg.text);
    const alternate =
      'syntax = "proto3";\npackage pkg3;\n\noption java_package = "com.pkg3";\noption go_package = "pkg3pb";\n\n' +
      'import "pkg2/msg2.proto";\nimport "pkg1/msg1.proto";\n\nmessage Message3 {\n' +
      '  pkg2.Message2 f2 = 3;\n  pkg1.Message1 f1 = 2;\n  map<string, pkg1.Message1> map = 1;\n}\n';
    const found = await lookup(
      'subject1',
      { schema: alternate, references: [ref2, ref1] },
      '?normalize=true',
    );
    assert.deepEqual([field(found, 'id'), field(found, 'version')], [3, 1], found.text);
    // Without normalize the reordered fields are another schema (the canonical form keeps their order).
    assert.equal(code(await lookup('subject1', { schema: alternate, references: [ref1, ref2] })), 40403);
  });

  it('ProtobufSchema.canonicalString: the stored text is the canonical form; the same schema written otherwise is found', async () => {
    const written =
      '// customer records\nsyntax = "proto3";\npackage   acme.crm;\nmessage Customer { string name = 1; // who\n' +
      '  string email = 2; }\n';
    const reg = await register('customer', { schema: written });
    assert.equal(field(reg, 'id'), 1, reg.text);
    assert.equal(field(await r.call('GET', '/schemas/ids/1'), 'schema'), CUSTOMER);
    assert.equal(field(await register('customer', { schema: CUSTOMER }), 'id'), 1);
    const found = await lookup('customer', { schema: CUSTOMER });
    assert.deepEqual([field(found, 'id'), field(found, 'version')], [1, 1], found.text);
    assert.deepEqual((await r.call('GET', '/subjects/customer/versions')).body, [1]);
  });

  it('protobuf RestApiTest.testBad: a syntax error is 42201 with the parser message; a missing reference is 42201', async () => {
    const bad = await register('testTopic1', { schema: 'syntax = "proto3";\nmessage {\n' });
    assert.equal(bad.status, 422);
    assert.equal(code(bad), 42201);
    assert.match(
      field(bad, 'message') as string,
      /^Invalid schema of type PROTOBUF, details: Invalid schema of type PROTOBUF, details: 2:\d+: /,
    );
    const badRef = await register('testTopic1', {
      schema: proto('p', 'M', ['a']),
      references: [{ name: 'bad', subject: 'bad', version: 100 }],
    });
    assert.equal(code(badRef), 42201, badRef.text);
    assert.deepEqual((await r.call('GET', '/subjects')).body, []);
  });

  const FLOATS =
    'syntax = "proto3";\npackage com.example;\n\nmessage Floats {\n  repeated float values = 1;\n}\n';
  const USES_FLOATS =
    'syntax = "proto3";\npackage com.example;\n\nimport "floats.proto";\n\n' +
    'message Features {\n  map<string, Floats> floats = 1;\n}\n';
  const FLOATS_REF = { name: 'floats.proto', subject: 'floats.proto', version: 1 };

  // Confluent's case is a type from a referenced file that the schema does not import; our Protobuf
  // core resolves it through the reference anyway (see docs/registry-server.md), so this test uses a
  // type that resolves nowhere.
  it('protobuf RestApiTest.testValidateFieldsRejectsBrokenReference: with validateFields, an unresolved type is 42201', async () => {
    assert.equal(field(await register('floats.proto', { schema: FLOATS }), 'id'), 1);
    await r.call('PUT', '/config', { validateFields: true });
    const broken = USES_FLOATS.replace('map<string, Floats>', 'map<string, Floatz>');
    const reg = await register('broken', { schema: broken, references: [FLOATS_REF] });
    assert.equal(code(reg), 42201, reg.text);
    assert.match(field(reg, 'message') as string, /Floatz/);
  });

  it('protobuf RestApiTest.testValidateFieldsDisabledAcceptsBrokenReference: without it, the registry registers it', async () => {
    assert.equal(field(await register('floats.proto', { schema: FLOATS }), 'id'), 1);
    await r.call('PUT', '/config', { validateFields: false });
    const broken = USES_FLOATS.replace('map<string, Floats>', 'map<string, Floatz>');
    const reg = await register('broken', { schema: broken, references: [FLOATS_REF] });
    assert.equal(field(reg, 'id'), 2, reg.text);
    // The default config (no validateFields) is the same.
    await r.call('DELETE', '/config');
    const other = await register('broken2', {
      schema: 'syntax = "proto3";\nmessage A {\n  Missing m = 1;\n}\n',
    });
    assert.equal(field(other, 'id'), 3, other.text);
  });

  it('protobuf RestApiTest.testValidateFieldsAcceptsValidReference and testValidateFieldsAcceptsWellKnownImports', async () => {
    assert.equal(field(await register('floats.proto', { schema: FLOATS }), 'id'), 1);
    await r.call('PUT', '/config', { validateFields: true });
    const reg = await register('valid', { schema: USES_FLOATS, references: [FLOATS_REF] });
    assert.equal(field(reg, 'id'), 2, reg.text);
    const wellKnown =
      'syntax = "proto3";\npackage com.example;\n\nimport "google/protobuf/timestamp.proto";\n' +
      'import "google/protobuf/duration.proto";\n\nmessage Event {\n  string name = 1;\n' +
      '  google.protobuf.Timestamp created_at = 2;\n  google.protobuf.Duration ttl = 3;\n}\n';
    assert.equal(field(await register('wellknown', { schema: wellKnown }), 'id'), 3);
  });

  it('a base64 FileDescriptorProto that declares nothing is 42201 (a real one registers: descriptor.test.ts)', async () => {
    // FileDescriptorProto { name: "x.proto" }: field 1, length 7, then the bytes; no syntax, no types.
    const descriptor = Buffer.concat([Buffer.from([0x0a, 7]), Buffer.from('x.proto')]).toString('base64');
    const reg = await register('s', { schema: descriptor });
    assert.equal(code(reg), 42201, reg.text);
    assert.deepEqual((await r.call('GET', '/subjects')).body, []);
  });

  it('protobuf schema tags: an entity path starting with the package names no message, 42201 and nothing registered', async () => {
    assert.equal(field(await register('tagged', { schema: CUSTOMER }), 'id'), 1);
    const tags = [
      { schemaEntity: { entityPath: 'acme.crm.Customer', entityType: 'sr_record' }, tags: ['PII'] },
    ];
    const reply = await r.call('POST', '/subjects/tagged/versions/latest/tags', { tagsToAdd: tags });
    assert.equal(code(reply), 42201, reply.text);
    assert.match(String(field(reply, 'message')), /No matching Message with name 'acme'/);
    assert.deepEqual((await r.call('GET', '/subjects/tagged/versions')).body, [1]);
  });

  it('protobuf RestApiContextTest (references): an import resolves in the holder context, not the default one', async () => {
    assert.equal(field(await register(':.team:customer', { schema: CUSTOMER }), 'id'), 1);
    const reg = await register(':.team:order', { schema: ORDER, references: [CUSTOMER_REF] });
    assert.equal(field(reg, 'id'), 2, reg.text);
    const byId = await r.call('GET', `/schemas/ids/2?subject=${encodeURIComponent(':.team:order')}`);
    assert.equal(field(byId, 'schema'), ORDER, byId.text);
    // The default context has no subject customer: the same reference is 42201 there.
    assert.equal(code(await register('order', { schema: ORDER, references: [CUSTOMER_REF] })), 42201);
  });
});

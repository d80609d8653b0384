import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  JsonSchemaDeserializer,
  JsonSchemaSerializer,
  PayloadMismatchError,
  SerdeError,
} from '../../src/serde/index.js';
import { countingRegistry, rejected, startTestRegistry, thrown, type TestRegistry } from './support.js';

const person = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'com.acme.Person',
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer', minimum: 0 },
    email: { type: 'string', format: 'email' },
  },
  required: ['name'],
};

let registry: TestRegistry;
before(async () => {
  registry = await startTestRegistry();
});
after(async () => {
  await registry.close();
});

test('writes header + UTF-8 JSON (golden bytes) and reads it back', async () => {
  const serializer = new JsonSchemaSerializer(registry.client, { schema: person });
  const bytes = await serializer.serialize('people', { name: 'Zoë', age: 3 });
  const latest = await registry.client.getVersion('people-value', 'latest');
  assert.equal(latest.schemaType, 'JSON');
  const id = latest.id.toString(16).padStart(8, '0');
  assert.equal(
    bytes.toString('hex'),
    `00${id}${Buffer.from('{"name":"Zoë","age":3}', 'utf8').toString('hex')}`,
  );
  const deserializer = new JsonSchemaDeserializer(registry.client);
  assert.deepEqual(await deserializer.deserialize('people', bytes), { name: 'Zoë', age: 3 });
});

test('the schema is compiled and fetched once per id; the sync paths work once prepared', async () => {
  const counting = countingRegistry(registry.client);
  const serializer = new JsonSchemaSerializer(counting, { schema: JSON.stringify(person) });
  assert.equal(
    (thrown(() => serializer.serializeSync('people2', { name: 'a' })) as SerdeError).reason,
    'NOT_READY',
  );
  await serializer.prepare('people2');
  const frames = Array.from({ length: 20 }, (_, i) =>
    serializer.serializeSync('people2', { name: `p${i}`, age: i }),
  );
  const deserializer = new JsonSchemaDeserializer(counting);
  await deserializer.deserialize('people2', frames[0]!);
  for (let i = 0; i < frames.length; i++)
    assert.deepEqual(deserializer.deserializeSync('people2', frames[i]!), { name: `p${i}`, age: i });
  assert.equal(counting.calls.register, 1);
  assert.equal(counting.calls.getSchemaById, 1);
});

test('values that fail validation are refused on write with the failing path', async () => {
  const serializer = new JsonSchemaSerializer(registry.client, { schema: person });
  const cases: Array<[unknown, string, RegExp]> = [
    [{ name: 'a', age: -1 }, '/age', /\/age: must be >= 0/],
    [{ name: 'a', age: 1.5 }, '/age', /\/age: must be integer/],
    [{ age: 1 }, '/', /\(root\): must have required property 'name'/],
    [{ name: 'a', email: 'not-an-email' }, '/email', /\/email: must match format "email"/],
  ];
  for (const [value, path, message] of cases) {
    const error = await rejected(serializer.serialize('people3', value));
    assert.ok(error instanceof PayloadMismatchError, JSON.stringify(value));
    assert.deepEqual(error.paths, [path]);
    assert.match(error.message, message);
  }
  const unchecked = new JsonSchemaSerializer(registry.client, { schema: person, validate: false });
  const bytes = await unchecked.serialize('people3', { age: -1 });
  assert.equal(bytes.subarray(5).toString(), '{"age":-1}');
});

test('documents are validated on read against the writer schema; garbage is a payload mismatch', async () => {
  const { id } = await registry.client.register('people4-value', {
    schemaType: 'JSON',
    schema: JSON.stringify(person),
  });
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  const deserializer = new JsonSchemaDeserializer(registry.client);
  const invalid = await rejected(
    deserializer.deserialize('people4', Buffer.concat([header, Buffer.from('{"age":"x"}')]), {
      partition: 0,
      offset: 9,
    }),
  );
  assert.ok(invalid instanceof PayloadMismatchError);
  assert.equal(invalid.offset, '9');
  assert.match(invalid.message, /document does not match the JSON Schema/);
  const notJson = await rejected(
    deserializer.deserialize('people4', Buffer.concat([header, Buffer.from('{"name":')])),
  );
  assert.ok(notJson instanceof PayloadMismatchError);
  assert.match(notJson.message, /payload is not JSON/);
  const lenient = new JsonSchemaDeserializer(registry.client, { validate: false });
  assert.deepEqual(
    await lenient.deserialize('people4', Buffer.concat([header, Buffer.from('{"age":"x"}')])),
    { age: 'x' },
  );
});

test('record strategy uses the title; v1 and v2 sharing an $id both compile', async () => {
  // Closed content model: adding an optional property is then a compatible (BACKWARD) change.
  const withId = { ...person, $id: 'https://acme.example/person.json', additionalProperties: false };
  const v2 = { ...withId, properties: { ...withId.properties, nick: { type: 'string' } } };
  const a = await new JsonSchemaSerializer(registry.client, {
    schema: withId,
    subjectNameStrategy: 'record',
  }).serialize('t', { name: 'a' });
  const b = await new JsonSchemaSerializer(registry.client, {
    schema: v2,
    subjectNameStrategy: 'record',
  }).serialize('t', { name: 'b', nick: 'bee' });
  const latest = await registry.client.getVersion('com.acme.Person', 'latest');
  assert.equal(latest.version, 2);
  const deserializer = new JsonSchemaDeserializer(registry.client);
  assert.deepEqual(await deserializer.deserialize('t', a), { name: 'a' });
  assert.deepEqual(await deserializer.deserialize('t', b), { name: 'b', nick: 'bee' });
});

test('draft 2020-12 schemas use the 2020 dialect', async () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'array',
    prefixItems: [{ type: 'string' }, { type: 'integer' }],
    items: false,
  };
  const serializer = new JsonSchemaSerializer(registry.client, { schema });
  assert.equal((await serializer.serialize('tuples', ['a', 1])).subarray(5).toString(), '["a",1]');
  assert.ok((await rejected(serializer.serialize('tuples', ['a', 1, 2]))) instanceof PayloadMismatchError);
});

test('an Avro id given to the JSON deserializer is WRONG_SCHEMA_TYPE; useLatestVersion refuses an Avro subject', async () => {
  const { id } = await registry.client.register('avro-only-value', { schema: '"string"' });
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  const error = await rejected(
    new JsonSchemaDeserializer(registry.client).deserialize(
      'avro-only',
      Buffer.concat([header, Buffer.from('"x"')]),
    ),
  );
  assert.ok(error instanceof SerdeError);
  assert.equal(error.reason, 'WRONG_SCHEMA_TYPE');
  const latest = await rejected(
    new JsonSchemaSerializer(registry.client, { useLatestVersion: true }).serialize('avro-only', 'x'),
  );
  assert.ok(latest instanceof SerdeError);
  assert.equal(latest.reason, 'WRONG_SCHEMA_TYPE');
});

test('JSON Schema references resolve through the registry', async () => {
  const address = {
    $id: 'address.json',
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  };
  const addressVersion = await registry.client.register('address', {
    schemaType: 'JSON',
    schema: JSON.stringify(address),
  });
  const customer = {
    type: 'object',
    properties: { address: { $ref: 'address.json' } },
    required: ['address'],
  };
  const references = [{ name: 'address.json', subject: 'address', version: addressVersion.version ?? 1 }];
  const serializer = new JsonSchemaSerializer(registry.client, { schema: customer, references });
  const bytes = await serializer.serialize('customers', { address: { city: 'Basel' } });
  assert.deepEqual(await new JsonSchemaDeserializer(registry.client).deserialize('customers', bytes), {
    address: { city: 'Basel' },
  });
  const error = await rejected(serializer.serialize('customers', { address: {} }));
  assert.ok(error instanceof PayloadMismatchError);
  assert.deepEqual(error.paths, ['/address']);
});

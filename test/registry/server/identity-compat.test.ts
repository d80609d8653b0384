import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { avroRecord, startTestRegistry, type TestRegistry } from './support.js';

const S1 = '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"}]}';
const S2 =
  '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"},{"name":"f2","type":"string","default":"foo"}]}';
const S3 =
  '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"},{"name":"f2","type":"string"}]}';

describe('schema identity (§4.1, §4.2)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  it('the same schema in two subjects has one id; each subject numbers its own versions', async () => {
    await r.call('PUT', '/config', { compatibility: 'NONE' });
    const A = avroRecord('a', ['x']);
    const B = avroRecord('b', ['y']);
    const ids = [];
    for (const [subject, schema] of [
      ['s1', A],
      ['s1', B],
      ['s2', B],
    ] as const) {
      const body = (await r.call('POST', `/subjects/${subject}/versions`, { schema })).body as {
        id: number;
        version: number;
      };
      ids.push([body.id, body.version]);
    }
    assert.deepEqual(ids, [
      [1, 1],
      [2, 2],
      [2, 1],
    ]);
    assert.deepEqual((await r.call('GET', '/schemas/ids/2/subjects')).body, ['s1', 's2']);
    assert.deepEqual((await r.call('GET', '/schemas/ids/2/versions')).body, [
      { subject: 's1', version: 2 },
      { subject: 's2', version: 1 },
    ]);
  });

  it('whitespace and {"type":"string"} vs "string" do not make a new schema; GET returns the canonical string', async () => {
    const first = await r.call('POST', '/subjects/s/versions', { schema: '{   "type":   "string"}' });
    const second = await r.call('POST', '/subjects/s/versions', { schema: '"string"' });
    assert.deepEqual(first.body, { id: 1, version: 1, schema: '"string"' });
    assert.deepEqual(second.body, first.body);
    const lookup = await r.call('POST', '/subjects/s', { schema: '{"type" : "string"}' });
    assert.deepEqual(lookup.body, { subject: 's', version: 1, id: 1, schema: '"string"' });
    assert.equal((await r.call('GET', '/subjects/s/versions/1/schema')).text, '"string"');
    assert.equal((await r.call('GET', '/schemas/ids/1/schema')).text, '"string"');
  });

  it('re-registering an older live version answers it and writes nothing', async () => {
    await r.call('POST', '/subjects/s/versions', { schema: S1 });
    await r.call('POST', '/subjects/s/versions', { schema: S2 });
    const again = await r.call('POST', '/subjects/s/versions', { schema: S1 });
    assert.deepEqual(again.body, { id: 1, version: 1, schema: S1 });
    assert.deepEqual((await r.call('GET', '/subjects/s/versions')).body, [1, 2]);
  });

  it('a doc change is a different schema', async () => {
    await r.call('POST', '/subjects/s/versions', { schema: S1 });
    const withDoc = JSON.stringify({ ...JSON.parse(S1), doc: 'people' });
    const res = await r.call('POST', '/subjects/s/versions', { schema: withDoc });
    assert.equal((res.body as { id: number }).id, 2);
  });

  it('lookup: 40401 for an unknown subject, 40403 for a schema the subject lacks, deleted=true finds soft-deleted ones', async () => {
    assert.equal(
      ((await r.call('POST', '/subjects/none', { schema: S1 })).body as { error_code: number }).error_code,
      40401,
    );
    await r.call('POST', '/subjects/s/versions', { schema: S1 });
    assert.deepEqual((await r.call('POST', '/subjects/s', { schema: S2 })).body, {
      error_code: 40403,
      message: 'Schema not found',
    });
    await r.call('POST', '/subjects/s/versions', { schema: S2 });
    await r.call('DELETE', '/subjects/s/versions/1');
    assert.equal((await r.call('POST', '/subjects/s', { schema: S1 })).status, 404);
    assert.equal((await r.call('POST', '/subjects/s?deleted=true', { schema: S1 })).status, 200);
  });
});

describe('compatibility (§3.6, §4.8, §6.3)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  it('answers 409 with the registry details of §6.3 (worked example)', async () => {
    await r.call('POST', '/subjects/s/versions', { schema: S1 });
    const res = await r.call('POST', '/subjects/s/versions', { schema: S3 });
    assert.equal(res.status, 409);
    const details = [
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'f2'}",
      '{oldSchemaVersion: 1}',
      `{oldSchema: '${S1}'}`,
      "{validateFields: 'false', compatibility: 'BACKWARD'}",
    ];
    assert.deepEqual(res.body, {
      error_code: 409,
      message: `Schema being registered is incompatible with an earlier schema for subject "s", details: [${details.join(', ')}]`,
    });
    const verbose = await r.call('POST', '/compatibility/subjects/s/versions/latest?verbose=true', {
      schema: S3,
    });
    assert.deepEqual(verbose.body, { is_compatible: false, messages: details });
    const all = await r.call('POST', '/compatibility/subjects/s/versions?verbose=true', { schema: S3 });
    assert.deepEqual(all.body, { is_compatible: false, messages: details });
    assert.deepEqual((await r.call('POST', '/compatibility/subjects/s/versions/1', { schema: S2 })).body, {
      is_compatible: true,
    });
  });

  // Table: level, previous versions (oldest first), candidate, expected (§6.4 subset).
  const table: Array<[string, string[], string, boolean]> = [
    ['BACKWARD', [S1], S2, true],
    ['BACKWARD', [S1], S3, false],
    ['BACKWARD', [S1, S2], S3, true],
    ['BACKWARD_TRANSITIVE', [S1, S2], S3, false],
    ['FORWARD', [S1], S3, true],
    ['FULL', [S1], S2, true],
    ['FULL_TRANSITIVE', [S1, S2], S3, false],
    ['NONE', [S1], '{"type":"record","name":"other","fields":[]}', true],
  ];
  for (const [level, previous, candidate, ok] of table) {
    it(`${level}: ${previous.length} earlier → ${ok ? 'registers' : '409'}`, async () => {
      await r.call('PUT', '/config/s', { compatibility: 'NONE' });
      for (const p of previous)
        assert.equal((await r.call('POST', '/subjects/s/versions', { schema: p })).status, 200);
      await r.call('PUT', '/config/s', { compatibility: level });
      const check = await r.call('POST', '/compatibility/subjects/s/versions', { schema: candidate });
      assert.deepEqual(check.body, { is_compatible: ok });
      const res = await r.call('POST', '/subjects/s/versions', { schema: candidate });
      assert.equal(res.status, ok ? 200 : 409, res.text);
    });
  }

  it('a transitive check stops at the newest failing version', async () => {
    await r.call('PUT', '/config/s', { compatibility: 'BACKWARD_TRANSITIVE' });
    await r.call('POST', '/subjects/s/versions', { schema: S1 });
    await r.call('POST', '/subjects/s/versions', { schema: S2 });
    const intField = '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"int"}]}';
    const res = await r.call('POST', '/compatibility/subjects/s/versions?verbose=true', { schema: intField });
    const messages = (res.body as { messages: string[] }).messages;
    assert.equal(messages.filter((m) => m.startsWith('{oldSchemaVersion:')).length, 1);
    assert.ok(messages.includes('{oldSchemaVersion: 2}'), messages.join('\n'));
    assert.equal(messages.at(-1), "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}");
  });

  it('FULL: old-reads-new messages first, then new-reads-old, then one suffix', async () => {
    await r.call('PUT', '/config/s', { compatibility: 'FULL' });
    await r.call('POST', '/subjects/s/versions', { schema: S1 });
    const intField = '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"int"}]}';
    const res = await r.call('POST', '/compatibility/subjects/s/versions/latest?verbose=true', {
      schema: intField,
    });
    const messages = (res.body as { messages: string[] }).messages;
    assert.equal(messages.length, 5, messages.join('\n'));
    assert.match(
      messages[0] ?? '',
      /^\{errorType:'TYPE_MISMATCH', description:'The type \(path '[^']*'\) of a field in the old schema does not match with the new schema', additionalInfo:'reader type: STRING not compatible with writer type: INT'\}$/,
    );
    assert.match(
      messages[1] ?? '',
      /^\{errorType:'TYPE_MISMATCH', description:'The type \(path '[^']*'\) of a field in the new schema does not match with the old schema', additionalInfo:'reader type: INT not compatible with writer type: STRING'\}$/,
    );
    assert.deepEqual(messages.slice(2), [
      '{oldSchemaVersion: 1}',
      `{oldSchema: '${S1}'}`,
      "{validateFields: 'false', compatibility: 'FULL'}",
    ]);
  });

  it('a different schema type is incompatible, except under NONE', async () => {
    await r.call('POST', '/subjects/s/versions', { schema: S1 });
    const json = { schemaType: 'JSON', schema: '{"type":"object"}' };
    const res = await r.call('POST', '/subjects/s/versions', json);
    assert.equal(res.status, 409);
    assert.match((res.body as { message: string }).message, /Incompatible because of different schema type/);
    await r.call('PUT', '/config/s', { compatibility: 'NONE' });
    const ok = await r.call('POST', '/subjects/s/versions', json);
    assert.deepEqual(ok.body, { id: 2, version: 2, schemaType: 'JSON', schema: '{"type":"object"}' });
  });

  it('edge cases: missing subject + latest is compatible; a missing numeric version is 40402; invalid schema is 42201, or a verbose answer', async () => {
    assert.deepEqual(
      (await r.call('POST', '/compatibility/subjects/none/versions/latest', { schema: S1 })).body,
      { is_compatible: true },
    );
    assert.deepEqual((await r.call('POST', '/compatibility/subjects/none/versions', { schema: S1 })).body, {
      is_compatible: true,
    });
    assert.equal(
      (
        (await r.call('POST', '/compatibility/subjects/none/versions/3', { schema: S1 })).body as {
          error_code: number;
        }
      ).error_code,
      40402,
    );
    assert.equal(
      (
        (await r.call('POST', '/compatibility/subjects/none/versions/abc', { schema: S1 })).body as {
          error_code: number;
        }
      ).error_code,
      42202,
    );
    await r.call('POST', '/subjects/s/versions', { schema: S1 });
    const bad = '{"type":"record","name":"r","fields":[{"name":"a","type":"str"}]}';
    assert.equal(
      (
        (await r.call('POST', '/compatibility/subjects/s/versions/latest', { schema: bad })).body as {
          error_code: number;
        }
      ).error_code,
      42201,
    );
    const verbose = await r.call('POST', '/compatibility/subjects/s/versions/latest?verbose=true', {
      schema: bad,
    });
    assert.equal(verbose.status, 200);
    assert.equal((verbose.body as { is_compatible: boolean }).is_compatible, false);
    assert.match((verbose.body as { messages: string[] }).messages[0] ?? '', /^Invalid schema/);
  });

  it('JSON Schema: narrowing a type is refused with the JSON message envelope', async () => {
    await r.call('POST', '/subjects/j/versions', { schemaType: 'JSON', schema: '{"type":"number"}' });
    const res = await r.call('POST', '/compatibility/subjects/j/versions/latest?verbose=true', {
      schemaType: 'JSON',
      schema: '{"type":"integer"}',
    });
    const messages = (res.body as { messages: string[] }).messages;
    assert.match(messages[0] ?? '', /^\{errorType:"TYPE_NARROWED", description:".*'\}$/);
    assert.deepEqual(
      (
        await r.call('POST', '/compatibility/subjects/j/versions/latest', {
          schemaType: 'JSON',
          schema: '{"type":"number","description":"n"}',
        })
      ).body,
      { is_compatible: true },
    );
  });
});

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { avroRecord, startTestRegistry, type TestRegistry } from './support.js';

const code = (body: unknown): number | undefined => (body as { error_code?: number }).error_code;

/** A raw request, for bodies and headers fetch would not send as they are. */
function raw(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('protocol: routes, negotiation, bad input (§1, §2, §3)', () => {
  let r: TestRegistry;
  before(async () => {
    r = await startTestRegistry({ maxBodyBytes: 64 * 1024 });
    await r.call('POST', '/subjects/base/versions', { schema: avroRecord('base', ['a']) });
  });
  after(async () => {
    await r.stop();
  });

  it('root, metadata, types, contexts', async () => {
    assert.deepEqual((await r.call('GET', '/')).body, {});
    assert.deepEqual((await r.call('POST', '/', { a: 'b' })).body, {});
    const meta = (await r.call('GET', '/v1/metadata/id')).body as {
      scope: { path: unknown[]; clusters: Record<string, string> };
      id: string;
    };
    assert.deepEqual(meta.scope.path, []);
    assert.equal(meta.scope.clusters['schema-registry-cluster'], 'schema-registry');
    assert.equal(typeof meta.scope.clusters['kafka-cluster'], 'string');
    assert.deepEqual(((await r.call('GET', '/schemas/types')).body as string[]).sort(), [
      'AVRO',
      'JSON',
      'PROTOBUF',
    ]);
    assert.deepEqual((await r.call('GET', '/contexts')).body, ['.']);
  });

  it('unknown routes (such as /associations) are a 404 with an error body; wrong methods a 405', async () => {
    for (const path of [
      '/associations/resources/ns/topic',
      '/associations',
      '/nothing/here',
      '/schemas/guids/abc',
    ]) {
      const res = await r.call('GET', path);
      assert.equal(res.status, 404);
      assert.deepEqual(res.body, { error_code: 404, message: 'HTTP 404 Not Found' });
    }
    const wrong = await r.call('PATCH', '/subjects');
    assert.deepEqual([wrong.status, code(wrong.body)], [405, 405]);
  });

  it('negotiates the response type from Accept, and refuses unknown request types', async () => {
    const plain = await r.call('GET', '/subjects', undefined, { Accept: 'application/json' });
    assert.equal(plain.headers.get('content-type'), 'application/json');
    const both = await r.call('GET', '/subjects', undefined, {
      Accept: 'application/json, application/vnd.schemaregistry+json',
    });
    assert.equal(both.headers.get('content-type'), 'application/vnd.schemaregistry+json');
    const v1 = await r.call('GET', '/subjects', undefined, { Accept: 'application/*' });
    assert.equal(v1.headers.get('content-type'), 'application/vnd.schemaregistry.v1+json');
    const none = await r.call('GET', '/subjects', undefined, { Accept: 'text/html' });
    assert.deepEqual([none.status, code(none.body)], [406, 406]);
    const body = JSON.stringify({ schema: avroRecord('base', ['a']) });
    const text = await raw(r.url, 'POST', '/subjects/base', { 'Content-Type': 'text/plain' }, body);
    assert.equal(text.status, 415);
    for (const type of [
      'application/json; charset=utf-8',
      'application/vnd.schemaregistry+json',
      'application/octet-stream',
    ]) {
      assert.equal(
        (await raw(r.url, 'POST', '/subjects/base', { 'Content-Type': type }, body)).status,
        200,
        type,
      );
    }
    assert.equal((await raw(r.url, 'POST', '/subjects/base', {}, body)).status, 200);
  });

  // Table: what is sent, and the registry's answer (HTTP status, error_code).
  const cases: Array<[string, string, string, unknown, number, number]> = [
    ['malformed JSON', 'POST', '/subjects/x/versions', '{"schema": ', 400, 400],
    ['no body', 'POST', '/subjects/x/versions', '', 422, 422],
    ['body is an array', 'POST', '/subjects/x/versions', '[]', 400, 400],
    ['schema is an object', 'POST', '/subjects/x/versions', { schema: { type: 'string' } }, 400, 400],
    [
      'references not an array',
      'POST',
      '/subjects/x/versions',
      { schema: '"int"', references: 'nope' },
      400,
      400,
    ],
    [
      'reference without a version',
      'POST',
      '/subjects/x/versions',
      { schema: '"int"', references: [{ name: 'a', subject: 'b' }] },
      422,
      42201,
    ],
    [
      'version in the body not a number',
      'POST',
      '/subjects/x/versions',
      { schema: '"int"', version: 'two' },
      400,
      400,
    ],
    [
      'version not one more than the previous',
      'POST',
      '/subjects/x/versions',
      { schema: '"int"', version: 5 },
      422,
      42201,
    ],
    [
      'unknown Avro type',
      'POST',
      '/subjects/x/versions',
      { schema: '{"type":"record","name":"r","fields":[{"name":"a","type":"str"}]}' },
      422,
      42201,
    ],
    [
      'bad default',
      'POST',
      '/subjects/x/versions',
      { schema: '{"type":"record","name":"r","fields":[{"name":"a","type":"string","default":null}]}' },
      422,
      42201,
    ],
    ['schema not JSON', 'POST', '/subjects/x/versions', { schema: '{not json' }, 422, 42201],
    ['empty schema, no previous version', 'POST', '/subjects/x/versions', { schema: '' }, 422, 42201],
    [
      'unknown schema type',
      'POST',
      '/subjects/x/versions',
      { schema: '"int"', schemaType: 'XML' },
      422,
      42201,
    ],
    [
      'PROTOBUF that does not parse',
      'POST',
      '/subjects/x/versions',
      { schema: 'syntax = "proto3";\nmessage {', schemaType: 'PROTOBUF' },
      422,
      42201,
    ],
    [
      'control characters in a subject',
      'POST',
      `/subjects/${encodeURIComponent('\rbad\nsubject\t')}/versions`,
      { schema: '"int"' },
      422,
      42208,
    ],
    ['reserved subject', 'GET', '/subjects/__GLOBAL/versions', undefined, 422, 42208],
    ['version 0', 'GET', '/subjects/base/versions/0', undefined, 422, 42202],
    ['version -2', 'GET', '/subjects/base/versions/-2', undefined, 422, 42202],
    ['version 2^31', 'GET', '/subjects/base/versions/2147483648', undefined, 422, 42202],
    ['version text', 'GET', '/subjects/base/versions/newest', undefined, 422, 42202],
    ['unknown version', 'GET', '/subjects/base/versions/99', undefined, 404, 40402],
    ['unknown subject', 'GET', '/subjects/nobody/versions/latest', undefined, 404, 40401],
    ['unknown subject versions', 'GET', '/subjects/nobody/versions', undefined, 404, 40401],
    ['unknown id', 'GET', '/schemas/ids/999', undefined, 404, 40403],
    ['unknown id, raw schema', 'GET', '/schemas/ids/999/schema', undefined, 404, 40403],
    ['non-numeric id', 'GET', '/schemas/ids/abc', undefined, 404, 404],
    ['invalid mode', 'PUT', '/mode', { mode: 'SOMETIMES' }, 422, 42204],
    ['invalid level', 'PUT', '/config/x', { compatibility: 'SIDEWAYS' }, 422, 42203],
    ['level of the wrong type', 'PUT', '/config/x', { compatibility: 3 }, 422, 42203],
    ['badly encoded path', 'GET', '/subjects/%E0%A4%A/versions', undefined, 404, 404],
  ];
  for (const [name, method, path, body, status, errorCode] of cases) {
    it(`${name} → ${status}/${errorCode}, and the server keeps serving`, async () => {
      const res = await r.call(method, path, body);
      assert.equal(res.status, status, res.text);
      assert.equal(code(res.body), errorCode, res.text);
      assert.equal(typeof (res.body as { message?: unknown }).message, 'string');
      assert.equal((await r.call('GET', '/subjects/base/versions/1')).status, 200);
    });
  }

  it('a body over the limit gets 413, not a crash, and the next request is served', async () => {
    const huge = JSON.stringify({
      schema: JSON.stringify({ type: 'record', name: 'big', doc: 'x'.repeat(100 * 1024), fields: [] }),
    });
    const res = await raw(
      r.url,
      'POST',
      '/subjects/big/versions',
      { 'Content-Type': 'application/json' },
      huge,
    );
    assert.equal(res.status, 413);
    assert.equal(code(JSON.parse(res.text)), 413);
    // Far over the limit, the connection is dropped without reading it all: the client sees an error or a 413.
    const enormous = Buffer.alloc(8 * 1024 * 1024, 0x20);
    const outcome = await raw(
      r.url,
      'POST',
      '/subjects/big/versions',
      { 'Content-Type': 'application/json' },
      enormous,
    ).catch((e: Error) => e);
    if (!(outcome instanceof Error)) assert.equal(outcome.status, 413);
    assert.equal((await r.call('GET', '/subjects/base/versions/1')).status, 200);
  });

  it('odd but valid subject names round-trip', async () => {
    for (const subject of ['with space', 'slash/inside', 'ünïcödé-ßubject', 'dots.and:colons', '*']) {
      const path = `/subjects/${encodeURIComponent(subject)}/versions`;
      const reg = await r.call('POST', path, { schema: '"long"' });
      assert.equal(reg.status, 200, `${subject}: ${reg.text}`);
      const got = await r.call('GET', `${path}/latest`);
      assert.equal((got.body as { subject: string }).subject, subject);
    }
    const subjects = (await r.call('GET', '/subjects')).body as string[];
    assert.ok(subjects.includes('slash/inside'));
  });

  it('paging and filters on lists', async () => {
    await r.call('PUT', '/config/paged', { compatibility: 'NONE' });
    for (const t of ['int', 'long', 'string'])
      await r.call('POST', '/subjects/paged/versions', { schema: `"${t}"` });
    assert.deepEqual((await r.call('GET', '/subjects/paged/versions?offset=1&limit=1')).body, [2]);
    const schemas = (await r.call('GET', '/schemas?subjectPrefix=paged&latestOnly=true')).body as Array<{
      version: number;
    }>;
    assert.deepEqual(
      schemas.map((s) => s.version),
      [3],
    );
    const withMax = (await r.call('GET', '/schemas/ids/1?fetchMaxId=true')).body as { maxId: number };
    assert.ok(withMax.maxId >= 3);
  });
});

describe('8.x response shapes', () => {
  let r: TestRegistry;
  before(async () => {
    r = await startTestRegistry({ shapes: '8' });
  });
  after(async () => {
    await r.stop();
  });

  it('always writes schemaType, adds guid, ts and deleted, and answers 40901 for incompatible schemas', async () => {
    const reg = (await r.call('POST', '/subjects/s/versions', { schema: avroRecord('a', ['x']) }))
      .body as Record<string, unknown>;
    assert.equal(reg['schemaType'], 'AVRO');
    assert.match(String(reg['guid']), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const byId = (await r.call('GET', '/schemas/ids/1?subject=s')).body as Record<string, unknown>;
    assert.deepEqual([byId['subject'], byId['version'], byId['schemaType']], ['s', 1, 'AVRO']);
    const v1 = (await r.call('GET', '/subjects/s/versions/1')).body as Record<string, unknown>;
    assert.equal(v1['deleted'], false);
    assert.equal(typeof v1['ts'], 'number');
    assert.ok(Math.abs(Date.now() - (v1['ts'] as number)) < 60_000);
    assert.equal(reg['ts'], v1['ts']);
    const refused = await r.call('POST', '/subjects/s/versions', { schema: avroRecord('a', ['x', 'y']) });
    assert.deepEqual([refused.status, code(refused.body)], [409, 40901]);
  });
});

import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RegistryError, SchemaRegistryClient } from '../../../src/registry/client/index.js';

// A scripted HTTP server on loopback: each test queues the answers it wants and reads what arrived.
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Answer = (res: ServerResponse) => void;
const seen: Seen[] = [];
let script: Answer[] = [];
let url = '';
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const next = script.shift() ?? json(200, {});
    next(res);
  });
});
function json(status: number, body: unknown): Answer {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
    res.end(JSON.stringify(body));
  };
}
const reset: Answer = (res) => res.socket?.destroy();
function reply(...answers: Answer[]): void {
  script = answers;
  seen.length = 0;
}
function client(
  extra: Partial<ConstructorParameters<typeof SchemaRegistryClient>[0]> = {},
): SchemaRegistryClient {
  return new SchemaRegistryClient({ url, retries: 3, retryDelayMs: 1, timeoutMs: 2000, ...extra });
}

before(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

describe('registry client over HTTP', () => {
  it('sends the registry content type and basic auth from userInfo, and omits AVRO as schemaType', async () => {
    reply(json(200, { id: 7, version: 2 }));
    const r = await client({ userInfo: 'alice:s3cret' }).register('orders-value', {
      schema: '"string"',
      schemaType: 'AVRO',
    });
    assert.deepEqual(r, { id: 7, version: 2 });
    const req = seen[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/subjects/orders-value/versions');
    assert.equal(req.headers['content-type'], 'application/vnd.schemaregistry.v1+json');
    assert.equal(req.headers.authorization, `Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
    assert.deepEqual(JSON.parse(req.body), { schema: '"string"' });
  });

  it('uses a bearer token, and credentials in the URL become basic auth that never appears in errors', async () => {
    reply(json(200, []));
    await client({ token: 'tok' }).listSubjects();
    assert.equal(seen[0]!.headers.authorization, 'Bearer tok');

    reply(json(404, { error_code: 40401, message: "Subject 'x' not found." }));
    const withCreds = new SchemaRegistryClient({ url: url.replace('//', '//bob:hunter2@'), retries: 0 });
    const err = await withCreds.getLatest('x').catch((e: unknown) => e);
    assert.equal(seen[0]!.headers.authorization, `Basic ${Buffer.from('bob:hunter2').toString('base64')}`);
    assert.ok(err instanceof RegistryError);
    assert.equal(err.status, 404);
    assert.equal(err.errorCode, 40401);
    assert.equal(err.code, 'REGISTRY_ERROR');
    assert.doesNotMatch(err.message, /hunter2|bob/);
    assert.doesNotMatch(withCreds.url, /hunter2/);
  });

  it('fromEnv reads SCHEMA_REGISTRY_URL and SCHEMA_REGISTRY_USER_INFO, and refuses without a URL', async () => {
    reply(json(200, ['a']));
    const c = SchemaRegistryClient.fromEnv({ SCHEMA_REGISTRY_URL: url, SCHEMA_REGISTRY_USER_INFO: 'u:p' });
    assert.deepEqual(await c.listSubjects(), ['a']);
    assert.equal(seen[0]!.headers.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
    assert.throws(() => SchemaRegistryClient.fromEnv({}), /SCHEMA_REGISTRY_URL/);
  });

  it('retries reads on 500, 429 and connection resets, then succeeds', async () => {
    reply(
      json(500, { error_code: 50001, message: 'store' }),
      json(429, { error_code: 429, message: 'slow' }),
      reset,
      json(200, [1, 2]),
    );
    assert.deepEqual(await client().listVersions('s'), [1, 2]);
    assert.equal(seen.length, 4);
  });

  it('gives up after the configured retries with the last error', async () => {
    reply(...Array.from({ length: 5 }, () => json(503, { error_code: 50003, message: 'forwarding failed' })));
    const err = await client({ retries: 2 })
      .listSubjects()
      .catch((e: unknown) => e);
    assert.ok(err instanceof RegistryError);
    assert.equal(err.errorCode, 50003);
    assert.equal(seen.length, 3);
  });

  it('does not retry a register answered with 500 or a reset (it may have been applied)', async () => {
    reply(
      json(500, { error_code: 50002, message: 'Register operation timed out' }),
      json(200, { id: 1, version: 1 }),
    );
    const err = await client()
      .register('s', { schema: '"int"' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof RegistryError);
    assert.equal(err.errorCode, 50002);
    assert.equal(seen.length, 1);

    reply(reset, json(200, { id: 1, version: 1 }));
    const err2 = await client()
      .register('s', { schema: '"int"' })
      .catch((e: unknown) => e);
    assert.ok(err2 instanceof RegistryError);
    assert.equal(err2.status, 0);
    assert.equal(err2.code, 'REGISTRY_UNREACHABLE');
    assert.equal(seen.length, 1);
  });

  it('retries a register refused with 429 (not applied) and a PUT of config after a 500 (idempotent)', async () => {
    reply(json(429, { error_code: 429, message: 'rate limited' }), json(200, { id: 4, version: 1 }));
    assert.deepEqual(await client().register('s', { schema: '"int"' }), { id: 4, version: 1 });
    assert.equal(seen.length, 2);
    reply(json(500, { error_code: 50001, message: 'store' }), json(200, { compatibility: 'FULL' }));
    assert.deepEqual(await client().setConfig('FULL', 's'), { compatibility: 'FULL' });
    assert.equal(seen.length, 2);
    assert.equal(seen[1]!.method, 'PUT');
    assert.deepEqual(JSON.parse(seen[1]!.body), { compatibility: 'FULL' });
  });

  it('does not retry a delete answered with 500', async () => {
    reply(json(500, { error_code: 50001, message: 'store' }), json(200, [1]));
    await assert.rejects(client().deleteSubject('s'), RegistryError);
    assert.equal(seen.length, 1);
  });

  it('retries lookups (idempotent) and maps the 409 of register to isIncompatible', async () => {
    reply(reset, json(200, { subject: 's', id: 3, version: 1, schema: '"int"' }));
    const found = await client().lookup('s', { schema: '"int"' });
    assert.deepEqual(found, { subject: 's', id: 3, version: 1, schema: '"int"', schemaType: 'AVRO' });

    reply(json(409, { error_code: 40901, message: 'Schema being registered is incompatible' }));
    const err = await client()
      .register('s', { schema: '"long"' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof RegistryError && err.isIncompatible);
  });

  it('times out through AbortSignal', async () => {
    reply((res) => setTimeout(() => json(200, [])(res), 500));
    const err = await client({ timeoutMs: 50, retries: 0 })
      .listSubjects()
      .catch((e: unknown) => e);
    assert.ok(err instanceof RegistryError);
    assert.match(err.message, /registry timed out: GET \S+\/subjects: no answer within 50 ms/);
    // On a loaded machine the server may read the request after the client gave up: let it take its
    // scripted answer here, not the next test's.
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 10));
  });

  it('caches schemas by id', async () => {
    reply(json(200, { schema: '{"type":"string"}', schemaType: 'JSON' }));
    const c = client();
    const a = await c.getSchemaById(9);
    const b = await c.getSchemaById(9);
    assert.deepEqual(a, { schema: '{"type":"string"}', schemaType: 'JSON' });
    assert.deepEqual(b, a);
    assert.equal(seen.length, 1);
  });

  it('compatibility: verbose by default, against one version or all; config 40408 means none of its own', async () => {
    reply(
      json(200, { is_compatible: false, messages: ['READER_FIELD_MISSING_DEFAULT_VALUE'] }),
      json(200, { is_compatible: true }),
    );
    const c = client();
    assert.deepEqual(await c.testCompatibility('s', { schema: '"int"' }, { version: 'latest' }), {
      isCompatible: false,
      messages: ['READER_FIELD_MISSING_DEFAULT_VALUE'],
    });
    assert.deepEqual(await c.testCompatibility('s', { schema: '"int"' }), {
      isCompatible: true,
      messages: [],
    });
    assert.equal(seen[0]!.url, '/compatibility/subjects/s/versions/latest?verbose=true');
    assert.equal(seen[1]!.url, '/compatibility/subjects/s/versions?verbose=true');

    reply(json(404, { error_code: 40408, message: 'no config' }), json(200, { compatibilityLevel: 'FULL' }));
    assert.equal(await c.getConfig('s'), undefined);
    assert.deepEqual(await c.getConfig(), { compatibilityLevel: 'FULL' });
  });

  it('encodes subject names and reads non-JSON error bodies as 50005', async () => {
    reply((res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    const err = await client({ retries: 0 })
      .getVersion('a/b c', 1)
      .catch((e: unknown) => e);
    assert.equal(seen[0]!.url, '/subjects/a%2Fb%20c/versions/1');
    assert.ok(err instanceof RegistryError);
    assert.equal(err.errorCode, 50005);
  });
});

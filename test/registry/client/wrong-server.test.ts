import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  RegistryAnswerError,
  RegistryError,
  SchemaRegistryClient,
} from '../../../src/registry/client/index.js';
import { runCli } from '../../support/cli.js';
import { avroRecord, TempRepo } from '../publish/repo.js';

// "Wrong servers" on loopback: a login page that answers 200 with HTML to everything, a service that
// answers JSON of other shapes, and one that accepts connections and never answers.

type Answer = (res: ServerResponse, req: IncomingMessage) => void;
let answer: Answer = () => undefined;
let requests = 0;
const sockets = new Set<Socket>();

function listen(server: Server): Promise<string> {
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

const scripted = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    requests++;
    answer(res, req);
  });
});
/** Takes every request and never answers: a registry hung behind a load balancer. */
const hanging = createServer((req) => {
  req.resume();
});
let url = '';
let hangingUrl = '';
let repo: TempRepo;

const LOGIN_PAGE =
  '<!doctype html>\n<html><head><title>Sign in</title></head><body><form>…</form></body></html>';
function send(contentType: string, body: string): Answer {
  return (res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  };
}
const html = send('text/html; charset=utf-8', LOGIN_PAGE);

before(async () => {
  url = await listen(scripted);
  hangingUrl = await listen(hanging);
  repo = new TempRepo('sg-wrong-server-');
  repo.commit('schemas', { 'schemas/orders.avsc': avroRecord('Orders', [{ name: 'id', type: 'string' }]) });
});
after(() => {
  for (const s of sockets) s.destroy();
  scripted.close();
  hanging.close();
  repo.remove();
});

function client(
  extra: Partial<ConstructorParameters<typeof SchemaRegistryClient>[0]> = {},
): SchemaRegistryClient {
  return new SchemaRegistryClient({ url, retries: 3, retryDelayMs: 1, timeoutMs: 5000, ...extra });
}

async function refusal(call: Promise<unknown>): Promise<RegistryAnswerError> {
  requests = 0;
  const e = await call.then(
    (value) => assert.fail(`taken as success: ${JSON.stringify(value)}`),
    (err: unknown) => err,
  );
  assert.ok(e instanceof RegistryAnswerError, String(e));
  assert.equal(e.code, 'REGISTRY_BAD_ANSWER');
  assert.equal(requests, 1, 'the same page would come back: not retried');
  return e;
}

describe('a server that is not a registry', () => {
  it('HTML with 200 is refused by every call, naming the URL and the content type', async () => {
    answer = html;
    const c = client();
    const calls: [string, () => Promise<unknown>][] = [
      ['/subjects', () => c.listSubjects()],
      ['/subjects/orders/versions', () => c.listVersions('orders')],
      ['/subjects/orders/versions', () => c.register('orders', { schema: '"string"' })],
      ['/subjects/orders', () => c.lookup('orders', { schema: '"string"' })],
      ['/subjects/orders/versions/latest', () => c.getLatest('orders')],
      ['/schemas/ids/1', () => c.getSchemaById(1)],
      ['/config', () => c.getConfig()],
      ['/config/orders', () => c.getConfig('orders')],
      ['/config/orders', () => c.setConfig('FULL', 'orders')],
      ['/mode', () => c.getMode()],
      [
        '/compatibility/subjects/orders/versions',
        () => c.testCompatibility('orders', { schema: '"string"' }),
      ],
      ['/subjects/orders', () => c.deleteSubject('orders')],
    ];
    for (const [path, call] of calls) {
      const e = await refusal(call());
      assert.equal(e.url, `${url}${path}`);
      assert.equal(e.contentType, 'text/html; charset=utf-8');
      assert.equal(e.status, 200);
      assert.match(
        e.message,
        new RegExp(`${url}${path}.*answered 200 with content type text/html; charset=utf-8`),
      );
      assert.match(e.message, /<!doctype html>/);
    }
  });

  it('a subject named `..` is asked for as written, and its HTML answer refused the same way', async () => {
    answer = html;
    const e = await refusal(client().listVersions('..'));
    assert.equal(e.url, `${url}/subjects/%2E%2E/versions`);
    assert.equal(e.contentType, 'text/html; charset=utf-8');
  });

  it('a JSON content type with a body that is not JSON, or no content type and HTML, is refused', async () => {
    answer = send('application/vnd.schemaregistry.v1+json', LOGIN_PAGE);
    assert.match((await refusal(client().listSubjects())).message, /a body that is not JSON/);
    answer = (res) => {
      res.removeHeader('content-type');
      res.end(LOGIN_PAGE);
    };
    const e = await refusal(client().listSubjects());
    assert.equal(e.contentType, '');
    assert.match(e.message, /answered 200 with no content type, and a body that is not JSON/);
  });

  const wrongShapes: [string, unknown, (c: SchemaRegistryClient) => Promise<unknown>, RegExp][] = [
    [
      'subjects as an object',
      { subjects: ['a'] },
      (c) => c.listSubjects(),
      /the answer should be an array, not an object/,
    ],
    [
      'a subject that is a number',
      ['a', 7],
      (c) => c.listSubjects(),
      /the answer\[1\] should be a string, not number 7/,
    ],
    ['versions as strings', ['1'], (c) => c.listVersions('s'), /the answer\[0\] should be an integer/],
    [
      'register without an id',
      {},
      (c) => c.register('s', { schema: '"int"' }),
      /id is missing \(should be an integer\)/,
    ],
    [
      'register with a string id',
      { id: '7' },
      (c) => c.register('s', { schema: '"int"' }),
      /id should be an integer, not the string "7"/,
    ],
    [
      'lookup without a schema',
      { subject: 's', id: 1, version: 1 },
      (c) => c.lookup('s', { schema: '"int"' }),
      /schema is missing \(should be a string\)/,
    ],
    [
      'an unknown schema type',
      { subject: 's', id: 1, version: 1, schema: 'x', schemaType: 'XML' },
      (c) => c.getLatest('s'),
      /schemaType should be one of/,
    ],
    [
      'a level nobody knows',
      { compatibilityLevel: 'SOMETIMES' },
      (c) => c.getConfig(),
      /compatibilityLevel should be a compatibility level/,
    ],
    [
      'compatibility without a verdict',
      { messages: [] },
      (c) => c.testCompatibility('s', { schema: '"int"' }),
      /is_compatible is missing \(should be true or false\)/,
    ],
    ['an unknown mode', { mode: 'MAYBE' }, (c) => c.getMode(), /mode should be one of READWRITE/],
  ];
  for (const [name, body, call, reason] of wrongShapes) {
    it(`JSON of the wrong shape is refused: ${name}`, async () => {
      answer = send('application/json', JSON.stringify(body));
      const e = await refusal(call(client()));
      assert.match(e.message, /JSON of the wrong shape for this call/);
      assert.match(e.message, reason);
    });
  }

  it('answers of the right shape still pass, extra fields and all', async () => {
    answer = send(
      'application/json',
      JSON.stringify({ subject: 's', id: 3, version: 2, schema: '"int"', guid: 'g', ts: 1, deleted: false }),
    );
    assert.deepEqual(await client().getLatest('s'), {
      subject: 's',
      id: 3,
      version: 2,
      schema: '"int"',
      schemaType: 'AVRO',
    });
    answer = send('application/json', JSON.stringify({ compatibility: 'FULL_TRANSITIVE' }));
    assert.deepEqual(await client().getConfig(), { compatibilityLevel: 'FULL_TRANSITIVE' });
  });

  it("a 404 or 409 that is not the registry's error JSON is not 'not found' or 'incompatible'", async () => {
    answer = (res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><h1>Not Found</h1></html>');
    };
    const notFound = await refusal(client().lookup('orders', { schema: '"string"' }));
    assert.equal(notFound.status, 404);
    assert.equal(notFound.isNotFound, false);
    assert.match(
      notFound.message,
      /POST \S+\/subjects\/orders answered 404 with content type text\/html, not the registry's error JSON; the body begins "<html><h1>Not Found<\/h1><\/html>"/,
    );
    answer = (res) => {
      res.writeHead(409, { 'content-type': 'text/plain' });
      res.end('conflict');
    };
    const conflict = await refusal(client().register('orders', { schema: '"string"' }));
    assert.equal(conflict.isIncompatible, false);
  });

  it('a 5xx page from a proxy is still retried, and its message names the content type', async () => {
    answer = (res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html>upstream down</html>');
    };
    requests = 0;
    const e = await client()
      .listSubjects()
      .catch((err: unknown) => err);
    assert.ok(e instanceof RegistryError && !(e instanceof RegistryAnswerError), String(e));
    assert.equal(requests, 4);
    assert.match(
      e.message,
      /registry 503 \(50005\) on GET \S+\/subjects: a text\/html answer, not the registry's error JSON: "<html>upstream down<\/html>"/,
    );
  });

  it('status: a lookup answered by a 404 page is an error (exit 2), not drift', async () => {
    const schema = avroRecord('Orders', [{ name: 'id', type: 'string' }]);
    const routes: Record<string, [number, unknown]> = {
      'GET /subjects': [200, ['orders']],
      'GET /config': [200, { compatibilityLevel: 'BACKWARD' }],
      'GET /config/orders': [
        404,
        { error_code: 40408, message: 'Subject orders does not have subject-level compatibility configured' },
      ],
      'GET /subjects/orders/versions/latest': [200, { subject: 'orders', id: 1, version: 1, schema }],
    };
    answer = (res, req) => {
      const route = routes[`${req.method} ${(req.url ?? '').split('?')[0]}`];
      if (route === undefined) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html>no such page</html>');
        return;
      }
      res.writeHead(route[0], { 'content-type': 'application/vnd.schemaregistry.v1+json' });
      res.end(JSON.stringify(route[1]));
    };
    const r = await runCli(['status', '--registry', url], { cwd: repo.dir });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(
      r.stderr,
      /^schemagate: not a schema registry answer: POST \S+\/subjects\/orders answered 404 with content type text\/html/,
    );
  });

  for (const command of [['publish', '--all'], ['status'], ['import', '--into', 'imported']]) {
    it(`schemagate ${command[0]} against a login page: one message naming the URL and content type, exit 2`, async () => {
      answer = html;
      const r = await runCli([...command, '--registry', url], { cwd: repo.dir });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `^schemagate: not a schema registry answer: GET ${url}/\\S+ answered 200 with content type text/html`,
        ),
      );
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stdout, /unchanged|in sync|Imported/);
    });
  }

  it('publish refuses when only the per-subject calls answer HTML (exit 2, not a per-subject failure)', async () => {
    let n = 0;
    answer = (res, req) =>
      (n++ === 0 ? send('application/json', '{"compatibilityLevel":"BACKWARD"}') : html)(res, req);
    const r = await runCli(['publish', '--all', '--registry', url], { cwd: repo.dir });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(
      r.stderr,
      /^schemagate: not a schema registry answer: [A-Z]+ \S+\/orders answered 200 with content type text\/html/,
    );
  });
});

describe('a registry that never answers', () => {
  it('fails within the timeout for the whole request, retries included, naming the URL and the timeout', async () => {
    const started = Date.now();
    const e = await new SchemaRegistryClient({ url: hangingUrl, retries: 3, retryDelayMs: 1, timeoutMs: 400 })
      .listSubjects()
      .catch((err: unknown) => err);
    const took = Date.now() - started;
    assert.ok(e instanceof Error);
    assert.equal(
      e.message,
      `registry timed out: GET ${hangingUrl}/subjects: no answer within 400 ms (the time allowed per request, retries included)`,
    );
    // Per attempt, four attempts would take 1.6 s and more.
    assert.ok(took < 1200, `took ${took} ms`);
  });

  it('the same for a subject named `..`, whose path goes out as written (not through fetch)', async () => {
    const e = await new SchemaRegistryClient({ url: hangingUrl, retries: 3, retryDelayMs: 1, timeoutMs: 300 })
      .getLatest('..')
      .catch((err: unknown) => err);
    assert.ok(e instanceof Error);
    assert.equal(
      e.message,
      `registry timed out: GET ${hangingUrl}/subjects/%2E%2E/versions/latest: no answer within 300 ms (the time allowed per request, retries included)`,
    );
  });

  it('--timeout and SCHEMA_REGISTRY_TIMEOUT bound publish, status and import (exit 2)', async () => {
    for (const [args, env] of [
      [['status', '--timeout', '0.5'], {}],
      [['publish', '--all', '--timeout', '500ms'], {}],
      [['import', '--into', 'imported'], { SCHEMA_REGISTRY_TIMEOUT: '0.5s' }],
    ] as const) {
      const started = Date.now();
      const r = await runCli([...args, '--registry', hangingUrl], { cwd: repo.dir, env, timeoutMs: 30_000 });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(
        r.stderr,
        new RegExp(`^schemagate: registry timed out: GET ${hangingUrl}/\\S+: no answer within 500 ms`),
      );
      assert.ok(Date.now() - started < 15_000);
    }
  });

  it('a timeout that is not a duration is a usage error', async () => {
    const flag = await runCli(['status', '--timeout', 'soon', '--registry', hangingUrl], { cwd: repo.dir });
    assert.equal(flag.code, 2);
    assert.match(
      flag.stderr,
      /--timeout must be a duration in seconds .* got 'soon'\nusage: schemagate status/,
    );
    const env = await runCli(['status', '--registry', hangingUrl], {
      cwd: repo.dir,
      env: { SCHEMA_REGISTRY_TIMEOUT: '0' },
    });
    assert.equal(env.code, 2);
    assert.match(env.stderr, /SCHEMA_REGISTRY_TIMEOUT must be a duration/);
  });
});

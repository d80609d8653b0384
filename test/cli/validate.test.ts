import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaRegistryClient } from '../../src/registry/client/index.js';
import { startRegistryServer } from '../../src/registry/server/index.js';
import { TempRepo, record } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';

const ID = { name: 'id', type: 'string' };
const QTY = { name: 'qty', type: 'int', default: 0 };
const NOTE = { name: 'note', type: ['null', 'string'], default: null };

/** orders.avsc: v1 {id}, v2 {id, qty}; the working tree adds note. Messages under samples/. */
function ordersRepo(): TempRepo {
  const repo = new TempRepo();
  repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
  repo.write('schemas/orders.avsc', record('Order', [ID, QTY])).commit('v2');
  repo.write('schemas/orders.avsc', record('Order', [ID, QTY, NOTE]));
  repo.write('samples/v1.json', '{"id": "a"}\n');
  repo.write('samples/now.json', '{"id": "a", "qty": 2, "note": {"string": "hi"}}\n');
  repo.write('samples/bad.json', '{"id": "a", "qty": "two", "note": null}\n');
  return repo;
}

test('validate: the working tree schema by subject; the failing path of each message; exit 1', async () => {
  const repo = ordersRepo();
  try {
    const r = await schemagate(
      ['validate', 'orders', 'samples/now.json', 'samples/bad.json', 'samples/v1.json'],
      repo.dir,
    );
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      'samples/now.json: valid',
      'samples/bad.json: invalid at /qty: expected an int, got the string "two"',
      "samples/v1.json: invalid at /qty: field 'qty' of 'Order' is missing (the JSON encoding needs every field, even one with a default)",
      'schemagate validate failed: 2 of 3 message(s) invalid against schemas/orders.avsc',
    ]);
    const ok = await schemagate(['validate', 'schemas/orders.avsc', 'samples/now.json'], repo.dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(
      ok.stdout.trimEnd().split('\n').at(-1),
      'schemagate validate ok: 1 message(s) valid against schemas/orders.avsc',
    );
  } finally {
    repo.cleanup();
  }
});

test('validate: --version N and --ref REV read the schema from git; --format json', async () => {
  const repo = ordersRepo();
  try {
    const v1 = await schemagate(['validate', 'orders', 'samples/v1.json', '--version', '1'], repo.dir);
    assert.equal(v1.code, 0, v1.stdout + v1.stderr);
    assert.match(v1.stdout, /valid against schemas\/orders\.avsc version 1 \([0-9a-f]{7}\)/);
    const v2 = await schemagate(
      ['validate', 'orders', 'samples/v1.json', '--version', '2', '--format', 'json'],
      repo.dir,
    );
    assert.equal(v2.code, 1);
    const out = JSON.parse(v2.stdout) as { messages: unknown[] };
    assert.deepEqual(out.messages, [
      {
        file: 'samples/v1.json',
        valid: false,
        path: '/qty',
        reason:
          "field 'qty' of 'Order' is missing (the JSON encoding needs every field, even one with a default)",
      },
    ]);
    // At HEAD~1 (v1, {id}) the decoder skips the members it does not know: bad.json reads.
    const old = await schemagate(['validate', 'orders', 'samples/bad.json', '--ref', 'HEAD~1'], repo.dir);
    assert.equal(old.code, 0, old.stdout + old.stderr);
    assert.match(old.stdout, /against schemas\/orders\.avsc at HEAD~1$/m);
    const head = await schemagate(['validate', 'orders', 'samples/bad.json', '--ref', 'HEAD'], repo.dir);
    assert.equal(head.code, 1);
    const none = await schemagate(['validate', 'orders', 'samples/v1.json', '--version', '3'], repo.dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--version 3: schemas\/orders\.avsc has 2 version\(s\)/);
  } finally {
    repo.cleanup();
  }
});

test('validate: bad input is exit 2 with one message naming the file', async () => {
  const repo = ordersRepo();
  try {
    repo.write('samples/broken.json', '{"id": "a",\n  "qty": }\n');
    const broken = await schemagate(
      ['validate', 'orders', 'samples/now.json', 'samples/broken.json'],
      repo.dir,
    );
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^schemagate: samples\/broken\.json:2:10: invalid JSON/);
    assert.equal(broken.stdout, '');
    const missing = await schemagate(['validate', 'orders', 'samples/nope.json'], repo.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read message samples\/nope\.json: no such file/);
    const unknown = await schemagate(['validate', 'payments', 'samples/now.json'], repo.dir);
    assert.equal(unknown.code, 2);
    assert.match(
      unknown.stderr,
      /'payments' is neither a schema file nor the subject of one under 'schemas'/,
    );
    for (const r of [broken, missing, unknown])
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  } finally {
    repo.cleanup();
  }
});

test('validate: JSON Schema through ajv, with the failing path', async () => {
  const repo = new TempRepo();
  try {
    repo.write(
      'schemas/users.json',
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
        required: ['name'],
      }),
    );
    repo.write('ok.json', '{"name": "ada", "tags": ["x"]}').write('bad.json', '{"name": "ada", "tags": [1]}');
    const r = await schemagate(['validate', 'users', 'ok.json', 'bad.json'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n').slice(0, 2), [
      'ok.json: valid',
      'bad.json: invalid at /tags/0: must be string (type)',
    ]);
  } finally {
    repo.cleanup();
  }
});

test('validate: a JSON Schema that references another schema file', async () => {
  const repo = new TempRepo();
  try {
    repo.write(
      'schemas/address.json',
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://acme.example/address.json',
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
      }),
    );
    repo.write(
      'schemas/customer.json',
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: { home: { $ref: 'https://acme.example/address.json' } },
      }),
    );
    repo.write('ok.json', '{"home": {"city": "Oslo"}}').write('bad.json', '{"home": {}}');
    const r = await schemagate(['validate', 'customer', 'ok.json', 'bad.json'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n').slice(0, 2), [
      'ok.json: valid',
      "bad.json: invalid at /home: must have required property 'city' (required)",
    ]);
  } finally {
    repo.cleanup();
  }
});

test('validate --registry: the subject version from a real registry server', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sg-validate-'));
  const server = await startRegistryServer({ port: 0, dataDir });
  const repo = ordersRepo();
  try {
    const client = new SchemaRegistryClient({ url: server.url, retries: 1, retryDelayMs: 1 });
    await client.register('orders', { schema: record('Order', [ID]) });
    await client.register('orders', { schema: record('Order', [ID, QTY]) });
    const latest = await schemagate(
      ['validate', 'orders', 'samples/v1.json', '--registry', server.url],
      repo.dir,
    );
    assert.equal(latest.code, 1, latest.stderr);
    assert.match(latest.stdout, /against orders version 2 \(id \d+\) in http:\/\/127\.0\.0\.1:\d+$/m);
    const first = await schemagate(
      ['validate', 'schemas/orders.avsc', 'samples/v1.json', '--registry', server.url, '--version', '1'],
      repo.dir,
    );
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const gone = await schemagate(
      ['validate', 'payments', 'samples/v1.json', '--registry', server.url],
      repo.dir,
    );
    assert.equal(gone.code, 2);
    assert.match(gone.stderr, /40401|not found/i);
  } finally {
    repo.cleanup();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

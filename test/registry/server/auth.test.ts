import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistryClient } from '@confluentinc/schemaregistry';
import { parseAuthFile } from '../../../src/registry/server/authfile.js';
import { passwordMatches } from '../../../src/registry/server/password.js';
import { runCli } from '../../support/cli.js';
import { spawnServer } from './child.js';
import { avroRecord, call, startTestRegistry, tempDir, type Reply, type TestRegistry } from './support.js';

const PASSWORDS = { admin: 'admin-secret-1', reader: 'reader secret: 2', writer: 'wr1ter-3' } as const;
type User = keyof typeof PASSWORDS;

const basic = (user: string, password: string): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});
const as = (user: User): Record<string, string> => basic(user, PASSWORDS[user]);

interface AuthJson {
  users: Array<{ username: string; algorithm: string; salt: string; password_hash: string }>;
  permissions: Array<{ username: string; operation: string; resource: string }>;
}

function assertError(reply: Reply, status: number, code: number, message?: RegExp): void {
  assert.equal(reply.status, status, reply.text);
  const body = reply.body as { error_code: number; message: string };
  assert.equal(body.error_code, code);
  if (message !== undefined) assert.match(body.message, message);
}

describe('registry serve --auth-file', () => {
  const dir = tempDir('sg-auth-');
  const authFile = join(dir, 'auth.json');
  let r: TestRegistry;
  let ids: { orders: number; payments: number };

  before(async () => {
    // Users are added with the CLI (password from the environment, and from stdin), then given permissions.
    for (const user of ['admin', 'writer'] as const) {
      const res = await runCli(['registry', 'passwd', authFile, user], {
        env: { SCHEMAGATE_REGISTRY_PASSWORD: PASSWORDS[user] },
      });
      assert.equal(res.code, 0, res.stderr);
    }
    const viaStdin = await runCli(['registry', 'passwd', authFile, 'reader', '--algorithm', 'sha512'], {
      input: `${PASSWORDS.reader}\n`,
      env: { SCHEMAGATE_REGISTRY_PASSWORD: undefined },
    });
    assert.equal(viaStdin.code, 0, viaStdin.stderr);
    const json = JSON.parse(readFileSync(authFile, 'utf8')) as AuthJson;
    json.permissions = [
      { username: 'admin', operation: 'Write', resource: '.*' },
      { username: 'reader', operation: 'Read', resource: 'Subject:orders-' },
      { username: 'reader', operation: 'Read', resource: 'Config:' },
      { username: 'writer', operation: 'Write', resource: 'Subject:orders-value$' },
    ];
    writeFileSync(authFile, JSON.stringify(json, null, 2));
    r = await startTestRegistry({ authFile });
    const reg = async (subject: string): Promise<number> => {
      const res = await r.call(
        'POST',
        `/subjects/${subject}/versions`,
        { schema: avroRecord(subject.replace(/-/g, '_'), ['a']) },
        as('admin'),
      );
      assert.equal(res.status, 200, res.text);
      return (res.body as { id: number }).id;
    };
    ids = { orders: await reg('orders-value'), payments: await reg('payments-value') };
  });
  after(async () => {
    await r.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passwd writes salted hashes (scrypt by default, sha512 on request), never the password, readable by the owner only', () => {
    const text = readFileSync(authFile, 'utf8');
    for (const password of Object.values(PASSWORDS)) assert.ok(!text.includes(password));
    const json = JSON.parse(text) as AuthJson;
    assert.deepEqual(
      json.users.map((u) => [u.username, u.algorithm]),
      [
        ['admin', 'scrypt'],
        ['writer', 'scrypt'],
        ['reader', 'sha512'],
      ],
    );
    assert.equal(new Set(json.users.map((u) => u.salt)).size, 3, 'a salt per user');
    assert.equal(statSync(authFile).mode & 0o777, 0o600);
  });

  it('no credentials, a wrong password or an unknown user → 401 with WWW-Authenticate, in the error envelope', async () => {
    for (const headers of [
      {},
      basic('admin', 'nope'),
      basic('mallory', 'x'),
      { Authorization: 'Bearer abc' },
    ]) {
      const res = await r.call('GET', '/subjects', undefined, headers);
      assertError(res, 401, 40101, /^Unauthorized$/);
      assert.equal(res.headers.get('www-authenticate'), 'Basic realm="schemagate registry"');
    }
    // Also before routing: an unknown path does not tell an anonymous caller what exists.
    assertError(await r.call('GET', '/nowhere'), 401, 40101);
  });

  it('lists show only the subjects the user may read (subjects, schemas, an id’s subjects and versions)', async () => {
    assert.deepEqual((await r.call('GET', '/subjects', undefined, as('admin'))).body, [
      'orders-value',
      'payments-value',
    ]);
    assert.deepEqual((await r.call('GET', '/subjects', undefined, as('reader'))).body, ['orders-value']);
    const schemas = (await r.call('GET', '/schemas', undefined, as('reader'))).body as Array<{
      subject: string;
    }>;
    assert.deepEqual(
      schemas.map((s) => s.subject),
      ['orders-value'],
    );
    assert.deepEqual(
      (await r.call('GET', `/schemas/ids/${ids.orders}/subjects`, undefined, as('reader'))).body,
      ['orders-value'],
    );
    assert.deepEqual(
      (await r.call('GET', `/schemas/ids/${ids.orders}/versions`, undefined, as('reader'))).body,
      [{ subject: 'orders-value', version: 1 }],
    );
  });

  it('a schema id held only by subjects the user may not read is answered as not found (40403)', async () => {
    assert.equal((await r.call('GET', `/schemas/ids/${ids.orders}`, undefined, as('reader'))).status, 200);
    assertError(await r.call('GET', `/schemas/ids/${ids.payments}`, undefined, as('reader')), 404, 40403);
    assertError(
      await r.call('GET', `/schemas/ids/${ids.payments}/schema`, undefined, as('reader')),
      404,
      40403,
    );
    assert.equal((await r.call('GET', `/schemas/ids/${ids.payments}`, undefined, as('admin'))).status, 200);
  });

  it('Read and Write on subject patterns and on Config: → 403 (40301) naming the operation and resource', async () => {
    const schema = { schema: avroRecord('orders_value', ['a'], ['b']) };
    assertError(
      await r.call('POST', '/subjects/orders-value/versions', schema, as('reader')),
      403,
      40301,
      /^User is denied operation Write on Subject: orders-value$/,
    );
    assertError(
      await r.call('GET', '/subjects/payments-value/versions', undefined, as('reader')),
      403,
      40301,
      /Read on Subject: payments-value/,
    );
    // A lookup and a compatibility check are reads.
    assert.equal(
      (
        await r.call(
          'POST',
          '/subjects/orders-value',
          { schema: avroRecord('orders_value', ['a']) },
          as('reader'),
        )
      ).status,
      200,
    );
    assert.equal(
      (await r.call('POST', '/compatibility/subjects/orders-value/versions/latest', schema, as('reader')))
        .status,
      200,
    );
    assert.equal((await r.call('GET', '/config', undefined, as('reader'))).status, 200);
    assertError(
      await r.call('PUT', '/config', { compatibility: 'NONE' }, as('reader')),
      403,
      40301,
      /Write on the global config/,
    );
    assertError(await r.call('PUT', '/mode', { mode: 'READONLY' }, as('writer')), 403, 40301);
    // `:.:` is the global config under another name: the same permission.
    assertError(
      await r.call('PUT', '/config/:.:', { compatibility: 'NONE' }, as('reader')),
      403,
      40301,
      /global config/,
    );
    assert.equal((await r.call('GET', '/config/:.:', undefined, as('reader'))).status, 200);
    // writer: Write on exactly orders-value (the `$`), which includes reading it.
    assert.equal((await r.call('POST', '/subjects/orders-value/versions', schema, as('writer'))).status, 200);
    assert.equal(
      (await r.call('PUT', '/config/orders-value', { compatibility: 'FULL' }, as('writer'))).status,
      200,
    );
    assert.equal(
      (await r.call('GET', '/subjects/orders-value/versions', undefined, as('writer'))).status,
      200,
    );
    assertError(await r.call('POST', '/subjects/orders-value-2/versions', schema, as('writer')), 403, 40301);
    assertError(await r.call('DELETE', '/subjects/payments-value', undefined, as('writer')), 403, 40301);
    assert.equal((await r.call('PUT', '/config', { compatibility: 'BACKWARD' }, as('admin'))).status, 200);
  });

  it('a Confluent client with basic.auth user info works; without it the client gets the 401', async () => {
    const good = new SchemaRegistryClient({
      baseURLs: [r.url],
      maxRetries: 0,
      basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: `reader:${PASSWORDS.reader}` },
    });
    const anonymous = new SchemaRegistryClient({ baseURLs: [r.url], maxRetries: 0 });
    try {
      assert.deepEqual(await good.getAllSubjects(), ['orders-value']);
      await assert.rejects(
        anonymous.getAllSubjects(),
        (e: Error & { status?: number; errorCode?: number }) => {
          assert.equal(e.status, 401);
          assert.equal(e.errorCode, 40101);
          return true;
        },
      );
    } finally {
      await good.close();
      await anonymous.close();
    }
  });
});

describe('auth file compatibility and errors', () => {
  const dir = tempDir('sg-authfile-');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a Karapace authfile entry (PBKDF2-SHA256, hashed by Python’s hashlib) lets its user in', async () => {
    const hash = execFileSync('python3', [
      '-c',
      "import base64,hashlib;print(base64.b64encode(hashlib.pbkdf2_hmac('sha256',b'k-pass',b'k-salt',5000)).decode())",
    ])
      .toString()
      .trim();
    const file = join(dir, 'karapace.json');
    writeFileSync(
      file,
      JSON.stringify({
        users: [{ username: 'k', algorithm: 'sha256', salt: 'k-salt', password_hash: hash }],
        permissions: [{ username: 'k', operation: 'Read', resource: 'Subject:.*' }],
      }),
    );
    const r = await startTestRegistry({ authFile: file });
    try {
      assert.equal((await r.call('GET', '/subjects', undefined, basic('k', 'k-pass'))).status, 200);
      assert.equal((await r.call('GET', '/subjects', undefined, basic('k', 'k-pas'))).status, 401);
    } finally {
      await r.stop();
    }
  });

  it('passwd on an existing file changes one user’s password and keeps everything else', async () => {
    const file = join(dir, 'keep.json');
    const made = await runCli(['registry', 'passwd', file, 'a'], {
      env: { SCHEMAGATE_REGISTRY_PASSWORD: 'old-a' },
    });
    assert.equal(made.code, 0, made.stderr);
    const before = JSON.parse(readFileSync(file, 'utf8')) as AuthJson & { note?: string };
    before.permissions = [{ username: 'a', operation: 'Read', resource: 'Config:' }];
    before.note = 'kept';
    writeFileSync(file, JSON.stringify(before));
    const changed = await runCli(['registry', 'passwd', file, 'a'], { input: 'new-a\n' });
    assert.equal(changed.code, 0, changed.stderr);
    const after = JSON.parse(readFileSync(file, 'utf8')) as AuthJson & { note?: string };
    assert.deepEqual([after.note, after.permissions, after.users.length], ['kept', before.permissions, 1]);
    assert.notEqual(after.users[0]?.salt, before.users[0]?.salt);
    const parsed = parseAuthFile(readFileSync(file, 'utf8'), file).users.get('a');
    assert.ok(parsed !== undefined);
    assert.equal(await passwordMatches(parsed, 'new-a'), true);
    assert.equal(await passwordMatches(parsed, 'old-a'), false);
    const empty = await runCli(['registry', 'passwd', file, 'b'], { input: '\n' });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no password: set \$SCHEMAGATE_REGISTRY_PASSWORD or write it on stdin/);
  });

  it('the server logs no password and no Authorization header', async () => {
    const file = join(dir, 'logged.json');
    const made = await runCli(['registry', 'passwd', file, 'u'], {
      env: { SCHEMAGATE_REGISTRY_PASSWORD: 'never-printed-7' },
    });
    assert.equal(made.code, 0, made.stderr);
    assert.doesNotMatch(made.stdout + made.stderr, /never-printed-7/);
    const server = await spawnServer(join(dir, 'data'), { args: ['--auth-file', file] });
    try {
      const auth = basic('u', 'never-printed-7');
      assert.equal((await call(server.url, 'GET', '/subjects', undefined, auth)).status, 200);
      assert.equal(
        (await call(server.url, 'GET', '/subjects', undefined, basic('u', 'wrong-8'))).status,
        401,
      );
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    assert.doesNotMatch(server.stderr(), /never-printed-7|wrong-8|Basic /);
  });

  // Table: file text, and the `file:line:col: message` the start stops with (exit 2).
  const user = '{"username": "a", "algorithm": "scrypt", "salt": "s", "password_hash": "h"}';
  const bad: Array<[string, string, RegExp]> = [
    ['not JSON', '{"users": [\n', /bad\.json:2:1: /],
    ['no users list', '{"permissions": []}', /bad\.json:1:1: auth file: "users" must be a list/],
    [
      'a user without a hash',
      '{"users": [\n  {"username": "a", "algorithm": "scrypt", "salt": "s"}\n]}',
      /bad\.json:2:3: auth file: "password_hash" must be a non-empty string/,
    ],
    [
      'an unknown algorithm',
      `{"users": [\n  {"username": "a",\n   "algorithm": "md5", "salt": "s", "password_hash": "h"}]}`,
      /bad\.json:3:17: auth file: algorithm 'md5' is not one of scrypt, sha1, sha256, sha512/,
    ],
    [
      'a permission for nobody',
      `{"users": [${user}],\n "permissions": [\n  {"username": "b", "operation": "Read", "resource": "Config:"}]}`,
      /bad\.json:3:16: auth file: permission for 'b', who is not in "users"/,
    ],
    [
      'an unknown operation',
      `{"users": [${user}],\n "permissions": [\n  {"username": "a", "operation": "Delete", "resource": "Config:"}]}`,
      /bad\.json:3:34: auth file: operation must be "Read" or "Write", got 'Delete'/,
    ],
    [
      'a bad regular expression',
      `{"users": [${user}],\n "permissions": [\n  {"username": "a", "operation": "Read", "resource": "Subject:(("}]}`,
      /bad\.json:3:54: auth file: resource 'Subject:\(\(' is not a regular expression/,
    ],
  ];
  for (const [name, text, message] of bad) {
    it(`${name} → exit 2: ${message.source}`, async () => {
      const file = join(dir, 'bad.json');
      writeFileSync(file, text);
      const res = await runCli([
        'registry',
        'serve',
        '--port',
        '0',
        '--data',
        join(dir, 'bad-data'),
        '--auth-file',
        file,
      ]);
      assert.equal(res.code, 2, res.stderr);
      assert.match(res.stderr, message);
      assert.doesNotMatch(res.stderr, /\n\s+at /);
      assert.equal(res.stdout, '');
      // passwd refuses to rewrite a damaged file (nothing a user wrote is lost).
      const pw = await runCli(['registry', 'passwd', file, 'z'], {
        env: { SCHEMAGATE_REGISTRY_PASSWORD: 'p' },
      });
      assert.equal(pw.code, 2);
      assert.equal(readFileSync(file, 'utf8'), text);
    });
  }
});

import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistryClient } from '@confluentinc/schemaregistry';
import { runCli } from '../../support/cli.js';
import { makeTestCertificates, type TestCertificates } from '../../support/tls-certs.js';
import { spawnServer, type ServerProcess } from './child.js';
import { startTestRegistry, tempDir, type TestRegistry } from './support.js';

const RECORD = JSON.stringify({ type: 'record', name: 'myrecord', fields: [{ name: 'f1', type: 'string' }] });

interface Curl {
  /** curl's exit code: 0 when an HTTP answer came back, else the TLS or connection failure. */
  code: number;
  status: number;
  body: string;
  stderr: string;
}

function curl(args: string[]): Promise<Curl> {
  return new Promise((resolve) => {
    execFile('curl', ['-sS', '--max-time', '20', '-w', '\n%{http_code}', ...args], (e, stdout, stderr) => {
      const cut = stdout.lastIndexOf('\n');
      resolve({
        code: e === null ? 0 : typeof e.code === 'number' ? e.code : 1,
        status: Number(stdout.slice(cut + 1)),
        body: stdout.slice(0, cut),
        stderr,
      });
    });
  });
}

const registerBody = [
  '-H',
  'Content-Type: application/vnd.schemaregistry.v1+json',
  '--data',
  JSON.stringify({ schema: RECORD }),
];

function client(url: string, tls: { ca: string; cert?: string; key?: string }): SchemaRegistryClient {
  const read = (f: string | undefined): Buffer | undefined => (f === undefined ? undefined : readFileSync(f));
  const agent = new Agent({ ca: read(tls.ca), cert: read(tls.cert), key: read(tls.key) });
  return new SchemaRegistryClient({
    baseURLs: [url],
    maxRetries: 0,
    createAxiosDefaults: { httpsAgent: agent },
  });
}

describe('registry serve over TLS', () => {
  let certs: TestCertificates;
  before(() => {
    certs = makeTestCertificates();
  });
  after(() => rmSync(certs.dir, { recursive: true, force: true }));

  describe('--tls-cert and --tls-key, no client authentication', () => {
    let server: ServerProcess;
    const dir = tempDir();
    before(async () => {
      server = await spawnServer(dir, {
        args: ['--tls-cert', certs.serverCert, '--tls-key', certs.serverKey],
      });
    });
    after(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    });

    it('prints an https URL; curl trusting the CA registers and reads, plain http on the port gets no answer', async () => {
      assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      const reg = await curl([
        '--cacert',
        certs.caCert,
        ...registerBody,
        `${server.url}/subjects/tls-value/versions`,
      ]);
      assert.equal(reg.code, 0, reg.stderr);
      assert.equal(reg.status, 200);
      assert.equal((JSON.parse(reg.body) as { id: number }).id, 1);
      const list = await curl(['--cacert', certs.caCert, `${server.url}/subjects`]);
      assert.deepEqual(JSON.parse(list.body), ['tls-value']);

      const untrusted = await curl([`${server.url}/subjects`]);
      assert.equal(untrusted.code, 60, 'curl without the CA does not trust the certificate');
      const plain = await curl([server.url.replace('https:', 'http:') + '/subjects']);
      assert.notEqual(plain.status, 200, 'no plain-http answer on the TLS port');
    });

    it('@confluentinc/schemaregistry with the CA as trust store reads what curl registered', async () => {
      const c = client(server.url, { ca: certs.caCert });
      try {
        assert.deepEqual(await c.getAllSubjects(), ['tls-value']);
        assert.equal((await c.getLatestSchemaMetadata('tls-value')).schema, RECORD);
      } finally {
        await c.close();
      }
    });
  });

  // Our own cases after Confluent's RestApiSslTest (testRegisterWithClientSecurity,
  // testRegisterWithClientSecurityWithMinimalProperties): ssl.client.authentication=REQUIRED.
  describe('RestApiSslTest: --tls-client-auth required', () => {
    let r: TestRegistry;
    before(async () => {
      r = await startTestRegistry({
        tls: {
          certFile: certs.serverCert,
          keyFile: certs.serverKey,
          caFile: certs.caCert,
          clientAuth: 'required',
        },
      });
    });
    after(() => r.stop());

    it('a Confluent client with a client certificate registers (id 1) and reads it back', async () => {
      const c = client(r.url, { ca: certs.caCert, cert: certs.clientCert, key: certs.clientKey });
      try {
        assert.equal(await c.register('testSubject', { schemaType: 'AVRO', schema: RECORD }), 1);
        assert.deepEqual(await c.getAllVersions('testSubject'), [1]);
      } finally {
        await c.close();
      }
      const withCert = await curl([
        '--cacert',
        certs.caCert,
        '--cert',
        certs.clientCert,
        '--key',
        certs.clientKey,
        `${r.url}/subjects`,
      ]);
      assert.equal(withCert.status, 200, withCert.stderr);
      assert.deepEqual(JSON.parse(withCert.body), ['testSubject']);
    });

    it('a client without a certificate, or with one from another CA, is refused in the handshake', async () => {
      const bare = await curl(['--cacert', certs.caCert, `${r.url}/subjects`]);
      assert.notEqual(bare.code, 0, 'curl without a certificate gets no HTTP answer');
      assert.equal(bare.status, 0);
      const stranger = await curl([
        '--cacert',
        certs.caCert,
        '--cert',
        certs.strangerCert,
        '--key',
        certs.strangerKey,
        `${r.url}/subjects`,
      ]);
      assert.notEqual(stranger.code, 0);
      assert.equal(stranger.status, 0);
      const c = client(r.url, { ca: certs.caCert });
      try {
        await assert.rejects(c.getAllSubjects());
      } finally {
        await c.close();
      }
    });
  });

  describe('--tls-client-auth optional', () => {
    let r: TestRegistry;
    before(async () => {
      r = await startTestRegistry({
        tls: {
          certFile: certs.serverCert,
          keyFile: certs.serverKey,
          caFile: certs.caCert,
          clientAuth: 'optional',
        },
      });
    });
    after(() => r.stop());

    it('lets in a client without a certificate and one with a good certificate, but not a stranger', async () => {
      const bare = await curl(['--cacert', certs.caCert, `${r.url}/subjects`]);
      assert.equal(bare.status, 200, bare.stderr);
      const good = await curl([
        '--cacert',
        certs.caCert,
        '--cert',
        certs.clientCert,
        '--key',
        certs.clientKey,
        `${r.url}/subjects`,
      ]);
      assert.equal(good.status, 200, good.stderr);
      const stranger = await curl([
        '--cacert',
        certs.caCert,
        '--cert',
        certs.strangerCert,
        '--key',
        certs.strangerKey,
        `${r.url}/subjects`,
      ]);
      assert.notEqual(stranger.code, 0);
      assert.equal(stranger.status, 0);
    });
  });

  describe('bad TLS arguments and files stop the start: one message, exit 2', () => {
    const dir = tempDir();
    after(() => rmSync(dir, { recursive: true, force: true }));
    const cases: Array<[string, () => string[], RegExp]> = [
      [
        'a key that is not the certificate’s',
        () => ['--tls-cert', certs.serverCert, '--tls-key', certs.clientKey],
        /client\.key is not the private key of the certificate in .*server\.crt/,
      ],
      [
        'a certificate file that is not PEM',
        () => ['--tls-cert', join(dir, 'not.pem'), '--tls-key', certs.serverKey],
        /not\.pem: not a PEM file/,
      ],
      [
        'a missing key file',
        () => ['--tls-cert', certs.serverCert, '--tls-key', join(dir, 'absent.key')],
        /cannot read the TLS private key .*absent\.key/,
      ],
      [
        'client auth without a CA',
        () => ['--tls-cert', certs.serverCert, '--tls-key', certs.serverKey, '--tls-client-auth', 'required'],
        /client authentication 'required' needs the CA .*--tls-ca/,
      ],
      [
        'an unknown client-auth mode',
        () => ['--tls-cert', certs.serverCert, '--tls-key', certs.serverKey, '--tls-client-auth', 'want'],
        /--tls-client-auth must be none, optional or required, got 'want'/,
      ],
      [
        'a key without a certificate',
        () => ['--tls-key', certs.serverKey],
        /--tls-cert and --tls-key go together/,
      ],
      [
        'a CA without a certificate',
        () => ['--tls-ca', certs.caCert],
        /--tls-ca and --tls-client-auth need --tls-cert and --tls-key/,
      ],
    ];
    for (const [name, args, message] of cases) {
      it(name, async () => {
        writeFileSync(join(dir, 'not.pem'), 'hello\n');
        const res = await runCli([
          'registry',
          'serve',
          '--port',
          '0',
          '--data',
          join(dir, 'data'),
          ...args(),
        ]);
        assert.equal(res.code, 2, res.stderr);
        assert.match(res.stderr, message);
        assert.doesNotMatch(res.stderr, /\n\s+at /);
        assert.equal(res.stdout, '', 'nothing listened');
      });
    }
  });
});

describe('schemagate’s own registry client against TLS and an auth file', () => {
  let certs: TestCertificates;
  let r: TestRegistry;
  const dir = tempDir('sg-own-client-');
  before(async () => {
    certs = makeTestCertificates();
    const authFile = join(dir, 'auth.json');
    const made = await runCli(['registry', 'passwd', authFile, 'ci'], {
      env: { SCHEMAGATE_REGISTRY_PASSWORD: 'ci-pass' },
    });
    assert.equal(made.code, 0, made.stderr);
    const file = JSON.parse(readFileSync(authFile, 'utf8')) as Record<string, unknown>;
    file.permissions = [{ username: 'ci', operation: 'Write', resource: '.*' }];
    writeFileSync(authFile, JSON.stringify(file));
    r = await startTestRegistry({ authFile, tls: { certFile: certs.serverCert, keyFile: certs.serverKey } });
    const reg = await curl([
      '--cacert',
      certs.caCert,
      '-u',
      'ci:ci-pass',
      ...registerBody,
      `${r.url}/subjects/imported-value/versions`,
    ]);
    assert.equal(reg.status, 200, reg.stderr + reg.body);
  });
  after(async () => {
    await r.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(certs.dir, { recursive: true, force: true });
  });

  it('import trusts the CA from NODE_EXTRA_CA_CERTS and sends SCHEMA_REGISTRY_USER_INFO', async () => {
    const into = join(dir, 'imported');
    const res = await runCli(['import', '--registry', r.url, '--into', into], {
      cwd: dir,
      env: { NODE_EXTRA_CA_CERTS: certs.caCert, SCHEMA_REGISTRY_USER_INFO: 'ci:ci-pass' },
    });
    assert.equal(res.code, 0, res.stderr);
    assert.ok(existsSync(into));
    assert.match(execFileSync('grep', ['-rl', 'myrecord', into]).toString(), /imported/);
  });

  it('without the CA, or without credentials, import stops with one message (exit 2)', async () => {
    const untrusted = await runCli(['import', '--registry', r.url, '--into', join(dir, 'no-ca')], {
      cwd: dir,
      env: { SCHEMA_REGISTRY_USER_INFO: 'ci:ci-pass' },
    });
    assert.equal(untrusted.code, 2, untrusted.stderr);
    assert.match(
      untrusted.stderr,
      /UNABLE_TO_VERIFY_LEAF_SIGNATURE \(the registry.s TLS certificate is not signed by a trusted CA: name its CA file in NODE_EXTRA_CA_CERTS\)/,
    );
    assert.doesNotMatch(untrusted.stderr, /\n\s+at /);
    const anonymous = await runCli(['import', '--registry', r.url, '--into', join(dir, 'no-auth')], {
      cwd: dir,
      env: { NODE_EXTRA_CA_CERTS: certs.caCert, SCHEMA_REGISTRY_USER_INFO: '' },
    });
    assert.equal(anonymous.code, 2, anonymous.stderr);
    assert.match(anonymous.stderr, /401|Unauthorized/);
    assert.doesNotMatch(anonymous.stderr + anonymous.stdout, /ci-pass/);
  });
});

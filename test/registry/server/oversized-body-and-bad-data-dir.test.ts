import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isSchemagateError } from '../../../src/errors.js';
import { RegistryError, SchemaRegistryClient } from '../../../src/registry/client/index.js';
import { startRegistryServer } from '../../../src/registry/server/index.js';
import { runCli } from '../../support/cli.js';
import { avroRecord, startTestRegistry, tempDir, type TestRegistry } from './support.js';

let r: TestRegistry;
before(async () => {
  r = await startTestRegistry();
});
after(async () => {
  await r.stop();
});

/** An Avro record whose doc makes the registration body about `mib` MiB. */
function hugeSchema(mib: number): string {
  return JSON.stringify({ type: 'record', name: 'Huge', doc: 'x'.repeat(mib * 1024 * 1024), fields: [] });
}

describe('a request body over the limit', () => {
  for (const mib of [9, 40]) {
    it(`${mib} MiB: 413 with the error envelope (not a reset), and the server keeps serving`, async () => {
      const res = await fetch(`${r.url}/subjects/huge/versions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
        body: JSON.stringify({ schema: hugeSchema(mib) }),
      });
      assert.equal(res.status, 413);
      assert.match(res.headers.get('content-type') ?? '', /json/);
      assert.deepEqual(await res.json(), {
        error_code: 413,
        message: 'Request body larger than 1048576 bytes',
      });
      assert.equal(
        (await r.call('POST', '/subjects/small/versions', { schema: avroRecord('Small', ['a']) })).status,
        200,
      );
    });
  }

  it('the client sees the 413 as a RegistryError, not ECONNRESET', async () => {
    const client = new SchemaRegistryClient({ url: r.url, retries: 0 });
    const e = await client.register('huge', { schema: hugeSchema(12) }).catch((err: unknown) => err);
    assert.ok(e instanceof RegistryError, String(e));
    assert.equal(e.status, 413);
    assert.equal(e.errorCode, 413);
    assert.match(e.message, /registry 413 \(413\) on POST .*: Request body larger than 1048576 bytes/);
    assert.deepEqual(await client.listVersions('small'), [1]);
  });
});

describe(
  'a data directory that cannot be made',
  { skip: !existsSync('/proc/self') && 'needs Linux /proc' },
  () => {
    it('`registry serve --data /proc/x` exits 2 at once naming the folder and why (it used to spin at full CPU)', async () => {
      const started = Date.now();
      const run = await runCli(['registry', 'serve', '--port', '0', '--data', '/proc/x/registry'], {
        timeoutMs: 30_000,
      });
      assert.equal(run.code, 2, run.stderr);
      assert.equal(
        run.stderr,
        'schemagate: cannot use /proc/x/registry as the registry data directory: cannot create /proc/x: its parent /proc does not accept new folders (a virtual file system such as /proc?)\n',
      );
      assert.ok(Date.now() - started < 20_000);
    });

    it('a file in the way and an unwritable parent are named too (library)', async () => {
      const dir = tempDir();
      try {
        writeFileSync(join(dir, 'file'), '');
        for (const [dataDir, why] of [
          [join(dir, 'file', 'data'), `${join(dir, 'file')} exists and is not a folder`],
          [
            '/proc/self/data',
            'cannot create /proc/self/data: its parent /proc/self does not accept new folders',
          ],
        ] as const) {
          const e = await startRegistryServer({ port: 0, dataDir }).catch((err: unknown) => err);
          assert.ok(isSchemagateError(e), String(e));
          assert.equal(e.exitCode, 2);
          assert.ok(
            e.message.startsWith(`cannot use ${dataDir} as the registry data directory: ${why}`),
            e.message,
          );
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);

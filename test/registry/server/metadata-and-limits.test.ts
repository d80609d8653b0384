import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { afterEach, describe, it } from 'node:test';
import { runCli } from '../../support/cli.js';
import { spawnServer } from './child.js';
import { avroRecord, call, startTestRegistry, tempDir, type TestRegistry } from './support.js';

// Server metadata, response headers and the server options that mirror registry settings, each test
// after the Confluent test method it follows.
describe('server metadata and limits', () => {
  let r: TestRegistry;
  afterEach(async () => {
    await r.stop();
  });

  it('RestApiTest.testGetClusterId / testGetSchemaRegistryServerVersion / testHttpResponseHeaders', async () => {
    r = await startTestRegistry();
    const id = await r.call('GET', '/v1/metadata/id');
    const body = id.body as { id: string; scope: { path: unknown[]; clusters: Record<string, string> } };
    assert.equal(body.id, '');
    assert.deepEqual(body.scope.path, []);
    assert.equal(typeof body.scope.clusters['schema-registry-cluster'], 'string');
    assert.equal(id.headers.get('x-xss-protection'), '1; mode=block');
    assert.equal(id.headers.get('cache-control'), 'no-cache, no-store, must-revalidate');
    assert.equal(id.headers.get('strict-transport-security'), null);
    assert.deepEqual((await r.call('GET', '/v1/metadata/version')).body, {
      version: '7.9.0',
      commitId: 'schemagate',
    });
  });

  it('RestApiTest.testGetSchemaRegistryServerDeployment: no attributes, at 7.9 and 8.x shapes', async () => {
    r = await startTestRegistry();
    assert.deepEqual((await r.call('GET', '/v1/metadata/deployment')).body, { attributes: [] });
    await r.stop();
    r = await startTestRegistry({ shapes: '8' });
    assert.deepEqual((await r.call('GET', '/v1/metadata/deployment')).body, { attributes: [] });
    assert.equal(
      ((await r.call('GET', '/v1/metadata/version')).body as { version: string }).version,
      '8.0.0',
    );
  });

  it('RestApiRejectEmptySubjectTest.testEmptySubjectRejectedWhenFlagEnabled / testWildcardSubjectRejectedWhenFlagEnabled / testNonEmptySubjectStillAllowedWhenFlagEnabled, RestApiTest.testRegisterSchemaWithWildcardSubjectAllowedByDefault: with rejectEmptySubject, "" (as :.:) and * are 42208; other subjects register', async () => {
    r = await startTestRegistry({ rejectEmptySubject: true });
    const schema = avroRecord('r', ['f']);
    assert.deepEqual(
      (await r.call('POST', `/subjects/${encodeURIComponent(':.:')}/versions`, { schema })).body,
      {
        error_code: 42208,
        message: "The specified subject ':.:' is not a valid.",
      },
    );
    const wildcard = await r.call('POST', '/subjects/*/versions', { schema });
    assert.equal(wildcard.status, 422);
    assert.match((wildcard.body as { message: string }).message, /'\*'/);
    assert.equal((await r.call('POST', '/subjects/normal-subject/versions', { schema })).status, 200);
    await r.stop();
    // Without the option the empty subject and * are subjects like any other (testRegisterSchemaWithWildcardSubjectAllowedByDefault).
    r = await startTestRegistry();
    assert.equal((await r.call('POST', '/subjects/*/versions', { schema })).status, 200);
    assert.equal(
      (await r.call('POST', `/subjects/${encodeURIComponent(':.:')}/versions`, { schema })).status,
      200,
    );
  });

  it('RestApiSchemaTooLargeTest.testSchemaTooLarge: a registration larger than maxSchemaBytes is 42209 and stores nothing', async () => {
    r = await startTestRegistry({ maxSchemaBytes: 300 });
    const big = avroRecord('test', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n']);
    assert.deepEqual((await r.call('POST', '/subjects/testTopic1/versions', { schema: big })).body, {
      error_code: 42209,
      message: 'Register operation failed because schema is too large',
    });
    assert.deepEqual((await r.call('GET', '/subjects')).body, []);
    assert.equal((await r.call('POST', '/subjects/small/versions', { schema: '"int"' })).status, 200);
  });

  it('registry serve --reject-empty-subject and --max-schema-bytes reach the server; a bad value is exit 2', async () => {
    r = await startTestRegistry();
    const dir = tempDir();
    const server = await spawnServer(dir, { args: ['--reject-empty-subject', '--max-schema-bytes', '60'] });
    try {
      const empty = await call(server.url, 'POST', '/subjects/*/versions', { schema: '"int"' });
      assert.equal((empty.body as { error_code: number }).error_code, 42208);
      const large = await call(server.url, 'POST', '/subjects/s/versions', {
        schema: avroRecord('x', ['a', 'b']),
      });
      assert.equal((large.body as { error_code: number }).error_code, 42209);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const bad = await runCli(['registry', 'serve', '--max-schema-bytes', '0'], { cwd: dir });
    rmSync(dir, { recursive: true, force: true });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-schema-bytes must be an integer between 1 and/);
  });
});

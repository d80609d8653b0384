import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistryClient } from '../../../src/registry/client/index.js';
import type { PublishCandidate } from '../../../src/registry/plan/index.js';
import { publish } from '../../../src/registry/publish.js';
import { SchemagateError } from '../../../src/errors.js';
import { startRegistryServer, type RunningRegistry } from '../../../src/registry/server/index.js';

let server: RunningRegistry;
let dataDir: string;
let client: SchemaRegistryClient;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-engine-'));
  server = await startRegistryServer({ port: 0, dataDir });
  client = new SchemaRegistryClient({ url: server.url, retries: 1, retryDelayMs: 1 });
});
after(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const rec = (name: string, fields: { name: string; type: unknown; default?: unknown }[]) =>
  JSON.stringify({ type: 'record', name, namespace: 'com.eng', fields });
function cand(subject: string, schema: string, refs: string[][] = []): PublishCandidate {
  return { subject, schema, schemaType: 'AVRO', references: refs.map(([name, s]) => ({ name: name!, subject: s! })), level: 'BACKWARD' };
}

describe('publish engine', () => {
  it('a referencing subject points at the version its reference gets in the same run', async () => {
    const base1 = rec('Base', [{ name: 'a', type: 'string' }]);
    const base2 = rec('Base', [
      { name: 'a', type: 'string' },
      { name: 'b', type: ['null', 'string'], default: null },
    ]);
    const user = rec('User', [{ name: 'base', type: 'com.eng.Base' }]);
    await publish(client, [cand('user', user, [['com.eng.Base', 'base']]), cand('base', base1)]);
    const out = await publish(client, [cand('user', user, [['com.eng.Base', 'base']]), cand('base', base2)], { concurrency: 4 });
    assert.deepEqual(
      out.report.results.map((r) => [r.subject, r.action, r.version]),
      [
        ['base', 'registered', 2],
        ['user', 'registered', 2],
      ],
    );
    assert.match(out.steps[1]?.reason ?? '', /references base, registered first/);
    assert.deepEqual((await client.getLatest('user')).references, [{ name: 'com.eng.Base', subject: 'base', version: 2 }]);
  });

  it('a reference to a subject the registry lacks fails that subject with a clear message; a failed reference is not sent', async () => {
    const out = await publish(client, [
      cand('orphan-ref', rec('Uses', [{ name: 'x', type: 'com.eng.Nowhere' }]), [['com.eng.Nowhere', 'nowhere']]),
      cand('bad', 'not json at all'),
      cand('on-bad', rec('OnBad', [{ name: 'y', type: 'com.eng.Bad' }]), [['com.eng.Bad', 'bad']]),
      cand('fine', rec('Fine', [{ name: 'z', type: 'int' }])),
    ]);
    const bySubject = Object.fromEntries(out.report.results.map((r) => [r.subject, r]));
    assert.equal(bySubject['orphan-ref']?.action, 'failed');
    assert.match(bySubject['orphan-ref']?.messages[0] ?? '', /subject 'nowhere', which the registry does not have: publish it first/);
    assert.equal(bySubject.bad?.action, 'failed');
    assert.match(bySubject.bad?.messages[0] ?? '', /422/);
    assert.equal(bySubject['on-bad']?.action, 'failed');
    assert.match(bySubject['on-bad']?.messages[0] ?? '', /referenced subject bad was not published/);
    assert.equal(bySubject.fine?.action, 'registered');
    assert.equal(out.report.ok, false);
  });

  it('a file with problems fails without a request; a cycle of references is refused up front', async () => {
    const broken = { ...cand('broken', '{}'), problems: ['schemas/broken.avsc:1:1: not a schema'] };
    const out = await publish(client, [broken]);
    assert.deepEqual(out.report.results[0]?.messages, ['schemas/broken.avsc:1:1: not a schema']);
    await assert.rejects(client.listVersions('broken'));
    await assert.rejects(
      publish(client, [cand('a', '"int"', [['x.A', 'b']]), cand('b', '"int"', [['x.B', 'a']])]),
      (e: unknown) =>
        e instanceof SchemagateError &&
        e.code === 'REFERENCE_CYCLE' &&
        /^REFERENCE_CYCLE: schema references form a cycle: a → b → a; fix: move the definitions/.test(e.message),
    );
  });
});

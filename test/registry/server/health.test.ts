import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestRegistry, type TestRegistry } from './support.js';

// GET /_health (Karapace's path) for load balancers; on the file log a node is always the one writer.
describe('GET /_health', () => {
  let r: TestRegistry;
  before(async () => {
    r = await startTestRegistry();
  });
  after(async () => {
    await r.stop();
  });

  it('answers 200 without content negotiation, with readiness and role', async () => {
    const res = await fetch(`${r.url}/_health`, { headers: { Accept: 'text/html' } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { ready: boolean; role: string; store: string };
    assert.equal(body.ready, true);
    assert.equal(body.role, 'leader');
    assert.equal(body.store, process.env.SCHEMAGATE_TEST_KAFKA === undefined ? 'file' : 'kafka');
  });

  it('is only GET and HEAD: other methods reach the registry router (404)', async () => {
    assert.equal((await r.call('POST', '/_health', {})).status, 404);
  });
});

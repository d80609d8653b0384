import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { avroRecord, startTestRegistry, type TestRegistry } from './support.js';

describe('registry server: register, lookup, ids, versions, config', () => {
  let r: TestRegistry;
  before(async () => {
    r = await startTestRegistry();
  });
  after(async () => {
    await r.stop();
  });

  it('registers, then answers by id, by version and by lookup', async () => {
    const schema = avroRecord('User', ['name']);
    const reg = await r.call('POST', '/subjects/users-value/versions', { schema });
    assert.equal(reg.status, 200);
    assert.deepEqual(reg.body, { id: 1, version: 1, schema });
    const byId = await r.call('GET', '/schemas/ids/1');
    assert.deepEqual(byId.body, { schema });
    const latest = await r.call('GET', '/subjects/users-value/versions/latest');
    assert.deepEqual(latest.body, { subject: 'users-value', version: 1, id: 1, schema });
    const lookup = await r.call('POST', '/subjects/users-value', { schema });
    assert.deepEqual(lookup.body, { subject: 'users-value', version: 1, id: 1, schema });
    assert.deepEqual((await r.call('GET', '/subjects/users-value/versions')).body, [1]);
    assert.deepEqual((await r.call('GET', '/subjects')).body, ['users-value']);
  });

  it('answers the headers of §1', async () => {
    const res = await r.call('GET', '/config');
    assert.equal(res.headers.get('x-xss-protection'), '1; mode=block');
    assert.equal(res.headers.get('cache-control'), 'no-cache, no-store, must-revalidate');
    assert.equal(res.headers.get('content-type'), 'application/vnd.schemaregistry.v1+json');
    assert.deepEqual(res.body, { compatibilityLevel: 'BACKWARD' });
  });

  it('sets config with `compatibility` and answers `compatibilityLevel`', async () => {
    const put = await r.call('PUT', '/config/users-value', { compatibility: 'full' });
    assert.deepEqual(put.body, { compatibility: 'FULL' });
    assert.deepEqual((await r.call('GET', '/config/users-value')).body, { compatibilityLevel: 'FULL' });
  });
});

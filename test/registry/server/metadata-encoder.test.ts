import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { SchemagateError } from '../../../src/errors.js';
import { LOG_FILE } from '../../../src/registry/server/log.js';
import { KEYSET_FILE } from '../../../src/registry/server/metadata-encoder.js';
import { startTestRegistry, tempDir, type Reply, type TestRegistry } from './support.js';

// Sensitive metadata encrypted at rest (RestApiMetadataEncoderTest): the values the metadata names in
// `sensitive` are sealed in the log under a keyset wrapped by METADATA_ENCODER_SECRET, answered as sent,
// and a new secret with the old one rotates the keyset.

const field = (r: Reply, name: string): unknown => (r.body as Record<string, unknown>)[name];
const SCHEMA = '{"type":"record","name":"Card","fields":[{"name":"number","type":"string"}]}';

describe('metadata encoder', () => {
  const dirs: string[] = [];
  let r: TestRegistry | undefined;
  afterEach(async () => {
    await r?.server.close();
    r = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dataDir = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };
  const start = async (dir: string, secret?: string, oldSecret?: string) => {
    await r?.server.close();
    r = await startTestRegistry({ dataDir: dir, metadataSecrets: { secret, oldSecret } });
    return r;
  };
  const registerSensitive = (reg: TestRegistry, subject: string, properties: Record<string, string>) =>
    reg.call('POST', `/subjects/${subject}/versions`, {
      schema: SCHEMA,
      metadata: { properties, sensitive: ['pan'] },
    });
  const propertiesOf = async (reg: TestRegistry, id: number) =>
    (field(await reg.call('GET', `/schemas/ids/${id}`), 'metadata') as { properties?: unknown }).properties;
  const logText = (dir: string) => readFileSync(join(dir, LOG_FILE), 'utf8');
  const keyCount = (dir: string) =>
    (JSON.parse(readFileSync(join(dir, KEYSET_FILE), 'utf8')) as { keys: unknown[] }).keys.length;

  it('RestApiMetadataEncoderTest.testRegisterSchemaWithSensitiveMetadata: sealed in the log, answered as sent', async () => {
    const dir = dataDir();
    const reg = await start(dir, 'first-secret');
    const properties = { owner: 'payments', pan: '4111-1111-1111-1111' };
    assert.equal(field(await registerSensitive(reg, 'cards', properties), 'id'), 1);
    assert.deepEqual((await reg.call('GET', '/schemas/ids/1/versions')).body, [
      { subject: 'cards', version: 1 },
    ]);
    assert.deepEqual(await propertiesOf(reg, 1), properties);
    assert.deepEqual(field(await reg.call('GET', '/subjects/cards/versions/1'), 'metadata'), {
      properties,
      sensitive: ['pan'],
    });
    const log = logText(dir);
    assert.ok(!log.includes('4111-1111'), 'the sensitive value is not in the log');
    assert.ok(log.includes('payments'), 'other properties are');
    assert.ok(!readFileSync(join(dir, KEYSET_FILE), 'utf8').includes('first-secret'));
    // The same schema and metadata again is the same schema (identity on the opened values).
    assert.equal(field(await registerSensitive(reg, 'cards', properties), 'version'), 1);
    const again = await start(dir, 'first-secret');
    assert.deepEqual(await propertiesOf(again, 1), properties);
    assert.equal(field(await registerSensitive(again, 'cards', properties), 'version'), 1);
  });

  it('RestApiMetadataEncoderTest.testSecretRotation: a new secret with the old one adds a key; both generations read', async () => {
    const dir = dataDir();
    let reg = await start(dir, 'old-secret');
    const before = { owner: 'a', pan: 'value-before' };
    assert.equal(field(await registerSensitive(reg, 'rot', before), 'id'), 1);
    assert.equal(keyCount(dir), 1);
    reg = await start(dir, 'new-secret', 'old-secret');
    assert.equal(keyCount(dir), 2);
    assert.deepEqual(await propertiesOf(reg, 1), before);
    const after = { owner: 'b', pan: 'value-after' };
    assert.equal(field(await registerSensitive(reg, 'rot2', after), 'id'), 2);
    // Once rotated, the new secret alone opens everything.
    reg = await start(dir, 'new-secret');
    assert.equal(keyCount(dir), 2);
    assert.deepEqual([await propertiesOf(reg, 1), await propertiesOf(reg, 2)], [before, after]);
  });

  it('RestApiMetadataEncoderTest.testMissingEncoder: without the keyset or the secret the server does not start, naming what is missing', async () => {
    const dir = dataDir();
    const reg = await start(dir, 'the-secret');
    await registerSensitive(reg, 'cards', { pan: 'x' });
    await reg.server.close();
    r = undefined;
    const refusal = async (secret: string | undefined, pattern: RegExp) => {
      await assert.rejects(startTestRegistry({ dataDir: dir, metadataSecrets: { secret } }), (e: unknown) => {
        assert.ok(e instanceof SchemagateError);
        assert.match(e.message, pattern);
        return true;
      });
    };
    await refusal(undefined, /schema 1 has encrypted sensitive metadata; set METADATA_ENCODER_SECRET/);
    await refusal(
      'another-secret',
      /METADATA_ENCODER_SECRET does not open the metadata keyset.*METADATA_ENCODER_OLD_SECRET/,
    );
    rmSync(join(dir, KEYSET_FILE));
    await refusal(
      'the-secret',
      /schema 1 has encrypted sensitive metadata, and the metadata keyset is missing/,
    );
  });

  it('without a secret, sensitive values are stored as sent (as the registry does without metadata.encoder.secret)', async () => {
    const dir = dataDir();
    const reg = await start(dir, undefined);
    await registerSensitive(reg, 'plain', { pan: 'plain-value' });
    assert.ok(logText(dir).includes('plain-value'));
    assert.deepEqual(await propertiesOf(reg, 1), { pan: 'plain-value' });
  });
});

// The registry's REST conformance tests again, with every registry they start on `--kafka` (a fresh
// topic each) instead of the file log: the same answers whichever store holds the state. The files run
// in a child test process with SCHEMAGATE_TEST_KAFKA set (see test/registry/server/support.ts). Files
// that start a registry on a data directory of their own (restarts, durability, the start-up checks)
// test the file log itself and are left out, as are those serving TLS (the HTTP side's, the same on either
// store). Confluent's Python and Go clients run their scenarios here too, and so do the publisher's fault
// tests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';
import { startKafkaBroker, type KafkaBroker } from '../../support/kafka-broker.js';

const SERVER_TESTS = fileURLToPath(new URL('../server/', import.meta.url));
const ON_KAFKA = [
  'aliases',
  'auth',
  'basics',
  'compatibility-rest',
  'config-and-listing',
  'contexts',
  'contracts',
  'deletes-references',
  'equivalence',
  'go-client',
  'health',
  'identity-compat',
  'json-schema-rest',
  'metadata-and-limits',
  'modes',
  'modes-refs-config',
  'numbering',
  'protobuf-rest',
  'protobuf-rest-more',
  'protocol',
  'python-client',
  'rest-api-basics',
  'rest-api-more',
  'schema-tags',
  'third-party-clients',
];

let broker: KafkaBroker;
before(async () => {
  broker = await startKafkaBroker();
});
after(async () => {
  await broker.stop();
});

it(`the REST conformance tests pass with the registry on Kafka (${ON_KAFKA.length + 2} files)`, async () => {
  const files = [
    ...ON_KAFKA.map((name) => join(SERVER_TESTS, `${name}.test.ts`)),
    // The registry client's tests and the publisher's fault tests (resets, 500s, timeouts through a proxy).
    join(SERVER_TESTS, '..', 'client', 'against-server.test.ts'),
    join(SERVER_TESTS, '..', 'publish', 'faults.test.ts'),
  ];
  // Without this the child would report to this runner in its internal format rather than in TAP.
  const { NODE_TEST_CONTEXT: _parent, ...env } = process.env;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=tap', '--test-concurrency=2', ...files],
    { env: { ...env, SCHEMAGATE_TEST_KAFKA: broker.bootstrap }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const count = (name: string): number => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(out)?.[1] ?? NaN);
  const failures = out.split('\n').filter((line) => /^\s*not ok /.test(line));
  assert.deepEqual(failures, [], `on Kafka:\n${out.slice(-4000)}`);
  assert.equal(status, 0, out.slice(-4000));
  assert.ok(count('pass') >= 150, `expected the whole conformance set to run, got ${count('pass')} passing`);
  assert.equal(count('fail'), 0);
  assert.equal(count('skipped'), 0);
});

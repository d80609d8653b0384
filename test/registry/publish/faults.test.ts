import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistryClient } from '../../../src/registry/client/index.js';
import type { PublishCandidate } from '../../../src/registry/plan/index.js';
import { publish } from '../../../src/registry/publish.js';
import { startTestRegistry, type TestRegistry } from '../server/support.js';
import { seeded, startFaultProxy, type Fault, type FaultProxy } from './fault-proxy.js';

// Publishing through a loopback proxy that injects 500s, connection resets (before and after the
// registry saw the request) and delays past the client's timeout. The publisher must report honestly
// (what it calls registered is in the registry under that id and version), and a clean second run
// must converge with exactly one version per subject: no duplicates from retried registrations.

// On the file log, or on Kafka when SCHEMAGATE_TEST_KAFKA is set (test/registry/kafka/conformance-on-kafka).
let server: TestRegistry;
let proxy: FaultProxy;
let direct: SchemaRegistryClient;

before(async () => {
  server = await startTestRegistry();
  proxy = await startFaultProxy(server.url);
  direct = new SchemaRegistryClient({ url: server.url, retries: 0 });
});
after(async () => {
  await proxy.close();
  await server.stop();
});

function candidates(prefix: string, n: number): PublishCandidate[] {
  const out: PublishCandidate[] = [];
  for (let i = 0; i < n; i++) {
    const name = `${prefix}${i}`;
    out.push({
      subject: `${name}-value`,
      schema: JSON.stringify({
        type: 'record',
        name: `R${i}`,
        namespace: `com.${prefix}`,
        fields: [{ name: 'id', type: 'string' }],
      }),
      schemaType: 'AVRO',
      references: [],
      level: i % 3 === 0 ? 'FULL' : 'BACKWARD',
    });
  }
  return out;
}

const FAULTS: Fault[] = ['500-before', 'reset-before', '500-after', 'reset-after', { delayMs: 2500 }];

/**
 * Delays of 2.5 s outlast the 1.5 s timeout (per request, retries included: a loaded machine must still
 * answer an unfaulted request within it); the clean runs get a timeout no loaded machine reaches.
 */
function faultyClient(): SchemaRegistryClient {
  return new SchemaRegistryClient({ url: proxy.url, retries: 3, retryDelayMs: 1, timeoutMs: 1500 });
}
function cleanClient(): SchemaRegistryClient {
  return new SchemaRegistryClient({ url: proxy.url, retries: 3, retryDelayMs: 5, timeoutMs: 10_000 });
}

describe('publish through a faulty network', () => {
  for (const seed of [1, 2, 3]) {
    it(`reports honestly and converges without duplicate versions (seed ${seed})`, async () => {
      const batch = candidates(`s${seed}x`, 25);
      const random = seeded(seed);
      let injected = 0;
      // The global level is read once up front, where an unreachable registry is one error for the whole
      // run (tested in publish-cli); the faults hit every per-subject request.
      proxy.setFaults((method, path) => {
        if (method === 'GET' && path === '/config') return 'pass';
        const f = random() < 0.35 ? (FAULTS[Math.floor(random() * FAULTS.length)] ?? 'pass') : 'pass';
        if (f !== 'pass') injected++;
        return f;
      });
      const first = await publish(faultyClient(), batch, { registerAttempts: 3 });
      assert.equal(first.report.results.length, batch.length, 'every subject gets an outcome');
      assert.ok(injected >= 10, `faults were injected (${injected})`);

      for (const r of first.report.results) {
        assert.ok(['registered', 'unchanged', 'failed'].includes(r.action), `${r.subject}: ${r.action}`);
        if (r.action === 'registered' || r.action === 'unchanged') {
          const latest = await direct.getLatest(r.subject);
          assert.equal(latest.id, r.id, `${r.subject}: reported id is the registry's`);
          assert.equal(latest.version, r.version, `${r.subject}: reported version is the registry's`);
        } else {
          assert.ok(r.messages.length > 0, `${r.subject}: a failure says why`);
        }
      }
      assert.equal(
        first.report.ok,
        first.report.results.every((r) => r.action !== 'failed'),
      );

      proxy.setFaults(() => 'pass');
      await proxy.idle();
      const second = await publish(cleanClient(), batch);
      assert.equal(
        second.report.ok,
        true,
        JSON.stringify(second.report.results.filter((r) => r.action === 'failed')),
      );
      for (const c of batch) {
        assert.deepEqual(await direct.listVersions(c.subject), [1], `${c.subject}: exactly one version`);
        const own = await direct.getConfig(c.subject);
        assert.equal(own?.compatibilityLevel ?? 'BACKWARD', c.level);
      }

      await proxy.idle();
      const before = proxy.writes().length;
      const third = await publish(cleanClient(), batch);
      assert.ok(third.report.results.every((r) => r.action === 'unchanged'));
      assert.equal(proxy.writes().length, before, 'a run with nothing new writes nothing');
    });
  }

  it('a register whose answer is lost is found by lookup and reported registered, not registered twice', async () => {
    const [c] = candidates('lost', 1);
    let lostOnce = false;
    proxy.setFaults((method, path) => {
      if (method === 'POST' && path.endsWith('/versions') && !lostOnce) {
        lostOnce = true;
        return 'reset-after';
      }
      return 'pass';
    });
    const out = await publish(cleanClient(), [c!]);
    assert.equal(out.report.results[0]?.action, 'registered');
    assert.equal(out.report.results[0]?.version, 1);
    assert.deepEqual(await direct.listVersions(c!.subject), [1]);
    const registers = proxy.forwarded.filter(
      (f) => f.method === 'POST' && f.path.startsWith(`/subjects/${c!.subject}/versions`),
    );
    assert.equal(registers.length, 1, 'the lookup found it; no second register');
  });

  it('a registry that keeps failing makes the subject failed, the others still publish, exit status not ok', async () => {
    const batch = candidates('down', 3);
    proxy.setFaults((_m, path) => (path.includes('down1-value') ? '500-before' : 'pass'));
    const out = await publish(cleanClient(), batch);
    assert.equal(out.report.ok, false);
    assert.deepEqual(
      out.report.results.map((r) => [r.subject, r.action]),
      [
        ['down0-value', 'registered'],
        ['down1-value', 'failed'],
        ['down2-value', 'registered'],
      ],
    );
    assert.match(out.report.results[1]?.messages[0] ?? '', /500/);
    proxy.setFaults(() => 'pass');
  });
});

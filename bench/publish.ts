// bench/publish: publishing 1,000 subjects to `registry serve` on loopback, then a second run with
// nothing new, against a baseline measured in the same run: 1,000 raw sequential `fetch` register
// calls (one POST each, no lookup, no level read) to a fresh server.
// Run: node --import tsx bench/publish.ts [subjects]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaRegistryClient } from '../src/registry/client/index.js';
import type { PublishCandidate } from '../src/registry/plan/index.js';
import { publish } from '../src/registry/publish.js';
import { startRegistryServer } from '../src/registry/server/index.js';

const N = Number(process.argv[2] ?? 1000);

function schemaOf(i: number): string {
  return JSON.stringify({
    type: 'record',
    name: `Event${i}`,
    namespace: 'com.bench',
    fields: [
      { name: 'id', type: 'string' },
      { name: 'at', type: 'long' },
      { name: 'note', type: ['null', 'string'], default: null },
    ],
  });
}

async function withServer<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-publish-'));
  const server = await startRegistryServer({ port: 0, dataDir: dir });
  try {
    return await fn(server.url);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function rawRegisters(url: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${url}/subjects/event-${i}-value/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: schemaOf(i) }),
    });
    if (!res.ok) throw new Error(`baseline register failed: ${res.status}`);
    await res.text();
  }
}

// Warm-up (JIT, sockets, file system) on a throwaway server, so that neither side pays it.
await withServer(async (url) => {
  await rawRegisters(url, 200);
  await publish(new SchemaRegistryClient({ url }), candidatesFor(200, 'warm'));
});
const baseline = await withServer((url) => timed(() => rawRegisters(url, N)));

function candidatesFor(n: number, prefix = 'event'): PublishCandidate[] {
  return Array.from({ length: n }, (_, i) => ({
    subject: `${prefix}-${i}-value`,
    schema: schemaOf(i),
    schemaType: 'AVRO',
    references: [],
    level: 'BACKWARD',
  }));
}
const candidates = candidatesFor(N);

const { first, second } = await withServer(async (url) => {
  const client = new SchemaRegistryClient({ url });
  let ok = true;
  const first = await timed(async () => {
    const out = await publish(client, candidates);
    ok &&= out.report.results.every((r) => r.action === 'registered');
  });
  const second = await timed(async () => {
    const out = await publish(client, candidates);
    ok &&= out.report.results.every((r) => r.action === 'unchanged');
  });
  if (!ok) throw new Error('publish did not register everything, then change nothing');
  return { first, second };
});

const rate = (ms: number) => `${Math.round((N / ms) * 1000)} subjects/s`;
console.log(`bench/publish: ${N} Avro subjects, registry serve on 127.0.0.1, node ${process.version}`);
console.log(`  baseline: ${N} raw sequential fetch registers   ${baseline.toFixed(0).padStart(6)} ms  (${rate(baseline)})`);
console.log(`  publish, first run (level read + lookup + register) ${first.toFixed(0).padStart(6)} ms  (${rate(first)})  ${(first / baseline).toFixed(2)}x baseline`);
console.log(`  publish, second run, nothing new (reads only)        ${second.toFixed(0).padStart(6)} ms  (${rate(second)})  ${(second / baseline).toFixed(2)}x baseline`);

import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startRegistryServer } from '../../../src/registry/server/index.js';
import { call, tempDir } from './support.js';

/** A log of `subjects × versions` registrations, each a distinct record schema of realistic size. */
export function generateLog(subjects: number, versions: number): string {
  const lines: string[] = [];
  let id = 0;
  for (let s = 0; s < subjects; s++) {
    const subject = `team-${s % 97}.topic-${s}-value`;
    for (let v = 1; v <= versions; v++) {
      id++;
      const fields = [
        { name: 'id', type: 'string' },
        { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
      ];
      for (let f = 1; f < v; f++) fields.push({ name: `extra${f}`, type: 'string', default: '' } as never);
      const schema = JSON.stringify({
        type: 'record',
        name: `Event${s}`,
        namespace: 'com.acme.events',
        doc: 'generated',
        fields,
      });
      lines.push(
        JSON.stringify({
          t: 'reg',
          s: subject,
          v,
          id,
          schema: { id, schemaType: 'AVRO', schema, references: [] },
        }),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('start-up', () => {
  const dir = tempDir();
  after(() => rmSync(dir, { recursive: true, force: true }));

  // The machine running the suite is shared, so the time asserted is the CPU time start-up costs
  // (wall time on an idle machine is close to it: see docs/benchmarks.md).
  it('replays 100,000 versions in under 2 s of CPU time', async () => {
    writeFileSync(join(dir, 'registry.log'), generateLog(20_000, 5));
    const started = performance.now();
    const cpu = process.cpuUsage();
    const server = await startRegistryServer({ port: 0, dataDir: dir });
    const used = process.cpuUsage(cpu);
    const cpuMillis = (used.user + used.system) / 1000;
    const wall = performance.now() - started;
    try {
      assert.equal(server.startup.events, 100_000);
      assert.ok(
        cpuMillis < 2000,
        `start-up took ${cpuMillis.toFixed(0)} ms of CPU (${wall.toFixed(0)} ms wall)`,
      );
      const latest = await call(
        server.url,
        'GET',
        `/subjects/team-${19_999 % 97}.topic-19999-value/versions/latest`,
      );
      assert.deepEqual(
        [(latest.body as { id: number }).id, (latest.body as { version: number }).version],
        [100_000, 5],
      );
      const reg = await call(server.url, 'POST', '/subjects/new/versions', { schema: '"string"' });
      assert.equal((reg.body as { id: number }).id, 100_001);
    } finally {
      await server.close();
    }
  });
});

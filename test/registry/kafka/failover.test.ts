import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startKafkaBroker, type KafkaBroker } from '../../support/kafka-broker.js';
import { spawnServer, type ServerProcess } from '../server/child.js';
import { call } from '../server/support.js';
import { avro, freshNames, health, settled } from './support.js';

const TOTAL = 500;

describe(
  'kill -9 of the leader during a burst of registrations (real broker, nodes as processes)',
  { timeout: 600_000 },
  () => {
    let broker: KafkaBroker;
    const children: ServerProcess[] = [];
    before(async () => {
      broker = await startKafkaBroker();
    });
    after(async () => {
      for (const c of children) c.child.kill('SIGKILL');
      await broker?.stop();
    });

    it('another node takes over within seconds; every acknowledged write is there once; the old leader comes back as a follower', async () => {
      const names = freshNames();
      const args = ['--kafka', broker.bootstrap, '--topic', names.topic, '--group-id', names.groupId];
      for (let i = 0; i < 3; i++) children.push(await spawnServer(null, { args }));
      const urls = children.map((c) => c.url);
      const leaderUrl = await settled(urls);
      assert.equal((await call(urls[0] as string, 'PUT', '/config', { compatibility: 'NONE' })).status, 200);

      const acknowledged = new Map<number, number>(); // registration → id
      let alive = [...urls];
      let killedAt: number | undefined;
      let next = 0;
      const register = async (i: number): Promise<void> => {
        for (let attempt = 0; ; attempt++) {
          const url = alive[(i + attempt) % alive.length] as string;
          try {
            const res = await call(url, 'POST', `/subjects/burst-${i % 7}/versions`, {
              schema: avro('B', `f${i}`),
            });
            if (res.status === 200) {
              acknowledged.set(i, (res.body as { id: number }).id);
              return;
            }
            assert.ok(res.status >= 500, `${res.status} ${res.text}`);
          } catch (e) {
            if (e instanceof assert.AssertionError) throw e;
            // the node is gone: try the next one
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      const worker = async (): Promise<void> => {
        while (next < TOTAL) {
          const i = next++;
          if (i === 150 && killedAt === undefined) {
            const leader = children.find((c) => c.url === leaderUrl) as ServerProcess;
            leader.child.kill('SIGKILL');
            killedAt = Date.now();
            alive = urls.filter((u) => u !== leaderUrl);
          }
          await register(i);
        }
      };
      const takeover = (async () => {
        while (killedAt === undefined) await new Promise((r) => setTimeout(r, 50));
        const newLeader = await settled(alive, 60_000);
        return { newLeader, seconds: (Date.now() - killedAt) / 1000 };
      })();
      await Promise.all(Array.from({ length: 8 }, worker));
      const { newLeader, seconds } = await takeover;
      assert.notEqual(newLeader, leaderUrl);
      // The session timeout (10 s) bounds how long a dead leader holds the lead.
      assert.ok(seconds < 25, `took over after ${seconds} s`);
      process.stderr.write(`failover: new leader after ${seconds.toFixed(1)} s\n`);

      assert.equal(acknowledged.size, TOTAL);
      const ids = [...acknowledged.values()];
      assert.equal(new Set(ids).size, TOTAL, 'two registrations answered with one id');
      // A transaction the kill cut short was aborted, so its ids were given again: no gaps.
      assert.deepEqual(
        [...ids].sort((a, b) => a - b),
        Array.from({ length: TOTAL }, (_, i) => i + 1),
      );
      for (const url of alive) {
        const all = (await call(url, 'GET', '/schemas')).body as { id: number; schema: string }[];
        const byId = new Map(all.map((s) => [s.id, s.schema]));
        for (const [i, id] of acknowledged)
          assert.equal(byId.get(id), avro('B', `f${i}`), `${url}: id ${id}`);
        assert.equal(all.length, TOTAL, 'a schema too many or too few');
      }

      // The old leader, brought back, is a follower: its writes go to the new leader.
      const back = await spawnServer(null, { args });
      children.push(back);
      await settled([...alive, back.url]);
      const h = await health(back.url);
      assert.equal(h.role, 'follower');
      assert.equal(h.leaderUrl, newLeader);
      const res = await call(back.url, 'POST', '/subjects/after/versions', { schema: avro('Z', 'z') });
      assert.equal(res.status, 200, res.text);
      assert.equal((res.body as { id: number }).id, Math.max(...ids) + 1);
    });
  },
);

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startKafkaBroker, type KafkaBroker } from '../../support/kafka-broker.js';
import { avro, freshNames, settled, startNode, type Node } from './support.js';

describe('three registry nodes on one topic (real broker)', { timeout: 300_000 }, () => {
  let broker: KafkaBroker;
  before(async () => {
    broker = await startKafkaBroker();
  });
  after(async () => {
    await broker?.stop();
  });

  it('a register on any node is readable on every node, same id and version', async () => {
    const names = freshNames();
    const nodes: Node[] = [];
    try {
      for (let i = 0; i < 3; i++) nodes.push(await startNode(broker.bootstrap, names));
      const leaderUrl = await settled(nodes.map((n) => n.url));
      assert.ok(nodes.some((n) => n.url === leaderUrl));
      for (const [i, n] of nodes.entries()) {
        const res = await n.call('POST', `/subjects/s${i}/versions`, { schema: avro('R', `f${i}`) });
        assert.equal(res.status, 200, res.text);
        assert.equal((res.body as { id: number }).id, i + 1);
        // Read-your-writes on the node that answered, leader or follower.
        const back = await n.call('GET', `/subjects/s${i}/versions/latest`);
        assert.equal(back.status, 200, back.text);
      }
      for (const n of nodes)
        for (let i = 0; i < 3; i++) {
          const res = await n.call('GET', `/subjects/s${i}/versions/1`);
          assert.equal(res.status, 200, `${n.url}: ${res.text}`);
          assert.deepEqual(
            [(res.body as { id: number }).id, (res.body as { version: number }).version],
            [i + 1, 1],
          );
        }
    } finally {
      await Promise.all(nodes.map((n) => n.server.close()));
    }
  });
});

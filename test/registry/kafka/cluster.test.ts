import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startKafkaBroker, type KafkaBroker } from '../../support/kafka-broker.js';
import { loadKafkajs } from '../../../src/kafka/kafkajs.js';
import { TopicWriter } from '../../../src/registry/kafka-store/writer.js';
import { avro, freshNames, health, settled, startNode, type Node } from './support.js';

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

  it('concurrent registers across nodes: unique ids, versions 1..n per subject, no gaps', async () => {
    const names = freshNames();
    const nodes: Node[] = [];
    try {
      for (let i = 0; i < 3; i++) nodes.push(await startNode(broker.bootstrap, names));
      await settled(nodes.map((n) => n.url));
      // Each schema swaps its only field: with NONE every one is a new version.
      assert.equal((await (nodes[1] as Node).call('PUT', '/config', { compatibility: 'NONE' })).status, 200);
      const N = 90;
      const replies = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          (nodes[i % 3] as Node).call('POST', `/subjects/c${i % 5}/versions`, {
            schema: avro('C', `f${i}`),
            schemaType: 'AVRO',
          }),
        ),
      );
      assert.ok(
        replies.every((r) => r.status === 200),
        replies.map((r) => r.text).join(),
      );
      const ok = replies.map((r) => (r.body as { id: number }).id);
      assert.equal(ok.length, N);
      assert.equal(new Set(ok).size, ok.length, 'an id answered twice');
      // Every acknowledged write is there, and the ids have no gaps.
      assert.deepEqual(
        [...ok].sort((a, b) => a - b),
        Array.from({ length: ok.length }, (_, i) => i + 1),
      );
      for (const n of nodes) {
        const all = await n.call('GET', '/schemas?deleted=true');
        const ids = (all.body as { id: number }[]).map((s) => s.id).sort((a, b) => a - b);
        assert.deepEqual(
          ids,
          [...ok].sort((a, b) => a - b),
          n.url,
        );
        for (let sub = 0; sub < 5; sub++) {
          const versions = (await n.call('GET', `/subjects/c${sub}/versions`)).body as number[];
          assert.deepEqual(
            versions,
            Array.from({ length: versions.length }, (_, i) => i + 1),
          );
        }
      }
    } finally {
      await Promise.all(nodes.map((n) => n.server.close()));
    }
  });

  it('a newer writer fences the leader: its write fails, reaches no one, and it stops serving', async () => {
    const names = freshNames();
    const nodes: Node[] = [];
    const kafkajs = await loadKafkajs();
    const kafka = new kafkajs.Kafka({ brokers: [broker.bootstrap], logLevel: kafkajs.logLevel.NOTHING });
    let usurper: TopicWriter | undefined;
    try {
      for (let i = 0; i < 2; i++) nodes.push(await startNode(broker.bootstrap, names));
      const leaderUrl = await settled(nodes.map((n) => n.url));
      const leader = nodes.find((n) => n.url === leaderUrl) as Node;
      const other = nodes.find((n) => n.url !== leaderUrl) as Node;
      assert.equal(
        (await leader.call('POST', '/subjects/a/versions', { schema: avro('A', 'x') })).status,
        200,
      );
      // What a new leader does first: start a producer with the group's transactional id.
      usurper = await TopicWriter.start(kafka, names.topic, `schemagate-${names.groupId}`);
      const refused = await leader.call('POST', '/subjects/b/versions', { schema: avro('B', 'y') });
      assert.equal(refused.status, 500, refused.text);
      assert.equal((refused.body as { error_code: number }).error_code, 50001);
      assert.equal((await health(leader.url)).ready, false);
      // The fenced write was aborted: no reader sees it, and the first write is intact.
      const fresh = await startNode(broker.bootstrap, { ...names, groupId: `${names.groupId}-x` });
      nodes.push(fresh);
      for (const n of [other, fresh]) {
        assert.equal((await n.call('GET', '/subjects/a/versions/1')).status, 200);
        assert.equal((await n.call('GET', '/subjects/b/versions/1')).status, 404);
      }
    } finally {
      await usurper?.stop();
      await Promise.all(nodes.map((n) => n.server.close()));
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kafka } from 'kafkajs';
import { loadKafkajs } from '../../../src/kafka/kafkajs.js';
import {
  decodeKey,
  decodeRecord,
  encodeKey,
  type RawRecord,
} from '../../../src/registry/kafka-store/records.js';
import { TopicReader } from '../../../src/registry/kafka-store/reader.js';
import { applyRecord } from '../../../src/registry/kafka-store/translate.js';
import { RegistryState } from '../../../src/registry/server/state.js';
import { startKafkaBroker, type KafkaBroker } from '../../support/kafka-broker.js';
import { avro, freshNames, startNode } from './support.js';

const schemaKey = (subject: string, version: number) => encodeKey({ keytype: 'SCHEMA', subject, version });
const schemaValue = (subject: string, version: number, id: number, schema: string, deleted = false) =>
  JSON.stringify({ subject, version, id, schemaType: 'AVRO', schema, deleted });

/** Everything in the topic, in order, read by the store's own reader (committed records only). */
async function readTopic(kafka: Kafka, topic: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  const reader = await TopicReader.start(kafka, topic, 'test-dump', (key, value) => {
    out.push({ key, value });
    return true;
  });
  const producer = kafka.producer();
  await producer.connect();
  const [meta] = await producer.send({
    topic,
    messages: [{ key: encodeKey({ keytype: 'NOOP' }), value: null }],
  });
  await reader.reached(Number(meta?.baseOffset));
  await producer.disconnect();
  await reader.stop();
  return out.filter((r) => decodeKey(r.key)?.keytype !== 'NOOP');
}

describe("a topic in Confluent's format (real broker)", { timeout: 300_000 }, () => {
  let broker: KafkaBroker;
  let kafka: Kafka;
  before(async () => {
    broker = await startKafkaBroker();
    const kafkajs = await loadKafkajs();
    kafka = new kafkajs.Kafka({ brokers: [broker.bootstrap], logLevel: kafkajs.logLevel.NOTHING });
  });
  after(async () => {
    await broker?.stop();
  });

  it('is served exactly, and what schemagate adds reads back through the same reader', async () => {
    const names = freshNames();
    const A = avro('A', 'a');
    const B = avro('A', 'b');
    const C = avro('C', 'c');
    // Written record by record as Confluent's server writes them, deletes and config included.
    const confluent: RawRecord[] = [
      { key: encodeKey({ keytype: 'NOOP' }), value: null },
      { key: encodeKey({ keytype: 'CONFIG' }), value: '{"compatibilityLevel":"NONE"}' },
      { key: schemaKey('s1', 1), value: schemaValue('s1', 1, 1, A) },
      { key: schemaKey('s1', 2), value: schemaValue('s1', 2, 2, B) },
      { key: schemaKey('s2', 1), value: schemaValue('s2', 1, 1, A) },
      {
        key: encodeKey({ keytype: 'CONFIG', subject: 's1' }),
        value: '{"subject":"s1","compatibilityLevel":"FULL"}',
      },
      { key: schemaKey('s1', 2), value: schemaValue('s1', 2, 2, B, true) },
      { key: encodeKey({ keytype: 'MODE', subject: 's2' }), value: '{"subject":"s2","mode":"READONLY"}' },
      { key: schemaKey('s3', 1), value: schemaValue('s3', 1, 3, C) },
      { key: encodeKey({ keytype: 'DELETE_SUBJECT', subject: 's3' }), value: '{"subject":"s3","version":1}' },
      { key: schemaKey('s3', 1), value: null },
      {
        key: encodeKey({ keytype: 'CONTEXT', tenant: 'default', context: '.ctx' }),
        value: '{"tenant":"default","context":".ctx"}',
      },
      { key: schemaKey(':.ctx:x', 1), value: schemaValue(':.ctx:x', 1, 1, C) },
      { key: '{"keytype":"ASSOC","tenant":"default","magic":0}', value: '{}' },
    ];
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: names.topic,
          numPartitions: 1,
          configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
        },
      ],
    });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    for (const r of confluent)
      await producer.send({ topic: names.topic, messages: [{ ...r, partition: 0 }] });
    await producer.disconnect();

    const node = await startNode(broker.bootstrap, names);
    try {
      const get = async (path: string) => {
        const res = await node.call('GET', path);
        return [res.status, res.body];
      };
      assert.deepEqual(await get('/subjects/s1/versions'), [200, [1]]);
      assert.deepEqual(await get('/subjects/s1/versions?deleted=true'), [200, [1, 2]]);
      assert.deepEqual(await get('/subjects/s2/versions/1'), [
        200,
        { subject: 's2', version: 1, id: 1, schema: A },
      ]);
      assert.deepEqual(await get('/config/s1'), [200, { compatibilityLevel: 'FULL' }]);
      assert.deepEqual(await get('/config'), [200, { compatibilityLevel: 'NONE' }]);
      assert.deepEqual(await get('/mode/s2'), [200, { mode: 'READONLY' }]);
      assert.equal((await get('/subjects/s3/versions?deleted=true'))[0], 404);
      assert.deepEqual(await get('/schemas/ids/3'), [
        404,
        { error_code: 40403, message: 'Schema 3 not found' },
      ]);
      assert.deepEqual(await get('/contexts'), [200, ['.', '.ctx']]);
      assert.deepEqual(await get('/subjects/:.ctx:x/versions/1'), [
        200,
        { subject: ':.ctx:x', version: 1, id: 1, schema: C },
      ]);

      // Now schemagate writes: a new version (the next id after Confluent's), a config removed, a new context.
      assert.equal((await node.call('DELETE', '/config/s1')).status, 200);
      const reg = await node.call('POST', '/subjects/s1/versions', { schema: avro('A', 'd') });
      assert.deepEqual([reg.status, (reg.body as { id: number }).id], [200, 4]);
      assert.equal((await node.call('POST', '/subjects/:.new:y/versions', { schema: A })).status, 200);
      assert.equal((await node.call('DELETE', '/subjects/s1/versions/1')).status, 200);
    } finally {
      await node.server.close();
    }

    const all = await readTopic(kafka, names.topic);
    const ours = all.slice(confluent.length - 1);
    // Exactly the records Confluent's server writes for those four requests (a new context adds its CONTEXT record), in its key spelling.
    assert.deepEqual(
      ours.map((r) => [r.key, r.value === null ? null : (JSON.parse(r.value) as Record<string, unknown>)]),
      [
        [encodeKey({ keytype: 'CONFIG', subject: 's1' }), null],
        [
          schemaKey('s1', 3),
          { subject: 's1', version: 3, id: 4, schemaType: 'AVRO', schema: avro('A', 'd'), deleted: false },
        ],
        [
          encodeKey({ keytype: 'CONTEXT', tenant: 'default', context: '.new' }),
          { tenant: 'default', context: '.new' },
        ],
        [
          schemaKey(':.new:y', 1),
          { subject: ':.new:y', version: 1, id: 1, schemaType: 'AVRO', schema: A, deleted: false },
        ],
        [
          schemaKey('s1', 1),
          { subject: 's1', version: 1, id: 1, schemaType: 'AVRO', schema: A, deleted: true },
        ],
      ],
    );
    // The whole topic, Confluent's records and ours, through the reader: the state the node served.
    const state = new RegistryState();
    for (const [i, r] of all.entries()) {
      const d = decodeRecord(r);
      if (d !== undefined) assert.equal(applyRecord(state, d, i), true, r.key);
    }
    assert.deepEqual(
      state.versions('s1', true).map((v) => [v.version, v.id, v.deleted]),
      [
        [1, 1, true],
        [2, 2, true],
        [3, 4, false],
      ],
    );
    assert.equal(state.subjectConfigs.has('s1'), false);
    assert.deepEqual(state.contexts(), ['.', '.ctx', '.new']);
  });

  it('a topic larger than one fetch is read to its end, and then followed', async () => {
    const names = freshNames();
    const producer = kafka.producer();
    await producer.connect();
    const N = 30_000; // about 7 MB: several fetches of 4 MB
    for (let start = 0; start < N; start += 2000) {
      const messages = [];
      for (let i = start; i < start + 2000; i++) {
        const subject = `big-${i % 100}`;
        const version = Math.floor(i / 100) + 1;
        messages.push({
          partition: 0,
          key: schemaKey(subject, version),
          value: schemaValue(subject, version, i + 1, avro(`E${i}`, 'x')),
        });
      }
      await producer.send({ topic: names.topic, messages });
    }
    await producer.disconnect();
    const node = await startNode(broker.bootstrap, names);
    try {
      assert.equal(node.server.startup.events, N + 1); // and the NOOP it wrote to find the end
      const last = await node.call('GET', '/subjects/big-99/versions/latest');
      assert.deepEqual([last.status, (last.body as { id: number }).id], [200, N]);
      const reg = await node.call('POST', '/subjects/later/versions', { schema: avro('Later', 'y') });
      assert.deepEqual([reg.status, (reg.body as { id: number }).id], [200, N + 1]);
    } finally {
      await node.server.close();
    }
  });
});

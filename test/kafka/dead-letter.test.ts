import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DLQ_HEADER,
  deadLetterRecord,
  defaultDeadLetterTopic,
  kafkajsClient,
  SchemaRegistryKafkaService,
} from '../../src/kafka/index.js';
import { PayloadMismatchError } from '../../src/serde/index.js';

const record = {
  topic: 'orders',
  partition: 2,
  offset: '9007199254740993',
  key: Buffer.from('k'),
  value: Buffer.from([0, 0, 0, 0, 1, 2]),
  headers: { trace: Buffer.from('t-1'), empty: undefined },
  timestamp: '1700000000000',
};

test('the dead-letter topic defaults to {topic}.dlq', () => {
  assert.equal(defaultDeadLetterTopic('orders'), 'orders.dlq');
});

test('a dead-letter record keeps the original bytes and headers and describes the failure', () => {
  const error = new PayloadMismatchError('bad', { topic: 'orders' }, { schemaId: 7 });
  const out = deadLetterRecord(record, { stage: 'deserialize', error, attempts: 1, groupId: 'g' });
  assert.equal(out.key, record.key);
  assert.equal(out.value, record.value);
  const h = out.headers!;
  assert.equal(String(h.trace), 't-1');
  assert.ok(!('empty' in h));
  const expected: Record<string, string> = {
    [DLQ_HEADER.topic]: 'orders',
    [DLQ_HEADER.partition]: '2',
    [DLQ_HEADER.offset]: '9007199254740993',
    [DLQ_HEADER.timestamp]: '1700000000000',
    [DLQ_HEADER.group]: 'g',
    [DLQ_HEADER.stage]: 'deserialize',
    [DLQ_HEADER.errorClass]: 'PayloadMismatchError',
    [DLQ_HEADER.errorCode]: 'PAYLOAD_MISMATCH',
    [DLQ_HEADER.attempts]: '1',
    [DLQ_HEADER.schemaId]: '7',
  };
  for (const [name, value] of Object.entries(expected)) assert.equal(String(h[name]), value, name);
  assert.match(String(h[DLQ_HEADER.errorMessage]), /^bad \(topic orders\)$/);
});

test('error codes: a string `code` on the error, else HANDLER_ERROR; long messages are cut at 4 KiB', () => {
  const cases: Array<[unknown, string, string]> = [
    [Object.assign(new Error('db down'), { code: 'ECONNREFUSED' }), 'ECONNREFUSED', 'Error'],
    [new TypeError('x is undefined'), 'HANDLER_ERROR', 'TypeError'],
    ['a thrown string', 'HANDLER_ERROR', 'string'],
  ];
  for (const [error, code, errorClass] of cases) {
    const h = deadLetterRecord(record, { stage: 'handler', error, attempts: 3, groupId: 'g' }).headers!;
    assert.equal(String(h[DLQ_HEADER.errorCode]), code);
    assert.equal(String(h[DLQ_HEADER.errorClass]), errorClass);
    assert.ok(!(DLQ_HEADER.schemaId in h));
  }
  const long = deadLetterRecord(record, {
    stage: 'handler',
    error: new Error(`a${'é'.repeat(5000)}`),
    attempts: 3,
    groupId: 'g',
  });
  const message = String(long.headers![DLQ_HEADER.errorMessage]);
  assert.ok(Buffer.byteLength(message) <= 4096 + 3);
  assert.ok(!message.includes('\uFFFD'), 'no half character');
  assert.ok(message.endsWith('…'));
});

test('consume() without a deserializer or a handler is refused before any record is read', async () => {
  // The client is never reached: the refusal comes first (a reachable broker is not needed here).
  const client = kafkajsClient({ brokers: ['127.0.0.1:1'], logLevel: 'nothing' });
  const noDeserializer = new SchemaRegistryKafkaService<unknown>({ client });
  await assert.rejects(
    noDeserializer.consume({ topics: ['t'], groupId: 'g', handler: () => undefined }),
    /consume\(\) needs a valueDeserializer/,
  );
  const noHandler = new SchemaRegistryKafkaService<unknown>({
    client,
    valueDeserializer: { deserialize: () => Promise.resolve(null) },
  });
  await assert.rejects(
    noHandler.consume({ topics: ['t'], groupId: 'g' } as unknown as Parameters<typeof noHandler.consume>[0]),
    /consume\(\) needs a handler/,
  );
  await assert.rejects(noDeserializer.produce('t', {}), /produce\(\) needs a valueSerializer/);
});

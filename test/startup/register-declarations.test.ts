import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { defineBase, defineMessage } from '../../src/formats/zod/declare.js';
import { SchemaRegistryClient } from '../../src/registry/client/index.js';
import { registerDeclarations } from '../../src/startup/register-declarations.js';
import { startTestRegistry, type TestRegistry } from '../serde/support.js';

const EnvelopeModel = z.object({ event_id: z.string(), timestamp: z.string() });
const Envelope = defineBase({ model: EnvelopeModel, name: 'Envelope', namespace: 'com.acme.events' });
const TaskDone = defineMessage({
  topic: 'tasks',
  name: 'TaskDone',
  namespace: 'com.acme.events',
  model: z.object({ base: EnvelopeModel, task: z.string() }),
});
const CartKey = defineMessage({
  topic: 'carts',
  key: true,
  name: 'CartKey',
  namespace: 'com.acme',
  model: z.object({ cart: z.string() }),
});

let registry: TestRegistry;
before(async () => {
  registry = await startTestRegistry();
});
after(async () => {
  await registry.close();
});

test('registers bases first, then messages referring to the version the base got; again: unchanged', async () => {
  // Messages listed before the base: the order comes from the references, not the list.
  const first = await registerDeclarations(registry.client, [TaskDone, CartKey, Envelope]);
  assert.deepEqual(
    first.subjects.map((s) => [s.subject, s.status]),
    [
      ['com.acme.events.Envelope', 'registered'],
      ['carts-key', 'registered'],
      ['tasks-value', 'registered'],
    ],
  );
  assert.deepEqual([first.registered, first.unchanged, first.failed], [3, 0, 0]);
  const task = await registry.client.getVersion('tasks-value', 'latest');
  assert.deepEqual(task.references, [
    { name: 'com.acme.events.Envelope', subject: 'com.acme.events.Envelope', version: 1 },
  ]);
  assert.equal(first.subjects[2]?.id, task.id);

  const again = await registerDeclarations(registry.client, [Envelope, TaskDone, CartKey]);
  assert.deepEqual([again.registered, again.unchanged, again.failed], [0, 3, 0]);
  assert.equal((await registry.client.getVersion('tasks-value', 'latest')).version, 1);
});

test('one incompatible subject fails (under its own config) while the others register; nothing throws', async () => {
  await registry.client.setConfig('BACKWARD', 'orders-value');
  await registry.client.register('orders-value', {
    schema: JSON.stringify({
      type: 'record',
      name: 'Order',
      namespace: 'com.acme',
      fields: [{ name: 'id', type: 'string' }],
    }),
  });
  // A new required field without a default: new readers cannot read old orders (BACKWARD refuses it).
  const Order = defineMessage({
    topic: 'orders',
    name: 'Order',
    namespace: 'com.acme',
    model: z.object({ id: z.string(), qty: z.int() }),
  });
  const Refund = defineMessage({
    topic: 'refunds',
    name: 'Refund',
    namespace: 'com.acme',
    model: z.object({ order: z.string() }),
  });
  const report = await registerDeclarations(registry.client, [Order, Refund, CartKey]);
  assert.deepEqual([report.registered, report.unchanged, report.failed], [1, 1, 1]);
  assert.equal(report.errors.length, 1);
  assert.equal(report.errors[0]?.subject, 'orders-value');
  assert.match(report.errors[0]?.error ?? '', /incompatible/i);
  assert.equal((await registry.client.getVersion('orders-value', 'latest')).version, 1);
  assert.equal((await registry.client.getVersion('refunds-value', 'latest')).version, 1);
});

test('a model that cannot be mapped, and the messages on a failed base, fail by name; the rest register', async () => {
  const BadBaseModel = z.object({ pair: z.tuple([z.string(), z.string()]) });
  const BadBase = defineBase({ model: BadBaseModel, name: 'BadBase', namespace: 'com.acme' });
  const OnBadBase = defineMessage({
    topic: 'on-bad',
    name: 'OnBad',
    namespace: 'com.acme',
    model: z.object({ base: BadBaseModel.optional().nullable(), x: z.string() }),
  });
  const Fine = defineMessage({
    topic: 'fine',
    name: 'Fine',
    namespace: 'com.acme',
    model: z.object({ ok: z.boolean() }),
  });
  const report = await registerDeclarations(registry.client, [OnBadBase, BadBase, Fine]);
  assert.deepEqual(
    report.subjects.map((s) => [s.subject, s.status]),
    [
      ['com.acme.BadBase', 'failed'],
      ['fine-value', 'registered'],
      ['on-bad-value', 'failed'],
    ],
  );
  assert.match(report.errors[0]?.error ?? '', /tuple/);
  assert.match(
    report.errors[1]?.error ?? '',
    /base com\.acme\.BadBase \(subject com\.acme\.BadBase\) did not register/,
  );
});

test('an unreachable registry fails every subject and still answers', async () => {
  const closed = await startTestRegistry();
  const url = closed.url;
  await closed.close();
  const client = new SchemaRegistryClient({ url, retries: 0 });
  const report = await registerDeclarations(client, [CartKey, Envelope], {
    baseSubject: (b) => `shared-${b.name}`,
  });
  assert.deepEqual([report.registered, report.unchanged, report.failed], [0, 0, 2]);
  assert.deepEqual(
    report.errors.map((e) => e.subject),
    ['shared-Envelope', 'carts-key'],
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { planGeneration } from '../../src/codegen/plan.js';
import { defineBase, defineMessage } from '../../src/formats/zod/declare.js';
import { DEFAULT_CONFIG, type SchemagateConfig } from '../../src/repo/config.js';

const config: SchemagateConfig = { ...DEFAULT_CONFIG, naming: 'topic' };
const Envelope = z.object({ id: z.string() });
const base = defineBase({ model: Envelope, name: 'Envelope', namespace: 'shop' });

test('plan: bases come first whatever the module order; files are sorted by path', () => {
  const message = defineMessage({
    topic: 'orders',
    name: 'Order',
    namespace: 'shop',
    model: z.object({ e: Envelope }),
  });
  const plan = planGeneration(
    [
      { module: 'm.ts', exportName: 'Order', declaration: message },
      { module: 'm.ts', exportName: 'Base', declaration: base },
      { module: 'index.ts', exportName: 'Again', declaration: base },
    ],
    config,
  );
  assert.deepEqual(
    plan.files.map((f) => f.path),
    ['schemas/orders/value.avsc', 'schemas/shared/Envelope.avsc'],
  );
});

test('plan: a generated schema Avro refuses is an error naming the model, not a file', () => {
  // A nested record named like the base the message also refers to: one name, two types.
  const message = defineMessage({
    topic: 'orders',
    name: 'Order',
    namespace: 'shop',
    model: z.object({ e: Envelope, other: z.object({ n: z.number() }).meta({ id: 'Envelope' }) }),
  });
  assert.throws(
    () =>
      planGeneration(
        [
          { module: 'm.ts', exportName: 'Base', declaration: base },
          { module: 'm.ts', exportName: 'Order', declaration: message },
        ],
        config,
      ),
    /model shop\.Order: the generated schema is not valid Avro: .*Envelope/,
  );
});

test('plan: two declarations writing one file are an error naming both', () => {
  const a = defineMessage({ topic: 'orders', name: 'A', model: z.object({ x: z.string() }) });
  const b = defineMessage({ topic: 'orders', name: 'B', model: z.object({ y: z.string() }) });
  assert.throws(
    () =>
      planGeneration(
        [
          { module: 'a.ts', exportName: 'A', declaration: a },
          { module: 'b.ts', exportName: 'B', declaration: b },
        ],
        config,
      ),
    /b\.ts: B and a\.ts: A would both write schemas\/orders\/value\.avsc/,
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TempRepo, record } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';

test('log: versions with commit, author, date and the verdict of each step, renames followed', async () => {
  const repo = new TempRepo();
  try {
    const c1 = repo
      .write('schemas/orders.avsc', record('Order', [{ name: 'id', type: 'string' }]))
      .commit('v1');
    const c2 = repo
      .write(
        'schemas/orders.avsc',
        record('Order', [
          { name: 'id', type: 'string' },
          { name: 'n', type: 'int', default: 0 },
        ]),
      )
      .commit('v2');
    repo.move('schemas/orders.avsc', 'schemas/sales/orders.avsc').commit('move');
    const c3 = repo
      .write(
        'schemas/sales/orders.avsc',
        record('Order', [
          { name: 'id', type: 'string' },
          { name: 'n', type: 'int', default: 0 },
          { name: 'x', type: 'long' },
        ]),
      )
      .commit('v3');
    const r = await schemagate(['log', 'orders'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'orders (schemas/sales/orders.avsc, avro, BACKWARD): 3 versions');
    assert.match(
      lines[1]!,
      new RegExp(`^v1  ${c1.slice(0, 7)}  2026-01-01  Ada  first version  \\[schemas/orders.avsc\\]$`),
    );
    assert.match(lines[2]!, new RegExp(`^v2  ${c2.slice(0, 7)}  2026-01-01  Ada  compatible \\(BACKWARD\\)`));
    assert.match(r.stdout, new RegExp(`v3  ${c3.slice(0, 7)}  2026-01-01  Ada  INCOMPATIBLE \\(BACKWARD\\)`));
    assert.match(r.stdout, /READER_FIELD_MISSING_DEFAULT_VALUE against v2/);
    const json = JSON.parse(
      (await schemagate(['log', 'schemas/sales/orders.avsc', '--format', 'json'], repo.dir)).stdout,
    ) as { steps: Array<{ verdict: string; commit: string }> };
    assert.deepEqual(
      json.steps.map((s) => [s.verdict, s.commit]),
      [
        ['first', c1],
        ['compatible', c2],
        ['incompatible', c3],
      ],
    );
    const missing = await schemagate(['log', 'nope'], repo.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no subject or schema file 'nope'.*known: orders/);
  } finally {
    repo.cleanup();
  }
});

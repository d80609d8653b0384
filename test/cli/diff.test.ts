import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TempRepo, record } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';

test('diff: semantic changes with their effect under the level, as text, JSON and Markdown', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemagate.yaml', 'compatibility: FULL\n');
    const c1 = repo
      .write(
        'schemas/orders.avsc',
        record('Order', [
          { name: 'id', type: 'string' },
          { name: 'old', type: 'int', default: 0 },
        ]),
      )
      .commit('v1');
    repo.write(
      'schemas/orders.avsc',
      record('Order', [
        { name: 'id', type: 'long' },
        { name: 'note', type: 'string', default: '' },
      ]),
    );
    const text = await schemagate(['diff', 'orders'], repo.dir);
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      new RegExp(`^orders \\(schemas/orders.avsc, FULL\\): version 1 ${c1.slice(0, 7)} → working tree`),
    );
    assert.match(text.stdout, /~ .*'id'.*string.*long.*\[\/fields\/0\/type\]\s+breaks FULL/);
    assert.match(text.stdout, /\+ .*'note'.*compatible/);
    assert.match(text.stdout, /- .*'old'.*compatible/);
    const json = JSON.parse(
      (await schemagate(['diff', 'schemas/orders.avsc', '--format', 'json'], repo.dir)).stdout,
    ) as { changes: Array<{ kind: string; breaking: boolean }> };
    assert.deepEqual(json.changes.map((c) => [c.kind, c.breaking]).sort(), [
      ['added', false],
      ['changed', true],
      ['removed', false],
    ]);
    const md = (await schemagate(['diff', 'orders', '--format', 'markdown'], repo.dir)).stdout;
    assert.match(md, /^#### `orders`: version 1 → working tree/);
    assert.match(md, /\| changed \| .* \| ❌ breaks FULL \|/);
    repo.commit('v2');
    const revs = await schemagate(
      ['diff', 'orders', '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'json'],
      repo.dir,
    );
    assert.equal((JSON.parse(revs.stdout) as { changes: unknown[] }).changes.length, 3);
  } finally {
    repo.cleanup();
  }
});

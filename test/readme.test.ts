import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TempRepo } from './repo/git-fixture.js';
import { runCli } from './support/cli.js';

// The README's example output is what `schemagate check` prints for the change it describes.
test("the README's check example is real output", async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /```\n(schemas\/orders\/value\.avsc:[\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block !== undefined, 'README has the example block');
  const repo = new TempRepo();
  try {
    const v1 = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }] };
    const v2 = { ...v1, fields: [...v1.fields, { name: 'coupon', type: 'string' }] };
    const pretty = (v: typeof v1): string =>
      `{\n  "type": "record",\n  "name": "Order",\n  "fields": [\n${v.fields.map((f) => `    ${JSON.stringify(f).replace(/":/g, '": ').replace(/,"/g, ', "')}`).join(',\n')}\n  ]\n}\n`;
    repo.write('schemagate.yaml', 'root: schemas\nnaming: topic\n');
    repo.write('schemas/orders/value.avsc', pretty(v1));
    repo.commit('v1');
    repo.write('schemas/orders/value.avsc', pretty(v2));
    const run = await runCli(['check'], { cwd: repo.dir, env: repo.env() as Record<string, string> });
    assert.equal(run.code, 1);
    const commit = repo.git('rev-parse', '--short', 'HEAD').trim();
    assert.equal(run.stdout, block.replace(/d99b78e/g, commit));
  } finally {
    repo.cleanup();
  }
});

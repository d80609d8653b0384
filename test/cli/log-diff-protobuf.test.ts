import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TempRepo } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';

const MONEY = 'syntax = "proto3";\npackage common;\nmessage Money {\n  int64 cents = 1;\n}\n';
const order = (qty: string, extra = ''): string =>
  `syntax = "proto3";\npackage shop;\nimport "common/money.proto";\nmessage Order {\n  string id = 1;\n  ${qty} qty = 2;\n  common.Money total = 3;\n${extra}}\n`;

test('log and diff: Protobuf versions (with their imports) and their semantic changes', async () => {
  const repo = new TempRepo();
  try {
    const c1 = repo
      .write('schemas/common/money.proto', MONEY)
      .write('schemas/orders.proto', order('int32'))
      .commit('v1');
    const c2 = repo.write('schemas/orders.proto', order('string')).commit('v2');
    repo.write('schemas/orders.proto', order('string', '  string note = 4;\n'));

    const log = await schemagate(['log', 'orders', '--format', 'json'], repo.dir);
    assert.equal(log.code, 0, log.stderr);
    const steps = (
      JSON.parse(log.stdout) as {
        format: string;
        steps: Array<{ commit: string; verdict: string; findings: Array<{ rule: string }> }>;
      }
    ).steps;
    assert.deepEqual(
      steps.map((s) => [s.commit, s.verdict]),
      [
        [c1, 'first'],
        [c2, 'incompatible'],
      ],
    );
    assert.equal(steps[1]!.findings[0]?.rule, 'FIELD_SCALAR_KIND_CHANGED');
    const text = await schemagate(['log', 'orders'], repo.dir);
    assert.match(text.stdout, /^orders \(schemas\/orders\.proto, protobuf, BACKWARD\): 2 versions/);

    const diff = await schemagate(['diff', 'orders', '--format', 'json'], repo.dir);
    assert.equal(diff.code, 0, diff.stderr);
    const changes = (
      JSON.parse(diff.stdout) as { changes: Array<{ kind: string; pointer: string; breaking: boolean }> }
    ).changes;
    assert.deepEqual(
      changes.map((c) => [c.kind, c.pointer, c.breaking]),
      [['added', '/Order/4', false]],
    );
  } finally {
    repo.cleanup();
  }
});

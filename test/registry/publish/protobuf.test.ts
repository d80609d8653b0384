import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectCandidates } from '../../../src/registry/repo-candidates.js';
import { protoImportPaths } from '../../../src/registry/proto-import-paths.js';
import { orderByReferences } from '../../../src/registry/plan/order.js';
import { startRegistryServer } from '../../../src/registry/server/index.js';
import { runCli } from '../../support/cli.js';
import { TempRepo } from './repo.js';

const MONEY = 'syntax = "proto3";\npackage common;\n\nmessage Money {\n  int64 cents = 1;\n}\n';
const ORDER =
  'syntax = "proto3";\npackage shop;\n\nimport "common/money.proto";\nimport "google/protobuf/timestamp.proto";\n\nmessage Order {\n  string id = 1;\n  common.Money total = 2;\n  google.protobuf.Timestamp at = 3;\n}\n';

let repo: TempRepo;
before(() => {
  repo = new TempRepo();
  repo.commit('schemas', {
    'schemagate.yaml': 'root: schemas\ncompatibility: BACKWARD\nregistry:\n  url: ${TEST_REGISTRY_URL}\n',
    'schemas/orders.proto': ORDER,
    'schemas/common/money.proto': MONEY,
  });
});
after(() => repo.remove());

describe('import: where a Protobuf subject others import is written', () => {
  const importer = (...refs: Array<[string, string]>) => ({
    versions: [
      { schemaType: 'PROTOBUF' as const, references: refs.map(([name, subject]) => ({ name, subject })) },
    ],
  });
  const cases: Array<[string, ReturnType<typeof importer>[], Array<[string, string]>]> = [
    ['the import path', [importer(['common/money.proto', 'money'])], [['money', 'common/money.proto']]],
    ['no path that leaves the root', [importer(['../money.proto', 'money'])], []],
    ['no absolute path', [importer(['/etc/money.proto', 'money'])], []],
    ['not a .proto name', [importer(['money', 'money'])], []],
    [
      'no path when imported under two names',
      [importer(['a.proto', 'money']), importer(['b.proto', 'money'])],
      [],
    ],
    ['one subject per path', [importer(['a.proto', 'money'], ['a.proto', 'cash'])], [['money', 'a.proto']]],
  ];
  for (const [what, subjects, expected] of cases)
    it(what, () => assert.deepEqual([...protoImportPaths(subjects)], expected));
  it('only Protobuf references count', () =>
    assert.deepEqual(
      [...protoImportPaths([{ versions: [{ references: [{ name: 'x.proto', subject: 'x' }] }] }])],
      [],
    ));
});

describe('publish: Protobuf subjects', () => {
  it("become PROTOBUF candidates whose imports are references to the imported files' subjects, those first", async () => {
    const { candidates } = await collectCandidates(repo.dir);
    const orders = candidates.find((c) => c.subject === 'orders');
    assert.ok(orders);
    assert.equal(orders.schemaType, 'PROTOBUF');
    assert.equal(orders.schema, ORDER);
    // google/protobuf/timestamp.proto is built in: no reference for it.
    assert.deepEqual(orders.references, [{ name: 'common/money.proto', subject: 'money' }]);
    assert.equal(candidates.find((c) => c.subject === 'money')?.schemaType, 'PROTOBUF');
    const ordered = orderByReferences([...candidates].sort((a, b) => b.subject.localeCompare(a.subject)));
    assert.ok(ordered.ok);
    assert.deepEqual(
      ordered.order.map((c) => c.subject),
      ['money', 'orders'],
    );
  });

  it('publish --all sends PROTOBUF registrations, the imported subject first, the import as a versioned reference', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sg-publish-proto-'));
    const registry = await startRegistryServer({ port: 0, dataDir });
    const env = { TEST_REGISTRY_URL: registry.url };
    const read = async (path: string): Promise<unknown> => (await fetch(`${registry.url}${path}`)).json();
    try {
      const r = await runCli(['publish', '--all', '--format', 'json'], {
        cwd: repo.dir,
        env,
      });
      assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
      const report = JSON.parse(r.stdout) as { results: Array<{ subject: string; action: string }> };
      assert.deepEqual(
        report.results.map((x) => [x.subject, x.action]),
        [
          ['money', 'registered'],
          ['orders', 'registered'],
        ],
      );
      // What the registry now holds: each file as a PROTOBUF schema, the import as a versioned reference.
      const money = (await read('/subjects/money/versions/latest')) as Record<string, unknown>;
      assert.deepEqual(
        [money['schemaType'], money['schema'], money['references']],
        ['PROTOBUF', MONEY, undefined],
      );
      const orders = (await read('/subjects/orders/versions/latest')) as Record<string, unknown>;
      assert.deepEqual(
        [orders['schemaType'], orders['schema'], orders['references']],
        ['PROTOBUF', ORDER, [{ name: 'common/money.proto', subject: 'money', version: 1 }]],
      );

      // status: the repository and the registry hold the same schemas (looked up as PROTOBUF).
      const status = await runCli(['status', '--format', 'json'], { cwd: repo.dir, env });
      assert.equal(status.code, 0, `${status.stdout}${status.stderr}`);
      const drift = JSON.parse(status.stdout) as { subjects: Array<{ subject: string; kinds: string[] }> };
      assert.deepEqual(
        drift.subjects.map((d) => [d.subject, d.kinds]),
        [
          ['money', ['in-sync']],
          ['orders', ['in-sync']],
        ],
      );
      // import: the imported subject is written where the importer's `import` looks for it, and the
      // imported repository checks clean (its import resolves).
      const into = mkdtempSync(join(tmpdir(), 'sg-import-proto-'));
      try {
        const imp = await runCli(['import', '--registry', registry.url, '--into', into], { cwd: into });
        assert.equal(imp.code, 0, `${imp.stdout}${imp.stderr}`);
        assert.equal(readFileSync(join(into, 'schemas/common/money.proto'), 'utf8'), MONEY);
        assert.equal(readFileSync(join(into, 'schemas/orders.proto'), 'utf8'), ORDER);
        const check = await runCli(['check', '--all', '--format', 'json'], { cwd: into });
        assert.equal(check.code, 0, `${check.stdout}${check.stderr}`);
        const checked = JSON.parse(check.stdout) as { subjects: Array<{ subject: string; format: string }> };
        assert.deepEqual(
          checked.subjects.map((x) => [x.subject, x.format]),
          [
            ['money', 'protobuf'],
            ['orders', 'protobuf'],
          ],
        );
      } finally {
        rmSync(into, { recursive: true, force: true });
      }
    } finally {
      await registry.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

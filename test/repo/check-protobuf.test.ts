import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck } from '../../src/repo/check.js';
import type { CheckReport, SubjectReport } from '../../src/report/model.js';
import { TempRepo } from './git-fixture.js';

/** A `.proto` file: one message `Order` in package `shop`, one field per line from line 4 on. */
function order(fields: string[], head: string[] = []): string {
  return [
    'syntax = "proto3";',
    'package shop;',
    ...head,
    'message Order {',
    ...fields.map((f) => `  ${f}`),
    '}',
    '',
  ].join('\n');
}

function only(report: CheckReport, file: string): SubjectReport {
  const s = report.subjects.find((x) => x.file === file);
  assert.ok(s, `no report for ${file}: ${JSON.stringify(report.subjects.map((x) => x.file))}`);
  return s;
}

async function withRepo(fn: (repo: TempRepo) => Promise<void>): Promise<void> {
  const repo = new TempRepo();
  try {
    await fn(repo);
  } finally {
    repo.cleanup();
  }
}

test('protobuf: a .proto file is a subject judged against its own history, findings at line:col', async () => {
  await withRepo(async (repo) => {
    const v1 = repo.write('schemas/orders.proto', order(['string id = 1;', 'int32 qty = 2;'])).commit('v1');

    // A new field and a removed one are both compatible under the registry's Protobuf rules.
    repo.write('schemas/orders.proto', order(['string id = 1;', 'string note = 3;']));
    let report = await runCheck({ cwd: repo.dir });
    let s = only(report, 'schemas/orders.proto');
    assert.equal(report.ok, true, JSON.stringify(s.findings));
    assert.equal(s.format, 'protobuf');
    assert.equal(s.subject, 'orders');
    assert.equal(s.status, 'ok');
    assert.equal(s.versions, 1);
    assert.deepEqual(s.changes?.map((c) => [c.kind, c.breaking]).sort(), [
      ['added', false],
      ['removed', false],
    ]);

    // int32 → string changes the field's scalar kind: incompatible, at the field's line.
    repo.write('schemas/orders.proto', order(['string id = 1;', 'string qty = 2;']));
    report = await runCheck({ cwd: repo.dir });
    s = only(report, 'schemas/orders.proto');
    assert.equal(report.ok, false);
    assert.equal(s.status, 'incompatible');
    const f = s.findings[0]!;
    assert.equal(f.rule, 'FIELD_SCALAR_KIND_CHANGED');
    assert.equal(f.file, 'schemas/orders.proto');
    assert.deepEqual([f.line, f.column], [5, 3]);
    assert.equal(f.version, 1);
    assert.equal(f.commit, v1);
    assert.ok(f.fix !== undefined && f.fix.length > 0);

    // The same change staged (the hook), committed (a pull request), and under --all.
    repo.git('add', '-A');
    report = await runCheck({ cwd: repo.dir, mode: 'staged' });
    assert.equal(only(report, 'schemas/orders.proto').findings[0]?.rule, 'FIELD_SCALAR_KIND_CHANGED');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('qty as string');
    report = await runCheck({ cwd: repo.dir, mode: 'against', against: 'main' });
    assert.equal(only(report, 'schemas/orders.proto').findings[0]?.rule, 'FIELD_SCALAR_KIND_CHANGED');
    report = await runCheck({ cwd: repo.dir, mode: 'all' });
    assert.equal(only(report, 'schemas/orders.proto').status, 'incompatible');
    assert.equal(only(report, 'schemas/orders.proto').findings[0]?.rule, 'FIELD_SCALAR_KIND_CHANGED');
  });
});

test("protobuf: the subject's level decides (NONE accepts what BACKWARD rejects)", async () => {
  await withRepo(async (repo) => {
    repo
      .write('schemagate.yaml', 'subjects:\n  - match: "schemas/free.proto"\n    compatibility: NONE\n')
      .write('schemas/free.proto', order(['string id = 1;', 'int32 qty = 2;']))
      .write('schemas/kept.proto', order(['string id = 1;', 'int32 qty = 2;']))
      .commit('v1');
    repo
      .write('schemas/free.proto', order(['string id = 1;', 'string qty = 2;']))
      .write('schemas/kept.proto', order(['string id = 1;', 'string qty = 2;']));
    const report = await runCheck({ cwd: repo.dir });
    assert.equal(only(report, 'schemas/free.proto').level, 'NONE');
    assert.equal(only(report, 'schemas/free.proto').status, 'ok');
    assert.equal(only(report, 'schemas/kept.proto').level, 'BACKWARD');
    assert.equal(only(report, 'schemas/kept.proto').status, 'incompatible');
  });
});

test('protobuf: imports resolve under the schema root; google/protobuf is built in; a missing one is placed', async () => {
  await withRepo(async (repo) => {
    const money = [
      'syntax = "proto3";',
      'package common;',
      'message Money {',
      '  int64 cents = 1;',
      '}',
      '',
    ].join('\n');
    repo
      .write('schemas/common/money.proto', money)
      .write(
        'schemas/orders.proto',
        order(
          ['string id = 1;', 'common.Money total = 2;', 'google.protobuf.Timestamp at = 3;'],
          ['import "common/money.proto";', 'import "google/protobuf/timestamp.proto";'],
        ),
      )
      .commit('v1');
    repo.write(
      'schemas/orders.proto',
      order(
        [
          'string id = 1;',
          'common.Money total = 2;',
          'google.protobuf.Timestamp at = 3;',
          'string note = 4;',
        ],
        ['import "common/money.proto";', 'import "google/protobuf/timestamp.proto";'],
      ),
    );
    let report = await runCheck({ cwd: repo.dir });
    let s = only(report, 'schemas/orders.proto');
    assert.equal(s.status, 'ok', JSON.stringify(s.findings));
    assert.equal(s.versions, 1, 'the history version parsed with its import');

    // The imported message changes one of its fields' kind: the imported file's own subject reports it.
    repo.write('schemas/common/money.proto', money.replace('int64 cents', 'string cents'));
    report = await runCheck({ cwd: repo.dir });
    assert.equal(only(report, 'schemas/common/money.proto').subject, 'money');
    assert.equal(only(report, 'schemas/common/money.proto').findings[0]?.rule, 'FIELD_SCALAR_KIND_CHANGED');
    repo.write('schemas/common/money.proto', money);

    // An import with no file under the root: REFERENCE_UNRESOLVED at the import statement (line 3).
    repo.write(
      'schemas/orders.proto',
      order(['string id = 1;', 'common.Money total = 2;'], ['import "money.proto";']),
    );
    report = await runCheck({ cwd: repo.dir });
    s = only(report, 'schemas/orders.proto');
    assert.equal(s.status, 'invalid');
    const f = s.findings.find((x) => x.rule === 'REFERENCE_UNRESOLVED');
    assert.ok(f, JSON.stringify(s.findings));
    assert.deepEqual([f.line, f.column], [3, 1]);
    assert.match(f.fix ?? '', /schema root/);
  });
});

test('protobuf: files that import each other are a REFERENCE_CYCLE at the import', async () => {
  await withRepo(async (repo) => {
    repo
      .write('schemas/a.proto', 'syntax = "proto3";\npackage p;\nimport "b.proto";\nmessage A { B b = 1; }\n')
      .write(
        'schemas/b.proto',
        'syntax = "proto3";\npackage p;\nimport "a.proto";\nmessage B { A a = 1; }\n',
      );
    const report = await runCheck({ cwd: repo.dir });
    const f = only(report, 'schemas/a.proto').findings.find((x) => x.rule === 'REFERENCE_CYCLE');
    assert.ok(f, JSON.stringify(only(report, 'schemas/a.proto').findings));
    assert.equal(f.line, 3);
  });
});

test('protobuf: a syntax error is INVALID_SCHEMA at its position', async () => {
  await withRepo(async (repo) => {
    repo.write('schemas/orders.proto', order(['string id = 1', 'int32 qty = 2;']));
    const report = await runCheck({ cwd: repo.dir });
    const s = only(report, 'schemas/orders.proto');
    assert.equal(s.status, 'invalid');
    assert.equal(s.findings[0]?.rule, 'INVALID_SCHEMA');
    assert.ok(s.findings[0]!.line >= 4, JSON.stringify(s.findings[0]));
  });
});

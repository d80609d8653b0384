// Defects a new user found (issue 10): each test runs the CLI as a child process on a real git repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TempRepo, record } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';
import type { CheckReport } from '../../src/report/model.js';

const ID = { name: 'id', type: 'string' };
const QTY = { name: 'qty', type: 'int' };

async function jsonCheck(repo: TempRepo, ...args: string[]): Promise<{ code: number; report: CheckReport }> {
  const r = await schemagate(['check', '--format', 'json', ...args], repo.dir);
  assert.ok(r.stdout.startsWith('{'), `${r.stdout}${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) as CheckReport };
}

function subject(report: CheckReport, name: string): CheckReport['subjects'][number] {
  const s = report.subjects.find((x) => x.subject === name);
  assert.ok(
    s !== undefined,
    `no subject ${name} in ${JSON.stringify(report.subjects.map((x) => x.subject))}`,
  );
  return s;
}

test('a move to another subject is a delete of the old subject, not a rename that keeps its history', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/d-value.avsc', record('Value', [ID])).commit('v1');
    repo.move('schemas/d-value.avsc', 'schemas/e-value.avsc');
    for (const args of [[], ['--staged']]) {
      repo.git('add', '-A');
      const { code, report } = await jsonCheck(repo, ...args);
      assert.equal(code, 1, JSON.stringify(report));
      const d = subject(report, 'd-value');
      assert.equal(d.status, 'deleted');
      assert.equal(d.findings[0]?.rule, 'SUBJECT_DELETED');
      assert.equal(d.findings[0]?.severity, 'error');
      assert.match(
        d.findings[0]!.message,
        /moved to schemas\/e-value\.avsc, which is another subject \('e-value'\)/,
      );
      assert.match(d.findings[0]!.fix!, /subjects/);
      const e = subject(report, 'e-value');
      assert.equal(e.status, 'new');
      assert.equal(e.previousFile, undefined);
    }
    // The same gate as a plain delete: allowDelete lets it through.
    repo.write('schemagate.yaml', 'allowDelete: true\n');
    assert.equal((await jsonCheck(repo)).code, 0);
    repo.commit('move with allowDelete');
    // The new subject's history starts at the move: its versions are not the old subject's.
    repo.write('schemas/e-value.avsc', record('Value', [ID, QTY]));
    const after = await jsonCheck(repo);
    assert.equal(after.code, 1);
    assert.equal(subject(after.report, 'e-value').versions, 1);
    const log = await schemagate(['log', 'e-value'], repo.dir);
    assert.match(log.stdout, /^e-value \(schemas\/e-value\.avsc, avro, BACKWARD\): 1 version\n/);
  } finally {
    repo.cleanup();
  }
});

test('a move that keeps the subject (a subjects rule) keeps its history', async () => {
  const repo = new TempRepo();
  try {
    repo
      .write('schemagate.yaml', 'subjects:\n  - match: "schemas/e-value.avsc"\n    subject: d-value\n')
      .write('schemas/d-value.avsc', record('Value', [ID]))
      .commit('v1');
    repo.move('schemas/d-value.avsc', 'schemas/e-value.avsc');
    const { code, report } = await jsonCheck(repo);
    assert.equal(code, 0, JSON.stringify(report));
    assert.equal(report.subjects.length, 1);
    assert.equal(report.subjects[0]?.status, 'renamed');
    assert.equal(report.subjects[0]?.previousFile, 'schemas/d-value.avsc');
    repo.commit('move');
    repo.write('schemas/e-value.avsc', record('Value', [ID, QTY]));
    const after = await jsonCheck(repo);
    assert.equal(after.code, 1);
    assert.equal(subject(after.report, 'd-value').versions, 1);
    assert.equal(subject(after.report, 'd-value').status, 'incompatible');
  } finally {
    repo.cleanup();
  }
});

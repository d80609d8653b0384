import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck } from '../../src/repo/check.js';
import { TempRepo, record } from './git-fixture.js';
import { schemagate } from './run-cli.js';

// `check --staged` starts its first git calls (and, with the default layout, the history read of the
// changed files) before it has read the configuration. Whatever the configuration says, the CLI must
// report exactly what the library does, which never starts anything early.
const ID = { name: 'id', type: 'string' };
const QTY = { name: 'qty', type: 'int' };
const NOTE = { name: 'note', type: 'string', default: '' };

async function sameAsLibrary(repo: TempRepo): Promise<Record<string, unknown>> {
  const cli = await schemagate(['check', '--staged', '--format', 'json'], repo.dir);
  const lib = await runCheck({ cwd: repo.dir, mode: 'staged' });
  const report = JSON.parse(cli.stdout) as Record<string, unknown>;
  assert.deepEqual(report, JSON.parse(JSON.stringify(lib)) as unknown, cli.stderr);
  assert.equal(cli.code, lib.ok ? 0 : 1);
  return report;
}

test('check --staged with the default layout: the early history read gives the library’s report', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    repo.write('schemas/users.avsc', record('User', [ID])).commit('users');
    repo.write('schemas/orders.avsc', record('Order', [ID, NOTE])).commit('v2');
    repo.write('schemas/orders.avsc', record('Order', [ID, NOTE, QTY]));
    repo.write('schemas/users.avsc', record('User', [ID, NOTE]));
    repo.git('add', 'schemas');
    const report = await sameAsLibrary(repo);
    assert.equal(report['ok'], false);
  } finally {
    repo.cleanup();
  }
});

test('check --staged with a configured root and base branch: no early answer is taken for the defaults', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemagate.yaml', 'root: avro\nbaseBranch: release\ncompatibility: BACKWARD\n');
    repo.write('schemas/orders.avsc', record('Order', [ID]));
    repo.write('avro/orders.avsc', record('Order', [ID])).commit('v1');
    repo.git('branch', 'release');
    // main moves on; release keeps v1, so the history is release's, not main's (the default base).
    repo.write('avro/orders.avsc', record('Order', [ID, NOTE])).commit('v2 on main');
    repo.write('avro/orders.avsc', record('Order', [ID, QTY]));
    repo.write('schemas/orders.avsc', record('Order', [ID, QTY]));
    repo.git('add', '-A');
    const report = await sameAsLibrary(repo);
    const subjects = report['subjects'] as Array<Record<string, unknown>>;
    assert.deepEqual(
      subjects.map((s) => [s['file'], s['versions']]),
      [['avro/orders.avsc', 1]],
    );
    assert.equal(report['ok'], false);
  } finally {
    repo.cleanup();
  }
});

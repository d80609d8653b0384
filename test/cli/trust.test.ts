// Defects a new user found (issue 10): each test runs the CLI as a child process on a real git repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TempRepo, record } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';
import { sarifErrors } from '../support/sarif-schema.js';
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

test('a check that finds no schema files fails (exit 2) and says where it looked', async () => {
  const repo = new TempRepo();
  try {
    repo
      .write('avro/orders.avsc', record('Order', [ID]))
      .write('README.md', 'hi\n')
      .commit('v1');
    for (const args of [[], ['--staged'], ['--all']]) {
      const r = await schemagate(['check', ...args], repo.dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /no schema files \(\.avsc, \.json, \.proto\) under 'schemas\/' \(.*schemas\)/);
      assert.match(r.stderr, /schema files outside it: avro\/orders\.avsc/);
      assert.match(r.stderr, /Set `root:` in schemagate\.yaml/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    repo.write('schemagate.yaml', 'root: nowhere\n');
    const r = await schemagate(['check'], repo.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^schemagate: schemagate\.yaml: no schema files .* under 'nowhere\/'/);
    repo.write('schemagate.yaml', 'root: avro\n');
    assert.equal((await schemagate(['check'], repo.dir)).code, 0);
  } finally {
    repo.cleanup();
  }
});

test('a closed pipe ends the output quietly (check | head -c 100)', async () => {
  const repo = new TempRepo();
  try {
    // Enough output to fill the pipe, so that the writer meets the closed end.
    for (let i = 0; i < 400; i++) repo.write(`schemas/s${i}.avsc`, record(`R${i}`, [ID]));
    repo.commit('v1');
    const { spawnSync } = await import('node:child_process');
    const { CLI_ENTRY, TSX_LOADER } = await import('../repo/run-cli.js');
    for (const args of ['check --all --format json', 'check --all --format sarif', 'check --all']) {
      // bash, for PIPESTATUS: the command's own exit code stands.
      const script = `"${process.execPath}" --import "${TSX_LOADER}" "${CLI_ENTRY}" ${args} | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
      const r = spawnSync('bash', ['-c', script], { cwd: repo.dir, encoding: 'utf8' });
      assert.equal(r.stderr, '', args);
      assert.equal(r.stdout.trim(), '0', args);
    }
  } finally {
    repo.cleanup();
  }
});

test('a conflicted merge: check --staged says a merge is in progress, not SUBJECT_DELETED', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    repo.git('checkout', '-q', '-b', 'topic');
    repo
      .write('schemas/orders.avsc', record('Order', [ID, { name: 'a', type: 'int', default: 0 }]))
      .commit('a');
    repo.git('checkout', '-q', 'main');
    repo
      .write('schemas/orders.avsc', record('Order', [ID, { name: 'b', type: 'int', default: 0 }]))
      .commit('b');
    const { spawnSync } = await import('node:child_process');
    const merge = spawnSync('git', ['merge', 'topic'], { cwd: repo.dir, env: repo.env(), encoding: 'utf8' });
    assert.notEqual(merge.status, 0, 'the merge must conflict');
    const r = await schemagate(['check', '--staged'], repo.dir);
    assert.equal(r.code, 2, r.stdout);
    assert.doesNotMatch(`${r.stdout}${r.stderr}`, /SUBJECT_DELETED|allowDelete/);
    assert.match(r.stderr, /a merge in progress with unresolved conflicts in schemas\/orders\.avsc/);
    assert.match(r.stderr, /`git add` them, then commit/);
    assert.match(r.stderr, /git merge --abort/);
  } finally {
    repo.cleanup();
  }
});

test('symbolic links are never schema files: skipped with a note, the same in the working tree and --staged', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    const { symlinkSync } = await import('node:fs');
    const { join } = await import('node:path');
    symlinkSync('orders.avsc', join(repo.dir, 'schemas/alias.avsc'));
    repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'n', type: 'int', default: 0 }]));
    repo.git('add', '-A');
    for (const args of [[], ['--staged'], ['--all']]) {
      const r = await schemagate(['check', '--format', 'json', ...args], repo.dir);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      const report = JSON.parse(r.stdout) as CheckReport;
      assert.deepEqual(
        report.subjects.map((s) => s.file),
        ['schemas/orders.avsc'],
      );
      assert.deepEqual(report.skipped, [{ file: 'schemas/alias.avsc', reason: 'symlink' }]);
      assert.match(r.stderr, /note: skipped schemas\/alias\.avsc: symbolic link/);
    }
    // Nor in the history that log and publish read.
    repo.commit('link');
    const log = await schemagate(['log', 'alias'], repo.dir);
    assert.equal(log.code, 2, log.stdout);
    assert.match(log.stderr, /no subject or schema file 'alias'/);
  } finally {
    repo.cleanup();
  }
});

test('worktree mode leaves out files .gitignore ignores; other extensions are noted, not failed', async () => {
  const repo = new TempRepo();
  try {
    repo
      .write('.gitignore', 'schemas/generated/\n')
      .write('schemas/orders.avsc', record('Order', [ID]))
      .commit('v1');
    repo.write('schemas/generated/broken.avsc', '{ not json');
    repo.write('schemas/orders.txt', 'syntax = "proto3";\n').write('schemas/README.md', '# schemas\n');
    const r = await schemagate(['check', '--format', 'json'], repo.dir);
    assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
    const report = JSON.parse(r.stdout) as CheckReport;
    assert.equal(report.subjects.length, 0);
    assert.match(
      r.stderr,
      /note: skipped schemas\/README\.md, schemas\/orders\.txt: not \.avsc, \.json or \.proto/,
    );
    assert.doesNotMatch(r.stderr, /broken/);
  } finally {
    repo.cleanup();
  }
});

test('--config PATH: check, log and diff read the configuration there', async () => {
  const repo = new TempRepo();
  try {
    repo
      .write('conf/sg.yaml', 'root: avro\ncompatibility: FORWARD\n')
      .write('avro/orders.avsc', record('Order', [ID, QTY]))
      .commit('v1');
    repo.write('avro/orders.avsc', record('Order', [ID]));
    // Without it: no schema files under schemas/.
    assert.equal((await schemagate(['check'], repo.dir)).code, 2);
    // Removing a field without a default breaks FORWARD (the configured level), not BACKWARD.
    const r = await schemagate(['check', '--config', 'conf/sg.yaml'], repo.dir);
    assert.equal(r.code, 1, `${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /^avro\/orders\.avsc:\d+:\d+: READER_FIELD_MISSING_DEFAULT_VALUE .*; FORWARD\)$/m);
    // From a subfolder, the path is relative to where the command runs.
    const { join } = await import('node:path');
    const sub = await schemagate(
      ['check', '--config', '../conf/sg.yaml', '--format', 'json'],
      join(repo.dir, 'avro'),
    );
    assert.equal((JSON.parse(sub.stdout) as CheckReport).subjects[0]?.level, 'FORWARD');
    const log = await schemagate(['log', 'orders', '--config', 'conf/sg.yaml'], repo.dir);
    assert.match(log.stdout, /^orders \(avro\/orders\.avsc, avro, FORWARD\): 1 version/);
    const diff = await schemagate(['diff', 'orders', '--config', 'conf/sg.yaml'], repo.dir);
    assert.equal(diff.code, 0, diff.stderr);
    assert.match(diff.stdout, /field 'qty'/);
    const missing = await schemagate(['check', '--config', 'conf/nope.yaml'], repo.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--config conf\/nope\.yaml: cannot read .*conf\/nope\.yaml: no such file/);
  } finally {
    repo.cleanup();
  }
});

test('findings are sorted by file, line and column (text output)', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemagate.yaml', 'lint:\n  requireDoc: true\n');
    repo.write('schemas/orders.avsc', record('Order', [ID], { doc: 'o' })).commit('v1');
    // The compat error is on the last field; the missing docs are above it.
    repo.write('schemas/orders.avsc', record('Order', [{ ...ID, doc: undefined }, QTY]));
    const r = await schemagate(['check'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    const positions = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('schemas/'))
      .map((l) => l.split(':').slice(1, 3).map(Number) as [number, number]);
    assert.ok(positions.length >= 2, r.stdout);
    const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    assert.deepEqual(positions, sorted, r.stdout);
    const json = JSON.parse(
      (await schemagate(['check', '--format', 'json'], repo.dir)).stdout,
    ) as CheckReport;
    const lines = json.subjects[0]!.findings.map((f) => f.line);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
    );
  } finally {
    repo.cleanup();
  }
});

test('sarif through the CLI: a schema path with a space and % is a valid, percent-encoded URI', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/my orders%.avsc', record('Order', [ID])).commit('v1');
    repo.write('schemas/my orders%.avsc', record('Order', [ID, QTY]));
    const r = await schemagate(['check', '--format', 'sarif'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as {
      runs: Array<{
        results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
      }>;
    };
    assert.deepEqual(sarifErrors(log), []);
    assert.equal(
      log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri,
      'schemas/my%20orders%25.avsc',
    );
  } finally {
    repo.cleanup();
  }
});

test('schemas that reference each other are one REFERENCE_CYCLE finding naming the cycle, JSON Schema and Avro', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/keep.avsc', record('Keep', [ID])).commit('v1');
    repo.write(
      'schemas/a.json',
      JSON.stringify({ type: 'object', properties: { b: { $ref: 'b.json' } } }, null, 2),
    );
    repo.write(
      'schemas/b.json',
      JSON.stringify({ type: 'object', properties: { a: { $ref: 'a.json' } } }, null, 2),
    );
    repo.write(
      'schemas/x.avsc',
      record('X', [ID, { name: 'y', type: ['null', 'demo.Y'], default: null }], { namespace: 'demo' }),
    );
    repo.write(
      'schemas/y.avsc',
      record('Y', [ID, { name: 'x', type: ['null', 'demo.X'], default: null }], { namespace: 'demo' }),
    );
    const r = await schemagate(['check'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stdout, /unknown type|INVALID_SCHEMA/i);
    const cycles = r.stdout.split('\n').filter((l) => l.includes('REFERENCE_CYCLE'));
    assert.equal(cycles.length, 4, r.stdout);
    assert.match(
      r.stdout,
      /^schemas\/a\.json:5:15: REFERENCE_CYCLE schema references form a cycle: schemas\/a\.json → schemas\/b\.json → schemas\/a\.json;/m,
    );
    assert.match(
      r.stdout,
      /^schemas\/x\.avsc:\d+:\d+: REFERENCE_CYCLE schema references form a cycle: schemas\/x\.avsc → schemas\/y\.avsc → schemas\/x\.avsc;/m,
    );
    assert.match(r.stdout, /fix: move the definitions both need into a third schema/);
  } finally {
    repo.cleanup();
  }
});

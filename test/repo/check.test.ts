import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../src/repo/check.js';
import type { CheckReport, SubjectReport } from '../../src/report/model.js';
import { TempRepo, record } from './git-fixture.js';

const ID = { name: 'id', type: 'string' };
const QTY = { name: 'qty', type: 'int' };
const QTY_DEFAULT = { name: 'qty', type: 'int', default: 0 };

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

test('linear history: compatible change ok, incompatible change found at the field, JSON contract', async () => {
  await withRepo(async (repo) => {
    const v1 = repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    repo.write('schemas/orders.avsc', record('Order', [ID, QTY_DEFAULT]));
    let report = await runCheck({ cwd: repo.dir });
    assert.equal(report.ok, true);
    assert.equal(only(report, 'schemas/orders.avsc').status, 'ok');
    assert.deepEqual(
      only(report, 'schemas/orders.avsc').changes?.map((c) => [c.kind, c.breaking]),
      [['added', false]],
    );

    repo.write('schemas/orders.avsc', record('Order', [ID, QTY]));
    report = await runCheck({ cwd: join(repo.dir, 'schemas') });
    assert.equal(report.ok, false);
    assert.deepEqual(report.base, { ref: 'main', commit: v1 });
    const s = only(report, 'schemas/orders.avsc');
    assert.deepEqual(Object.keys(s).slice(0, 7), [
      'subject',
      'file',
      'format',
      'level',
      'status',
      'versions',
      'findings',
    ]);
    assert.equal(s.subject, 'orders');
    assert.equal(s.format, 'avro');
    assert.equal(s.level, 'BACKWARD');
    assert.equal(s.status, 'incompatible');
    assert.equal(s.versions, 1);
    const f = s.findings[0]!;
    assert.equal(f.rule, 'READER_FIELD_MISSING_DEFAULT_VALUE');
    assert.equal(f.severity, 'error');
    assert.equal(f.path, '/fields/1');
    // record() pretty-prints: line 1 "{", 2 type, 3 name, 4 "fields": [, 5 "{" of id … field 1 starts at line 9.
    assert.equal(f.line, 9);
    assert.equal(f.column, 5);
    assert.equal(f.version, 1);
    assert.equal(f.commit, v1);
    assert.match(f.message, /'qty'/);
    assert.ok(f.fix !== undefined && f.fix.length > 0);
  });
});

test('merge commits: only the first parent counts, the broken intermediate version is not a version', async () => {
  await withRepo(async (repo) => {
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'bad', type: 'long' }])).commit('wip');
    repo.write('schemas/orders.avsc', record('Order', [ID, QTY_DEFAULT])).commit('fixed');
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '-m', 'merge', 'feature');
    const report = await runCheck({ cwd: repo.dir, mode: 'all' });
    assert.equal(report.ok, true);
    assert.equal(only(report, 'schemas/orders.avsc').versions, 2);
  });
});

test('squash merge: one version; formatting-only changes are no version and leave the subject unchanged', async () => {
  await withRepo(async (repo) => {
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    repo.write('schemas/orders.avsc', JSON.stringify(JSON.parse(record('Order', [ID])))).commit('reformat');
    repo.git('checkout', '-q', '-b', 'feature');
    repo
      .write('schemas/orders.avsc', record('Order', [ID, { name: 'x', type: 'long', default: 1 }]))
      .commit('a');
    repo.write('schemas/orders.avsc', record('Order', [ID, QTY_DEFAULT])).commit('b');
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--squash', 'feature');
    repo.commit('squash');
    let report = await runCheck({ cwd: repo.dir, mode: 'all' });
    assert.equal(only(report, 'schemas/orders.avsc').versions, 2);
    repo.write(
      'schemas/orders.avsc',
      `\n\n${JSON.stringify(JSON.parse(record('Order', [ID, QTY_DEFAULT])), null, 8)}`,
    );
    report = await runCheck({ cwd: repo.dir });
    assert.equal(only(report, 'schemas/orders.avsc').status, 'unchanged');
    assert.equal(report.ok, true);
  });
});

test('renames keep the history: a rename is information, an incompatible renamed file is still found', async () => {
  await withRepo(async (repo) => {
    const v1 = repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    repo.move('schemas/orders.avsc', 'schemas/sales/orders.avsc');
    let report = await runCheck({ cwd: repo.dir });
    let s = only(report, 'schemas/sales/orders.avsc');
    assert.equal(s.status, 'renamed');
    assert.equal(s.previousFile, 'schemas/orders.avsc');
    assert.equal(s.findings[0]?.rule, 'SUBJECT_RENAMED');
    assert.equal(s.findings[0]?.severity, 'info');
    assert.equal(report.subjects.length, 1);
    assert.equal(report.ok, true);
    repo.commit('move');
    repo.write('schemas/sales/orders.avsc', record('Order', [ID, QTY]));
    report = await runCheck({ cwd: repo.dir });
    s = only(report, 'schemas/sales/orders.avsc');
    assert.equal(s.status, 'incompatible');
    assert.equal(s.versions, 1);
    assert.equal(s.findings[0]?.commit, v1);
  });
});

test('deletes: SUBJECT_DELETED is an error unless allowDelete', async () => {
  await withRepo(async (repo) => {
    repo
      .write('schemas/orders.avsc', record('Order', [ID]))
      .write('schemas/keep.avsc', record('Keep', [ID]))
      .commit('v1');
    repo.remove('schemas/orders.avsc');
    let report = await runCheck({ cwd: repo.dir });
    const s = only(report, 'schemas/orders.avsc');
    assert.equal(s.status, 'deleted');
    assert.equal(s.findings[0]?.rule, 'SUBJECT_DELETED');
    assert.equal(s.findings[0]?.severity, 'error');
    assert.equal(report.ok, false);
    repo.write('schemagate.yaml', 'allowDelete: true\n');
    report = await runCheck({ cwd: repo.dir });
    assert.equal(only(report, 'schemas/orders.avsc').findings[0]?.severity, 'info');
    assert.equal(report.ok, true);
  });
});

test('a transitive break that only an older version reveals', async () => {
  await withRepo(async (repo) => {
    repo.write('schemagate.yaml', 'compatibility: BACKWARD_TRANSITIVE\n');
    const v1 = repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    repo
      .write('schemas/orders.avsc', record('Order', [ID, { name: 'note', type: 'string', default: '' }]))
      .commit('v2');
    repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'note', type: 'string' }]));
    const report = await runCheck({ cwd: repo.dir });
    const s = only(report, 'schemas/orders.avsc');
    assert.equal(s.status, 'incompatible');
    assert.deepEqual(
      s.findings.map((f) => [f.rule, f.version, f.commit]),
      [['READER_FIELD_MISSING_DEFAULT_VALUE', 1, v1]],
    );
    repo.write('schemagate.yaml', 'compatibility: BACKWARD\n');
    const plain = await runCheck({ cwd: repo.dir });
    const p = only(plain, 'schemas/orders.avsc');
    assert.equal(p.status, 'ok');
    assert.deepEqual(
      p.findings.map((f) => f.rule),
      ['LEVEL_CHANGED'],
    );
    assert.equal(p.findings[0]?.severity, 'warning');
    assert.equal(plain.ok, true);
  });
});

test('a detached HEAD and an empty repository', async () => {
  await withRepo(async (repo) => {
    repo.write('schemas/orders.avsc', record('Order', [ID]));
    repo.git('add', '-A');
    const empty = await runCheck({ cwd: repo.dir, mode: 'staged' });
    assert.equal(empty.base.commit, null);
    assert.equal(only(empty, 'schemas/orders.avsc').status, 'new');
    assert.equal(empty.ok, true);
    const v1 = repo.commit('v1');
    repo.write('schemas/orders.avsc', record('Order', [ID, QTY_DEFAULT])).commit('v2');
    repo.git('checkout', '-q', '--detach', v1);
    repo.git('branch', '-q', '-D', 'main');
    repo.write('schemas/orders.avsc', record('Order', [ID, QTY]));
    const report = await runCheck({ cwd: repo.dir });
    assert.equal(report.base.ref, 'HEAD');
    assert.equal(only(report, 'schemas/orders.avsc').status, 'incompatible');
  });
});

test('CRLF line endings and a BOM: positions still right', async () => {
  await withRepo(async (repo) => {
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    repo.write('schemas/orders.avsc', `\uFEFF${record('Order', [ID, QTY]).replace(/\n/g, '\r\n')}`);
    const report = await runCheck({ cwd: repo.dir });
    const f = only(report, 'schemas/orders.avsc').findings[0]!;
    assert.equal(f.rule, 'READER_FIELD_MISSING_DEFAULT_VALUE');
    assert.deepEqual([f.line, f.column], [9, 5]);
    repo.write('schemas/orders.avsc', `\uFEFF${record('Order', [ID]).replace(/\n/g, '\r\n')}`);
    assert.equal(only(await runCheck({ cwd: repo.dir }), 'schemas/orders.avsc').status, 'unchanged');
  });
});

test('broken files are reported and the others still checked: invalid JSON at line 17, not UTF-8, bad Avro', async () => {
  await withRepo(async (repo) => {
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    const lines = record('Big', [ID, QTY_DEFAULT, { name: 'a', type: 'long' }]).split('\n');
    lines[16] = `${lines[16]},`; // a trailing comma at the end of line 17
    const broken = lines.join('\n');
    assert.throws(() => JSON.parse(broken));
    repo.write('schemas/broken.avsc', broken);
    repo.write(
      'schemas/latin1.avsc',
      Buffer.from('{"type":"record","name":"Caf\xe9","fields":[]}', 'latin1'),
    );
    repo.write(
      'schemas/badtype.avsc',
      '{\n  "type": "record",\n  "name": "T",\n  "fields": [{"name": "x", "type": "strin"}]\n}\n',
    );
    repo.write('schemas/orders.avsc', record('Order', [ID, QTY]));
    const report = await runCheck({ cwd: repo.dir });
    const broke = only(report, 'schemas/broken.avsc');
    assert.equal(broke.status, 'invalid');
    assert.equal(broke.findings[0]?.rule, 'INVALID_SCHEMA');
    assert.equal(broke.findings[0]?.line, 17, JSON.stringify(broke.findings));
    const latin = only(report, 'schemas/latin1.avsc');
    assert.equal(latin.status, 'invalid');
    assert.match(latin.findings[0]!.message, /not UTF-8/);
    assert.deepEqual([latin.findings[0]!.line, latin.findings[0]!.column], [1, 29]);
    const bad = only(report, 'schemas/badtype.avsc');
    assert.equal(bad.status, 'invalid');
    assert.equal(bad.findings[0]?.line, 4);
    assert.equal(only(report, 'schemas/orders.avsc').status, 'incompatible');
    assert.equal(report.ok, false);
  });
});

test('a huge file (20,000 fields) is checked in reasonable time', async () => {
  await withRepo(async (repo) => {
    const fields = Array.from({ length: 20_000 }, (_, i) => ({ name: `f${i}`, type: 'string', default: '' }));
    repo.write('schemas/huge.avsc', record('Huge', fields)).commit('v1');
    repo.write('schemas/huge.avsc', record('Huge', [...fields, { name: 'last', type: 'int' }]));
    const t0 = Date.now();
    const report = await runCheck({ cwd: repo.dir });
    const s = only(report, 'schemas/huge.avsc');
    assert.equal(s.status, 'incompatible');
    assert.equal(s.findings[0]?.path, '/fields/20000');
    assert.ok(Date.now() - t0 < 20_000);
  });
});

test('--staged checks the index, not the working tree; --against checks HEAD against a ref', async () => {
  await withRepo(async (repo) => {
    const v1 = repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    repo.write('schemas/orders.avsc', record('Order', [ID, QTY]));
    repo.git('add', 'schemas/orders.avsc');
    repo.write('schemas/orders.avsc', record('Order', [ID, QTY_DEFAULT]));
    assert.equal((await runCheck({ cwd: repo.dir, mode: 'staged' })).ok, false);
    assert.equal((await runCheck({ cwd: repo.dir })).ok, true);
    repo.git('checkout', '-q', '-b', 'pr');
    repo.git('commit', '-q', '-m', 'bad');
    const against = await runCheck({ cwd: repo.dir, mode: 'against', against: v1 });
    assert.equal(against.ok, false);
    assert.equal(against.base.commit, v1);
  });
});

test('references: a named type from another file resolves; a missing one is REFERENCE_UNRESOLVED at its position', async () => {
  await withRepo(async (repo) => {
    repo.write('schemas/base.avsc', record('Base', [ID], { namespace: 'acme' }));
    repo
      .write(
        'schemas/orders.avsc',
        record('Order', [{ name: 'base', type: 'acme.Base' }], { namespace: 'acme.orders' }),
      )
      .commit('v1');
    repo.write(
      'schemas/orders.avsc',
      record('Order', [{ name: 'base', type: 'acme.Base' }, QTY_DEFAULT], { namespace: 'acme.orders' }),
    );
    let report = await runCheck({ cwd: repo.dir });
    assert.equal(only(report, 'schemas/orders.avsc').status, 'ok', JSON.stringify(report.subjects));
    repo.write(
      'schemas/orders.avsc',
      record('Order', [{ name: 'base', type: 'acme.Missing' }], { namespace: 'acme.orders' }),
    );
    report = await runCheck({ cwd: repo.dir });
    const f = only(report, 'schemas/orders.avsc').findings[0]!;
    assert.equal(f.rule, 'REFERENCE_UNRESOLVED');
    assert.deepEqual([f.line, f.column], [8, 15]);
  });
});

test('a shallow clone with a remote: the history is deepened', async () => {
  const origin = new TempRepo();
  const parent = mkdtempSync(join(tmpdir(), 'schemagate-clone-'));
  try {
    origin.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    origin.write('schemas/orders.avsc', record('Order', [ID, QTY_DEFAULT])).commit('v2');
    const clone = join(parent, 'c');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone]);
    const deepened = await runCheck({ cwd: clone, mode: 'all' });
    assert.equal(only(deepened, 'schemas/orders.avsc').versions, 2);
  } finally {
    origin.cleanup();
    rmSync(parent, { recursive: true, force: true });
  }
});

test('FORWARD: a finding about the old reader still points into the candidate (the new enum symbols)', async () => {
  await withRepo(async (repo) => {
    repo.write('schemagate.yaml', 'compatibility: FORWARD\n');
    const enumText = (symbols: string[]): string =>
      `{\n  "type": "record",\n  "name": "T",\n  "fields": [\n    {\n      "name": "s",\n      "type": {"type": "enum", "name": "E", "symbols": ${JSON.stringify(symbols)}}\n    }\n  ]\n}\n`;
    repo.write('schemas/t.avsc', enumText(['A', 'B'])).commit('v1');
    repo.write('schemas/t.avsc', enumText(['A', 'B', 'C']));
    const f = only(await runCheck({ cwd: repo.dir }), 'schemas/t.avsc').findings[0]!;
    assert.equal(f.rule, 'MISSING_ENUM_SYMBOLS');
    assert.equal(f.direction, 'old-reads-new');
    assert.equal(f.line, 7);
    assert.ok(f.column > 1);
  });
});

test('JSON Schema files: checked with the JSON Schema engine, $ref to another file resolved, a missing one reported', async () => {
  await withRepo(async (repo) => {
    const address = {
      $id: 'https://acme.test/address.json',
      type: 'object',
      properties: { city: { type: 'string' } },
    };
    repo.write('schemas/address.json', `${JSON.stringify(address, null, 2)}\n`);
    const customer = (extra: Record<string, unknown>): string =>
      `${JSON.stringify({ type: 'object', properties: { name: { type: 'string' }, address: { $ref: 'address.json' }, ...extra }, additionalProperties: false }, null, 2)}\n`;
    repo.write('schemas/customer.json', customer({})).commit('v1');
    repo.write('schemas/customer.json', customer({ age: { type: 'integer' } }));
    let report = await runCheck({ cwd: repo.dir });
    let s = only(report, 'schemas/customer.json');
    assert.equal(s.format, 'json');
    assert.equal(s.status, 'ok', JSON.stringify(s.findings));
    repo.write(
      'schemas/customer.json',
      `${JSON.stringify({ type: 'object', properties: { name: { type: 'integer' }, address: { $ref: 'address.json' } }, additionalProperties: false }, null, 2)}\n`,
    );
    report = await runCheck({ cwd: repo.dir });
    s = only(report, 'schemas/customer.json');
    assert.equal(s.status, 'incompatible');
    assert.ok(s.findings[0]!.path.startsWith('/properties/name'), s.findings[0]!.path);
    assert.ok(s.findings[0]!.line >= 4 && s.findings[0]!.line <= 5, JSON.stringify(s.findings[0]));
    repo.write(
      'schemas/customer.json',
      `${JSON.stringify({ type: 'object', properties: { a: { $ref: 'nowhere.json' } } }, null, 2)}\n`,
    );
    s = only(await runCheck({ cwd: repo.dir }), 'schemas/customer.json');
    assert.equal(s.findings[0]?.rule, 'REFERENCE_UNRESOLVED');
    assert.equal(s.findings[0]?.line, 5);
  });
});

test('jsonSchemaPolicy: an optional property added to an open object breaks STRICT, passes LENIENT', async () => {
  await withRepo(async (repo) => {
    const person = (props: Record<string, unknown>): string =>
      `${JSON.stringify({ type: 'object', properties: props }, null, 2)}\n`;
    repo.write('schemas/person.json', person({ name: { type: 'string' } })).commit('v1');
    repo.write('schemas/person.json', person({ name: { type: 'string' }, age: { type: 'integer' } }));
    const strict = only(await runCheck({ cwd: repo.dir }), 'schemas/person.json');
    assert.equal(strict.status, 'incompatible');
    assert.deepEqual(
      strict.findings.map((f) => [f.rule, f.path]),
      [['OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', '/properties/age']],
    );
    repo.write('schemagate.yaml', 'jsonSchemaPolicy: lenient\n');
    const lenient = only(await runCheck({ cwd: repo.dir }), 'schemas/person.json');
    assert.equal(lenient.status, 'ok', JSON.stringify(lenient.findings));
  });
});

test('lint.requireDoc: missing docs are warnings at their position', async () => {
  await withRepo(async (repo) => {
    repo.write('schemagate.yaml', 'lint:\n  requireDoc: true\n');
    repo.write('schemas/t.avsc', record('T', [{ name: 'a', type: 'string', doc: 'A.' }, ID], { doc: 'T.' }));
    const report = await runCheck({ cwd: repo.dir });
    const s = only(report, 'schemas/t.avsc');
    assert.deepEqual(
      s.findings.map((f) => [f.rule, f.severity, f.path, f.line]),
      [['DOC_MISSING', 'warning', '/fields/1', 11]],
    );
    assert.equal(report.ok, true);
  });
});

test('two files with one subject: DUPLICATE_SUBJECT on the changed one, naming the other', async () => {
  await withRepo(async (repo) => {
    repo.write('schemas/a/orders.avsc', record('Order', [ID])).commit('v1');
    repo.write('schemas/b/orders.avsc', record('Order2', [ID]));
    const report = await runCheck({ cwd: repo.dir });
    const s = only(report, 'schemas/b/orders.avsc');
    assert.equal(s.status, 'invalid');
    assert.equal(s.findings[0]?.rule, 'DUPLICATE_SUBJECT');
    assert.match(s.findings[0]!.message, /schemas\/a\/orders\.avsc/);
  });
});

test('naming: topic: a different topic with the same file name is a new subject, and the old one is deleted', async () => {
  await withRepo(async (repo) => {
    repo.write('schemagate.yaml', 'naming: topic\n');
    repo.write('schemas/orders/value.avsc', record('Order', [ID])).commit('v1');
    repo.remove('schemas/orders/value.avsc');
    repo.write('schemas/sales/value.avsc', record('Sale', [ID, { name: 'amount', type: 'long' }]));
    const report = await runCheck({ cwd: repo.dir });
    assert.deepEqual(
      report.subjects.map((s) => [s.subject, s.status]),
      [
        ['orders-value', 'deleted'],
        ['sales-value', 'new'],
      ],
    );
  });
});

test('schemas the registry accepts but that look wrong are warnings in check, at their line, and do not fail it', async () => {
  await withRepo(async (repo) => {
    repo.write('schemas/prices.avsc', record('Price', [ID])).commit('v1');
    const money = { type: 'fixed', name: 'Money', size: 2, logicalType: 'decimal', precision: 9, scale: 2 };
    const aliased = { name: 'total', type: 'string', default: '', aliases: ['id'] };
    repo.write(
      'schemas/prices.avsc',
      record('Price', [ID, { name: 'amount', type: ['null', money], default: null }, aliased]),
    );
    const report = await runCheck({ cwd: repo.dir });
    const s = only(report, 'schemas/prices.avsc');
    assert.equal(report.ok, true);
    assert.equal(s.status, 'ok');
    assert.deepEqual(
      s.findings.map((f) => [f.rule, f.severity]),
      [
        ['AVRO_DECIMAL_PRECISION_EXCEEDS_FIXED', 'warning'],
        ['AVRO_FIELD_ALIAS_NAMES_SIBLING', 'warning'],
      ],
    );
    assert.ok(s.findings.every((f) => f.line > 1));
  });
});

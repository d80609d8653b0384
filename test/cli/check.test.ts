import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TempRepo, record } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';
import { sarifErrors } from '../support/sarif-schema.js';

const ID = { name: 'id', type: 'string' };

function incompatibleRepo(): TempRepo {
  const repo = new TempRepo();
  repo
    .write('schemas/orders.avsc', record('Order', [ID]))
    .write('schemas/ok.avsc', record('Ok', [ID]))
    .commit('v1');
  repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'qty', type: 'int' }]));
  repo.write('schemas/ok.avsc', record('Ok', [ID, { name: 'n', type: 'int', default: 0 }]));
  return repo;
}

test('check: exit 1 with text findings, fix and one summary line; exit 0 when compatible', async () => {
  const repo = incompatibleRepo();
  try {
    const r = await schemagate(['check'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^schemas\/orders\.avsc:9:5: READER_FIELD_MISSING_DEFAULT_VALUE The field 'qty'/);
    assert.match(lines[1]!, /^ {2}fix: /);
    assert.equal(
      lines.at(-1),
      'schemagate check failed: 2 subjects (1 incompatible, 1 ok), 1 error, 0 warnings',
    );
    repo.write('schemas/orders.avsc', record('Order', [ID]));
    const ok = await schemagate(['check'], repo.dir);
    assert.equal(ok.code, 0);
    assert.equal(ok.stdout, 'schemagate check ok: 1 subject (1 ok), 0 errors, 0 warnings\n');
  } finally {
    repo.cleanup();
  }
});

test('check --format github, sarif, junit, json, markdown', async () => {
  const repo = incompatibleRepo();
  try {
    const gh = await schemagate(['check', '--format', 'github'], repo.dir);
    assert.equal(gh.code, 1);
    assert.match(
      gh.stdout,
      /^::error file=schemas\/orders\.avsc,line=9,col=5,title=schemagate READER_FIELD_MISSING_DEFAULT_VALUE::The field 'qty'.*%0Afix: /m,
    );

    const sarifText = (await schemagate(['check', '--format', 'sarif'], repo.dir)).stdout;
    assert.deepEqual(sarifErrors(JSON.parse(sarifText)), []);
    const sarif = JSON.parse(sarifText) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string }> } };
        results: Array<{
          ruleId: string;
          level: string;
          locations: Array<{
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number };
            };
          }>;
        }>;
      }>;
    };
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0]!;
    assert.equal(run.tool.driver.name, 'schemagate');
    assert.deepEqual(
      run.tool.driver.rules.map((r) => r.id),
      ['READER_FIELD_MISSING_DEFAULT_VALUE'],
    );
    assert.equal(run.results[0]!.level, 'error');
    assert.deepEqual(run.results[0]!.locations[0]!.physicalLocation, {
      artifactLocation: { uri: 'schemas/orders.avsc' },
      region: { startLine: 9, startColumn: 5 },
    });

    const junit = (await schemagate(['check', '--format', 'junit'], repo.dir)).stdout;
    assert.match(junit, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    assert.match(junit, /<testsuite name="schemagate check" tests="2" failures="1"/);
    assert.match(
      junit,
      /<testcase classname="schemagate.BACKWARD" name="orders \(schemas\/orders.avsc\)">\s*<failure type="READER_FIELD_MISSING_DEFAULT_VALUE"/,
    );
    assert.match(
      junit,
      /<testcase classname="schemagate.BACKWARD" name="ok \(schemas\/ok.avsc\)">\s*<\/testcase>/,
    );

    const json = JSON.parse((await schemagate(['check', '--format', 'json'], repo.dir)).stdout) as {
      ok: boolean;
      subjects: Array<{ status: string }>;
    };
    assert.equal(json.ok, false);
    assert.deepEqual(
      json.subjects.map((s) => s.status),
      ['ok', 'incompatible'],
    );

    const md = (await schemagate(['check', '--format', 'markdown'], repo.dir)).stdout;
    assert.match(md, /^### schemagate: ❌ 1 error/);
    assert.match(
      md,
      /\| added \| record 'Order': field 'qty' \(int, no default\) added \| `\/fields\/1` \| ❌ breaks BACKWARD \|/,
    );
    assert.match(md, /\| added \| record 'Ok': field 'n' .* \| ✅ compatible \|/);
  } finally {
    repo.cleanup();
  }
});

test('check: exit 2 with one clear message for configuration, git and argument problems', async () => {
  const repo = incompatibleRepo();
  const outside = mkdtempSync(join(tmpdir(), 'schemagate-nogit-'));
  try {
    repo.write('schemagate.yaml', 'root: schemas\ncompatibility: SIDEWAYS\n');
    let r = await schemagate(['check'], repo.dir);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^schemagate: schemagate\.yaml:2:16: 'compatibility': unknown compatibility level 'SIDEWAYS'/,
    );
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
    repo.write('schemagate.yaml', '');
    r = await schemagate(['check', '--against', 'no-such-ref'], repo.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown revision 'no-such-ref'/);
    r = await schemagate(['check', '--format', 'xml'], repo.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown --format 'xml'/);
    r = await schemagate(['check', '--staged', '--all'], repo.dir);
    assert.equal(r.code, 2);
    r = await schemagate(['check'], outside);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a git repository/);
  } finally {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  }
});

test('check --all and --against through the CLI', async () => {
  const repo = incompatibleRepo();
  try {
    repo.commit('v2');
    const all = await schemagate(['check', '--all', '--format', 'json'], repo.dir);
    assert.equal(all.code, 1);
    const report = JSON.parse(all.stdout) as {
      mode: string;
      subjects: Array<{ subject: string; status: string; versions: number }>;
    };
    assert.equal(report.mode, 'all');
    assert.deepEqual(
      report.subjects.map((s) => [s.subject, s.status, s.versions]),
      [
        ['ok', 'ok', 2],
        ['orders', 'incompatible', 2],
      ],
    );
    const against = await schemagate(['check', '--against', 'HEAD~1'], repo.dir);
    assert.equal(against.code, 1);
    assert.match(against.stdout, /READER_FIELD_MISSING_DEFAULT_VALUE/);
  } finally {
    repo.cleanup();
  }
});

test('check on a shallow clone without a remote: exit 2, says how to fetch the history', async () => {
  const origin = incompatibleRepo();
  const parent = mkdtempSync(join(tmpdir(), 'schemagate-shallow-'));
  try {
    origin.commit('v2');
    const clone = join(parent, 'c');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone]);
    execFileSync('git', ['remote', 'remove', 'origin'], { cwd: clone });
    const r = await schemagate(['check', '--all'], clone);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^schemagate: this repository is a shallow clone.*git fetch --unshallow/);
  } finally {
    origin.cleanup();
    rmSync(parent, { recursive: true, force: true });
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TempRepo } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';
import { sarifErrors } from '../support/sarif-schema.js';

const ORDER = `{
  "type": "record",
  "name": "order",
  "doc": "An order.",
  "fields": [
    {"name": "order_id", "type": "string", "doc": "Id."}
  ]
}
`;

function repoWithOrder(): TempRepo {
  const repo = new TempRepo();
  repo.write('schemas/orders.avsc', ORDER).commit('v1');
  return repo;
}

test('lint: warnings with file:line:col, exit 0; --strict makes them errors, exit 1', async () => {
  const repo = repoWithOrder();
  try {
    const r = await schemagate(['lint'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l)),
      [
        "schemas/orders.avsc:1:1: SUBJECT_NAME (warning) subject 'orders' is not {topic}-key or {topic}-value (the topic name strategy)",
        "schemas/orders.avsc:3:11: TYPE_NAME_CASE (warning) record name 'order' is not PascalCase",
        "schemas/orders.avsc:6:14: FIELD_NAME_CASE (warning) field 'order_id' of 'order' is not camelCase",
      ],
    );
    assert.match(r.stdout, /^schemagate lint ok: 1 subject \(1 ok\), 0 errors, 3 warnings$/m);
    const strict = await schemagate(['lint', '--strict'], repo.dir);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /^schemagate lint failed: .*3 errors, 0 warnings$/m);
  } finally {
    repo.cleanup();
  }
});

test('lint: configuration sets severities, case and strategy; inline ignore; every report format', async () => {
  const repo = repoWithOrder();
  try {
    repo.write(
      'schemagate.yaml',
      'naming: topic\nlint:\n  fieldCase: snake_case\n  rules:\n    TYPE_NAME_CASE: error\n',
    );
    repo.move('schemas/orders.avsc', 'schemas/orders/value.avsc');
    const json = await schemagate(['lint', '--format', 'json'], repo.dir);
    assert.equal(json.code, 1, json.stderr);
    const report = JSON.parse(json.stdout) as {
      subjects: Array<{
        subject: string;
        findings: Array<{ rule: string; severity: string; line: number; column: number }>;
      }>;
    };
    assert.equal(report.subjects[0]?.subject, 'orders-value');
    assert.deepEqual(
      report.subjects[0]?.findings.map((f) => [f.rule, f.severity, f.line, f.column]),
      [['TYPE_NAME_CASE', 'error', 3, 11]],
    );

    const gh = await schemagate(['lint', '--format', 'github'], repo.dir);
    assert.match(
      gh.stdout,
      /^::error file=schemas\/orders\/value\.avsc,line=3,col=11,title=schemagate TYPE_NAME_CASE::/m,
    );
    const sarif = JSON.parse((await schemagate(['lint', '--format', 'sarif'], repo.dir)).stdout) as unknown;
    assert.deepEqual(sarifErrors(sarif), []);
    assert.match(JSON.stringify(sarif), /"ruleId":"TYPE_NAME_CASE"/);
    assert.match((await schemagate(['lint', '--format', 'junit'], repo.dir)).stdout, /TYPE_NAME_CASE/);
    assert.match((await schemagate(['lint', '--format', 'markdown'], repo.dir)).stdout, /TYPE_NAME_CASE/);

    repo.write(
      'schemas/orders/value.avsc',
      ORDER.replace('"doc": "An order.",', '"doc": "An order.", "schemagate:ignore": ["TYPE_NAME_CASE"],'),
    );
    const ignored = await schemagate(['lint'], repo.dir);
    assert.equal(ignored.code, 0, ignored.stdout);
    assert.match(ignored.stdout, /^schemagate lint ok: 1 subject \(1 ok\), 0 errors, 0 warnings$/m);
  } finally {
    repo.cleanup();
  }
});

test('check runs the lint rules with lint.check: warnings, errors with --strict; not without it', async () => {
  const repo = repoWithOrder();
  try {
    repo.write(
      'schemas/orders.avsc',
      ORDER.replace(
        ']',
        '  ,{"name": "Note", "type": ["null", "string"], "default": null, "doc": "N."}\n  ]',
      ),
    );
    const plain = await schemagate(['check', '--format', 'json'], repo.dir);
    assert.equal(plain.code, 0, plain.stderr);
    assert.doesNotMatch(plain.stdout, /FIELD_NAME_CASE/);

    repo.write('schemagate.yaml', 'lint:\n  check: true\n  rules:\n    SUBJECT_NAME: "off"\n');
    const warned = await schemagate(['check'], repo.dir);
    assert.equal(warned.code, 0, warned.stdout);
    assert.match(warned.stdout, /^schemas\/orders\.avsc:7:15: FIELD_NAME_CASE \(warning\) field 'Note'/m);
    assert.doesNotMatch(warned.stdout, /SUBJECT_NAME/);
    const strict = await schemagate(['check', '--strict'], repo.dir);
    assert.equal(strict.code, 1, strict.stdout);
    assert.match(strict.stdout, /^schemas\/orders\.avsc:7:15: FIELD_NAME_CASE field 'Note'/m);
  } finally {
    repo.cleanup();
  }
});

test('lint: a broken configuration or an invalid schema', async () => {
  const repo = repoWithOrder();
  try {
    repo.write('schemagate.yaml', 'lint:\n  rules:\n    FIELD_CASE: error\n');
    const bad = await schemagate(['lint'], repo.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^schemagate: schemagate\.yaml:3:5: 'lint\.rules': unknown rule 'FIELD_CASE'/);
    assert.equal(bad.stderr.split('\n').filter((l) => l !== '').length, 1);
    repo.remove('schemagate.yaml');
    repo.write('schemas/broken.avsc', '{"type": "record", "name": "Broken"}\n');
    const invalid = await schemagate(['lint'], repo.dir);
    assert.equal(invalid.code, 1);
    assert.match(invalid.stdout, /^schemas\/broken\.avsc:\d+:\d+: INVALID_SCHEMA /m);
  } finally {
    repo.cleanup();
  }
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { runCli, type CliRun } from '../support/cli.js';

let dir = '';

const V1 = `syntax = "proto3";
package shop;

message Order {
  string id = 1;
  int64 amount_cents = 2;
  oneof payment {
    string card_token = 3;
    string iban = 4;
  }
}
`;
/** Adds a field: compatible both ways. */
const V2 = V1.replace('  oneof payment', '  string note = 5;\n  oneof payment');
/** From V2: amount becomes a string (line 6), a oneof member goes (line 10 in V2 is gone). */
const V3 = V2.replace('int64 amount_cents', 'string amount_cents').replace('    string iban = 4;\n', '');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'schemagate-compat-proto-'));
  writeFileSync(join(dir, 'v1.proto'), V1);
  writeFileSync(join(dir, 'v2.proto'), V2);
  writeFileSync(join(dir, 'v3.proto'), V3);
  writeFileSync(join(dir, 'broken.proto'), 'syntax = "proto3";\nmessage Order {\n  string id = 1\n}\n');
  writeFileSync(
    join(dir, 'unknown-type.proto'),
    'syntax = "proto3";\nmessage Order {\n  Money total = 1;\n}\n',
  );
  writeFileSync(join(dir, 'v1.avsc'), '{"type":"record","name":"Order","fields":[]}');
  mkdirSync(join(dir, 'common'));
  writeFileSync(
    join(dir, 'common', 'money.proto'),
    'syntax = "proto3";\npackage common;\nimport "common/currency.proto";\nmessage Money {\n  int64 units = 1;\n  Currency currency = 2;\n}\n',
  );
  writeFileSync(
    join(dir, 'common', 'currency.proto'),
    'syntax = "proto3";\npackage common;\nenum Currency {\n  EUR = 0;\n}\n',
  );
  const withImport = (money: string): string =>
    `syntax = "proto3";\npackage shop;\n\nimport "common/money.proto";\n\nmessage Invoice {\n  ${money} total = 1;\n}\n`;
  writeFileSync(join(dir, 'invoice-v1.proto'), withImport('common.Money'));
  writeFileSync(join(dir, 'invoice-v2.proto'), withImport('.common.Money'));
  writeFileSync(join(dir, 'invoice-v3.proto'), withImport('string'));
  writeFileSync(
    join(dir, 'lost-import.proto'),
    withImport('common.Money').replace('common/money.proto', 'common/gone.proto'),
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['compat', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dir,
    env: {},
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe('schemagate compat on .proto files', () => {
  test('a compatible change: exit 0 and says what was compared', async () => {
    const r = await run(['v1.proto', 'v2.proto']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'compatible: v2.proto at BACKWARD (1 earlier version given)\n');
  });

  test('an incompatible change: exit 1, each finding at its line and column in the candidate, with a fix', async () => {
    const r = await run(['v2.proto', 'v3.proto']);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        "v3.proto:6:3: FIELD_SCALAR_KIND_CHANGED The kind of a SCALAR field at path '#/Order/2' in the new schema does not match its kind in the old schema [version 1, new-reads-old]",
        '  fix: use a type of the same wire kind (int32/int64/uint32/uint64/bool/enum, sint32/sint64, string/bytes, fixed32/sfixed32, fixed64/sfixed64), or add a new field with a new number',
        "v3.proto:8:3: ONEOF_FIELD_REMOVED The new schema is missing a oneof field at path '#/Order/payment/4' in the old schema [version 1, new-reads-old]",
        '  fix: keep the field in its oneof: unlike a plain field, a oneof member cannot be removed',
        'incompatible: 2 findings against 1 version at BACKWARD',
        '',
      ].join('\n'),
    );
  });

  test('--json and FULL: both directions, with the registry message as additionalInfo', async () => {
    const r = await run(['--level', 'FULL', '--json', 'v2.proto', 'v3.proto']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { compatible: boolean; findings: Array<Record<string, unknown>> };
    assert.equal(out.compatible, false);
    assert.deepEqual(
      out.findings.map((f) => [f['errorType'], f['direction'], f['line'], f['column']]),
      [
        ['FIELD_SCALAR_KIND_CHANGED', 'old-reads-new', 6, 3],
        ['FIELD_SCALAR_KIND_CHANGED', 'new-reads-old', 6, 3],
        ['ONEOF_FIELD_REMOVED', 'new-reads-old', 8, 3],
      ],
    );
    assert.equal(
      out.findings[0]?.['additionalInfo'],
      `{errorType:"FIELD_SCALAR_KIND_CHANGED", description:"The kind of a SCALAR field at path '#/Order/2' in the old schema does not match its kind in the new schema"}`,
    );
  });

  test('transitive levels compare with every earlier version', async () => {
    // v1 → v2 → v2 again: BACKWARD compares with the newest only; v3 fails against both at _TRANSITIVE.
    const plain = await run(['--json', 'v1.proto', 'v2.proto', 'v3.proto']);
    const transitive = await run([
      '--json',
      '--level',
      'BACKWARD_TRANSITIVE',
      'v1.proto',
      'v2.proto',
      'v3.proto',
    ]);
    const versions = (r: CliRun): number[] =>
      (JSON.parse(r.stdout) as { findings: Array<{ version: number }> }).findings.map((f) => f.version);
    assert.deepEqual(versions(plain), [2, 2]);
    assert.deepEqual(versions(transitive), [2, 2, 1, 1]);
  });

  test('a syntax error: exit 2, file:line:col and the parser message, no stack trace', async () => {
    const r = await run(['v1.proto', 'broken.proto']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "schemagate: broken.proto:4:1: PROTOBUF_SYNTAX expected ';' but was '}'\n");
    const j = await run(['--json', 'v1.proto', 'broken.proto']);
    assert.equal(j.code, 2);
    const error = (JSON.parse(j.stdout) as { error: Record<string, unknown> }).error;
    assert.deepEqual(
      [error['code'], error['file'], error['line'], error['column']],
      ['INVALID_SCHEMA', 'broken.proto', 4, 1],
    );
  });

  test('an unknown type in the candidate is refused; in an earlier version it is read as stored', async () => {
    const r = await run(['v1.proto', 'unknown-type.proto']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown-type\.proto:3:3: PROTOBUF_UNKNOWN_TYPE the type 'Money' is not defined/);
    const old = await run(['unknown-type.proto', 'v1.proto']);
    assert.notEqual(old.code, 2, old.stderr);
  });

  test('imports are read from the files next to it (and their imports in turn)', async () => {
    const same = await run(['invoice-v1.proto', 'invoice-v2.proto']);
    assert.equal(same.code, 0, same.stderr + same.stdout);
    const changed = await run(['invoice-v1.proto', 'invoice-v3.proto']);
    assert.equal(changed.code, 1);
    assert.match(changed.stdout, /invoice-v3\.proto:7:3: FIELD_KIND_CHANGED/);
  });

  test('an import that is nowhere: exit 2 at the import line', async () => {
    const r = await run(['invoice-v1.proto', 'lost-import.proto']);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^schemagate: lost-import\.proto:4:1: PROTOBUF_IMPORT_MISSING the import 'common\/gone\.proto'/m,
    );
  });

  test('a .proto file next to an Avro one: exit 2, asks for --type', async () => {
    const r = await run(['v1.avsc', 'v1.proto']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /v1\.avsc looks like avro but the candidate v1\.proto like protobuf/);
  });

  test('the binary: exit codes as a user sees them', async () => {
    const [ok, bad] = await Promise.all([
      runCli(['compat', 'v1.proto', 'v2.proto'], { cwd: dir }),
      runCli(['compat', 'v2.proto', 'v3.proto'], { cwd: dir }),
    ]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(bad.code, 1, bad.stderr);
  });
});

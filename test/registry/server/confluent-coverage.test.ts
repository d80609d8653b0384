/**
 * The table "Confluent REST test coverage" in docs/registry-server.md maps each test method of
 * Confluent's REST test classes to the test of ours that follows it, or says why it does not apply.
 * This test holds the table to the truth: every row's test file has a test whose title names the class
 * and the method, and (when a local snapshot of confluentinc/schema-registry is at SCHEMA_REGISTRY_MIRROR)
 * every `public void test…` method of those classes has a row. Nothing of theirs is copied here.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const MIRROR = process.env['SCHEMA_REGISTRY_MIRROR'] ?? '/work/.mirror/confluentinc+schema-registry/repo';
const REST = 'core/src/test/java/io/confluent/kafka/schemaregistry/rest';
const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Table class → its file under REST, and the words our test titles use for it. */
const CLASSES: Record<string, { file: string; label: string }> = {
  RestApiTest: { file: 'RestApiTest.java', label: 'RestApiTest' },
  RestApiContextTest: { file: 'RestApiContextTest.java', label: 'RestApiContextTest' },
  RestApiModeTest: { file: 'RestApiModeTest.java', label: 'RestApiModeTest' },
  RestApiCompatibilityTest: { file: 'RestApiCompatibilityTest.java', label: 'RestApiCompatibilityTest' },
  RestApiRegisterSchemaTagsTest: {
    file: 'RestApiRegisterSchemaTagsTest.java',
    label: 'RestApiRegisterSchemaTagsTest',
  },
  RestApiReferenceVersionsStrictTest: {
    file: 'RestApiReferenceVersionsStrictTest.java',
    label: 'RestApiReferenceVersionsStrictTest',
  },
  RestApiRejectEmptySubjectTest: {
    file: 'RestApiRejectEmptySubjectTest.java',
    label: 'RestApiRejectEmptySubjectTest',
  },
  RestApiSchemaTooLargeTest: { file: 'RestApiSchemaTooLargeTest.java', label: 'RestApiSchemaTooLargeTest' },
  RestApiMetadataEncoderTest: {
    file: 'RestApiMetadataEncoderTest.java',
    label: 'RestApiMetadataEncoderTest',
  },
  'json/RestApiTest': { file: 'json/RestApiTest.java', label: 'json RestApiTest' },
  'protobuf/RestApiTest': { file: 'protobuf/RestApiTest.java', label: 'protobuf RestApiTest' },
};

interface Row {
  cls: string;
  method: string;
  /** A test file under test/registry/, or undefined when the method does not apply. */
  file: string | undefined;
  reason: string;
}

function tableRows(): Row[] {
  const doc = readFileSync(join(ROOT, 'docs', 'registry-server.md'), 'utf8');
  const start = doc.indexOf('## Confluent REST test coverage');
  assert.ok(start >= 0, 'docs/registry-server.md has no "Confluent REST test coverage" section');
  const end = doc.indexOf('\n## ', start + 1);
  const rows: Row[] = [];
  for (const line of doc.slice(start, end < 0 ? undefined : end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !cells[2]?.startsWith('`test')) continue;
    const [, cls = '', method = '', cover = ''] = cells;
    const file = /^`([\w/.-]+\.test\.ts)`/.exec(cover)?.[1];
    rows.push({ cls, method: method.replaceAll('`', ''), file, reason: cover });
  }
  return rows;
}

/** The titles of the `it(…)` calls in a file (literal titles only). */
function titles(file: string): string[] {
  const text = readFileSync(join(ROOT, 'test', 'registry', file), 'utf8');
  return [...text.matchAll(/\bit\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)].map((m) => m[2] ?? '');
}

/** A title names the class (a bare `RestApiTest` is not the json or protobuf one) and the method. */
function names(title: string, label: string, method: string): boolean {
  if (!new RegExp(`\\b${method}\\b`).test(title)) return false;
  for (let at = title.indexOf(label); at >= 0; at = title.indexOf(label, at + 1)) {
    const before = title.slice(0, at);
    if (label !== 'RestApiTest' || !/(json|protobuf) $/.test(before)) return true;
  }
  return false;
}

test('every row of the coverage table names a test that names the Confluent method, or says why not', () => {
  const rows = tableRows();
  assert.ok(rows.length > 150, `only ${rows.length} rows in the table`);
  const wrong: string[] = [];
  for (const row of rows) {
    const cls = CLASSES[row.cls];
    if (cls === undefined) wrong.push(`${row.cls}.${row.method}: unknown class`);
    else if (row.file === undefined) {
      if (!/^not applicable: .{20,}/.test(row.reason))
        wrong.push(`${row.cls}.${row.method}: no file, no reason`);
    } else if (!titles(row.file).some((t) => names(t, cls.label, row.method)))
      wrong.push(`${row.cls}.${row.method}: no test in ${row.file} names it`);
  }
  assert.deepEqual(wrong, []);
});

test('every test method of the Confluent REST classes has a row (needs the snapshot)', (t) => {
  if (!existsSync(MIRROR)) {
    t.skip(`no schema-registry snapshot at ${MIRROR}`);
    return;
  }
  const rows = new Set(tableRows().map((r) => `${r.cls}.${r.method}`));
  const missing: string[] = [];
  for (const [cls, { file }] of Object.entries(CLASSES)) {
    const source = execFileSync('git', ['-C', MIRROR, 'show', `HEAD:${REST}/${file}`], { encoding: 'utf8' });
    for (const m of new Set([...source.matchAll(/public void (test\w+)\(/g)].map((x) => x[1] ?? '')))
      if (!rows.has(`${cls}.${m}`)) missing.push(`${cls}.${m}`);
  }
  assert.deepEqual(missing, []);
});

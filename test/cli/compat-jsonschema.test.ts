import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

let dir = '';
const write = (name: string, value: unknown): string => {
  writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return name;
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'schemagate-compat-json-'));
  write('v1.json', {
    type: 'object',
    properties: { name: { type: 'string' }, age: { type: 'number' } },
    additionalProperties: false,
  });
  write('v2-ok.json', {
    type: 'object',
    properties: { name: { type: 'string' }, age: { type: 'number' }, email: { type: 'string' } },
    additionalProperties: false,
  });
  write('v2-bad.json', {
    type: 'object',
    properties: { name: { type: 'string', maxLength: 10 }, age: { type: 'integer' } },
    required: ['name'],
    additionalProperties: false,
  });
  write('open-v1.json', { type: 'object', properties: { foo: { type: 'string' } } });
  write('open-v2.json', { type: 'object', properties: { foo: { type: 'string' }, bar: { type: 'number' } } });
  write(
    'invalid.json',
    '{\n  "type": "object",\n  "properties": {\n    "age": { "type": "numbr" }\n  }\n}\n',
  );
  write('broken.json', '{\n  "type": "object",\n  "properties": {\n}\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Output {
  compatible: boolean;
  level: string;
  findings: Array<{
    errorType: string;
    path: string;
    candidatePointer?: string;
    message: string;
    fix: string;
    line: number;
    column: number;
    version: number;
    direction: string;
  }>;
}

test('a compatible JSON Schema change is detected as JSON Schema and passes', async () => {
  const r = await runCli(['compat', 'v1.json', 'v2-ok.json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /compatible: v2-ok\.json at BACKWARD/);
});

test('incompatible: --json lists each change type with its #/ pointer and a line in the candidate', async () => {
  const r = await runCli(['compat', '--json', 'v1.json', 'v2-bad.json'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Output;
  assert.equal(out.compatible, false);
  assert.deepEqual(
    out.findings.map((f) => `${f.errorType} ${f.path}`).sort(),
    [
      'MAX_LENGTH_ADDED #/properties/name/maxLength',
      'REQUIRED_ATTRIBUTE_ADDED #/required/name',
      'TYPE_NARROWED #/properties/age',
    ].sort(),
  );
  const narrowed = out.findings.find((f) => f.errorType === 'TYPE_NARROWED')!;
  assert.equal(narrowed.candidatePointer, '/properties/age');
  assert.match(narrowed.message, /property 'age'.*narrowed.*number.*integer/);
  assert.ok(narrowed.fix.length > 0);
  // The candidate is pretty-printed: "age" is on line 8 of v2-bad.json.
  assert.equal(narrowed.line, 8);
  assert.equal(narrowed.direction, 'new-reads-old');
});

test('text output names file, line, change type and the fix', async () => {
  const r = await runCli(['compat', 'v1.json', 'v2-bad.json'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /v2-bad\.json:\d+:\d+: TYPE_NARROWED /);
  assert.match(r.stdout, /fix: /);
});

test('--type json forces the engine; FORWARD swaps the roles', async () => {
  const backward = await runCli(
    ['compat', '--type', 'json', '--level', 'FORWARD', '--json', 'v2-ok.json', 'v1.json'],
    { cwd: dir },
  );
  assert.equal(backward.code, 0, backward.stdout);
  // Old readers of a closed object reject the new optional property: FULL fails only old-reads-new.
  const full = await runCli(
    ['compat', '--type', 'json', '--level', 'FULL', '--json', 'v1.json', 'v2-ok.json'],
    { cwd: dir },
  );
  assert.equal(full.code, 1);
  const out = JSON.parse(full.stdout) as Output;
  assert.deepEqual(
    out.findings.map((f) => [f.errorType, f.path, f.direction, f.candidatePointer]),
    [
      [
        'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
        '#/properties/email',
        'old-reads-new',
        '/properties/email',
      ],
    ],
  );
});

test('--policy lenient accepts a property added to an open object; strict does not', async () => {
  const strict = await runCli(['compat', '--json', 'open-v1.json', 'open-v2.json'], { cwd: dir });
  assert.equal(strict.code, 1);
  assert.deepEqual(
    (JSON.parse(strict.stdout) as Output).findings.map((f) => `${f.errorType} ${f.path}`),
    ['OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/bar'],
  );
  const lenient = await runCli(['compat', '--policy', 'lenient', 'open-v1.json', 'open-v2.json'], {
    cwd: dir,
  });
  assert.equal(lenient.code, 0, lenient.stdout);
  const bad = await runCli(['compat', '--policy', 'loose', 'open-v1.json', 'open-v2.json'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown --policy 'loose'/);
});

test('an invalid JSON Schema exits 2 with file, line and column', async () => {
  const r = await runCli(['compat', 'v1.json', 'invalid.json'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /invalid\.json:4:22: INVALID_SCHEMA .*'#\/properties\/age\/type'/);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
});

test('malformed JSON exits 2 with file, line and column', async () => {
  const r = await runCli(['compat', '--type', 'json', 'v1.json', 'broken.json'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /broken\.json:\d+:\d+: /);
});

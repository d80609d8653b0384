import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import compat from '../../src/cli/commands/compat.js';
import type { CliIo } from '../../src/cli/io.js';
import { STRICT_ALLOWED, LENIENT_ALLOWED, type ChangeType } from '../../src/formats/jsonschema/index.js';
import { CASES, REPRESENTATIVE_CASES, type DiffCase } from '../formats/jsonschema/cases.js';

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

/** The compat command itself, in process (spawning a node per case would take minutes). */
async function compatInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dir,
    env: {},
    isTTY: false,
  };
  const code = await compat.run(args, io);
  return { code, stdout, stderr };
}

async function verdictsMatch(c: DiffCase, i: number, typeArgs: string[]): Promise<void> {
  const o = write(`case-${i}-old.json`, c.original);
  const u = write(`case-${i}-new.json`, c.update);
  const policies: Array<['strict' | 'lenient', boolean]> = [['strict', c.compatible]];
  if (c.compatibleLenient !== undefined) policies.push(['lenient', c.compatibleLenient]);
  for (const [policy, compatible] of policies) {
    const r = await compatInProcess([...typeArgs, '--policy', policy, '--json', o, u]);
    assert.equal(r.code, compatible ? 0 : 1, `${c.description} (${policy}): ${r.stdout}${r.stderr}`);
    const allowed = policy === 'strict' ? STRICT_ALLOWED : LENIENT_ALLOWED;
    const expected = c.changes.filter((x) => !allowed.has(x.split(' ')[0] as ChangeType)).sort();
    const got = (JSON.parse(r.stdout) as Output).findings.map((f) => `${f.errorType} ${f.path}`).sort();
    assert.deepEqual(got, expected, `${c.description} (${policy})`);
  }
}

test('schemagate compat gives the table verdict and incompatible changes for every case (both policies)', async () => {
  const cases = CASES.filter((c) => c.originalReferences === undefined && c.updateReferences === undefined);
  assert.ok(cases.length >= 150);
  for (const [i, c] of cases.entries()) await verdictsMatch(c, i, ['--type', 'json']);
});

test('schemagate compat gives the registry verdict for the representative cases of §7.3 (format detected)', async () => {
  for (const [i, c] of REPRESENTATIVE_CASES.entries()) await verdictsMatch(c, 1000 + i, []);
});

test("--json gives the registry's path and the line of the keyword the user wrote (2020-12 tuple)", async () => {
  const schema = (rest: string): Record<string, unknown> => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'array',
    prefixItems: [{ type: 'string' }],
    items: { type: rest },
  });
  write('tuple-v1.json', schema('number'));
  write('tuple-v2.json', schema('integer'));
  const r = await compatInProcess(['--json', 'tuple-v1.json', 'tuple-v2.json']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const [finding, ...rest] = (JSON.parse(r.stdout) as Output).findings;
  assert.deepEqual(rest, []);
  assert.deepEqual(
    [finding?.errorType, finding?.path, finding?.candidatePointer],
    ['TYPE_NARROWED', '#/additionalItems', '/items'],
  );
  // Pretty-printed: "items" is on line 9.
  assert.equal(finding?.line, 9, JSON.stringify(finding));
});

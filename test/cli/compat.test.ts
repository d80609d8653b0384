import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { LEVEL_CASES, S } from '../formats/avro/fixtures.js';
import { main } from '../../src/cli/main.js';
import { runCli, type CliRun } from '../support/cli.js';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'schemagate-compat-'));
  // Pretty-printed, so that line and column say something.
  for (const [name, text] of Object.entries(S))
    writeFileSync(join(dir, `${name}.avsc`), `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  writeFileSync(
    join(dir, 'bad-type.avsc'),
    '{\n  "type": "record",\n  "name": "R",\n  "fields": [\n    {"name": "a", "type": "strin"}\n  ]\n}\n',
  );
  writeFileSync(join(dir, 'bad-json.avsc'), '{\n  "type": "record",\n  "name": "R",\n}\n');
  writeFileSync(
    join(dir, 'bad-default.avsc'),
    '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string","default":null}]}',
  );
  writeFileSync(
    join(dir, 'v1.json'),
    '{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"a":{"type":"string"}}}',
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The real binary, as a child process: exit codes, stdout and stderr as a user sees them. */
const cli = (args: string[]): Promise<CliRun> => runCli(['compat', ...args], { cwd: dir });

/** The same command through the CLI's `main` in this process: the big tables would take minutes as child processes. */
async function inProcess(args: string[]): Promise<CliRun> {
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

function json(run: CliRun): Record<string, unknown> {
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 1, `exactly one JSON object on stdout, got: ${run.stdout}`);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}

/** Runs at most `n` commands at a time (the machine has two cores). */
async function limited<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
    }),
  );
}

describe('schemagate compat: §6.4 through the command (--json)', () => {
  test('every case gives the registry’s verdict, exit code and findings', async () => {
    await limited(LEVEL_CASES, 1, async (c) => {
      const run = await inProcess([
        '--level',
        c.level,
        '--json',
        ...c.prev.map((p) => `${p}.avsc`),
        `${c.next}.avsc`,
      ]);
      assert.equal(run.code, c.compatible ? 0 : 1, `${c.id}: ${run.stdout}${run.stderr}`);
      const out = json(run);
      assert.equal(out['compatible'], c.compatible, c.id);
      assert.equal(out['level'], c.level, c.id);
      const findings = out['findings'] as {
        errorType: string;
        path: string;
        version: number;
        direction: string;
        message: string;
        line: number;
        column: number;
      }[];
      assert.deepEqual(
        findings.map((f) => ({
          errorType: f.errorType,
          path: f.path,
          version: f.version,
          direction: f.direction,
        })),
        (c.errors ?? []).map(({ info: _info, ...e }) => e),
        c.id,
      );
      for (const f of findings) assert.ok(f.message.length > 0 && f.line >= 1 && f.column >= 1, c.id);
    });
  });
});

describe('schemagate compat: output', () => {
  test('text mode: file:line:col: ERROR_TYPE message, then a summary line', async () => {
    const run = await cli(['--level', 'BACKWARD', 'S1.avsc', 'S3.avsc']);
    assert.equal(run.code, 1);
    const lines = run.stdout.trim().split('\n');
    // In S3.avsc (2-space indent) field f2 is the second field object, starting on line 9, column 5.
    assert.match(
      lines[0] ?? '',
      /^S3\.avsc:9:5: READER_FIELD_MISSING_DEFAULT_VALUE The field 'f2' at path '\/fields\/1' in the new schema has no default value and is missing in the old schema/,
    );
    assert.match(run.stdout, /fix: give field 'f2' a default/);
    assert.match(lines[lines.length - 1] ?? '', /^incompatible: 1 finding against 1 version at BACKWARD$/);
  });
  test('FORWARD findings point into the candidate file', async () => {
    const run = await inProcess(['--level', 'FORWARD', '--json', 'S7.avsc', 'S6.avsc']);
    assert.equal(run.code, 0);
    const back = await inProcess(['--level', 'FORWARD', '--json', 'S6.avsc', 'S7.avsc']);
    assert.equal(back.code, 1);
    const [f] = json(back)['findings'] as {
      errorType: string;
      direction: string;
      candidatePointer: string;
      file: string;
      line: number;
    }[];
    assert.equal(f?.errorType, 'MISSING_UNION_BRANCH');
    assert.equal(f?.direction, 'old-reads-new');
    assert.equal(f?.candidatePointer, '/fields/0/type/2');
    assert.equal(f?.file, 'S7.avsc');
  });
  test('the level defaults to BACKWARD; a single file is compatible; levels are case-insensitive', async () => {
    const [a, b, c] = await Promise.all([
      inProcess(['--json', 'S1.avsc', 'S3.avsc']),
      inProcess(['S3.avsc']),
      inProcess(['--level', 'none', '--json', 'S1.avsc', 'S3.avsc']),
    ]);
    assert.equal(a.code, 1);
    assert.equal(json(a)['level'], 'BACKWARD');
    assert.equal(b.code, 0);
    assert.match(b.stdout, /^compatible: S3\.avsc at BACKWARD/m);
    assert.equal(c.code, 0);
    assert.equal(json(c)['level'], 'NONE');
  });
  test('a stored version with a bad default is parsed leniently; the candidate is not', async () => {
    const [old, candidate] = await Promise.all([
      inProcess(['--json', 'bad-default.avsc', 'S1.avsc']),
      inProcess(['--json', 'S1.avsc', 'bad-default.avsc']),
    ]);
    assert.equal(old.code, 0, old.stdout);
    assert.equal(candidate.code, 2);
    assert.equal((json(candidate)['error'] as { code: string }).code, 'INVALID_SCHEMA');
  });
  test('JSON Schema files are detected and checked by the JSON Schema engine', async () => {
    const run = await inProcess(['--json', 'v1.json', 'v1.json']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(json(run)['compatible'], true);
  });
});

describe('schemagate compat: invalid schemas and arguments exit 2', () => {
  test('invalid schema: one JSON error object with file, line and column', async () => {
    const run = await cli(['--json', 'S1.avsc', 'bad-type.avsc']);
    assert.equal(run.code, 2);
    const error = json(run)['error'] as Record<string, unknown>;
    assert.deepEqual(
      [error['code'], error['file'], error['line'], error['column']],
      ['INVALID_SCHEMA', 'bad-type.avsc', 5, 27],
    );
    assert.match(String(error['message']), /unknown type 'strin'/);
  });
  test('invalid JSON: INVALID_SCHEMA at the JSON error', async () => {
    const run = await inProcess(['--json', 'bad-json.avsc']);
    assert.equal(run.code, 2);
    const error = json(run)['error'] as Record<string, unknown>;
    assert.deepEqual(
      [error['code'], error['file'], error['line'], error['column']],
      ['INVALID_SCHEMA', 'bad-json.avsc', 3, 14],
    );
  });
  test('the binary: a missing file is one line on stderr, exit 2, no stack trace', async () => {
    const run = await cli(['S1.avsc', 'nope.avsc']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'schemagate: nope.avsc: cannot read the file: no such file\n');
  });
  test('text mode: file:line:col on stderr, no stack trace', async () => {
    const run = await cli(['S1.avsc', 'bad-type.avsc']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^schemagate: bad-type\.avsc:5:27: AVRO_UNKNOWN_TYPE unknown type 'strin'/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
  const wrong: [string, string[], RegExp][] = [
    ['no files', ['--level', 'BACKWARD'], /at least one schema file/],
    ['unknown level', ['--level', 'SIDEWAYS', 'S1.avsc'], /unknown level 'SIDEWAYS'/],
    ['unknown option', ['--frobnicate', 'S1.avsc'], /frobnicate/],
    ['unknown type', ['--type', 'thrift', 'S1.avsc'], /unknown --type 'thrift' \(avro, json or protobuf\)/],
    ['missing file', ['S1.avsc', 'nope.avsc'], /no such file/],
    ['a directory', ['.'], /is a directory/],
  ];
  for (const [name, args, message] of wrong) {
    test(`${name}: exit 2 with a message (text and --json)`, async () => {
      const [text, withJson] = await Promise.all([inProcess(args), inProcess([...args, '--json'])]);
      assert.equal(text.code, 2);
      assert.match(text.stderr, message);
      assert.doesNotMatch(text.stderr, /\n\s+at /);
      assert.equal(withJson.code, 2);
      assert.match(String((json(withJson)['error'] as Record<string, unknown>)['message']), message);
    });
  }
});

test('property: random input never crashes compat (exit 2 with a message, never a stack trace)', async () => {
  const inputs = fc.sample(
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.json({ maxDepth: 3 }),
      fc.constantFrom(
        '',
        '\u0000\u0001',
        '{"type":"record","name":"R","fields":[{"name":"a","type":{"type":"array"}}]}',
        '[[]]',
        '{"type":"fixed","name":"F","size":1e400}',
        '\uFEFF"int"',
      ),
    ),
    { seed: 99, numRuns: 60 },
  );
  await limited(
    inputs.map((text, i) => ({ text, i })),
    3,
    async ({ text, i }) => {
      const file = `random-${i}.avsc`;
      writeFileSync(join(dir, file), text);
      const [plain, withJson] = await Promise.all([
        inProcess(['S1.avsc', file]),
        inProcess(['--json', 'S1.avsc', file]),
      ]);
      for (const run of [plain, withJson]) {
        assert.ok([0, 1, 2].includes(run.code), `${JSON.stringify(text)}: exit ${run.code} ${run.stderr}`);
        assert.doesNotMatch(run.stderr, /internal error|\n\s+at /, JSON.stringify(text));
      }
      if (plain.code === 2) assert.match(plain.stderr, /^schemagate: /);
      const out = json(withJson);
      assert.ok('error' in out || 'compatible' in out);
    },
  );
});

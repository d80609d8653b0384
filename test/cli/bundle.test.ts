// The committed CLI bundle (dist/cli, what a git install and the pre-commit framework run) loads every
// format's engine: a module it cannot load shows only there, not in the tests that run src/ through tsx.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

const SCHEMAS: Array<[string, string]> = [
  ['v.avsc', '{"type":"record","name":"R","fields":[{"name":"a","type":"string"}]}'],
  [
    'v.json',
    '{"$schema":"http://json-schema.org/draft-06/schema#","type":"object","properties":{"a":{"type":"string"}}}',
  ],
  ['v.proto', 'syntax = "proto3";\npackage p;\n\nmessage M {\n  string a = 1;\n}\n'],
];

for (const [file, text] of SCHEMAS) {
  test(`dist/cli/bin.js compat runs on a ${file.split('.')[1]} schema`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-bundle-'));
    try {
      writeFileSync(join(dir, file), text);
      const run = spawnSync(process.execPath, [BIN, 'compat', file, file], { cwd: dir, encoding: 'utf8' });
      assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
      assert.match(run.stdout, /^compatible:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

// The code-first commands load esbuild (external to the bundle) and zod at run time: run them from the
// bundle on this repository, whose schemas/ are generated from examples/code-first.
const REPO = fileURLToPath(new URL('../..', import.meta.url));

test('dist/cli/bin.js generate --check finds the committed schemas up to date with their models', () => {
  const run = spawnSync(process.execPath, [BIN, 'generate', '--check'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});

test('dist/cli/bin.js validate reads a message in the Avro JSON encoding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-bundle-'));
  try {
    spawnSync('git', ['init', '-q'], { cwd: dir });
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'schemas', 'v.avsc'), SCHEMAS[0]![1]);
    writeFileSync(join(dir, 'good.json'), '{"a":"x"}');
    writeFileSync(join(dir, 'bad.json'), '{"a":1}');
    const ok = spawnSync(process.execPath, [BIN, 'validate', 'schemas/v.avsc', 'good.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(ok.status, 0, `${ok.stdout}${ok.stderr}`);
    const bad = spawnSync(process.execPath, [BIN, 'validate', 'schemas/v.avsc', 'bad.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1, `${bad.stdout}${bad.stderr}`);
    assert.match(bad.stdout + bad.stderr, /bad\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The committed CLI bundle (dist/cli, what a git install and the pre-commit framework run) loads every
// format's engine: a module it cannot load shows only there, not in the tests that run src/ through tsx.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

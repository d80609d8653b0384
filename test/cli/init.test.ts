import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempRepo } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';
import { parseConfig } from '../../src/repo/config.js';

test('init writes a starter config that loads, and installs an executable hook', async () => {
  const repo = new TempRepo();
  try {
    const r = await schemagate(['init'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    const config = parseConfig(readFileSync(join(repo.dir, 'schemagate.yaml'), 'utf8'));
    assert.equal(config.root, 'schemas');
    assert.equal(config.compatibility, 'BACKWARD');
    const hook = readFileSync(join(repo.dir, '.git/hooks/pre-commit'), 'utf8');
    assert.match(hook, /check --staged/);
    assert.equal((await schemagate(['init', 'extra'], repo.dir)).code, 2);
  } finally {
    repo.cleanup();
  }
});

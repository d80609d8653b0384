import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

function io() {
  const out = { stdout: '', stderr: '' };
  const value: CliIo = {
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    cwd: process.cwd(),
    env: {},
    isTTY: false,
  };
  return { out, value };
}

test('an unknown command is a usage error (exit 2) with a hint, not a stack trace', async () => {
  const { out, value } = io();
  assert.equal(await main(['frobnicate'], value), 2);
  assert.match(out.stderr, /unknown command 'frobnicate'/);
  assert.doesNotMatch(out.stderr, /\n\s+at /);
});

test('--help lists every command and exits 0; no command at all exits 2', async () => {
  const a = io();
  assert.equal(await main(['--help'], a.value), 0);
  for (const name of ['compat', 'check', 'publish', 'registry', 'demo']) assert.match(a.out.stdout, new RegExp(`\\b${name}\\b`));
  const b = io();
  assert.equal(await main([], b.value), 2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TempRepo } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';

test('docs: a missing --out, a bad port, an extra argument or an unwritable --out is one message with exit 2', async () => {
  const repo = new TempRepo();
  try {
    repo.write('README', 'x\n').commit('init');
    const none = await schemagate(['docs'], repo.dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^schemagate: give --out <dir> or --serve/);
    const port = await schemagate(['docs', '--serve', '--port', 'http'], repo.dir);
    assert.equal(port.code, 2);
    assert.match(port.stderr, /--port 'http' is not a port number/);
    assert.doesNotMatch(port.stderr, /\n\s+at /);
    const extra = await schemagate(['docs', '--out', 'site', 'more'], repo.dir);
    assert.equal(extra.code, 2);
    assert.match(extra.stderr, /unexpected argument 'more'/);
    // A file where the folder should be: one message naming --out, no internal error.
    const blocked = await schemagate(['docs', '--out', 'README/site'], repo.dir);
    assert.equal(blocked.code, 2);
    assert.match(
      blocked.stderr,
      /^schemagate: --out 'README\/site': cannot write the site there \(ENOTDIR at /,
    );
    assert.doesNotMatch(blocked.stderr, /internal error|\n\s+at /);
  } finally {
    repo.cleanup();
  }
});

test('docs: a repository without schema files says so and still writes an index', async () => {
  const repo = new TempRepo();
  const out = mkdtempSync(join(tmpdir(), 'schemagate-site-'));
  try {
    repo.write('README', 'x\n').commit('init');
    const r = await schemagate(['docs', '--out', out], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /no schema files found under the schema root: the index is empty/);
    assert.ok(existsSync(join(out, 'index.html')));
  } finally {
    repo.cleanup();
    rmSync(out, { recursive: true, force: true });
  }
});

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runDemo } from '../../src/demo/story.js';
import { runCli } from '../support/cli.js';

function workDirOf(stdout: string): string {
  const m = /\$TMPDIR(\/schemagate-demo-[^/\s]+)\//.exec(stdout);
  assert.ok(m?.[1] !== undefined, 'the demo names its temporary folder');
  return join(tmpdir(), m[1]);
}

describe('schemagate demo', () => {
  it('runs the whole story as a child process, exits 0 and cleans up', async () => {
    const r = await runCli(['demo'], { timeoutMs: 90_000 });
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /listening on http:\/\/127\.0\.0\.1:\d+/);
    assert.match(r.stdout, /registered\s+\S+\s+id \d+, version 1/);
    assert.match(r.stdout, /the hook accepted it and the commit was made/);
    assert.match(r.stdout, /registered\s+\S+\s+id \d+, version 2/);
    assert.match(r.stdout, /READER_FIELD_MISSING_DEFAULT_VALUE/);
    assert.match(r.stdout, /the hook refused it/);
    assert.match(r.stdout, /the registry agrees/);
    assert.match(r.stdout, /publishing again changes nothing/);
    assert.match(r.stdout, /stopped/);
    assert.equal(r.stderr, '');
    assert.equal(existsSync(workDirOf(r.stdout)), false, 'temporary repository and data removed');
  });

  it("builds its repository from the source's schemas/ folder when it has one", async () => {
    const source = mkdtempSync(join(tmpdir(), 'sg-demo-src-'));
    try {
      mkdirSync(join(source, 'schemas', 'billing'), { recursive: true });
      writeFileSync(
        join(source, 'schemas', 'billing', 'invoice.avsc'),
        JSON.stringify({ type: 'record', name: 'Invoice', namespace: 'com.acme', fields: [{ name: 'id', type: 'string' }] }),
      );
      writeFileSync(join(source, 'schemas', 'README.md'), 'not a schema');
      writeFileSync(join(source, 'schemagate.yaml'), 'root: schemas\nnaming: topic\nregistry:\n  url: http://elsewhere.invalid\n');
      let stdout = '';
      let stderr = '';
      const code = await runDemo({
        io: { cwd: source, env: process.env, isTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
        sourceRoot: source,
      });
      assert.equal(code, 0, `${stdout}\n${stderr}`);
      assert.match(stdout, /1 schema file\(s\) from .*schemas\//);
      assert.match(stdout, /schemas\/billing\/invoice\.avsc/);
      // The source's configuration names the subjects (naming: topic); the registry is the demo's own.
      assert.match(stdout, /registered\s+billing-invoice\s+id 1, version 1/);
      assert.match(stdout, /billing-invoice\s+versions 1, 2\s+latest id 2/);
    } finally {
      rmSync(source, { recursive: true, force: true });
    }
  });
});

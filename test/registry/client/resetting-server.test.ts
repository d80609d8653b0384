// A "registry" that accepts each connection and resets it at once. fetch can lose such a request
// without a handle left open; the client's own deadline timer must still end the command with one
// message and exit 2 (it used to end with exit code 13, "unsettled top-level await", and no word).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { runCli } from '../../support/cli.js';

let server: Server;
let url: string;
let dir: string;
before(async () => {
  server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  dir = mkdtempSync(join(tmpdir(), 'sg-reset-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  mkdirSync(join(dir, 'schemas'));
  writeFileSync(join(dir, 'schemas', 'a.avsc'), '{"type":"record","name":"A","fields":[]}');
  writeFileSync(join(dir, 'm.json'), '{}');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
  git('add', '-A');
  git('commit', '-qm', 'a schema');
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

for (const args of [
  ['validate', 'schemas/a.avsc', 'm.json', '--registry'],
  ['status', '--registry'],
])
  it(`${args[0]} against a server that resets every connection: one message, exit 2`, async () => {
    const r = await runCli([...args, url], { cwd: dir, env: { SCHEMA_REGISTRY_TIMEOUT: '3s' } });
    assert.equal(r.code, 2, `exit ${r.code}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /^schemagate: registry (unreachable|timed out): GET http:\/\/127\.0\.0\.1:\d+\//);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

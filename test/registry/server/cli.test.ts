import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../support/cli.js';
import { spawnServer } from './child.js';
import { call, tempDir } from './support.js';

describe('schemagate registry serve', () => {
  const dir = tempDir();
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its URL, keeps its data in .schemagate/registry by default, and stops on SIGTERM or SIGINT with exit 0', async () => {
    const first = await spawnServer(join(dir, 'explicit'));
    assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    const server = await spawnServer(null, { cwd: dir });
    assert.equal((await call(server.url, 'POST', '/subjects/s/versions', { schema: '"int"' })).status, 200);
    const data = join(dir, '.schemagate', 'registry');
    assert.ok(existsSync(join(data, 'registry.log')));
    assert.ok(existsSync(join(data, 'server.lock')));
    server.child.kill('SIGINT');
    assert.equal(await server.exited, 0);
    assert.ok(!existsSync(join(data, 'server.lock')), 'the lock is released on exit');
  });

  // Table: arguments, and what the error says (exit 2, no stack).
  const bad: Array<[string[], RegExp]> = [
    [['registry'], /unknown registry subcommand ''/],
    [['registry', 'run'], /unknown registry subcommand 'run'/],
    [['registry', 'serve', '--port', 'http'], /--port must be an integer between 0 and 65535, got 'http'/],
    [['registry', 'serve', '--shapes', '9'], /--shapes must be 7 or 8/],
    [['registry', 'serve', '--rule-sets', 'strip'], /--rule-sets must be keep or drop, got 'strip'/],
    [['registry', 'serve', '--colour'], /Unknown option '--colour'/],
  ];
  for (const [args, message] of bad) {
    it(`${args.join(' ')} → exit 2: ${message.source}`, async () => {
      const res = await runCli(args, { cwd: dir });
      assert.equal(res.code, 2);
      assert.match(res.stderr, message);
      assert.doesNotMatch(res.stderr, /\n\s+at /);
    });
  }
});

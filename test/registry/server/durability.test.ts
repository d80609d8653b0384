import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isSchemagateError } from '../../../src/errors.js';
import { startRegistryServer } from '../../../src/registry/server/index.js';
import { runCli } from '../../support/cli.js';
import { spawnServer } from './child.js';
import { avroRecord, call, tempDir } from './support.js';

const dirs: string[] = [];
const fresh = (): string => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('durability: kill -9 during a burst of registrations', () => {
  it('every answered registration survives, and ids stay unique', async () => {
    const dir = fresh();
    const first = await spawnServer(dir);
    const answered: Array<{ subject: string; id: number; version: number }> = [];
    const total = 400;
    let next = 0;
    let killed = false;
    const worker = async (): Promise<void> => {
      while (next < total && !killed) {
        const i = next++;
        const subject = `burst-${i}`;
        try {
          const res = await call(first.url, 'POST', `/subjects/${subject}/versions`, {
            schema: avroRecord(`r${i}`, ['a']),
          });
          if (res.status === 200) {
            const body = res.body as { id: number; version: number };
            answered.push({ subject, id: body.id, version: body.version });
          }
        } catch {
          // the server died under this request: it was never answered
        }
        if (answered.length >= 120 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await first.exited;
    assert.ok(answered.length >= 120, `only ${answered.length} answered`);

    // The stale lock of the killed server is taken over.
    const second = await spawnServer(dir);
    try {
      for (const a of answered) {
        const res = await call(second.url, 'GET', `/subjects/${a.subject}/versions/${a.version}`);
        assert.equal(res.status, 200, `${a.subject} lost: ${res.text}`);
        assert.equal((res.body as { id: number }).id, a.id);
      }
      const subjects = (await call(second.url, 'GET', '/subjects')).body as string[];
      const ids = new Set<number>();
      for (const s of subjects)
        ids.add(((await call(second.url, 'GET', `/subjects/${s}/versions/1`)).body as { id: number }).id);
      assert.equal(ids.size, subjects.length, 'two subjects share an id although their schemas differ');
      const after = await call(second.url, 'POST', '/subjects/after-restart/versions', {
        schema: avroRecord('fresh', ['z']),
      });
      assert.ok(!ids.has((after.body as { id: number }).id), 'a new schema reused an id');
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0);
    }
  });
});

describe('one server per data directory', () => {
  it('a second server in the same process refuses to start with a clear message', async () => {
    const dir = fresh();
    const a = await startRegistryServer({ port: 0, dataDir: dir });
    try {
      await assert.rejects(startRegistryServer({ port: 0, dataDir: dir }), (e: unknown) => {
        assert.ok(isSchemagateError(e));
        assert.equal(e.code, 'LOCKED');
        assert.match(e.message, /in use by another schemagate registry server \(pid \d+\)/);
        return true;
      });
    } finally {
      await a.close();
    }
    // Closed: the directory is free again.
    const b = await startRegistryServer({ port: 0, dataDir: dir });
    await b.close();
  });

  it('a second `registry serve` process exits 2 naming the owner; a stale lock from a dead pid is taken over', async () => {
    const dir = fresh();
    const owner = await spawnServer(dir);
    try {
      const second = await runCli(['registry', 'serve', '--port', '0', '--data', dir], { timeoutMs: 30_000 });
      assert.equal(second.code, 2);
      assert.match(
        second.stderr,
        new RegExp(`in use by another schemagate registry server \\(pid ${owner.child.pid}\\)`),
      );
      assert.doesNotMatch(second.stderr, /\n\s+at /);
    } finally {
      owner.child.kill('SIGTERM');
      await owner.exited;
    }
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => dead.on('exit', r));
    writeFileSync(join(dir, 'server.lock'), `${dead.pid}\n`);
    const s = await startRegistryServer({ port: 0, dataDir: dir });
    assert.equal(readFileSync(join(dir, 'server.lock'), 'utf8').trim(), String(process.pid));
    await s.close();
  });
});

describe('start-up failures are clear and leave nothing held', () => {
  it('a port in use: a clear error, and the data directory is released', async () => {
    const a = await startRegistryServer({ port: 0, dataDir: fresh() });
    const dir = fresh();
    try {
      await assert.rejects(startRegistryServer({ port: a.port, dataDir: dir }), (e: unknown) => {
        assert.ok(isSchemagateError(e));
        assert.match(e.message, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${a.port}: the port is in use`));
        return true;
      });
      const b = await startRegistryServer({ port: 0, dataDir: dir });
      await b.close();
    } finally {
      await a.close();
    }
  });

  it('a data directory that cannot be created', async () => {
    const file = join(fresh(), 'a-file');
    writeFileSync(file, 'not a directory');
    await assert.rejects(
      startRegistryServer({ port: 0, dataDir: join(file, 'registry') }),
      /cannot use .* as the registry data directory/,
    );
  });
});

describe('the log after a crash', () => {
  it('cuts off a torn last line and keeps everything before it', async () => {
    const dir = fresh();
    const a = await startRegistryServer({ port: 0, dataDir: dir });
    await call(a.url, 'POST', '/subjects/s/versions', { schema: avroRecord('a', ['x']) });
    await call(a.url, 'POST', '/subjects/s/versions', { schema: avroRecord('a', ['x'], ['y']) });
    await a.close();
    appendFileSync(join(dir, 'registry.log'), '{"t":"reg","s":"s","v":3,"id":3,"sch');
    const b = await startRegistryServer({ port: 0, dataDir: dir });
    try {
      assert.equal(b.startup.tornBytes, 36);
      assert.equal(b.startup.events, 2);
      assert.deepEqual((await call(b.url, 'GET', '/subjects/s/versions')).body, [1, 2]);
      const reg = await call(b.url, 'POST', '/subjects/s/versions', {
        schema: avroRecord('a', ['x'], ['y', 'z']),
      });
      assert.deepEqual([(reg.body as { id: number }).id, (reg.body as { version: number }).version], [3, 3]);
    } finally {
      await b.close();
    }
    assert.ok(readFileSync(join(dir, 'registry.log'), 'utf8').endsWith('}\n'));
  });

  it('refuses to start on a damaged line in the middle, naming the file and line', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'registry.log'), '{"t":"mode","m":"READONLY"}\n{oops\n{"t":"mode","m":null}\n');
    await assert.rejects(startRegistryServer({ port: 0, dataDir: dir }), (e: unknown) => {
      assert.ok(isSchemagateError(e));
      assert.equal(e.location.line, 2);
      assert.match(e.format(), /registry\.log:2: the registry log is damaged/);
      return true;
    });
    // The failed start released its lock.
    writeFileSync(join(dir, 'registry.log'), '');
    const s = await startRegistryServer({ port: 0, dataDir: dir });
    await s.close();
  });
});

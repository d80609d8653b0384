import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileHistories, readFewFileHistories } from '../../src/repo/history.js';
import { readBlobs, resolveCommit } from '../../src/repo/git.js';
import { SchemagateError } from '../../src/errors.js';
import { TempRepo } from './git-fixture.js';

async function contents(repo: TempRepo, path: string, paths = ['schemas']): Promise<string[]> {
  const commit = await resolveCommit(repo.dir, 'HEAD');
  const h = await readFileHistories(repo.dir, { commit, paths });
  const file = h.files.get(path);
  if (file === undefined) return [];
  const blobs = await readBlobs(
    repo.dir,
    file.changes.map((c) => c.blob),
  );
  return file.changes.map((c) => blobs.get(c.blob)!.toString('utf8'));
}

test('linear history: each content change, oldest first, with commit, author and date', async () => {
  const repo = new TempRepo();
  try {
    const c1 = repo.write('schemas/a.avsc', '1').commit('one');
    repo.write('README', 'x').commit('unrelated');
    const c3 = repo.write('schemas/a.avsc', '2').commit('two');
    const h = await readFileHistories(repo.dir, { commit: c3, paths: ['schemas'] });
    const a = h.files.get('schemas/a.avsc')!;
    assert.deepEqual(
      a.changes.map((c) => c.commit),
      [c1, c3],
    );
    assert.equal(a.changes[0]!.author, 'Ada');
    assert.equal(a.changes[0]!.email, 'ada@example.com');
    assert.match(a.changes[0]!.date, /^2026-01-01T00:00:01/);
    assert.deepEqual(await contents(repo, 'schemas/a.avsc'), ['1', '2']);
  } finally {
    repo.cleanup();
  }
});

test('merge commits: only the first parent counts', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/a.avsc', 'v1').commit('v1');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('schemas/a.avsc', 'wip-broken').commit('wip');
    repo.write('schemas/a.avsc', 'v2').commit('fixed');
    repo.git('checkout', '-q', 'main');
    repo.write('other.txt', 'x').commit('main moves on');
    repo.git('merge', '-q', '--no-ff', '-m', 'merge feature', 'feature');
    assert.deepEqual(await contents(repo, 'schemas/a.avsc'), ['v1', 'v2']);
  } finally {
    repo.cleanup();
  }
});

test('squash merges: one version for the squashed work', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/a.avsc', 'v1').commit('v1');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('schemas/a.avsc', 'step').commit('step');
    repo.write('schemas/a.avsc', 'v2').commit('done');
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--squash', 'feature');
    repo.commit('squashed');
    assert.deepEqual(await contents(repo, 'schemas/a.avsc'), ['v1', 'v2']);
  } finally {
    repo.cleanup();
  }
});

test('renames keep the history; deletes are remembered; a re-added file continues its history', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/old.avsc', '{"v":1}\n'.repeat(20)).commit('v1');
    repo.move('schemas/old.avsc', 'schemas/sub/new.avsc').commit('rename');
    repo.write('schemas/sub/new.avsc', '{"v":1}\n'.repeat(20) + 'x').commit('v2');
    repo.write('schemas/gone.avsc', 'g').commit('gone v1');
    repo.remove('schemas/gone.avsc').commit('delete');
    const commit = await resolveCommit(repo.dir, 'HEAD');
    const h = await readFileHistories(repo.dir, { commit, paths: ['schemas'] });
    assert.deepEqual([...h.files.keys()], ['schemas/sub/new.avsc']);
    const moved = h.files.get('schemas/sub/new.avsc')!;
    assert.deepEqual(
      moved.changes.map((c) => c.path),
      ['schemas/old.avsc', 'schemas/sub/new.avsc'],
    );
    assert.deepEqual([...h.deleted.keys()], ['schemas/gone.avsc']);
    repo.write('schemas/gone.avsc', 'g2').commit('back');
    const h2 = await readFileHistories(repo.dir, {
      commit: await resolveCommit(repo.dir, 'HEAD'),
      paths: ['schemas'],
    });
    assert.equal(h2.files.get('schemas/gone.avsc')!.changes.length, 2);
  } finally {
    repo.cleanup();
  }
});

test('a narrow read follows a rename from outside its pathspec', async () => {
  const repo = new TempRepo();
  try {
    const body = '{"type":"record","name":"A","fields":[]}\n'.repeat(10);
    repo.write('schemas/old.avsc', body).write('schemas/other.avsc', 'o').commit('v1');
    repo.write('schemas/old.avsc', body + '\n').commit('v2');
    repo.move('schemas/old.avsc', 'schemas/new.avsc').commit('rename');
    repo.write('schemas/new.avsc', body + ' ').commit('v3');
    const commit = await resolveCommit(repo.dir, 'HEAD');
    const narrow = await readFewFileHistories(repo.dir, {
      commit,
      paths: ['schemas/new.avsc'],
      root: 'schemas',
    });
    assert.deepEqual(
      narrow.files.get('schemas/new.avsc')!.changes.map((c) => c.path),
      ['schemas/old.avsc', 'schemas/old.avsc', 'schemas/new.avsc'],
    );
    const plain = await readFewFileHistories(repo.dir, {
      commit,
      paths: ['schemas/other.avsc'],
      root: 'schemas',
    });
    assert.equal(plain.files.get('schemas/other.avsc')!.changes.length, 1);
  } finally {
    repo.cleanup();
  }
});

test('an empty repository has no history', async () => {
  const repo = new TempRepo();
  try {
    assert.equal(await resolveCommit(repo.dir, 'HEAD'), undefined);
    const h = await readFileHistories(repo.dir, { commit: undefined, paths: ['schemas'] });
    assert.equal(h.files.size, 0);
  } finally {
    repo.cleanup();
  }
});

test('a shallow clone: deepened from its remote, or a clear message how to fetch the history', async () => {
  const origin = new TempRepo();
  const parent = mkdtempSync(join(tmpdir(), 'schemagate-clone-'));
  try {
    for (let i = 1; i <= 3; i++) origin.write('schemas/a.avsc', `v${i}`).commit(`v${i}`);
    const clone = join(parent, 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone]);
    const commit = await resolveCommit(clone, 'HEAD');
    await assert.rejects(
      readFileHistories(clone, { commit, paths: ['schemas'], deepen: false }),
      (e: unknown) =>
        e instanceof SchemagateError &&
        e.code === 'HISTORY_MISSING' &&
        /git fetch --unshallow/.test(e.message) &&
        /fetch-depth: 0/.test(e.message),
    );
    const h = await readFileHistories(clone, { commit, paths: ['schemas'] });
    assert.equal(h.files.get('schemas/a.avsc')!.changes.length, 3);
    const lonely = join(parent, 'lonely');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, lonely]);
    execFileSync('git', ['remote', 'remove', 'origin'], { cwd: lonely });
    await assert.rejects(
      readFileHistories(lonely, { commit, paths: ['schemas'] }),
      /no remote to fetch from/,
    );
  } finally {
    origin.cleanup();
    rmSync(parent, { recursive: true, force: true });
  }
});

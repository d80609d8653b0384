import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureHistory, HistoryError } from '../../action/history.js';
import { TempRepo } from './harness.js';

describe('history for the check: shallow clones as actions/checkout makes them', () => {
  let origin: TempRepo;
  let base: string;
  const cleanup: TempRepo[] = [];
  before(() => {
    origin = TempRepo.init();
    for (let i = 1; i <= 3; i++)
      origin.commit(`v${i}`, { 'schemas/a.avsc': `{"type":"record","name":"A","fields":[],"doc":"${i}"}` });
    base = origin.git('rev-parse', 'HEAD');
    origin.git('checkout', '-q', '-b', 'feature');
    origin.commit('change', { 'schemas/a.avsc': '{"type":"record","name":"A","fields":[]}' });
    origin.git('checkout', '-q', 'main');
    origin.git('update-ref', 'refs/pull/1/head', 'feature');
    cleanup.push(origin);
  });
  after(() => cleanup.forEach((r) => r.remove()));

  const need = () => ({ sha: base, branch: 'main', purpose: 'the base branch main' });

  it('a full clone has what it needs and fetches nothing', async () => {
    const ws = origin.checkout('refs/pull/1/head', 0);
    cleanup.push(ws);
    const lines: string[] = [];
    assert.equal(await ensureHistory(ws.dir, need(), (l) => lines.push(l)), 'present');
    assert.deepEqual(lines, []);
  });

  it('a depth-1 clone with a remote fetches the base branch and unshallows', async () => {
    const ws = origin.checkout('refs/pull/1/head', 1);
    cleanup.push(ws);
    assert.equal(ws.git('rev-parse', '--is-shallow-repository'), 'true');
    const lines: string[] = [];
    assert.equal(await ensureHistory(ws.dir, need(), (l) => lines.push(l)), 'fetched');
    assert.equal(ws.git('rev-parse', '--is-shallow-repository'), 'false');
    assert.equal(ws.git('rev-list', '--count', '--first-parent', base), '3');
    assert.match(lines.join('\n'), /shallow.*fetching it from origin/);
  });

  it('a depth-1 clone without a remote fails with the fetch-depth: 0 fix', async () => {
    const ws = origin.checkout('refs/pull/1/head', 1);
    cleanup.push(ws);
    ws.git('remote', 'remove', 'origin');
    await assert.rejects(
      ensureHistory(ws.dir, need(), () => {}),
      (e: unknown) => {
        assert.ok(e instanceof HistoryError);
        assert.match(e.message, /no remote/);
        assert.match(e.message, /fetch-depth: 0/);
        return true;
      },
    );
  });

  it('a remote that cannot serve the history fails with the fix and git’s reason', async () => {
    const ws = origin.checkout('refs/pull/1/head', 1);
    cleanup.push(ws);
    ws.git('remote', 'set-url', 'origin', `file://${ws.dir}-gone`);
    await assert.rejects(
      ensureHistory(ws.dir, need(), () => {}),
      /did not help[\s\S]*git fetch[\s\S]*fetch-depth: 0/,
    );
  });

  it('not a git repository', async () => {
    const dir = new TempRepo();
    cleanup.push(dir);
    await assert.rejects(
      ensureHistory(dir.dir, need(), () => {}),
      /not a git repository/,
    );
  });
});

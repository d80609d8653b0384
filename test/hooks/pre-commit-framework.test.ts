// The pre-commit framework (https://pre-commit.com) installing schemagate from git, as a user's
// `.pre-commit-config.yaml` makes it: `pre-commit install-hooks` runs `npm install -g git+…` of the
// repository, which must work without a build (the CLI runs from the committed dist/cli/). The repository
// is a temp clone of this checkout's HEAD: the committed state, the same git install path as GitHub's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TempRepo, record } from '../repo/git-fixture.js';

const PRE_COMMIT_VERSION = '4.7.0';
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** pre-commit from PyPI in a venv under .cache/ (installed once; the marker says the install finished). */
function preCommit(): string {
  const dir = join(REPO_ROOT, '.cache', 'pre-commit', PRE_COMMIT_VERSION);
  const bin = join(dir, 'venv', 'bin', 'pre-commit');
  const marker = join(dir, 'installed');
  if (existsSync(marker)) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('python3', ['-m', 'venv', join(dir, 'venv')], { stdio: 'pipe' });
  execFileSync(join(dir, 'venv', 'bin', 'pip'), ['install', '-q', `pre-commit==${PRE_COMMIT_VERSION}`], {
    stdio: 'pipe',
  });
  writeFileSync(marker, '');
  return bin;
}

test('pre-commit framework: install-hooks from a git clone works, and the hook refuses a bad commit', async () => {
  const bin = preCommit();
  const work = mkdtempSync(join(tmpdir(), 'schemagate-precommit-'));
  const clone = join(work, 'schemagate');
  const repo = new TempRepo();
  try {
    execFileSync('git', ['clone', '-q', '--no-hardlinks', REPO_ROOT, clone], { stdio: 'pipe' });
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim();
    repo.write(
      '.pre-commit-config.yaml',
      `repos:\n  - repo: ${clone}\n    rev: ${rev}\n    hooks:\n      - id: schemagate\n`,
    );
    repo.write('schemas/orders.avsc', record('Order', [{ name: 'id', type: 'string' }])).commit('v1');
    // npm's cache outside the temp repository (its HOME), so that `git add -A` never sees it.
    const env: NodeJS.ProcessEnv = {
      ...repo.env(),
      PRE_COMMIT_HOME: join(work, 'home'),
      npm_config_cache: join(work, 'npm'),
    };
    delete env['SCHEMAGATE_BIN'];
    const run = (cmd: string, args: string[]): { code: number; out: string } => {
      const r = spawnSync(cmd, args, { cwd: repo.dir, env, encoding: 'utf8', timeout: 300_000 });
      return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
    };

    const install = run(bin, ['install']);
    assert.equal(install.code, 0, install.out);
    const hooks = run(bin, ['install-hooks']);
    assert.equal(hooks.code, 0, hooks.out);

    repo.write(
      'schemas/orders.avsc',
      record('Order', [
        { name: 'id', type: 'string' },
        { name: 'qty', type: 'int' },
      ]),
    );
    repo.git('add', '-A');
    const refused = run('git', ['commit', '-q', '-m', 'breaking']);
    assert.notEqual(refused.code, 0, refused.out);
    assert.match(refused.out, /schemas\/orders\.avsc:\d+:\d+: READER_FIELD_MISSING_DEFAULT_VALUE/);
    assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '1');

    repo.write(
      'schemas/orders.avsc',
      record('Order', [
        { name: 'id', type: 'string' },
        { name: 'qty', type: 'int', default: 0 },
      ]),
    );
    repo.git('add', '-A');
    const passed = run('git', ['commit', '-q', '-m', 'compatible']);
    assert.equal(passed.code, 0, passed.out);
    assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '2');
  } finally {
    repo.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
});

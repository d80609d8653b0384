import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TempRepo, record } from '../repo/git-fixture.js';
import { CLI_ENTRY, TSX_LOADER, schemagate } from '../repo/run-cli.js';

const ID = { name: 'id', type: 'string' };

/** A wrapper that runs THIS checkout's CLI; the hook finds it through SCHEMAGATE_BIN. */
function wrapper(): { bin: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'schemagate-bin-'));
  const bin = join(dir, 'schemagate');
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" --import "${TSX_LOADER}" "${CLI_ENTRY}" "$@"\n`);
  chmodSync(bin, 0o755);
  return { bin, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function commit(
  repo: TempRepo,
  env: Record<string, string>,
  ...extra: string[]
): { code: number; out: string } {
  const r = spawnSync('git', ['commit', '-q', '-m', 'change', ...extra], {
    cwd: repo.dir,
    env: { ...repo.env(), ...env },
    encoding: 'utf8',
  });
  return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

async function exercise(repo: TempRepo, bin: string): Promise<void> {
  const env = { SCHEMAGATE_BIN: bin };
  // A bad change is refused with the finding and its fix.
  repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'qty', type: 'int' }]));
  repo.git('add', '-A');
  const refused = commit(repo, env);
  assert.notEqual(refused.code, 0, refused.out);
  assert.match(refused.out, /schemas\/orders\.avsc:9:5: READER_FIELD_MISSING_DEFAULT_VALUE/);
  assert.match(refused.out, /fix: /);
  assert.match(refused.out, /commit refused/);
  // Skipped the usual ways: HUSKY=0 …
  const skipped = commit(repo, { ...env, HUSKY: '0' });
  assert.equal(skipped.code, 0, skipped.out);
  // … a good change passes …
  repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'qty', type: 'int', default: 0 }]));
  repo.git('add', '-A');
  const passed = commit(repo, env);
  assert.equal(passed.code, 0, passed.out);
  // … and --no-verify.
  repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'qty', type: 'string', default: '' }]));
  repo.git('add', '-A');
  assert.notEqual(commit(repo, env).code, 0);
  assert.equal(commit(repo, env, '--no-verify').code, 0);
  assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '4');
}

test('init without husky: starter config, .git/hooks/pre-commit, real commits refused and passed', async () => {
  const repo = new TempRepo();
  const w = wrapper();
  try {
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    const r = await schemagate(['init'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /wrote schemagate\.yaml/);
    assert.match(r.stdout, /\.git\/hooks\/pre-commit/);
    assert.ok(existsSync(join(repo.dir, '.git/hooks/pre-commit')));
    await exercise(repo, w.bin);
    const again = await schemagate(['init'], repo.dir);
    assert.match(again.stdout, /exists; left as it is/);
    assert.match(again.stdout, /up to date/);
  } finally {
    w.dispose();
    repo.cleanup();
  }
});

test('init with husky: .husky/pre-commit, run by husky; HUSKY=0 skips', async () => {
  const repo = new TempRepo();
  const w = wrapper();
  try {
    repo.write(
      'package.json',
      JSON.stringify({ name: 'app', private: true, devDependencies: { husky: '^9' } }),
    );
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    const husky = join(dirname(createRequire(import.meta.url).resolve('husky')), 'bin.js');
    const installed = spawnSync(process.execPath, [husky], {
      cwd: repo.dir,
      env: repo.env(),
      encoding: 'utf8',
    });
    assert.equal(installed.status, 0, installed.stderr);
    const r = await schemagate(['init'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\.husky\/pre-commit \(husky\)/);
    assert.ok(!existsSync(join(repo.dir, '.git/hooks/pre-commit')));
    await exercise(repo, w.bin);
  } finally {
    w.dispose();
    repo.cleanup();
  }
});

test('init never overwrites a hook it did not write, nor a config; it honours core.hooksPath', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemagate.yaml', 'root: avro\n');
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho mine\n');
    const r = await schemagate(['init'], repo.dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not written by schemagate/);
    assert.equal(readFileSync(join(repo.dir, '.git/hooks/pre-commit'), 'utf8'), '#!/bin/sh\necho mine\n');
    assert.equal(readFileSync(join(repo.dir, 'schemagate.yaml'), 'utf8'), 'root: avro\n');
    repo.git('config', 'core.hooksPath', 'githooks');
    const custom = await schemagate(['init'], repo.dir);
    assert.equal(custom.code, 0, custom.stderr);
    assert.match(readFileSync(join(repo.dir, 'githooks/pre-commit'), 'utf8'), /schemagate-managed hook/);
  } finally {
    repo.cleanup();
  }
});

test('.pre-commit-hooks.yaml and the lefthook recipe run check --staged', () => {
  const root = new URL('../../', import.meta.url);
  assert.match(
    readFileSync(new URL('.pre-commit-hooks.yaml', root), 'utf8'),
    /entry: schemagate check --staged/,
  );
  assert.match(readFileSync(new URL('hooks/lefthook.yml', root), 'utf8'), /schemagate check --staged/);
});

test('the hook finds schemagate in node_modules/.bin when it is installed as a dependency', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    assert.equal((await schemagate(['init'], repo.dir)).code, 0);
    // What npm links for a dependency: node_modules/.bin/schemagate (here a wrapper running this checkout).
    repo.write(
      'node_modules/.bin/schemagate',
      `#!/bin/sh\nexec "${process.execPath}" --import "${TSX_LOADER}" "${CLI_ENTRY}" "$@"\n`,
    );
    chmodSync(join(repo.dir, 'node_modules/.bin/schemagate'), 0o755);
    repo.write('.gitignore', 'node_modules/\n');
    repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'qty', type: 'int' }]));
    repo.git('add', '-A');
    const refused = commit(repo, {});
    assert.notEqual(refused.code, 0, refused.out);
    assert.match(refused.out, /READER_FIELD_MISSING_DEFAULT_VALUE/);
  } finally {
    repo.cleanup();
  }
});

test('init after `npx husky init`: the check joins the husky hook it did not write, keeping its lines', async () => {
  const repo = new TempRepo();
  const w = wrapper();
  try {
    repo.write(
      'package.json',
      JSON.stringify({ name: 'app', private: true, devDependencies: { husky: '^9' } }),
    );
    repo.write('schemas/orders.avsc', record('Order', [ID])).commit('v1');
    const husky = join(dirname(createRequire(import.meta.url).resolve('husky')), 'bin.js');
    const init = spawnSync(process.execPath, [husky, 'init'], {
      cwd: repo.dir,
      env: repo.env(),
      encoding: 'utf8',
    });
    assert.equal(init.status, 0, init.stderr);
    assert.ok(existsSync(join(repo.dir, '.husky/pre-commit')));
    // The user's own line (husky init writes `npm test`; this one shows that it still runs).
    writeFileSync(join(repo.dir, '.husky/pre-commit'), 'echo user-line-ran\n');
    const r = await schemagate(['init'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /added the schema check to the husky hook \.husky\/pre-commit/);
    assert.equal(r.stderr, '');
    const hook = readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8');
    assert.ok(hook.startsWith('echo user-line-ran\n'), hook);
    assert.match(hook, /check --staged/);
    // Running init again changes nothing.
    const again = await schemagate(['init'], repo.dir);
    assert.match(again.stdout, /up to date/);
    assert.equal(readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8'), hook);
    // The hook refuses a bad commit after the user's line ran, and passes a good one.
    repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'qty', type: 'int' }]));
    repo.git('add', '-A');
    const refused = commit(repo, { SCHEMAGATE_BIN: w.bin });
    assert.notEqual(refused.code, 0, refused.out);
    assert.match(refused.out, /user-line-ran/);
    assert.match(refused.out, /READER_FIELD_MISSING_DEFAULT_VALUE/);
    repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'qty', type: 'int', default: 0 }]));
    repo.git('add', '-A');
    assert.equal(commit(repo, { SCHEMAGATE_BIN: w.bin }).code, 0);
  } finally {
    w.dispose();
    repo.cleanup();
  }
});

test('init warns when husky is declared but not installed in the clone', async () => {
  const repo = new TempRepo();
  try {
    repo.write(
      'package.json',
      JSON.stringify({ name: 'app', private: true, devDependencies: { husky: '^9' } }),
    );
    const r = await schemagate(['init'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\.husky\/pre-commit \(husky\)/);
    assert.match(r.stderr, /warning: husky is not installed in this clone .*`npm install`/);
  } finally {
    repo.cleanup();
  }
});

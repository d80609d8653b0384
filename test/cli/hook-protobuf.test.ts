import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { TempRepo } from '../repo/git-fixture.js';
import { CLI_ENTRY, TSX_LOADER, schemagate } from '../repo/run-cli.js';

const proto = (qty: string): string =>
  `syntax = "proto3";\npackage shop;\n\nmessage Order {\n  string id = 1;\n  ${qty} qty = 2;\n}\n`;

/** `git commit` in the repo, with the hook `init` installed running this checkout's CLI. */
function commit(repo: TempRepo, message: string): { code: number; stderr: string } {
  const r = spawnSync('git', ['commit', '-q', '-m', message], {
    cwd: repo.dir,
    env: { ...repo.env(), SCHEMAGATE_BIN: `${process.execPath} --import ${TSX_LOADER} ${CLI_ENTRY}` },
    encoding: 'utf8',
  });
  return { code: r.status ?? 1, stderr: r.stderr };
}

test('pre-commit hook: a breaking .proto change is refused at its line, a compatible one is committed', async () => {
  const repo = new TempRepo();
  try {
    const init = await schemagate(['init'], repo.dir);
    assert.equal(init.code, 0, init.stderr);
    repo.write('schemas/orders.proto', proto('int32')).git('add', '-A');
    let r = commit(repo, 'v1');
    assert.equal(r.code, 0, r.stderr);

    repo.write('schemas/orders.proto', proto('string')).git('add', '-A');
    r = commit(repo, 'qty as string');
    assert.notEqual(r.code, 0, 'the hook let a breaking change through');
    assert.match(r.stderr, /schemas\/orders\.proto:6:3/);
    assert.match(r.stderr, /FIELD_SCALAR_KIND_CHANGED/);
    assert.match(r.stderr, /commit refused/);
    assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '1');

    repo.write('schemas/orders.proto', proto('int32').replace('}', '  string note = 3;\n}')).git('add', '-A');
    r = commit(repo, 'note');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '2');
  } finally {
    repo.cleanup();
  }
});

test('pull-request check: a breaking .proto commit is annotated at its line for GitHub', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemas/orders.proto', proto('int32')).commit('v1');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('schemas/orders.proto', proto('bytes')).commit('qty as bytes');
    const r = await schemagate(['check', '--against', 'main', '--format', 'github'], repo.dir);
    assert.equal(r.code, 1, `${r.stdout}${r.stderr}`);
    assert.match(
      r.stdout,
      /^::error file=schemas\/orders\.proto,line=6,col=3,title=schemagate FIELD_SCALAR_KIND_CHANGED::.*%0Afix: /m,
    );
  } finally {
    repo.cleanup();
  }
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistryClient } from '../../../src/registry/client/index.js';
import { publish } from '../../../src/registry/publish.js';
import { collectCandidates } from '../../../src/registry/repo-candidates.js';
import { startRegistryServer, type RunningRegistry } from '../../../src/registry/server/index.js';
import { runCli } from '../../support/cli.js';
import { avroRecord, TempRepo } from './repo.js';

// `import --into` a folder that already holds part of the registry: only what it lacks is committed, and
// a repository that is ahead of the registry, or has diverged from it, is refused with the reason.

const dirs: string[] = [];
const servers: RunningRegistry[] = [];
after(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function scratch(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

async function registry(): Promise<{ url: string; client: SchemaRegistryClient }> {
  const server = await startRegistryServer({ port: 0, dataDir: scratch('sg-import-data-') });
  servers.push(server);
  return { url: server.url, client: new SchemaRegistryClient({ url: server.url, retries: 0 }) };
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
};
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV }).trim();
const subjectsLog = (cwd: string): string[] => git(cwd, 'log', '--reverse', '--format=%s').split('\n');
const ordersV = (fields: string[]) =>
  avroRecord(
    'Orders',
    fields.map((name, i) =>
      i === 0 ? { name, type: 'string' } : { name, type: ['null', 'string'], default: null },
    ),
  );

async function runImport(url: string, into: string, extra: string[] = []) {
  return runCli(['import', '--registry', url, '--into', into, ...extra], { cwd: dirname(into) });
}
function dirname(p: string): string {
  return join(p, '..');
}

describe('import into a repository that holds part of the registry', () => {
  let url: string;
  let client: SchemaRegistryClient;
  let into: string;
  before(async () => {
    ({ url, client } = await registry());
    await client.register('orders', { schema: ordersV(['id']) });
    await client.register('payments', { schema: avroRecord('Payment', [{ name: 'id', type: 'string' }]) });
    into = join(scratch('sg-import-into-'), 'repo');
    const first = await runImport(url, into);
    assert.equal(first.code, 0, first.stderr);
  });

  it('a second run with nothing new adds no commit', async () => {
    const before = git(into, 'rev-parse', 'HEAD');
    const r = await runImport(url, into);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      new RegExp(`^Nothing to import from ${url}: .* already holds all 2 version\\(s\\) of 2 subject\\(s\\)`),
    );
    assert.equal(git(into, 'rev-parse', 'HEAD'), before);
  });

  it('a new registry version becomes one new commit; the earlier ones are not committed again', async () => {
    await client.register('orders', { schema: ordersV(['id', 'note']) });
    const count = subjectsLog(into).length;
    const r = await runCli(['import', '--registry', url, '--into', into, '--format', 'json'], { cwd: into });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as {
      versions: { subject: string; version: number }[];
      alreadyHeld: number;
    };
    assert.deepEqual(
      report.versions.map((v) => [v.subject, v.version]),
      [['orders', 2]],
    );
    assert.equal(report.alreadyHeld, 2);
    assert.deepEqual(subjectsLog(into).slice(count), ['orders: version 2 (id 3) from the registry']);
  });

  it('refuses when the repository is ahead of the registry, and the local commit stays', async () => {
    writeFileSync(join(into, 'schemas', 'orders.avsc'), ordersV(['id', 'note', 'local']));
    git(into, 'commit', '-qam', 'orders: local change, not published yet');
    const head = git(into, 'rev-parse', 'HEAD');
    const r = await runImport(url, into);
    assert.equal(r.code, 2, r.stdout);
    assert.match(
      r.stderr,
      /^schemagate: nothing imported into .*:\n {2}subject 'orders': the repository is ahead of the registry: 1 version\(s\) from schemas\/orders\.avsc \(commit [0-9a-f]{8}\) on are not in the registry \(publish them first, or import into another folder\)\n$/,
    );
    assert.equal(git(into, 'rev-parse', 'HEAD'), head);
    assert.match(readFileSync(join(into, 'schemas', 'orders.avsc'), 'utf8'), /"local"/);
  });

  it('refuses when the repository and the registry have diverged', async () => {
    await client.register('orders', { schema: ordersV(['id', 'note', 'remote']) });
    const head = git(into, 'rev-parse', 'HEAD');
    const r = await runImport(url, into);
    assert.equal(r.code, 2, r.stdout);
    assert.match(
      r.stderr,
      /subject 'orders': the repository and the registry have diverged: schemas\/orders\.avsc \(commit [0-9a-f]{8}\) is not the registry's version 3 \(id \d+\)/,
    );
    assert.equal(git(into, 'rev-parse', 'HEAD'), head);
  });

  it('refuses to overwrite uncommitted changes in a file it would write', async () => {
    git(into, 'reset', '-q', '--hard', 'HEAD~1'); // drop the local commit: the registry is ahead again
    writeFileSync(join(into, 'schemas', 'orders.avsc'), 'work in progress\n');
    const r = await runImport(url, into);
    assert.equal(r.code, 2, r.stdout);
    assert.match(
      r.stderr,
      /uncommitted changes in files import would write \(commit or stash them first\):\n {2}schemas\/orders\.avsc/,
    );
    assert.equal(readFileSync(join(into, 'schemas', 'orders.avsc'), 'utf8'), 'work in progress\n');
    git(into, 'checkout', '--', 'schemas/orders.avsc');
    const ok = await runImport(url, into);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Imported 1 version\(s\) .*\(3 version\(s\) were there already\)/);
  });
});

describe('import into the repository that published to the registry', () => {
  it('recognises its own history (formatting and key order aside) and adds only the new version', async () => {
    const { url, client } = await registry();
    const repo = new TempRepo('sg-import-published-');
    dirs.push(repo.dir);
    // Key order, layout and a spelled-out primitive unlike the registry's text: the same schema all the same
    // (the registry's lookup decides where the JSON differs).
    const v1 =
      '{"fields": [{"type": {"type": "string"}, "name": "id"}],\n "name": "Customer", "type": "record"}\n';
    repo.commit('customer v1', {
      'schemagate.yaml': 'root: schemas\n# keep this comment\n',
      'schemas/customer.avsc': v1,
    });
    assert.equal((await publish(client, (await collectCandidates(repo.dir)).candidates)).report.ok, true);
    const nothing = await runCli(['import', '--registry', url, '--into', repo.dir], { cwd: repo.dir });
    assert.equal(nothing.code, 0, nothing.stderr);
    assert.match(nothing.stdout, /^Nothing to import/);
    const v2 = {
      type: 'record',
      name: 'Customer',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'n', type: 'int', default: 0 },
      ],
    };
    await client.register('customer', { schema: JSON.stringify(v2) });
    await client.register('team/extra', { schema: avroRecord('Extra', [{ name: 'id', type: 'string' }]) });
    const r = await runCli(['import', '--registry', url, '--into', repo.dir], { cwd: repo.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(subjectsLog(repo.dir).slice(1), [
      `schemagate: subject rules for 1 subject(s) imported from ${url}`,
      'customer: version 2 (id 2) from the registry',
      'team/extra: version 1 (id 3) from the registry',
    ]);
    const config = readFileSync(join(repo.dir, 'schemagate.yaml'), 'utf8');
    assert.match(config, /# keep this comment/);
    assert.match(config, /subject: team\/extra/);
    const status = await runCli(['status', '--registry', url], { cwd: repo.dir });
    assert.equal(status.code, 0, status.stdout + status.stderr);
  });
});

describe('subjects that are not safe file names', () => {
  it('get percent-encoded file names inside the schema folder, reversible, and check/status read them back', async () => {
    const { url, client } = await registry();
    // `.` and `..` also reach the registry as subjects: fetch would resolve `/subjects/../versions` away.
    const odd = [
      '..',
      '.',
      '../../escape',
      'team/orders:value',
      'CON',
      'a%2Fb',
      'Orders',
      'orders',
      ' x. ',
      'q?*{a,b}',
    ];
    for (const [i, subject] of odd.entries()) {
      await client.register(subject, { schema: avroRecord(`R${i}`, [{ name: 'id', type: 'string' }]) });
    }
    const parent = scratch('sg-import-odd-');
    const into = join(parent, 'repo');
    const r = await runCli(['import', '--registry', url, '--into', into, '--format', 'json'], {
      cwd: parent,
    });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { versions: { subject: string; file: string }[] };
    assert.deepEqual(readdirSync(parent), ['repo'], 'nothing written next to the target folder');
    const files = Object.fromEntries(report.versions.map((v) => [v.subject, v.file]));
    assert.deepEqual(files, {
      '..': 'schemas/%2E%2E.avsc',
      '.': 'schemas/%2E.avsc',
      '../../escape': 'schemas/%2E.%2F..%2Fescape.avsc',
      'team/orders:value': 'schemas/team%2Forders%3Avalue.avsc',
      CON: 'schemas/%43ON.avsc',
      'a%2Fb': 'schemas/a%252Fb.avsc',
      Orders: 'schemas/Orders.avsc',
      orders: 'schemas/orders~2.avsc',
      ' x. ': 'schemas/ x.%20.avsc',
      'q?*{a,b}': 'schemas/q%3F%2A%7Ba,b%7D.avsc',
    });
    assert.deepEqual(
      readdirSync(join(into, 'schemas')).sort(),
      Object.values(files)
        .map((f) => basename(f))
        .sort(),
    );
    for (const [subject, file] of Object.entries(files)) {
      if (subject !== 'orders') assert.equal(decodeURIComponent(basename(file, '.avsc')), subject);
    }
    const status = await runCli(['status', '--registry', url], { cwd: into });
    assert.equal(status.code, 0, status.stdout + status.stderr);
    const again = await runCli(['import', '--registry', url, '--into', into], { cwd: parent });
    assert.match(again.stdout, /^Nothing to import/, again.stdout + again.stderr);
  });

  it('--root must stay inside the import folder', async () => {
    const { url } = await registry();
    const parent = scratch('sg-import-root-');
    const r = await runCli(
      ['import', '--registry', url, '--into', join(parent, 'repo'), '--root', '../outside'],
      { cwd: parent },
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--root must be a folder inside the import folder, not '\.\.\/outside'/);
    assert.deepEqual(readdirSync(parent), []);
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistryClient } from '../../../src/registry/client/index.js';
import { publish } from '../../../src/registry/publish.js';
import { collectCandidates } from '../../../src/registry/repo-candidates.js';
import { startRegistryServer, type RunningRegistry } from '../../../src/registry/server/index.js';
import { readSubjects } from '../../../src/repo/index.js';
import type { StatusReport } from '../../../src/registry/status.js';
import { runCli } from '../../support/cli.js';
import { avroRecord, TempRepo } from './repo.js';

let server: RunningRegistry;
let dataDir: string;
let repo: TempRepo;
let client: SchemaRegistryClient;
let scratch: string;

const address = avroRecord('Address', [{ name: 'city', type: 'string' }]);
const customer = (extra: { name: string; type: unknown; default?: unknown }[] = []) =>
  avroRecord('Customer', [
    { name: 'id', type: 'string' },
    { name: 'home', type: 'com.example.Address' },
    ...extra,
  ]);

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-status-data-'));
  scratch = mkdtempSync(join(tmpdir(), 'sg-import-'));
  server = await startRegistryServer({ port: 0, dataDir });
  client = new SchemaRegistryClient({ url: server.url, retries: 0 });
  repo = new TempRepo();
  repo.commit('schemas', {
    'schemagate.yaml':
      'root: schemas\nsubjects:\n  - match: "schemas/address.avsc"\n    compatibility: FULL\n',
    'schemas/address.avsc': address,
    'schemas/customer.avsc': customer(),
  });
  repo.commit('customer v2', {
    'schemas/customer.avsc': customer([{ name: 'email', type: ['null', 'string'], default: null }]),
  });
  // The registry gets both customer versions, as merges would have published them.
  await publish(client, (await collectCandidates(repo.dir, { head: 'HEAD~1' })).candidates);
  const out = await publish(client, (await collectCandidates(repo.dir)).candidates);
  assert.equal(out.report.ok, true);
});
after(async () => {
  await server.close();
  for (const d of [dataDir, scratch]) rmSync(d, { recursive: true, force: true });
  repo.remove();
});

async function status(cwd: string): Promise<{ code: number; report: StatusReport; text: string }> {
  const json = await runCli(['status', '--registry', server.url, '--format', 'json'], { cwd });
  const text = await runCli(['status', '--registry', server.url], { cwd });
  return { code: json.code, report: JSON.parse(json.stdout) as StatusReport, text: text.stdout };
}

describe('schemagate status', () => {
  it('in sync after publishing: exit 0', async () => {
    const { code, report, text } = await status(repo.dir);
    assert.equal(code, 0, text);
    assert.equal(report.inSync, true);
    assert.deepEqual(
      report.subjects.map((s) => [s.subject, s.kinds, s.registry?.version]),
      [
        ['address', ['in-sync'], 1],
        ['customer', ['in-sync'], 2],
      ],
    );
    assert.match(text, /in sync \(2 subject\(s\)\)/);
  });

  it('names each drift: one side only, latest differs, level differs; exit 1', async () => {
    await client.register('orphan', { schema: avroRecord('Orphan', [{ name: 'x', type: 'int' }]) });
    await client.setConfig('NONE', 'address');
    repo.commit('drift', {
      'schemas/customer.avsc': customer([
        { name: 'email', type: ['null', 'string'], default: null },
        { name: 'phone', type: ['null', 'string'], default: null },
      ]),
      'schemas/invoice.avsc': avroRecord('Invoice', [{ name: 'id', type: 'string' }]),
    });
    const { code, report, text } = await status(repo.dir);
    assert.equal(code, 1);
    assert.equal(report.inSync, false);
    const kinds = Object.fromEntries(report.subjects.map((s) => [s.subject, s.kinds]));
    assert.deepEqual(kinds, {
      address: ['level-differs'],
      customer: ['latest-differs'],
      invoice: ['only-in-repo'],
      orphan: ['only-in-registry'],
    });
    assert.match(text, /level\s+address\s+level NONE in the registry, FULL in the configuration/);
    assert.match(text, /4 of 4 subject\(s\) drift/);
    await client.setConfig('FULL', 'address');
  });
});

describe('schemagate import', () => {
  it('turns every version into one commit in registry order, so check and status see the same history', async () => {
    const into = join(scratch, 'adopted');
    const r = await runCli(['import', '--registry', server.url, '--into', into], { cwd: scratch });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Imported 4 version\(s\) of 3 subject\(s\)/);
    const log = execFileSync('git', ['log', '--reverse', '--format=%s'], { cwd: into, encoding: 'utf8' })
      .trim()
      .split('\n');
    assert.deepEqual(log, [
      `schemagate: import configuration from ${server.url}`,
      'address: version 1 (id 1) from the registry',
      'customer: version 1 (id 2) from the registry',
      'customer: version 2 (id 3) from the registry',
      'orphan: version 1 (id 4) from the registry',
    ]);
    assert.match(
      readFileSync(join(into, 'schemagate.yaml'), 'utf8'),
      /match: "schemas\/address\.avsc"\n\s+compatibility: FULL/,
    );
    assert.ok(existsSync(join(into, 'schemas', 'orphan.avsc')));

    const { subjects } = await readSubjects({ cwd: into, ref: 'HEAD' });
    assert.deepEqual(
      subjects.map((s) => [s.subject, s.versions.length]),
      [
        ['address', 1],
        ['customer', 2],
        ['orphan', 1],
      ],
    );
    const check = await runCli(['check', '--all'], { cwd: into });
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const { code, text } = await status(into);
    assert.equal(code, 0, text);
  });

  it('gives subjects that are not file names a file and a subject rule, and keeps their levels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-import-odd-data-'));
    const odd = await startRegistryServer({ port: 0, dataDir: dir });
    try {
      const c = new SchemaRegistryClient({ url: odd.url });
      await c.register('team/orders:value', {
        schema: avroRecord('Order', [{ name: 'id', type: 'string' }]),
      });
      await c.setConfig('NONE', 'team/orders:value');
      const into = join(scratch, 'odd');
      const r = await runCli(['import', '--registry', odd.url, '--into', into, '--format', 'json'], {
        cwd: scratch,
      });
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout) as { versions: { subject: string; file: string }[] };
      assert.deepEqual(
        report.versions.map((v) => [v.subject, v.file]),
        [['team/orders:value', 'schemas/team%2Forders%3Avalue.avsc']],
      );
      const config = readFileSync(join(into, 'schemagate.yaml'), 'utf8');
      assert.match(
        config,
        /match: "schemas\/team%2Forders%3Avalue\.avsc"\n\s+subject: "team\/orders:value"\n\s+compatibility: NONE/,
      );
      const s = await runCli(['status', '--registry', odd.url], { cwd: into });
      assert.equal(s.code, 0, s.stdout);
    } finally {
      await odd.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs a registry: exit 2 with a clear message', async () => {
    const r = await runCli(['import', '--into', join(scratch, 'x')], {
      cwd: scratch,
      env: { SCHEMA_REGISTRY_URL: '' },
    });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no registry: pass --registry/);
  });
});

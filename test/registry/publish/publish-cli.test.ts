import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistryClient } from '../../../src/registry/client/index.js';
import { startRegistryServer, type RunningRegistry } from '../../../src/registry/server/index.js';
import { main } from '../../../src/cli/main.js';
import { runCli } from '../../support/cli.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { avroRecord, TempRepo } from './repo.js';

interface JsonReport {
  ok: boolean;
  results: { subject: string; action: string; id: number | null; version: number | null; messages: string[]; levelSet?: string }[];
}

let server: RunningRegistry;
let proxy: FaultProxy;
let dataDir: string;
let repo: TempRepo;
let direct: SchemaRegistryClient;

const address = avroRecord('Address', [{ name: 'city', type: 'string' }]);
const customer = (extra: { name: string; type: unknown; default?: unknown }[] = []) =>
  avroRecord('Customer', [{ name: 'id', type: 'string' }, { name: 'home', type: 'com.example.Address' }, ...extra]);

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-publish-data-'));
  server = await startRegistryServer({ port: 0, dataDir });
  proxy = await startFaultProxy(server.url);
  direct = new SchemaRegistryClient({ url: server.url, retries: 0 });
  repo = new TempRepo();
  repo.commit('schemas', {
    'schemagate.yaml': 'root: schemas\ncompatibility: BACKWARD\nregistry:\n  url: ${TEST_REGISTRY_URL}\nsubjects:\n  - match: "schemas/address.avsc"\n    compatibility: FULL\n',
    'schemas/address.avsc': address,
    'schemas/customer.avsc': customer(),
  });
});
after(async () => {
  await proxy.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  repo.remove();
});

async function publishCli(...args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await runCli(['publish', ...args, '--format', 'json'], { cwd: repo.dir, env: { TEST_REGISTRY_URL: proxy.url } });
  let report: JsonReport;
  try {
    report = JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, report, stderr: r.stderr };
}

describe('schemagate publish', () => {
  it('publishes every subject, references first, with the configured levels, to the URL from schemagate.yaml', async () => {
    const { code, report } = await publishCli('--all');
    assert.equal(code, 0);
    assert.equal(report.ok, true);
    assert.deepEqual(
      report.results.map((r) => [r.subject, r.action, r.version]),
      [
        ['address', 'registered', 1],
        ['customer', 'registered', 1],
      ],
    );
    assert.equal(report.results[0]?.levelSet, 'FULL');
    assert.deepEqual(await direct.getConfig('address'), { compatibilityLevel: 'FULL' });
    assert.equal(await direct.getConfig('customer'), undefined, 'the global level already matches: nothing set');
    const latest = await direct.getLatest('customer');
    assert.equal(latest.id, report.results[1]?.id);
    assert.deepEqual(latest.references, [{ name: 'com.example.Address', subject: 'address', version: 1 }]);
  });

  it('a second run with nothing new reads only', async () => {
    const writesBefore = proxy.writes().length;
    const { code, report } = await publishCli('--all');
    assert.equal(code, 0);
    assert.deepEqual(report.results.map((r) => r.action), ['unchanged', 'unchanged']);
    assert.equal(proxy.writes().length, writesBefore);
  });

  it('--since publishes only what changed in the range; --dry-run writes nothing', async () => {
    repo.commit('customer: optional email', { 'schemas/customer.avsc': customer([{ name: 'email', type: ['null', 'string'], default: null }]) });
    const writesBefore = proxy.writes().length;
    const dry = await runCli(['publish', '--since', 'HEAD~1', '--dry-run'], { cwd: repo.dir, env: { TEST_REGISTRY_URL: proxy.url } });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /dry run: nothing is written/);
    assert.match(dry.stdout, /register\s+customer/);
    assert.equal(proxy.writes().length, writesBefore, 'dry run wrote nothing');

    const { code, report } = await publishCli('--since', 'HEAD~1');
    assert.equal(code, 0);
    assert.deepEqual(report.results.map((r) => [r.subject, r.action, r.version]), [['customer', 'registered', 2]]);
  });

  it('a change the registry refuses is reported incompatible with its messages, exit 1', async () => {
    repo.commit('customer: required phone (breaking)', {
      'schemas/customer.avsc': customer([
        { name: 'email', type: ['null', 'string'], default: null },
        { name: 'phone', type: 'string' },
      ]),
    });
    const dry = await runCli(['publish', '--since', 'HEAD~1..HEAD', '--dry-run'], { cwd: repo.dir, env: { TEST_REGISTRY_URL: proxy.url } });
    assert.equal(dry.code, 1, 'a plan the registry would refuse is not ok');
    assert.match(dry.stdout, /refused\s+customer\s+the registry would refuse it as incompatible/);
    assert.match(dry.stdout, /phone/);

    const { code, report } = await publishCli('--since', 'HEAD~1');
    assert.equal(code, 1);
    assert.equal(report.ok, false);
    assert.equal(report.results[0]?.action, 'incompatible');
    assert.ok((report.results[0]?.messages.join('\n') ?? '').includes('phone'), JSON.stringify(report.results[0]?.messages));
    assert.deepEqual(await direct.listVersions('customer'), [1, 2]);
  });

  it('text output names each subject with id and version', async () => {
    const r = await runCli(['publish', '--all', '--registry', proxy.url], { cwd: repo.dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /unchanged\s+address\s+id \d+, version 1/);
    assert.match(r.stdout, /incompatible\s+customer/);
    assert.match(r.stdout, /2 subject\(s\): 0 registered, 1 unchanged, 1 incompatible, 0 failed/);
  });

  it('draws a progress bar on stderr only when stdout is a terminal', async () => {
    const run = async (isTTY: boolean) => {
      let stdout = '';
      let stderr = '';
      const code = await main(['publish', '--all', '--registry', proxy.url], {
        cwd: repo.dir,
        env: {},
        isTTY,
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
      });
      return { code, stdout, stderr };
    };
    const tty = await run(true);
    assert.match(tty.stderr, /\r\[#+\s*\] 2\/2 customer/);
    assert.match(tty.stdout, /unchanged\s+address/);
    const pipe = await run(false);
    assert.equal(pipe.stderr, '');
  });

  it('usage errors exit 2 with one clear message', async () => {
    const none = await runCli(['publish'], { cwd: repo.dir });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /give either --since <ref>.* or --all/);
    const unreachable = await runCli(['publish', '--all', '--registry', 'http://127.0.0.1:1'], { cwd: repo.dir });
    assert.equal(unreachable.code, 2);
    assert.match(unreachable.stderr, /registry unreachable/);
    assert.doesNotMatch(unreachable.stderr, /\n\s+at /, 'no stack trace');
  });
});

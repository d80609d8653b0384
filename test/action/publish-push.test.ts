// Publishing on a push to the base branch, as GitHub runs the Action: the bundled dist/index.js, a
// depth-1 checkout of the pushed commit, the push event's before..after, and the local registry over
// HTTP behind a proxy that demands Basic auth (so the credentials must be sent, and must never leak).
// Under Node 20 and Node 24.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startRegistryServer, type RunningRegistry } from '../../src/registry/server/index.js';
import { pushEvent, runAction, runtimes, TempRepo, type ActionRun } from './harness.js';

const USER_INFO = 'publisher:Pa55-w0rd-9z8y7x';
const PASSWORD = 'Pa55-w0rd-9z8y7x';
const BASIC = Buffer.from(USER_INFO).toString('base64');

function avro(name: string, fields: Array<Record<string, unknown>>): string {
  return `${JSON.stringify({ type: 'record', name, namespace: 'acme', fields }, null, 2)}\n`;
}

/** A reverse proxy that answers 401 like a secured registry unless the Basic credentials are right. */
async function authProxy(target: string): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.headers.authorization !== `Basic ${BASIC}`) {
      res.writeHead(401, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
      res.end(JSON.stringify({ error_code: 401, message: 'Unauthorized' }));
      return;
    }
    const upstream = request(
      `${target}${req.url ?? '/'}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function assertNoSecret(run: ActionRun): void {
  for (const secret of [USER_INFO, PASSWORD, BASIC]) {
    assert.ok(run.masked.includes(secret), `asked the runner to mask ${secret}`);
    assert.ok(!run.unmaskedLog.includes(secret), 'secret in the log');
    assert.ok(!run.summary.includes(secret), 'secret in the summary');
    for (const v of Object.values(run.outputs)) assert.ok(!v.includes(secret), 'secret in an output');
    assert.ok(!(run.reportText ?? '').includes(secret), 'secret in the report');
  }
}

for (const runtime of runtimes()) {
  describe(`publish on push under ${runtime.name}`, () => {
    let origin: TempRepo;
    let registry: RunningRegistry;
    let proxy: Awaited<ReturnType<typeof authProxy>>;
    let dataDir: string;
    const cleanup: TempRepo[] = [];
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'schemagate-action-registry-'));
      registry = await startRegistryServer({ port: 0, dataDir });
      proxy = await authProxy(registry.url);
      origin = TempRepo.init();
      cleanup.push(origin);
    });
    after(async () => {
      await proxy.close();
      await registry.close();
      rmSync(dataDir, { recursive: true, force: true });
      cleanup.forEach((r) => r.remove());
    });

    async function publishPush(
      beforeSha: string,
      afterSha: string,
      inputs: Record<string, string> = {},
    ): Promise<ActionRun> {
      const ws = origin.checkout(
        afterSha === origin.git('rev-parse', 'main') ? 'refs/heads/main' : afterSha,
        1,
      );
      cleanup.push(ws);
      return runAction({
        runtime,
        workspace: ws.dir,
        eventName: 'push',
        event: pushEvent({ ref: 'refs/heads/main', before: beforeSha, after: afterSha }),
        inputs: { 'registry-url': proxy.url, 'registry-user-info': USER_INFO, ...inputs },
      });
    }

    it('publishes the subjects changed in before..after, then nothing on a rerun, and refuses a break', async () => {
      // 1. The branch is created: every subject is published.
      const c1 = origin.commit('first schemas', {
        'schemas/orders-value.avsc': avro('Order', [{ name: 'id', type: 'string' }]),
        'schemas/customers-value.avsc': avro('Customer', [{ name: 'id', type: 'string' }]),
      });
      const r1 = await publishPush('0'.repeat(40), c1);
      assert.equal(r1.code, 0, r1.log);
      assert.equal(r1.outputs.ok, 'true');
      const p1 = JSON.parse(r1.outputs.published ?? '') as Array<{
        subject: string;
        id: number;
        version: number;
      }>;
      assert.deepEqual(p1.map((p) => [p.subject, p.version]).sort(), [
        ['customers-value', 1],
        ['orders-value', 1],
      ]);
      assert.ok(p1.every((p) => Number.isInteger(p.id) && p.id > 0));
      assert.match(r1.summary, /schemagate publish: 2 registered/);
      assert.match(r1.summary, /every subject/);
      assertNoSecret(r1);

      // 2. A merge that changes one subject and adds one: only those two, with the ids the registry gave.
      const c2 = origin.commit('orders v2, payments', {
        'schemas/orders-value.avsc': avro('Order', [
          { name: 'id', type: 'string' },
          { name: 'total', type: 'double', default: 0 },
        ]),
        'schemas/payments-value.avsc': avro('Payment', [{ name: 'id', type: 'string' }]),
      });
      const r2 = await publishPush(c1, c2);
      assert.equal(r2.code, 0, r2.log);
      assert.match(
        r2.log,
        /the clone is shallow.*fetching it from origin/,
        'the depth-1 checkout got the history of before',
      );
      const p2 = JSON.parse(r2.outputs.published ?? '') as Array<{
        subject: string;
        id: number;
        version: number;
      }>;
      assert.deepEqual(p2.map((p) => [p.subject, p.version]).sort(), [
        ['orders-value', 2],
        ['payments-value', 1],
      ]);
      const live = (await (await fetch(`${registry.url}/subjects/orders-value/versions/latest`)).json()) as {
        id: number;
        version: number;
      };
      assert.deepEqual(
        { id: live.id, version: live.version },
        { id: p2.find((p) => p.subject === 'orders-value')?.id, version: 2 },
      );
      assert.match(r2.summary, new RegExp(`Range: ${c1.slice(0, 7)}\\.\\.${c2.slice(0, 7)}`));
      assert.match(r2.summary, /\| `payments-value` \| 🆕 registered \| \d+ \| 1 \|/);
      assert.doesNotMatch(r2.summary, /customers-value/);
      const report = JSON.parse(r2.reportText ?? '') as { ok: boolean; results: unknown[] };
      assert.equal(report.ok, true);
      assert.equal(report.results.length, 2);
      assertNoSecret(r2);

      // 3. The same push again (a re-run): nothing new, nothing written.
      const writesBefore = proxy.seen.filter(
        (s) => s.startsWith('POST /subjects/') && s.includes('/versions'),
      ).length;
      const r3 = await publishPush(c1, c2);
      assert.equal(r3.code, 0, r3.log);
      assert.equal(r3.outputs.published, '[]');
      assert.match(r3.summary, /0 registered, 2 unchanged/);
      assert.equal(
        proxy.seen.filter((s) => s.startsWith('POST /subjects/') && s.includes('/versions')).length,
        writesBefore,
      );

      // A manual run (workflow_dispatch, mode publish) syncs every subject: all three are there already.
      const ws = origin.checkout('refs/heads/main', 0);
      cleanup.push(ws);
      const manual = await runAction({
        runtime,
        workspace: ws.dir,
        eventName: 'workflow_dispatch',
        event: { ref: 'refs/heads/main', inputs: {} },
        inputs: { mode: 'publish', 'registry-url': proxy.url, 'registry-user-info': USER_INFO },
      });
      assert.equal(manual.code, 0, manual.log);
      assert.equal(manual.outputs.published, '[]');
      assert.match(manual.summary, /0 registered, 3 unchanged, 0 failed[\s\S]*Range: every subject/);

      // 4. A change the registry refuses (it reached main anyway, say with checks skipped): the step fails and says why.
      const c3 = origin.commit('orders breaks', {
        'schemas/orders-value.avsc': avro('Order', [
          { name: 'id', type: 'string' },
          { name: 'total', type: 'double', default: 0 },
          { name: 'email', type: 'string' },
        ]),
      });
      const r4 = await publishPush(c2, c3);
      assert.equal(r4.code, 1, r4.log);
      assert.equal(r4.outputs.ok, 'false');
      assert.equal(r4.outputs.findings, '1');
      assert.equal(r4.outputs.published, '[]');
      assert.match(r4.summary, /\| `orders-value` \| ❌ incompatible \|/);
      assert.ok(
        r4.annotations.some((a) => a.level === 'error' && /orders-value: incompatible/.test(a.message)),
      );
      assertNoSecret(r4);
    });

    it('wrong credentials: the step fails with the registry’s answer, and still leaks nothing', async () => {
      const head = origin.git('rev-parse', 'main');
      const run = await publishPush('0'.repeat(40), head, {
        'registry-user-info': `publisher:wrong-${PASSWORD}`,
      });
      assert.equal(run.code, 1);
      assert.match(run.annotations.map((a) => a.message).join('\n'), /401|Unauthorized/i);
      for (const secret of [`publisher:wrong-${PASSWORD}`, `wrong-${PASSWORD}`]) {
        assert.ok(!run.unmaskedLog.includes(secret));
        assert.ok(!run.summary.includes(secret));
      }
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectCandidates } from '../../../src/registry/repo-candidates.js';
import { orderByReferences } from '../../../src/registry/plan/order.js';
import { runCli } from '../../support/cli.js';
import { TempRepo } from './repo.js';

const MONEY = 'syntax = "proto3";\npackage common;\n\nmessage Money {\n  int64 cents = 1;\n}\n';
const ORDER =
  'syntax = "proto3";\npackage shop;\n\nimport "common/money.proto";\nimport "google/protobuf/timestamp.proto";\n\nmessage Order {\n  string id = 1;\n  common.Money total = 2;\n  google.protobuf.Timestamp at = 3;\n}\n';

let repo: TempRepo;
before(() => {
  repo = new TempRepo();
  repo.commit('schemas', {
    'schemagate.yaml': 'root: schemas\ncompatibility: BACKWARD\nregistry:\n  url: ${TEST_REGISTRY_URL}\n',
    'schemas/orders.proto': ORDER,
    'schemas/common/money.proto': MONEY,
  });
});
after(() => repo.remove());

describe('publish: Protobuf subjects', () => {
  it("become PROTOBUF candidates whose imports are references to the imported files' subjects, those first", async () => {
    const { candidates } = await collectCandidates(repo.dir);
    const orders = candidates.find((c) => c.subject === 'orders');
    assert.ok(orders);
    assert.equal(orders.schemaType, 'PROTOBUF');
    assert.equal(orders.schema, ORDER);
    // google/protobuf/timestamp.proto is built in: no reference for it.
    assert.deepEqual(orders.references, [{ name: 'common/money.proto', subject: 'money' }]);
    assert.equal(candidates.find((c) => c.subject === 'money')?.schemaType, 'PROTOBUF');
    const ordered = orderByReferences([...candidates].sort((a, b) => b.subject.localeCompare(a.subject)));
    assert.ok(ordered.ok);
    assert.deepEqual(
      ordered.order.map((c) => c.subject),
      ['money', 'orders'],
    );
  });

  // STAND-IN: the real `registry serve` does not accept PROTOBUF yet (another helper is adding it in
  // parallel). Until it does, this test runs the real CLI against a recording node:http stand-in that
  // answers only the calls publish makes and checks the requests it sends. After the merge, switch it to
  // startRegistryServer (see publish-cli.test.ts) and read the subjects back from the server.
  it('publish --all sends PROTOBUF registrations, the imported subject first, the import as a versioned reference', async () => {
    const registry = await startRecordingRegistry();
    try {
      const r = await runCli(['publish', '--all', '--format', 'json'], {
        cwd: repo.dir,
        env: { TEST_REGISTRY_URL: registry.url },
      });
      assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
      const report = JSON.parse(r.stdout) as { results: Array<{ subject: string; action: string }> };
      assert.deepEqual(
        report.results.map((x) => [x.subject, x.action]),
        [
          ['money', 'registered'],
          ['orders', 'registered'],
        ],
      );
      const registrations = registry.requests.filter(
        (q) => q.method === 'POST' && q.path.endsWith('/versions'),
      );
      assert.deepEqual(
        registrations.map((q) => [q.path, q.body]),
        [
          ['/subjects/money/versions', { schema: MONEY, schemaType: 'PROTOBUF' }],
          [
            '/subjects/orders/versions',
            {
              schema: ORDER,
              schemaType: 'PROTOBUF',
              references: [{ name: 'common/money.proto', subject: 'money', version: 1 }],
            },
          ],
        ],
      );
    } finally {
      await registry.close();
    }
  });
});

interface Recorded {
  method: string;
  path: string;
  body: unknown;
}

/**
 * A registry stand-in (see above): keeps registered schemas in memory and answers the config, lookup,
 * register and latest-version calls the way the registry does, recording every request.
 */
async function startRecordingRegistry(): Promise<{
  url: string;
  requests: Recorded[];
  close: () => Promise<void>;
}> {
  const requests: Recorded[] = [];
  const subjects = new Map<string, Array<{ id: number; body: { schema: string } }>>();
  let nextId = 1;
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (d: string) => (text += d));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      requests.push({ method: req.method ?? '', path, body });
      const send = (status: number, value: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
        res.end(JSON.stringify(value));
      };
      const m = /^\/subjects\/([^/]+)(\/versions(?:\/latest)?)?$/.exec(path);
      const subject = m === null ? '' : decodeURIComponent(m[1]!);
      const versions = subjects.get(subject) ?? [];
      if (req.method === 'GET' && path === '/config') return send(200, { compatibilityLevel: 'BACKWARD' });
      if (req.method === 'GET' && path.startsWith('/config/'))
        return send(404, {
          error_code: 40408,
          message: `Subject '${subject}' does not have subject-level compatibility configured`,
        });
      if (req.method === 'PUT' && path.startsWith('/config/')) return send(200, body);
      if (m !== null && req.method === 'POST' && m[2] === undefined) {
        const schema = (body as { schema: string }).schema;
        const i = versions.findIndex((v) => v.body.schema === schema);
        if (i < 0)
          return send(404, { error_code: versions.length === 0 ? 40401 : 40403, message: 'not found' });
        return send(200, { subject, id: versions[i]!.id, version: i + 1, schema });
      }
      if (m !== null && req.method === 'POST' && m[2] === '/versions') {
        const entry = { id: nextId++, body: body as { schema: string } };
        subjects.set(subject, [...versions, entry]);
        return send(200, { id: entry.id });
      }
      if (m !== null && req.method === 'GET' && m[2] === '/versions/latest') {
        const last = versions.at(-1);
        if (last === undefined)
          return send(404, { error_code: 40401, message: `Subject '${subject}' not found.` });
        return send(200, { subject, id: last.id, version: versions.length, ...last.body });
      }
      send(404, { error_code: 404, message: `stand-in does not answer ${req.method ?? ''} ${path}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

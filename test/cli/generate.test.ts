import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TempRepo } from '../repo/git-fixture.js';
import { CLI_ENTRY, TSX_LOADER, schemagate } from '../repo/run-cli.js';
import { startRegistryServer } from '../../src/registry/server/index.js';

const DECLARE = fileURLToPath(new URL('../../src/formats/zod/declare.ts', import.meta.url));
const ZOD_DIR = dirname(createRequire(import.meta.url).resolve('zod/package.json'));

const CONFIG = `root: schemas
naming: topic
subjects:
  - match: "schemas/shared/*.avsc"
    subject: "shop.{name}"
generate:
  - models/events.ts
`;

/** A model module as a user writes it (TypeScript-only syntax included), importing zod from node_modules. */
function models(extraField = ''): string {
  return `import { z } from 'zod';
import { defineBase, defineMessage } from ${JSON.stringify(DECLARE)};

enum Channel { WEB = 'WEB', STORE = 'STORE' }

export const Envelope: z.ZodObject = z.object({ id: z.uuid().describe('Event id.'), at: z.date() });
export const EnvelopeBase = defineBase({ model: Envelope, name: 'Envelope', namespace: 'shop', doc: 'Every event.' });

export const OrderPlaced = defineMessage({
  topic: 'orders',
  name: 'OrderPlaced',
  namespace: 'shop.orders',
  doc: 'An order was placed.',
  model: z.object({
    envelope: Envelope,
    order_id: z.string().describe('The order.'),
    channel: z.nativeEnum(Channel).meta({ id: 'Channel', avro: { default: 'WEB' } }),
    lines: z.array(z.object({ sku: z.string(), qty: z.number().int() }).meta({ id: 'Line' })),${extraField}
  }),
});

export const OrderKey = defineMessage({
  topic: 'orders',
  key: true,
  name: 'OrderKey',
  namespace: 'shop.orders',
  model: z.object({ order_id: z.string() }),
});
`;
}

function repoWithModels(): TempRepo {
  const repo = new TempRepo();
  repo
    .write('schemagate.yaml', CONFIG)
    .write('models/events.ts', models())
    .write('.gitignore', 'node_modules\n');
  symlinkSync(ZOD_DIR, join(repo.dir, 'node_modules-zod'), 'dir');
  repo.move('node_modules-zod', 'node_modules/zod');
  return repo;
}

test('generate writes one file per declaration in the project layout, and check accepts them', async () => {
  const repo = repoWithModels();
  try {
    const r = await schemagate(['generate'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /3 written, 0 unchanged/);
    assert.equal(
      readFileSync(join(repo.dir, 'schemas/orders/value.avsc'), 'utf8'),
      `{
  "type": "record",
  "name": "OrderPlaced",
  "namespace": "shop.orders",
  "doc": "An order was placed.",
  "fields": [
    { "name": "envelope", "type": "shop.Envelope" },
    { "name": "order_id", "type": "string", "doc": "The order." },
    {
      "name": "channel",
      "type": {
        "type": "enum",
        "name": "Channel",
        "symbols": ["WEB", "STORE"],
        "default": "WEB"
      }
    },
    {
      "name": "lines",
      "type": {
        "type": "array",
        "items": {
          "type": "record",
          "name": "Line",
          "fields": [
            { "name": "sku", "type": "string" },
            { "name": "qty", "type": "int" }
          ]
        }
      }
    }
  ]
}
`,
    );
    assert.match(
      readFileSync(join(repo.dir, 'schemas/shared/Envelope.avsc'), 'utf8'),
      /"logicalType": "uuid"/,
    );
    assert.ok(existsSync(join(repo.dir, 'schemas/orders/key.avsc')));
    // No temporary file is left beside the module.
    assert.deepEqual(readdirSync(join(repo.dir, 'models')), ['events.ts']);
    // The generated files are schemas like any other: the validator reads them, the base by reference.
    repo.commit('generated');
    const check = await schemagate(['check', '--all'], repo.dir);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    // Unchanged models: nothing written, check passes.
    const again = await schemagate(['generate'], repo.dir);
    assert.match(again.stdout, /0 written, 3 unchanged/);
    const ok = await schemagate(['generate', '--check'], repo.dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /3 generated schema files up to date/);
  } finally {
    repo.cleanup();
  }
});

test('generate --check exits 1 naming the stale files and writes nothing; generate makes a one-field diff', async () => {
  const repo = repoWithModels();
  try {
    assert.equal((await schemagate(['generate'], repo.dir)).code, 0);
    repo.commit('generated');
    repo.write('models/events.ts', models("\n    note: z.string().optional().describe('A note.'),"));
    const stale = await schemagate(['generate', '--check'], repo.dir);
    assert.equal(stale.code, 1);
    assert.equal(
      stale.stdout,
      '1 schema file is stale (run `schemagate generate`):\n  schemas/orders/value.avsc\n',
    );
    assert.equal(repo.git('status', '--porcelain', 'schemas'), '');
    const r = await schemagate(['generate'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^wrote schemas\/orders\/value\.avsc$/m);
    const diff = repo.git('diff', '--unified=0', '--', 'schemas').split('\n');
    assert.deepEqual(
      diff.filter((l) => /^[-+](?![-+])/.test(l)),
      [
        '-    }',
        '+    },',
        `+    { "name": "note", "type": ["null", "string"], "default": null, "doc": "A note." }`,
      ],
    );
    // The added optional field is a compatible change for the validator.
    repo.commit('note');
    const check = await schemagate(['check', '--all'], repo.dir);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  } finally {
    repo.cleanup();
  }
});

test('generate loads a JavaScript module too', async () => {
  const repo = repoWithModels();
  try {
    repo.write('schemagate.yaml', CONFIG.replace('models/events.ts', 'models/audit.mjs'));
    repo.write(
      'models/audit.mjs',
      `import { z } from 'zod';
import { defineMessage } from ${JSON.stringify(DECLARE)};
export const Audit = defineMessage({ topic: 'audit', name: 'Audit', model: z.object({ who: z.string() }) });
`,
    );
    const r = await schemagate(['generate'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(repo.dir, 'schemas/audit/value.avsc'), 'utf8'), /"name": "Audit"/);
  } finally {
    repo.cleanup();
  }
});

const BROKEN: Array<{ row: string; files: Record<string, string>; says: RegExp }> = [
  {
    row: 'a module that does not compile',
    files: { 'models/events.ts': 'export const x = ;\n' },
    says: /^schemagate: models\/events\.ts: cannot be compiled: .*events\.ts:1:/,
  },
  {
    row: 'a module without declarations',
    files: { 'models/events.ts': '' },
    says: /^schemagate: models\/events\.ts: exports no declaration/,
  },
  {
    row: 'a missing module',
    files: { 'schemagate.yaml': CONFIG.replace('models/events.ts', 'models/gone.ts') },
    says: /^schemagate: models\/gone\.ts: no such file \(listed under 'generate:' in schemagate\.yaml\)$/m,
  },
  {
    row: 'a module that throws',
    files: { 'models/events.ts': "throw new Error('boom');\n" },
    says: /^schemagate: models\/events\.ts: failed to load: boom$/m,
  },
  {
    row: 'an unmappable field',
    files: {
      'models/events.ts': `import { z } from 'zod';
import { defineMessage } from ${JSON.stringify(DECLARE)};
export const M = defineMessage({ topic: 't', name: 'M', namespace: 'n', model: z.object({ a: z.object({ b: z.tuple([z.string()]) }) }) });
`,
    },
    says: /^schemagate: model n\.M, field a\.b: tuples have no Avro type/,
  },
  {
    row: 'a bad generate entry',
    files: { 'schemagate.yaml': 'generate: models/events.ts\n' },
    says: /^schemagate: schemagate\.yaml:1:\d+: 'generate' must be a list/,
  },
  {
    row: 'a subject the naming does not give',
    files: {
      'models/events.ts': `import { z } from 'zod';
import { defineMessage } from ${JSON.stringify(DECLARE)};
export const M = defineMessage({ topic: 't', subject: 'custom', file: 'other/value.avsc', name: 'M', model: z.object({ a: z.string() }) });
`,
    },
    says: /M is declared for subject custom, but schemagate\.yaml names its file schemas\/other\/value\.avsc subject other-value: set the declaration's 'file' or add a subjects rule$/m,
  },
];

for (const b of BROKEN) {
  test(`generate: ${b.row} is one message, exit 2, no stack`, async () => {
    const repo = repoWithModels();
    try {
      for (const [path, text] of Object.entries(b.files)) repo.write(path, text);
      for (const args of [['generate'], ['generate', '--check']]) {
        const r = await schemagate(args, repo.dir);
        assert.equal(r.code, 2, r.stdout + r.stderr);
        assert.match(r.stderr, b.says);
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      }
      assert.ok(!existsSync(join(repo.dir, 'schemas')));
    } finally {
      repo.cleanup();
    }
  });
}

test('generate with no generate: entries says there is nothing to generate', async () => {
  const repo = new TempRepo();
  try {
    repo.write('schemagate.yaml', 'root: schemas\n');
    const r = await schemagate(['generate', '--check'], repo.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nothing to generate: schemagate\.yaml lists no model modules under 'generate:'/);
  } finally {
    repo.cleanup();
  }
});

test("this repository's schemas/ are generated from examples/code-first/events.ts and up to date", async () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const r = await schemagate(['generate', '--check'], root);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '4 generated schema files up to date\n');
  assert.equal(r.stderr, '');
});

test('the hook init installs refuses a commit whose generated schemas are stale', async () => {
  const repo = repoWithModels();
  const binDir = mkdtempSync(join(tmpdir(), 'schemagate-bin-'));
  const bin = join(binDir, 'schemagate');
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" --import "${TSX_LOADER}" "${CLI_ENTRY}" "$@"\n`);
  chmodSync(bin, 0o755);
  const commit = () => {
    repo.git('add', '-A');
    const r = spawnSync('git', ['commit', '-q', '-m', 'change'], {
      cwd: repo.dir,
      env: { ...repo.env(), SCHEMAGATE_BIN: bin },
      encoding: 'utf8',
    });
    return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
  };
  try {
    assert.equal((await schemagate(['init'], repo.dir)).code, 0);
    assert.equal((await schemagate(['generate'], repo.dir)).code, 0);
    const first = commit();
    assert.equal(first.code, 0, first.out);
    repo.write('models/events.ts', models('\n    note: z.string().optional(),'));
    const refused = commit();
    assert.equal(refused.code, 1, refused.out);
    assert.match(
      refused.out,
      /1 schema file is stale \(run `schemagate generate`\):\n {2}schemas\/orders\/value\.avsc/,
    );
    assert.match(refused.out, /commit refused; run `schemagate generate`/);
    assert.equal((await schemagate(['generate'], repo.dir)).code, 0);
    const passed = commit();
    assert.equal(passed.code, 0, passed.out);
  } finally {
    repo.cleanup();
    rmSync(binDir, { recursive: true, force: true });
  }
});

test('docs/code-first.md: the declaration example generates and passes check', async () => {
  const doc = readFileSync(new URL('../../docs/code-first.md', import.meta.url), 'utf8');
  const example = /### Declaring a message\n\n```ts\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(example !== undefined);
  const repo = repoWithModels();
  try {
    repo.write('models/events.ts', example.replace("from 'schemagate'", `from ${JSON.stringify(DECLARE)}`));
    const r = await schemagate(['generate'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /wrote schemas\/shared\/EventBase\.avsc\nwrote schemas\/task\.execution\.events\/value\.avsc\n/,
    );
    repo.commit('generated');
    const check = await schemagate(['check', '--all'], repo.dir);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  } finally {
    repo.cleanup();
  }
});

test('generate writes JSON Schema files: $id and title from the declaration, a base as a $ref to its file', async () => {
  const repo = repoWithModels();
  try {
    repo.write('schemagate.yaml', CONFIG.replace('shared/*.avsc', 'shared/*.json'));
    repo.write(
      'models/events.ts',
      `import { z } from 'zod';
import { defineBase, defineMessage } from ${JSON.stringify(DECLARE)};
const Envelope = z.object({ id: z.uuid() });
export const Base = defineBase({ model: Envelope, name: 'Envelope', format: 'json', id: 'https://shop.example/envelope.json' });
export const Order = defineMessage({ topic: 'orders', name: 'Order', namespace: 'shop', doc: 'An order.', format: 'json',
  model: z.object({ envelope: Envelope, total: z.number() }) });
`,
    );
    const r = await schemagate(['generate'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    const order = JSON.parse(readFileSync(join(repo.dir, 'schemas/orders/value.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.equal(order.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(order.$id, 'shop.Order');
    assert.equal(order.title, 'Order');
    assert.equal(order.description, 'An order.');
    assert.deepEqual((order.properties as Record<string, unknown>).envelope, {
      $ref: 'https://shop.example/envelope.json',
    });
    const base = JSON.parse(readFileSync(join(repo.dir, 'schemas/shared/Envelope.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.equal(base.$id, 'https://shop.example/envelope.json');
    repo.commit('generated');
    const check = await schemagate(['check', '--all'], repo.dir);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.equal((await schemagate(['generate', '--check'], repo.dir)).code, 0);
  } finally {
    repo.cleanup();
  }
});

test('publish registers a generated base before the messages that refer to it', async () => {
  const repo = repoWithModels();
  const dataDir = mkdtempSync(join(tmpdir(), 'schemagate-data-'));
  const server = await startRegistryServer({ port: 0, dataDir });
  try {
    assert.equal((await schemagate(['generate'], repo.dir)).code, 0);
    repo.commit('generated');
    const r = await schemagate(['publish', '--all', '--registry', server.url, '--format', 'json'], repo.dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const report = JSON.parse(r.stdout) as { results: Array<{ subject: string; action: string }> };
    const order = report.results.map((x) => x.subject);
    assert.ok(order.indexOf('shop.Envelope') < order.indexOf('orders-value'), order.join(', '));
    const stored = (await (await fetch(`${server.url}/subjects/orders-value/versions/1`)).json()) as {
      references?: Array<{ name: string; subject: string; version: number }>;
    };
    assert.deepEqual(stored.references, [{ name: 'shop.Envelope', subject: 'shop.Envelope', version: 1 }]);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    repo.cleanup();
  }
});

test('generate prints a warning for each narrowing it drops, naming the model and field, and still writes', async () => {
  const repo = repoWithModels();
  try {
    repo.write(
      'models/events.ts',
      `import { z } from 'zod';
import { defineMessage } from ${JSON.stringify(DECLARE)};
export const M = defineMessage({ topic: 't', name: 'M', namespace: 'n', model: z.object({ code: z.string().min(3) }) });
`,
    );
    const r = await schemagate(['generate'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stderr,
      "schemagate: warning: model n.M, field code: check 'min_length' dropped: Avro cannot express it\n",
    );
    assert.ok(existsSync(join(repo.dir, 'schemas/t/value.avsc')));
  } finally {
    repo.cleanup();
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { schemagate } from '../repo/run-cli.js';
import { typesRepo } from './fixture.js';

const golden = fileURLToPath(new URL('./golden/', import.meta.url));
const MODULES = ['base.ts', 'orders/value.ts', 'users.ts'];

test('types: one module per schema matches the golden files; a second run rewrites nothing', async () => {
  const repo = typesRepo();
  try {
    const r = await schemagate(['types', '--out', 'gen'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trimEnd().split('\n').at(-1), 'schemagate types: 3 written, 0 unchanged');
    for (const m of MODULES) {
      const actual = readFileSync(join(repo.dir, 'gen', m), 'utf8');
      const file = join(golden, `${m}.golden`);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, actual);
      }
      assert.equal(
        actual,
        readFileSync(file, 'utf8'),
        `gen/${m} differs from test/types/golden/${m}.golden (UPDATE_GOLDEN=1 rewrites it)`,
      );
    }
    const again = await schemagate(['types', '--out', 'gen'], repo.dir);
    assert.equal(again.stdout, 'schemagate types: 0 written, 3 unchanged\n');
  } finally {
    repo.cleanup();
  }
});

test('types: the generated modules compile with tsc --strict, accept the data and refuse what the schema refuses', async () => {
  const repo = typesRepo();
  try {
    assert.equal((await schemagate(['types', '--out', 'gen'], repo.dir)).code, 0);
    // Every @ts-expect-error must meet an error, so this file fails to compile if a type is too loose.
    writeFileSync(
      join(repo.dir, 'gen', 'use.ts'),
      `import type { OrderPlaced, Status, Line } from './orders/value.js';
import type { Base } from './base.js';
import type { User, Address } from './users.js';

const base: Base = { id: 'a', at: 1 };
const line: Line = { sku: 's', qty: 1, price: 2.5 };
export const order: OrderPlaced = {
  base, status: 'PAID', lines: [line], gift: null, note: 'hi',
  attrs: { a: null, b: 2 }, hash: new Uint8Array(16), raw: new Uint8Array(0), flag: true,
};
export const withGift: OrderPlaced = { ...order, gift: line, note: null };
// @ts-expect-error: not a symbol of the enum
export const lost: Status = 'LOST';
// @ts-expect-error: every Avro field is present in decoded data
export const partial: OrderPlaced = { base, status: 'NEW' };
// @ts-expect-error: bytes are not strings
export const rawString: OrderPlaced = { ...order, raw: 'x' };
const address: Address = { city: 'Oslo' };
export const user: User = { name: 'Ada', role: 'admin', address, 'x-legacy': null, tags: ['a'] };
// @ts-expect-error: role is required
export const noRole: User = { name: 'Ada' };
// @ts-expect-error: role is an enum
export const badRole: User = { name: 'Ada', role: 'root' };
`,
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    assert.ok(existsSync(tsc));
    writeFileSync(
      join(repo.dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: [],
        },
        files: ['gen/use.ts'],
      }),
    );
    const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  } finally {
    repo.cleanup();
  }
});

test('types: --out is required; a broken schema is exit 2 naming it and writes nothing', async () => {
  const repo = typesRepo();
  try {
    const none = await schemagate(['types'], repo.dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--out <dir> is needed/);
    repo.write('schemas/broken.avsc', '{"type": "record", "name": "Broken"}\n');
    const broken = await schemagate(['types', '--out', 'gen'], repo.dir);
    assert.equal(broken.code, 2);
    assert.match(
      broken.stderr,
      /^schemagate: schemas\/broken\.avsc:\d+:\d+: .*no types are written from a broken schema/,
    );
  } finally {
    repo.cleanup();
  }
});

/** The zod package the project depends on, linked into a temp repo so its generated modules resolve it. */
function linkZod(dir: string): void {
  let zodDir: string;
  try {
    zodDir = dirname(createRequire(import.meta.url).resolve('zod/package.json'));
  } catch {
    assert.fail('zod is not installed: it is a dependency of schemagate (package.json), run npm install');
  }
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(zodDir, join(dir, 'node_modules', 'zod'));
}

test('types --zod: validators beside the types match the golden files, compile against the types, and check data', async () => {
  const repo = typesRepo();
  try {
    const r = await schemagate(['types', '--out', 'gen', '--zod'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    for (const m of MODULES) {
      const actual = readFileSync(join(repo.dir, 'gen', m), 'utf8');
      const file = join(golden, 'zod', `${m}.golden`);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, actual);
      }
      assert.equal(
        actual,
        readFileSync(file, 'utf8'),
        `gen/${m} differs from test/types/golden/zod/${m}.golden (UPDATE_GOLDEN=1 rewrites it)`,
      );
    }
    linkZod(repo.dir);
    writeFileSync(
      join(repo.dir, 'gen', 'use.ts'),
      `import { OrderPlacedSchema, type OrderPlaced } from './orders/value.js';
import { UserSchema } from './users.js';

const order: OrderPlaced = {
  base: { id: 'a', at: 1 }, status: 'PAID', lines: [{ sku: 's', qty: 1, price: 2.5 }], gift: null, note: 'hi',
  attrs: { a: null, b: 2 }, hash: new Uint8Array(16), raw: new Uint8Array(0), flag: true,
};
const results = [
  OrderPlacedSchema.safeParse(order).success,
  OrderPlacedSchema.safeParse({ ...order, status: 'LOST' }).success,
  OrderPlacedSchema.safeParse({ ...order, lines: [{ sku: 's', qty: 1.5, price: 1 }] }).success,
  OrderPlacedSchema.safeParse({ ...order, hash: new Uint8Array(3) }).success,
  UserSchema.safeParse({ name: 'Ada', role: 'admin', address: { city: 'Oslo' } }).success,
  UserSchema.safeParse({ name: 'Ada', role: 'admin', address: {} }).success,
];
const parsed: OrderPlaced = OrderPlacedSchema.parse(order);
console.log(JSON.stringify({ results, status: parsed.status }));
`,
    );
    writeFileSync(
      join(repo.dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: [],
          skipLibCheck: true,
        },
        files: ['gen/use.ts'],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    assert.equal(compiled.status, 0, compiled.stdout + compiled.stderr);
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const ran = spawnSync(process.execPath, ['--import', tsx, 'gen/use.ts'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    assert.equal(ran.status, 0, ran.stderr);
    assert.deepEqual(JSON.parse(ran.stdout), {
      results: [true, false, false, false, true, false],
      status: 'PAID',
    });
  } finally {
    repo.cleanup();
  }
});

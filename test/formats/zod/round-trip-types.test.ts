// Round trip at the type level: for every row of the code-first mapping table, model → schema (`generate`)
// → types (`types`) gives the model's own TypeScript type, or the correspondence docs/code-first.md states
// for the rows that cannot (a Date is read as epoch millis, a bigint as a number, an absent optional as
// null, a literal as its type). tsc decides: the assertions below compile only if they hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TempRepo } from '../../repo/git-fixture.js';
import { schemagate } from '../../repo/run-cli.js';

const DECLARE = fileURLToPath(new URL('../../../src/formats/zod/declare.ts', import.meta.url));
const ZOD_DIR = dirname(createRequire(import.meta.url).resolve('zod/package.json'));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

interface TypeRow {
  row: string;
  /** The field's zod source. */
  field: string;
  /**
   * The generated field type in terms of `MODEL`, the model's output type of the field, when it is not that
   * type itself (the documented correspondence). Such a row also asserts that the model's type is NOT it.
   */
  decoded?: string;
}

const ROWS: TypeRow[] = [
  { row: 'string', field: 'z.string()' },
  { row: 'number → double', field: 'z.number()' },
  { row: '.int() → int', field: 'z.number().int()' },
  { row: 'z.int32() → int', field: 'z.int32()' },
  { row: 'int beyond 32 bits → long', field: 'z.number().int().max(2 ** 40)' },
  { row: 'z.uint32() → long', field: 'z.uint32()' },
  { row: 'int → long by option', field: "z.number().int().meta({ avro: { type: 'long' } })" },
  { row: 'bigint → long (read as number)', field: 'z.bigint()', decoded: 'number' },
  { row: 'z.int64() → long (read as number)', field: 'z.int64()', decoded: 'number' },
  { row: 'z.float32() → float', field: 'z.float32()' },
  { row: 'boolean', field: 'z.boolean()' },
  { row: 'Uint8Array → bytes (any buffer)', field: 'z.instanceof(Uint8Array)', decoded: 'Uint8Array' },
  { row: 'z.date() → timestamp-millis (read as epoch millis)', field: 'z.date()', decoded: 'number' },
  { row: 'z.uuid() → uuid', field: 'z.uuid()' },
  { row: 'z.string().uuid() → uuid', field: 'z.string().uuid()' },
  { row: 'z.enum → enum', field: 'Status' },
  { row: 'native enum → enum (its values)', field: 'z.nativeEnum(Color)', decoded: '`${MODEL}`' },
  { row: 'string literal → string', field: "z.literal('x')", decoded: 'string' },
  { row: 'number literal → int', field: 'z.literal(3)', decoded: 'number' },
  { row: 'z.array', field: 'z.array(z.string())' },
  { row: 'z.record(z.string(), T) → map', field: 'z.record(z.string(), z.number())' },
  { row: 'nested object → named record', field: 'Address' },
  { row: 'nested object without id', field: 'z.object({ n: z.number() })' },
  { row: 'the same model met again', field: 'z.object({ home: Address, work: Address })' },
  { row: 'z.lazy recursion → self-reference', field: 'TreeNodeModel' },
  {
    row: 'optional → ["null", T] (absent is null)',
    field: 'z.string().optional()',
    decoded: 'Exclude<MODEL, undefined> | null',
  },
  { row: 'nullable → ["null", T]', field: 'z.number().int().nullable()' },
  {
    row: 'optional with a default → [T, "null"]',
    field: "z.string().optional().default('x')",
    decoded: 'MODEL | null',
  },
  { row: '.default(v)', field: 'z.number().int().default(5)' },
  { row: 'enum with a field default', field: "Status.default('ACTIVE')" },
  {
    row: 'date with a default (read as epoch millis)',
    field: 'z.date().default(new Date(1000))',
    decoded: 'number',
  },
  {
    row: 'discriminated union → union of records (tags as strings)',
    field:
      "z.discriminatedUnion('kind', [z.object({ kind: z.literal('card'), last4: z.string() }), z.object({ kind: z.literal('cash') })])",
    decoded: 'WidenLiterals<MODEL>',
  },
  { row: 'a shared base (defineBase)', field: 'EnvelopeModel' },
  { row: 'field doc from .describe()', field: "z.string().describe('The name.')" },
];

const MODELS = `import { z } from 'zod';
import { defineBase, defineMessage } from ${JSON.stringify(DECLARE)};

export const Status = z.enum(['UNKNOWN', 'ACTIVE']).meta({ id: 'Status', avro: { default: 'UNKNOWN' } });
export enum Color { RED = 'RED', BLUE = 'BLUE' }
export const Address = z.object({ city: z.string() }).meta({ id: 'Address' });
export interface TreeNode { label: string; children: TreeNode[] }
export const TreeNodeModel: z.ZodType<TreeNode> = z
  .object({ label: z.string(), children: z.array(z.lazy(() => TreeNodeModel)) })
  .meta({ id: 'TreeNode' });
export const EnvelopeModel = z.object({ event_id: z.string(), at: z.string() });
export const Envelope = defineBase({ model: EnvelopeModel, name: 'Envelope', namespace: 'rows' });

${ROWS.map(
  (r, i) =>
    `// ${r.row}\nexport const R${i} = defineMessage({ topic: 'r${i}', name: 'Row${i}', namespace: 'rows', model: z.object({ f: ${r.field} }) });\n`,
).join('')}`;

const CHECKS = `import type { z } from 'zod';
import * as models from '../models/rows.js';

/** Mutual assignability: each type holds every value of the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type WidenLiterals<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends object
      ? { [K in keyof T]: WidenLiterals<T[K]> }
      : T;
type Model<D extends { model: z.ZodType }> = z.output<D['model']> extends { f?: infer F } ? F : never;

${ROWS.map((r, i) => {
  const head = `// ${r.row}\nimport type { Row${i} as G${i} } from '../gen/r${i}/value.js';\n`;
  const m = `Model<typeof models.R${i}>`;
  const expected = (r.decoded ?? 'MODEL').replaceAll('MODEL', m);
  const same = `export const same${i}: Same<${expected}, G${i}['f']> = true;\n`;
  const differs =
    r.decoded === undefined ? '' : `export const differs${i}: Same<${m}, G${i}['f']> = false;\n`;
  return head + same + differs;
}).join('')}`;

test('model → schema → types: every mapping row gives the model type, or its documented correspondence (tsc)', async () => {
  const repo = new TempRepo();
  try {
    repo.write(
      'schemagate.yaml',
      `root: schemas\nnaming: topic\nsubjects:\n  - match: "schemas/shared/*.avsc"\n    subject: "rows.{name}"\ngenerate:\n  - models/rows.ts\n`,
    );
    repo.write('models/rows.ts', MODELS);
    mkdirSync(join(repo.dir, 'node_modules'), { recursive: true });
    symlinkSync(ZOD_DIR, join(repo.dir, 'node_modules', 'zod'));
    const generated = await schemagate(['generate'], repo.dir);
    assert.equal(generated.code, 0, generated.stderr);
    const types = await schemagate(['types', '--out', 'gen'], repo.dir);
    assert.equal(types.code, 0, types.stderr);
    repo.write('check/rows.ts', CHECKS);
    repo.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: [],
          skipLibCheck: true,
          allowImportingTsExtensions: true,
        },
        files: ['check/rows.ts'],
      }),
    );
    const run = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.json'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    if (run.status !== 0 && process.env.DEBUG_ROUND_TRIP === '1') console.log(CHECKS);
    assert.equal(run.status, 0, run.stdout + run.stderr);
  } finally {
    repo.cleanup();
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import avro from 'avsc';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { z } from 'zod';
import { parseAvro } from '../../../src/formats/avro/parse.js';
import { parseJsonSchema } from '../../../src/formats/jsonschema/index.js';
import { defineMessage } from '../../../src/formats/zod/declare.js';
import { declarationToAvro } from '../../../src/formats/zod/to-avro.js';
import { declarationToJsonSchema } from '../../../src/formats/zod/to-json-schema.js';
import { formatAvsc } from '../../../src/formats/zod/write-avsc.js';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

/** avsc's reading of the logical types the mapping writes: Date ↔ timestamp-millis, bigint ↔ long. */
class DateType extends avro.types.LogicalType {
  override _fromValue(v: unknown): Date {
    return new Date(v as number);
  }
  override _toValue(v: unknown): unknown {
    return v instanceof Date ? v.getTime() : v;
  }
  override _resolve(): undefined {
    return undefined;
  }
}
const bigints = avro.types.LongType.__with({
  fromBuffer: (b: Buffer) => b.readBigInt64LE(),
  toBuffer: (n: bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(n);
    return b;
  },
  fromJSON: (n: number) => BigInt(n),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'bigint',
  compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

interface Row {
  row: string;
  field: z.ZodType;
  /** The field's Avro JSON (type, and default when there is one). */
  avro: Record<string, unknown>;
  /** A value the model accepts, for the round trip (after the model's parse). */
  value: unknown;
  /** Whether zod's JSON Schema represents the row (dates, bigints and bytes it does not). */
  json?: boolean;
  /** avsc writes a union of records wrapped: the branch's full name. */
  branch?: string;
}

const Status = z.enum(['UNKNOWN', 'ACTIVE']).meta({ id: 'Status', avro: { default: 'UNKNOWN' } });
enum Color {
  RED = 'RED',
  BLUE = 'BLUE',
}
const Address = z.object({ city: z.string() }).meta({ id: 'Address' });
interface TreeNode {
  label: string;
  children: TreeNode[];
}
const TreeNodeModel: z.ZodType<TreeNode> = z
  .object({ label: z.string(), children: z.array(z.lazy(() => TreeNodeModel)) })
  .meta({ id: 'TreeNode' });

const ROWS: Row[] = [
  { row: 'string', field: z.string(), avro: { type: 'string' }, value: 'a' },
  { row: 'number → double', field: z.number(), avro: { type: 'double' }, value: 1.5 },
  { row: '.int() → int', field: z.number().int(), avro: { type: 'int' }, value: 7 },
  { row: 'z.int32() → int', field: z.int32(), avro: { type: 'int' }, value: -7 },
  {
    row: 'int beyond 32 bits → long',
    field: z
      .number()
      .int()
      .max(2 ** 40),
    avro: { type: 'long' },
    value: 2 ** 40,
  },
  { row: 'z.uint32() → long', field: z.uint32(), avro: { type: 'long' }, value: 2 ** 32 - 1 },
  {
    row: 'int → long by option',
    field: z
      .number()
      .int()
      .meta({ avro: { type: 'long' } }),
    avro: { type: 'long' },
    value: 3,
  },
  { row: 'bigint → long', field: z.bigint(), avro: { type: 'long' }, value: 9007199254740993n, json: false },
  { row: 'bigint z.int64() → long', field: z.int64(), avro: { type: 'long' }, value: -5n, json: false },
  { row: 'z.float32() → float', field: z.float32(), avro: { type: 'float' }, value: 0.5 },
  { row: 'boolean', field: z.boolean(), avro: { type: 'boolean' }, value: true },
  {
    row: 'Uint8Array → bytes',
    field: z.instanceof(Uint8Array),
    avro: { type: 'bytes' },
    value: new Uint8Array([1, 2, 255]),
    json: false,
  },
  {
    row: 'z.date() → timestamp-millis',
    field: z.date(),
    avro: { type: { type: 'long', logicalType: 'timestamp-millis' } },
    value: new Date('2026-01-01T12:00:00Z'),
    json: false,
  },
  {
    row: 'uuid → uuid logical type',
    field: z.uuid(),
    avro: { type: { type: 'string', logicalType: 'uuid' } },
    value: '0b3c1f2e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
  },
  {
    row: 'z.string().uuid() → uuid logical type',
    field: z.string().uuid(),
    avro: { type: { type: 'string', logicalType: 'uuid' } },
    value: '0b3c1f2e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
  },
  {
    row: 'z.enum → enum with default symbol',
    field: Status,
    avro: { type: { type: 'enum', name: 'Status', symbols: ['UNKNOWN', 'ACTIVE'], default: 'UNKNOWN' } },
    value: 'ACTIVE',
  },
  {
    row: 'native enum → enum',
    field: z.nativeEnum(Color),
    avro: { type: { type: 'enum', name: 'F', symbols: ['RED', 'BLUE'] } },
    value: 'BLUE',
  },
  { row: 'string literal → string', field: z.literal('x'), avro: { type: 'string' }, value: 'x' },
  { row: 'number literal → int', field: z.literal(3), avro: { type: 'int' }, value: 3 },
  {
    row: 'z.array',
    field: z.array(z.string()),
    avro: { type: { type: 'array', items: 'string' } },
    value: ['a', 'b'],
  },
  {
    row: 'z.record(z.string(), T) → map',
    field: z.record(z.string(), z.number()),
    avro: { type: { type: 'map', values: 'double' } },
    value: { a: 1 },
  },
  {
    row: 'nested object → named record',
    field: Address,
    avro: { type: { type: 'record', name: 'Address', fields: [{ name: 'city', type: 'string' }] } },
    value: { city: 'Oslo' },
  },
  {
    row: 'nested object without id → record named after the field',
    field: z.object({ n: z.number() }),
    avro: { type: { type: 'record', name: 'F', fields: [{ name: 'n', type: 'double' }] } },
    value: { n: 1 },
  },
  {
    row: 'the same model met again → a reference by name',
    field: z.object({ home: Address, work: Address }),
    avro: {
      type: {
        type: 'record',
        name: 'F',
        fields: [
          {
            name: 'home',
            type: { type: 'record', name: 'Address', fields: [{ name: 'city', type: 'string' }] },
          },
          { name: 'work', type: 'Address' },
        ],
      },
    },
    value: { home: { city: 'Oslo' }, work: { city: 'Bergen' } },
  },
  {
    row: 'z.lazy recursion → named self-reference',
    field: TreeNodeModel,
    avro: {
      type: {
        type: 'record',
        name: 'TreeNode',
        fields: [
          { name: 'label', type: 'string' },
          { name: 'children', type: { type: 'array', items: 'TreeNode' } },
        ],
      },
    },
    value: { label: 'root', children: [{ label: 'leaf', children: [] }] },
  },
  {
    row: 'optional → ["null", T] default null',
    field: z.string().optional(),
    avro: { type: ['null', 'string'], default: null },
    value: undefined,
  },
  {
    row: 'nullable → ["null", T] default null',
    field: z.number().int().nullable(),
    avro: { type: ['null', 'int'], default: null },
    value: 4,
  },
  {
    row: 'optional with a default → [T, "null"] with the default',
    field: z.string().optional().default('x'),
    avro: { type: ['string', 'null'], default: 'x' },
    value: 'y',
  },
  {
    row: '.default(v) → Avro default',
    field: z.number().int().default(5),
    avro: { type: 'int', default: 5 },
    value: 5,
  },
  {
    row: 'enum default (a field default) is a symbol',
    field: Status.default('ACTIVE'),
    avro: {
      type: { type: 'enum', name: 'Status', symbols: ['UNKNOWN', 'ACTIVE'], default: 'UNKNOWN' },
      default: 'ACTIVE',
    },
    value: 'ACTIVE',
  },
  {
    row: 'date default → millis',
    field: z.date().default(new Date(1000)),
    avro: { type: { type: 'long', logicalType: 'timestamp-millis' }, default: 1000 },
    value: new Date(2000),
    json: false,
  },
  {
    row: 'discriminated union → union of records',
    field: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('card'), last4: z.string() }),
      z.object({ kind: z.literal('cash') }),
    ]),
    avro: {
      type: [
        {
          type: 'record',
          name: 'Card',
          fields: [
            { name: 'kind', type: 'string' },
            { name: 'last4', type: 'string' },
          ],
        },
        { type: 'record', name: 'Cash', fields: [{ name: 'kind', type: 'string' }] },
      ],
    },
    value: { kind: 'cash' },
    branch: 'test.rows.Cash',
  },
  {
    row: 'field doc from .describe()',
    field: z.string().describe('The name.'),
    avro: { type: 'string', doc: 'The name.' },
    value: 'n',
  },
  {
    row: 'field doc from .meta({ description })',
    field: z.string().meta({ description: 'The name.' }),
    avro: { type: 'string', doc: 'The name.' },
    value: 'n',
  },
];

function declare(field: z.ZodType) {
  return defineMessage({ topic: 't', name: 'Row', namespace: 'test.rows', model: z.object({ f: field }) });
}

for (const r of ROWS) {
  test(`zod → Avro: ${r.row}`, () => {
    const mapped = declarationToAvro(declare(r.field));
    const schema = mapped.schema as { fields: Array<Record<string, unknown>> };
    assert.deepEqual(schema.fields[0], { name: 'f', ...r.avro });
    // Our parser (the registry's rules) and avsc both accept the generated text.
    const text = formatAvsc(mapped.schema);
    const parsed = parseAvro(text);
    assert.ok(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.issues));
    const type = avro.Type.forSchema(JSON.parse(text) as avro.Schema, {
      logicalTypes: { 'timestamp-millis': DateType },
      ...(r.row.startsWith('bigint') ? { registry: { long: bigints } } : {}),
    });
    // Model value → encode → decode → the same value.
    const value = declare(r.field).model.parse({ f: r.value }).f;
    const datum = r.branch === undefined ? toDatum(value) : { [r.branch]: toDatum(value) };
    const back = type.fromBuffer(type.toBuffer({ f: datum })) as { f: Record<string, unknown> };
    assert.deepEqual(normalize(r.branch === undefined ? back.f : back.f[r.branch]), normalize(value ?? null));
    if (r.json !== false) {
      const json = declarationToJsonSchema(declare(r.field)).schema;
      const parsedJson = parseJsonSchema(`${JSON.stringify(json, null, 2)}\n`);
      assert.ok(parsedJson.ok, JSON.stringify(parsedJson.ok ? [] : parsedJson.issues));
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(json);
      assert.ok(validate(value === undefined ? {} : { f: value }), JSON.stringify(validate.errors));
    }
  });
}

/** What avsc takes for a model value: an absent optional is null, bytes are a Buffer. */
function toDatum(v: unknown): unknown {
  if (v === undefined) return null;
  return v instanceof Uint8Array ? Buffer.from(v) : v;
}

/** avsc decodes records as class instances and bytes as Buffers: compare plain values. */
function normalize(v: unknown): unknown {
  if (v instanceof Uint8Array) return [...v];
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === 'object' && v !== null && !(v instanceof Date))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
  return v;
}

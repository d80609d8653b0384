import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { parseAvro } from '../../../src/formats/avro/parse.js';
import { defineBase, defineMessage } from '../../../src/formats/zod/declare.js';
import { ModelMappingError } from '../../../src/formats/zod/errors.js';
import { declarationToAvro } from '../../../src/formats/zod/to-avro.js';
import { declarationToJsonSchema } from '../../../src/formats/zod/to-json-schema.js';
import { formatAvsc } from '../../../src/formats/zod/write-avsc.js';
import { defOf } from '../../../src/formats/zod/zod-view.js';

const message = (model: z.ZodObject) =>
  defineMessage({ topic: 'orders', name: 'Order', namespace: 'shop', model });

const UNMAPPABLE: Array<{ row: string; field: z.ZodType; path: string; says: RegExp }> = [
  { row: 'tuple', field: z.tuple([z.string(), z.number()]), path: 'f', says: /tuples have no Avro type/ },
  {
    row: 'intersection',
    field: z.intersection(z.object({ a: z.string() }), z.object({ a: z.number() })),
    path: 'f',
    says: /intersections/,
  },
  { row: 'transform', field: z.string().transform((s) => s.length), path: 'f', says: /change the type/ },
  { row: 'function', field: z.function(), path: 'f', says: /functions are not data/ },
  { row: 'any', field: z.any(), path: 'f', says: /any has no schema/ },
  {
    row: 'non-string map keys',
    field: z.record(z.enum(['a']), z.string()),
    path: 'f',
    says: /map keys are strings/,
  },
  { row: 'numeric native enum', field: z.enum({ A: 1, B: 2 }), path: 'f', says: /not an Avro symbol/ },
  {
    row: 'deep field path',
    field: z.object({ items: z.array(z.object({ when: z.tuple([z.date()]) })) }),
    path: 'f.items[].when',
    says: /tuples/,
  },
  {
    row: 'default that is not of the type',
    field: z.number().int().default(1.5),
    path: 'f',
    says: /not a 32-bit integer/,
  },
  {
    row: 'a union with two branches of one Avro type',
    field: z.union([z.string(), z.uuid()]),
    path: 'f',
    says: /both Avro string/,
  },
  {
    row: 'a default computed at run time',
    field: z.string().default(() => Math.random().toString()),
    path: 'f',
    says: /computed at run time/,
  },
  {
    row: 'enum default symbol not among the symbols',
    field: z.enum(['A']).meta({ id: 'E', avro: { default: 'B' } }),
    path: 'f',
    says: /default symbol 'B'/,
  },
];

for (const r of UNMAPPABLE) {
  test(`unmappable: ${r.row} is an error naming the model and the field path`, () => {
    assert.throws(
      () => declarationToAvro(message(z.object({ f: r.field }))),
      (e: unknown) => {
        assert.ok(e instanceof ModelMappingError);
        assert.equal(e.code, 'MODEL_UNMAPPABLE');
        assert.equal(e.model, 'shop.Order');
        assert.equal(e.path, r.path);
        assert.match(e.message, r.says);
        assert.match(
          e.message,
          new RegExp(`^model shop\\.Order, field ${r.path.replace(/[[\].]/g, '\\$&')}: `),
        );
        return true;
      },
    );
  });
}

test('two different models with one name are an error, the same model met twice is one named type', () => {
  const Money = z.object({ amount: z.number() }).meta({ id: 'Money' });
  const ok = declarationToAvro(message(z.object({ price: Money, tax: Money.describe('The tax.') })));
  const fields = (ok.schema as { fields: Array<{ name: string; type: unknown; doc?: string }> }).fields;
  assert.equal((fields[0]!.type as { name: string }).name, 'Money');
  assert.deepEqual(fields[1], { name: 'tax', type: 'Money', doc: 'The tax.' });
  assert.ok(parseAvro(formatAvsc(ok.schema)).ok);
  const Other = z.object({ cents: z.number().int() }).meta({ id: 'Money' });
  assert.throws(
    () => declarationToAvro(message(z.object({ price: Money, other: Other }))),
    /field other: two different models are both named Money/,
  );
});

test('narrowing checks are dropped with a warning naming the field; the schema stays the type', () => {
  const mapped = declarationToAvro(
    message(
      z.object({
        mail: z.email(),
        code: z
          .string()
          .min(3)
          .regex(/^[A-Z]+$/),
        qty: z
          .number()
          .int()
          .positive()
          .refine((n) => n % 2 === 0),
      }),
    ),
  );
  const fields = (mapped.schema as { fields: Array<{ type: unknown }> }).fields;
  assert.deepEqual(
    fields.map((f) => f.type),
    ['string', 'string', 'int'],
  );
  assert.deepEqual(
    mapped.warnings.map((w) => `${w.path}: ${w.message}`),
    [
      "mail: string format 'email' dropped: Avro writes a plain string",
      "code: check 'min_length' dropped: Avro cannot express it",
      "code: string format 'regex' dropped: Avro writes a plain string",
      'qty: refinement dropped: Avro cannot check it',
    ],
  );
});

test('a shared base is a reference by full name, and a reference of the message; its JSON Schema is a $ref', () => {
  const BaseModel = z.object({ id: z.string() });
  const base = defineBase({ model: BaseModel, name: 'Base', namespace: 'shop.shared' });
  const bases = new Map([[defOf(BaseModel), 'shop.shared.Base']]);
  const mapped = declarationToAvro(
    message(z.object({ base: BaseModel.describe('The envelope.'), n: z.number() })),
    bases,
  );
  assert.deepEqual((mapped.schema as { fields: unknown[] }).fields[0], {
    name: 'base',
    type: 'shop.shared.Base',
    doc: 'The envelope.',
  });
  assert.deepEqual(mapped.references, ['shop.shared.Base']);
  const baseText = formatAvsc(declarationToAvro(base, bases).schema);
  const parsed = parseAvro(formatAvsc(mapped.schema), {
    references: [{ name: 'shop.shared.Base', text: baseText }],
  });
  assert.ok(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.issues));

  const json = declarationToJsonSchema(
    defineMessage({
      topic: 'orders',
      name: 'Order',
      namespace: 'shop',
      format: 'json',
      model: z.object({ base: BaseModel }),
    }),
    new Map([[defOf(BaseModel), 'https://example.com/base.json']]),
  );
  assert.equal(json.schema.$id, 'shop.Order');
  assert.equal(json.schema.title, 'Order');
  assert.equal(json.schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual((json.schema.properties as Record<string, unknown>).base, {
    $ref: 'https://example.com/base.json',
  });
  assert.deepEqual(json.references, ['https://example.com/base.json']);
});

test('JSON Schema: a type with .meta({ id }) is shared through $defs; the Avro options stay out', () => {
  const Status = z.enum(['A', 'B']).meta({ id: 'Status', avro: { default: 'A' } });
  const json = declarationToJsonSchema(
    defineMessage({ topic: 't', name: 'M', format: 'json', model: z.object({ a: Status, b: Status }) }),
  ).schema;
  assert.deepEqual((json.properties as Record<string, unknown>).a, { $ref: '#/$defs/Status' });
  assert.deepEqual((json.$defs as Record<string, Record<string, unknown>>).Status, {
    type: 'string',
    enum: ['A', 'B'],
  });
});

test('the .avsc text is deterministic and a one-field change is a one-line diff', () => {
  const v1 = formatAvsc(declarationToAvro(message(z.object({ a: z.string(), b: z.number() }))).schema);
  const again = formatAvsc(declarationToAvro(message(z.object({ a: z.string(), b: z.number() }))).schema);
  assert.equal(v1, again);
  const v2 = formatAvsc(declarationToAvro(message(z.object({ a: z.string(), b: z.number().int() }))).schema);
  const l1 = v1.split('\n');
  const l2 = v2.split('\n');
  assert.equal(l1.length, l2.length);
  assert.deepEqual(
    l1.flatMap((line, i) => (line === l2[i] ? [] : [[line, l2[i]]])),
    [['    { "name": "b", "type": "double" }', '    { "name": "b", "type": "int" }']],
  );
});

test('a message model that is not an object is an error naming the model', () => {
  const decl = defineMessage({ topic: 't', name: 'Key', namespace: 'shop', model: z.string() });
  assert.throws(
    () => declarationToAvro(decl),
    /^ModelMappingError: model shop\.Key: a message model must be z\.object\(\.\.\.\), not string$/,
  );
});

test('two anonymous objects named after one field name clash, and the message says how to name them', () => {
  const model = z.object({
    a: z.object({ meta: z.object({ x: z.string() }) }),
    b: z.object({ meta: z.object({ y: z.string() }) }),
  });
  assert.throws(
    () => declarationToAvro(message(model)),
    /model shop\.Order, field b\.meta: two different models are both named Meta: give one another name with \.meta\(\{ id \}\)/,
  );
});

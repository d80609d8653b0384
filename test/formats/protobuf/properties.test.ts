import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { COMPATIBLE_CHANGES, parseProtobuf, protobufFormat } from '../../../src/formats/protobuf/index.js';

const SCALARS = [
  'int32',
  'int64',
  'uint32',
  'sint64',
  'bool',
  'string',
  'bytes',
  'double',
  'float',
  'fixed32',
  'sfixed64',
];

/** A random valid proto3 file: messages with scalar, enum, message, map and oneof fields. */
const schemaArb = fc
  .record({
    messages: fc.array(
      fc.record({
        fields: fc.array(
          fc.tuple(fc.constantFrom(...SCALARS, 'Color', 'M0', 'map<string, M0>'), fc.boolean()),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        oneof: fc.array(fc.constantFrom(...SCALARS), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    colors: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ messages, colors }) => {
    const body = messages
      .map((m, i) => {
        const fields = m.fields.map(
          ([t, repeated], j) =>
            `  ${repeated && !t.startsWith('map') ? 'repeated ' : ''}${t} f${j} = ${j + 1};`,
        );
        const oneof =
          m.oneof.length === 0
            ? []
            : [`  oneof choice {`, ...m.oneof.map((t, j) => `    ${t} o${j} = ${100 + j};`), '  }'];
        return `message M${i} {\n${[...fields, ...oneof].join('\n')}\n}\n`;
      })
      .join('');
    const values = Array.from({ length: colors }, (_, i) => `  C${i} = ${i};`).join('\n');
    return `syntax = "proto3";\npackage prop;\n\n${body}enum Color {\n${values}\n}\n`;
  });

test('property: any text parses or gives issues with a line and column, never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      const r = parseProtobuf(text);
      if (!r.ok) for (const i of r.issues) assert.ok(i.line >= 1 && i.column >= 1 && i.message.length > 0);
    }),
    { numRuns: 300 },
  );
});

test('property: a valid schema with a character cut out parses or gives issues, never throws', () => {
  fc.assert(
    fc.property(schemaArb, fc.nat(), (text, at) => {
      const cut = at % text.length;
      parseProtobuf(text.slice(0, cut) + text.slice(cut + 1));
    }),
    { numRuns: 200 },
  );
});

test('property: a schema is compatible with itself, and its canonical and normalized texts are the same schema', () => {
  fc.assert(
    fc.property(schemaArb, (text) => {
      const r = parseProtobuf(text);
      assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.issues));
      const s = r.schema;
      assert.deepEqual(protobufFormat.check(s, s, { reader: 'new', writer: 'old' }), []);
      const again = parseProtobuf(protobufFormat.canonical(s));
      assert.ok(again.ok);
      assert.equal(protobufFormat.normalized(again.schema), protobufFormat.normalized(s));
      const fromNormalized = parseProtobuf(protobufFormat.normalized(s));
      assert.ok(fromNormalized.ok);
      assert.equal(protobufFormat.normalized(fromNormalized.schema), protobufFormat.normalized(s));
    }),
    { numRuns: 200 },
  );
});

test('property: between any two schemas, check reports exactly the incompatible differences of diff', () => {
  fc.assert(
    fc.property(schemaArb, schemaArb, (a, b) => {
      const r1 = parseProtobuf(a);
      const r2 = parseProtobuf(b);
      assert.ok(r1.ok && r2.ok);
      const findings = protobufFormat.check(r2.schema, r1.schema, { reader: 'new', writer: 'old' });
      const changes = protobufFormat.diff(r1.schema, r2.schema);
      assert.equal(findings.length, changes.filter((c) => c.breaks.includes('new-reads-old')).length);
      for (const f of findings) assert.ok(!COMPATIBLE_CHANGES.has(f.errorType as never));
    }),
    { numRuns: 200 },
  );
});

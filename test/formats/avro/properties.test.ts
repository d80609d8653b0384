import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkCompatibility } from '../../../src/compat/check.js';
import type { CompatResult } from '../../../src/compat/finding.js';
import { LEVELS } from '../../../src/compat/level.js';
import { avroFormat, normalizedAvro, parsingCanonicalForm } from '../../../src/formats/avro/index.js';
import { avroSchema, type Json } from './generators.js';

test('property: every valid schema is compatible with itself at every level', () => {
  fc.assert(
    fc.property(avroSchema(), (a) => {
      const p = avroFormat.parse(JSON.stringify(a));
      assert.ok(p.ok);
      const again = avroFormat.parse(JSON.stringify(a, null, 2));
      assert.ok(again.ok);
      for (const level of LEVELS) {
        const result: CompatResult = checkCompatibility(
          level,
          p.schema,
          [again.schema, p.schema],
          avroFormat.check,
        );
        assert.deepEqual(result.findings, [], level);
      }
    }),
    { seed: 42, numRuns: 200 },
  );
});

test('property: the canonical string re-parses to itself, and reformatting changes no form', () => {
  fc.assert(
    fc.property(avroSchema(), (a) => {
      const p = avroFormat.parse(JSON.stringify(a));
      assert.ok(p.ok);
      const canonical = avroFormat.canonical(p.schema);
      const q = avroFormat.parse(canonical);
      assert.ok(q.ok);
      assert.equal(avroFormat.canonical(q.schema), canonical);
      const pretty = avroFormat.parse(JSON.stringify(a, null, '\t'));
      assert.ok(pretty.ok);
      assert.equal(avroFormat.normalized(pretty.schema), avroFormat.normalized(p.schema));
      assert.equal(normalizedAvro(pretty.schema), normalizedAvro(p.schema));
      assert.equal(parsingCanonicalForm(q.schema), parsingCanonicalForm(p.schema));
    }),
    { seed: 43, numRuns: 150 },
  );
});

/** Replaces one random spot of a valid schema with a random JSON value: near-valid input finds the corner cases. */
function mutate(value: Json, path: number[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value) && value.length > 0) {
    const i = head % value.length;
    return value.map((v, j) => (j === i ? mutate(v, rest, replacement) : v));
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const k = keys[head % keys.length] as string;
    return { ...value, [k]: mutate((value as Record<string, Json>)[k] as Json, rest, replacement) };
  }
  return replacement;
}

const nearlyValid = fc
  .tuple(
    avroSchema(),
    fc.array(fc.nat(), { maxLength: 6 }),
    fc.oneof(
      fc.jsonValue() as fc.Arbitrary<Json>,
      fc.constantFrom<Json>('int', 'record', 'enum', 'Nx', [], {}, ['null', 'null'], [['int']], -1, 1.5, 'N'),
    ),
  )
  .map(([a, path, r]) => JSON.stringify(mutate(a, path, r)));

test('property: random and nearly valid input never throws; issues carry a rule, pointer and position', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.json(), nearlyValid, nearlyValid), avroSchema(), (text, other) => {
      for (const lenient of [false, true]) {
        const r = avroFormat.parse(text, { lenient });
        if (!r.ok) {
          assert.ok(r.issues.length > 0);
          for (const i of r.issues) {
            assert.match(i.rule, /^(AVRO_[A-Z_]+|INVALID_JSON)$/);
            assert.ok(i.line >= 1 && i.column >= 1 && typeof i.pointer === 'string' && i.message.length > 0);
          }
          continue;
        }
        const o = avroFormat.parse(JSON.stringify(other));
        assert.ok(o.ok);
        avroFormat.canonical(r.schema);
        normalizedAvro(r.schema);
        parsingCanonicalForm(r.schema);
        avroFormat.check(r.schema, o.schema, { reader: 'new', writer: 'old' });
        avroFormat.check(o.schema, r.schema, { reader: 'old', writer: 'new' });
        avroFormat.diff(o.schema, r.schema);
      }
    }),
    { seed: 44, numRuns: 400 },
  );
});

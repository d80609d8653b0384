import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { JsonValue } from '../../../src/formats/json/parse.js';
import { compareSchemaNodes } from '../../../src/formats/jsonschema/index.js';
import { loadSchema } from '../../../src/formats/jsonschema/load.js';
import type { SchemaNode } from '../../../src/formats/jsonschema/model.js';

const name = fc.constantFrom('a', 'b', 'c', 'id', 'x_1', 'n/m');
const types = fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', 'object', 'array');

/** Random schemas built from the keywords the diff knows, with the given `$ref`s. */
const schemaWith = (refs: string[]): fc.Arbitrary<JsonValue> =>
  fc.letrec<{ s: JsonValue }>((tie) => ({
    s: fc.oneof(
      { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
      fc.constantFrom<JsonValue>(true, false, {}, { type: 'string' }, ...refs.map((r) => ({ $ref: r }))),
      fc.record(
        {
          type: fc.oneof(types, fc.uniqueArray(types, { minLength: 1, maxLength: 3 })),
          title: fc.string({ maxLength: 3 }),
          default: fc.jsonValue({ maxDepth: 1 }),
          minLength: fc.nat(5),
          maxLength: fc.nat(9),
          pattern: fc.constantFrom('^a', 'b$', '[0-9]+'),
          minimum: fc.integer({ min: -5, max: 5 }),
          maximum: fc.integer({ min: -5, max: 5 }),
          exclusiveMaximum: fc.integer({ min: -5, max: 5 }),
          multipleOf: fc.constantFrom(1, 2, 3, 0.5, 10),
          enum: fc.uniqueArray(fc.oneof(fc.string({ maxLength: 2 }), fc.integer({ min: 0, max: 3 })), {
            minLength: 1,
            maxLength: 3,
          }),
          const: fc.jsonValue({ maxDepth: 1 }),
          properties: fc.dictionary(name, tie('s'), { maxKeys: 3 }),
          required: fc.uniqueArray(name, { maxLength: 2 }),
          additionalProperties: fc.oneof(fc.boolean(), tie('s')),
          patternProperties: fc.dictionary(fc.constantFrom('^x_', '^n', '[', 'a+'), tie('s'), { maxKeys: 2 }),
          dependencies: fc.dictionary(name, fc.oneof(fc.uniqueArray(name, { maxLength: 2 }), tie('s')), {
            maxKeys: 2,
          }),
          minProperties: fc.nat(3),
          items: fc.oneof(tie('s'), fc.array(tie('s'), { maxLength: 3 })),
          additionalItems: fc.oneof(fc.boolean(), tie('s')),
          minItems: fc.nat(3),
          uniqueItems: fc.boolean(),
          contains: tie('s'),
          allOf: fc.array(tie('s'), { minLength: 1, maxLength: 3 }),
          anyOf: fc.array(tie('s'), { minLength: 1, maxLength: 3 }),
          oneOf: fc.array(tie('s'), { minLength: 1, maxLength: 3 }),
          not: tie('s'),
          ...(refs.length > 0 ? { $ref: fc.constantFrom(...refs) } : {}),
        },
        { requiredKeys: [] },
      ) as fc.Arbitrary<JsonValue>,
    ),
  })).s;

const withDefinition = ({ root, d }: { root: JsonValue; d: JsonValue }): JsonValue =>
  typeof root !== 'object' || root === null || Array.isArray(root) ? root : { ...root, definitions: { d } };
/** Recursive (refs to the root, to a definition that may refer to itself), dangling and foreign refs. */
const RECURSIVE_REFS = ['#', '#/definitions/d', '#/definitions/missing', 'other.json', '#/properties/a'];
const schema = schemaWith(RECURSIVE_REFS);
const document = fc.record({ root: schema, d: schema }).map(withDefinition);
/** Refs into one ref-free definition: shared subschemas without recursion. */
const acyclicDocument = fc
  .record({ root: schemaWith(['#/definitions/d']), d: schemaWith([]) })
  .map(withDefinition);

/** Drops the fingerprints, so that the comparison walks everything instead of skipping equal parts. */
function unfingerprinted(root: SchemaNode): SchemaNode {
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if ('hash' in v) delete (v as { hash?: string }).hash;
    for (const x of v instanceof Map ? v.values() : Object.values(v)) walk(x);
  };
  walk(root);
  return root;
}

test('a schema compared with itself reports no change', () => {
  fc.assert(
    fc.property(document, (doc) => {
      const a = loadSchema(doc).root;
      const b = loadSchema(structuredClone(doc)).root;
      assert.deepEqual(compareSchemaNodes(a, b).changes, []);
    }),
    { numRuns: 200 },
  );
});

test('walked in full (no fingerprints), a schema with shared definitions compared with itself reports no change', () => {
  fc.assert(
    fc.property(acyclicDocument, (doc) => {
      const a = unfingerprinted(loadSchema(doc).root);
      const b = unfingerprinted(loadSchema(structuredClone(doc)).root);
      assert.deepEqual(compareSchemaNodes(a, b).changes, []);
    }),
    { numRuns: 200 },
  );
});

test('a copy with only the root title changed reports exactly TITLE_CHANGED', () => {
  fc.assert(
    fc.property(acyclicDocument, (doc) => {
      // Before 2019-09 a title beside $ref is ignored, like every keyword there.
      fc.pre(typeof doc === 'object' && doc !== null && !Array.isArray(doc) && !('$ref' in doc));
      const copy = { ...(structuredClone(doc) as Record<string, JsonValue>), title: 'changed title' };
      const before = (doc as Record<string, JsonValue>)['title'];
      const expected = before === 'changed title' ? [] : ['TITLE_CHANGED #/'];
      const r = compareSchemaNodes(loadSchema(doc).root, loadSchema(copy).root);
      assert.deepEqual(
        r.changes.map((c) => `${c.type} ${c.path}`),
        expected,
      );
    }),
    { numRuns: 200 },
  );
});

test('random pairs of schemas never crash the diff, in either policy', () => {
  fc.assert(
    fc.property(document, document, (x, y) => {
      const a = loadSchema(x).root;
      const b = loadSchema(y).root;
      for (const policy of ['strict', 'lenient'] as const) {
        const r = compareSchemaNodes(a, b, policy);
        for (const c of r.changes) assert.match(c.path, /^#\//);
        assert.equal(typeof r.compatible, 'boolean');
      }
    }),
    { numRuns: 200 },
  );
});

test('a strict verdict of compatible is also lenient-compatible', () => {
  fc.assert(
    fc.property(document, document, (x, y) => {
      const a = loadSchema(x).root;
      const b = loadSchema(y).root;
      if (compareSchemaNodes(a, b, 'strict').compatible)
        assert.ok(compareSchemaNodes(a, b, 'lenient').compatible);
    }),
    { numRuns: 100 },
  );
});

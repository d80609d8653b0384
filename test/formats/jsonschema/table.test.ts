import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../../src/formats/json/parse.js';
import { CASES, type Reference } from './cases.js';
import {
  CHANGE_TYPES,
  compareSchemaNodes,
  jsonSchemaFormat,
  jsonSchemaFormatWith,
  type JsonSchemaParsed,
} from '../../../src/formats/jsonschema/index.js';

function parse(value: JsonValue, refs: Reference[] | undefined): JsonSchemaParsed {
  const r = jsonSchemaFormat.parse(JSON.stringify(value, null, 2), {
    references: (refs ?? []).map((x) => ({ name: x.name, text: JSON.stringify(x.schema) })),
  });
  if (!r.ok) assert.fail(`schema does not parse: ${JSON.stringify(r.issues)}`);
  return r.schema;
}

test('the table has at least 150 cases, and every change type appears', () => {
  assert.ok(CASES.length >= 150, `only ${CASES.length} cases`);
  const seen = new Set(CASES.flatMap((c) => c.changes.map((x) => x.split(' ')[0])));
  const missing = CHANGE_TYPES.filter((t) => !seen.has(t));
  assert.deepEqual(missing, []);
  assert.ok(CASES.some((c) => c.compatible) && CASES.some((c) => !c.compatible));
});

for (const c of CASES) {
  test(`${c.file}: ${c.description}`, () => {
    const original = parse(c.original, c.originalReferences);
    const update = parse(c.update, c.updateReferences);
    const strict = compareSchemaNodes(original.root, update.root, 'strict');
    const got = strict.changes.map((x) => `${x.type} ${x.path}`);
    assert.deepEqual([...got].sort(), [...c.changes].sort(), `changes: got ${JSON.stringify(got)}`);
    assert.equal(strict.compatible, c.compatible, 'STRICT verdict');
    if (c.compatibleLenient !== undefined)
      assert.equal(
        compareSchemaNodes(original.root, update.root, 'lenient').compatible,
        c.compatibleLenient,
        'LENIENT verdict',
      );
    // The format handler's BACKWARD check (new reads old) reports exactly the disallowed changes.
    const findings = jsonSchemaFormat.check(update, original, { reader: 'new', writer: 'old' });
    assert.equal(findings.length === 0, c.compatible);
    for (const f of findings) {
      assert.ok(
        c.changes.includes(`${f.errorType} ${f.path}`),
        `${f.errorType} ${f.path} is a listed change`,
      );
      assert.ok(f.message.length > 10 && f.fix.length > 5, 'message and fix are sentences');
      assert.ok(
        f.candidatePointer !== undefined && update.doc.positions.has(f.candidatePointer),
        `candidatePointer ${f.candidatePointer} exists in the update`,
      );
    }
    if (c.compatibleLenient !== undefined) {
      const lenient = jsonSchemaFormatWith({ policy: 'lenient' }).check(update, original, {
        reader: 'new',
        writer: 'old',
      });
      assert.equal(lenient.length === 0, c.compatibleLenient);
    }
  });
}

/**
 * The registry's Protobuf rules, one case per behaviour (cases/rules.json, our own schemas): the
 * differences from the old to the new version, in the registry's order (hash-set order for message and
 * enum names, as the registry walks them), and the BACKWARD verdict.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  compareProtobuf,
  COMPATIBLE_CHANGES,
  DIFFERENCE_TYPES,
  parseProtobuf,
  protobufFormat,
  type ProtobufSchema,
} from '../../../src/formats/protobuf/index.js';
import type { SchemaReference } from '../../../src/formats/format.js';

interface RuleCase {
  description: string;
  old: string;
  new: string;
  oldReferences?: SchemaReference[];
  newReferences?: SchemaReference[];
  differences: string[];
  compatible: boolean;
}

const CASES = JSON.parse(readFileSync(new URL('./cases/rules.json', import.meta.url), 'utf8')) as RuleCase[];

function parsed(text: string, references: SchemaReference[] = []): ProtobufSchema {
  const r = parseProtobuf(text, { references, file: 'case.proto' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.schema;
}

describe('Protobuf rules (old → new)', () => {
  for (const c of CASES) {
    test(c.description, () => {
      const result = compareProtobuf(
        { text: c.old, references: c.oldReferences ?? [] },
        { text: c.new, references: c.newReferences ?? [] },
      );
      assert.deepEqual(
        result.differences.map((d) => `${d.type} ${d.path}`),
        c.differences,
      );
      assert.equal(result.compatible, c.compatible);
      // The handler's BACKWARD check (new reads old) reports exactly the incompatible ones.
      const findings = protobufFormat.check(parsed(c.new, c.newReferences), parsed(c.old, c.oldReferences), {
        reader: 'new',
        writer: 'old',
      });
      assert.deepEqual(
        findings.map((f) => `${f.errorType} ${f.path}`),
        c.differences.filter((d) => !COMPATIBLE_CHANGES.has(d.split(' ')[0] as never)),
      );
      for (const f of findings) {
        assert.match(f.message, /\bnew schema\b/);
        assert.ok(f.fix.length > 10, `a fix for ${f.errorType}`);
        assert.equal(f.additionalInfo, `{errorType:"${f.errorType}", description:"${f.message}"}`);
      }
    });
  }

  test('every registry difference type has a case', () => {
    const seen = new Set(CASES.flatMap((c) => c.differences.map((d) => d.split(' ')[0])));
    assert.deepEqual(
      DIFFERENCE_TYPES.filter((t) => !seen.has(t)),
      [],
    );
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCompatibility } from '../../../src/compat/check.js';
import { parseLevel } from '../../../src/compat/level.js';
import { avroFormat } from '../../../src/formats/avro/index.js';
import { avro, LEVEL_CASES, S } from './fixtures.js';

for (const c of LEVEL_CASES) {
  test(`§6.4 ${c.id}: ${c.level} [${c.prev.join(', ')}] ← ${c.next} is ${c.compatible ? 'compatible' : 'incompatible'}`, () => {
    const level = parseLevel(c.level);
    assert.ok(level);
    const result = checkCompatibility(
      level,
      avro(S[c.next]),
      c.prev.map((p) => avro(S[p], true)),
      avroFormat.check,
    );
    assert.equal(result.compatible, c.compatible, JSON.stringify(result.findings));
    const got = result.findings.map((f) => ({
      errorType: f.errorType,
      path: f.path,
      version: f.version,
      direction: f.direction,
      info: f.additionalInfo,
    }));
    assert.deepEqual(got, c.errors ?? []);
  });
}

test('§6.3 worked example: the message names the field, path and labels as the registry does', () => {
  const [f] = checkCompatibility('BACKWARD', avro(S.S3), [avro(S.S1)], avroFormat.check).findings;
  assert.equal(
    f?.message,
    "The field 'f2' at path '/fields/1' in the new schema has no default value and is missing in the old schema",
  );
  assert.equal(f?.fix, "give field 'f2' a default");
  assert.equal(f?.candidatePointer, '/fields/1');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffJsonSchemas } from '../../../src/formats/jsonschema/index.js';

import { REPRESENTATIVE } from './cases.js';

for (const [i, [o, n, changes, strict, lenient]] of REPRESENTATIVE.entries()) {
  test(`§7.3 case ${i + 1}: ${changes.join(', ') || 'no change'}`, () => {
    const r = diffJsonSchemas(o as never, n as never);
    assert.deepEqual(
      r.changes.map((c) => `${c.type} ${c.path}`),
      changes,
    );
    assert.equal(r.compatible, strict);
    assert.equal(
      diffJsonSchemas(o as never, n as never, { policy: 'lenient' }).compatible,
      lenient ?? strict,
    );
  });
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import avsc from 'avsc';
import fc from 'fast-check';
import { avroFormat, canRead, parsingCanonicalForm } from '../../../src/formats/avro/index.js';
import { avroSchema, type Json } from './generators.js';

/** avsc's answer: can `reader` resolve data written with `writer`? */
function avscCanRead(reader: Json, writer: Json): boolean {
  const r = avsc.Type.forSchema(reader as avsc.Schema);
  const w = avsc.Type.forSchema(writer as avsc.Schema);
  try {
    r.createResolver(w, { ignoreNamespaces: true });
    return true;
  } catch {
    return false;
  }
}

test('differential: our verdict equals avsc createResolver on random schema pairs (seeded)', () => {
  let compatible = 0;
  let incompatible = 0;
  fc.assert(
    fc.property(avroSchema(), avroSchema(), (a, b) => {
      const pa = avroFormat.parse(JSON.stringify(a));
      const pb = avroFormat.parse(JSON.stringify(b));
      assert.ok(pa.ok, pa.ok ? '' : JSON.stringify(pa.issues));
      assert.ok(pb.ok, pb.ok ? '' : JSON.stringify(pb.issues));
      for (const [r, w, rs, ws] of [
        [a, b, pa.schema, pb.schema],
        [b, a, pb.schema, pa.schema],
      ] as const) {
        const ours = canRead(rs, ws);
        assert.equal(
          ours,
          avscCanRead(r, w),
          `reader ${JSON.stringify(r)}\nwriter ${JSON.stringify(w)}\nfindings ${JSON.stringify(avroFormat.check(rs, ws, { reader: 'new', writer: 'old' }))}`,
        );
        if (ours) compatible++;
        else incompatible++;
      }
    }),
    { seed: 20261123, numRuns: 400 },
  );
  // Both verdicts must be common, or the comparison proves little.
  assert.ok(compatible > 80, `only ${compatible} compatible pairs`);
  assert.ok(incompatible > 80, `only ${incompatible} incompatible pairs`);
});

test('differential: Parsing Canonical Form equals avsc canonical schema (seeded)', () => {
  fc.assert(
    fc.property(avroSchema(), (a) => {
      const p = avroFormat.parse(JSON.stringify(a));
      assert.ok(p.ok);
      assert.equal(
        parsingCanonicalForm(p.schema),
        JSON.stringify(avsc.Type.forSchema(a as avsc.Schema).schema()),
      );
    }),
    { seed: 7, numRuns: 200 },
  );
});

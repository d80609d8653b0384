import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAvro } from '../../../src/formats/avro/index.js';
import { normalizedAvroKeepingReferences } from '../../../src/formats/avro/normalize-refs.js';

// The string the registry stores for normalize=true. Each expected string was also checked to be a
// fixed point of Apache Avro 1.12 Java's Schema.Parser + toString(), which is how the registry prints
// its normalised schema.
describe('normalizedAvroKeepingReferences: the registry normalize=true string', () => {
  const cases: [string, string, string][] = [
    [
      'properties sorted (a valid logical type first), keys inside values sorted, aliases sorted, empty doc dropped',
      '{"type":"record","name":"r","namespace":"n","fields":[{"name":"a","type":{"type":"string"},"z":1,"y":2},' +
        '{"name":"d","type":{"type":"bytes","scale":2,"precision":4,"logicalType":"decimal","x":"q"}},' +
        '{"name":"t","type":{"type":"long","zz":1,"logicalType":"timestamp-millis"}}],"b":1,"a":{"d":1,"c":2},"aliases":["z","a"],"doc":""}',
      '{"type":"record","name":"r","namespace":"n","fields":[{"name":"a","type":"string","y":2,"z":1},' +
        '{"name":"d","type":{"type":"bytes","logicalType":"decimal","precision":4,"scale":2,"x":"q"}},' +
        '{"name":"t","type":{"type":"long","logicalType":"timestamp-millis","zz":1}}],"a":{"c":2,"d":1},"b":1,"aliases":["a","z"]}',
    ],
    [
      'an error type is written as a record; field aliases sorted; enum doc and default kept',
      '{"type":"error","name":"E","fields":[{"name":"m","type":["null",{"type":"enum","name":"S","symbols":["A","B"],"default":"A","doc":"d"}],"default":null,"aliases":["y","x"]}]}',
      '{"type":"record","name":"E","fields":[{"name":"m","type":["null",{"type":"enum","name":"S","doc":"d","symbols":["A","B"],"default":"A"}],"default":null,"aliases":["x","y"]}]}',
    ],
    [
      'a logical type on the wrong base is a plain property, sorted with the others',
      '{"type":"record","name":"x","fields":[{"name":"f","type":{"type":"string","logicalType":"date","a":1}}]}',
      '{"type":"record","name":"x","fields":[{"name":"f","type":{"type":"string","a":1,"logicalType":"date"}}]}',
    ],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => {
      const parsed = parseAvro(text);
      assert.ok(parsed.ok);
      assert.equal(normalizedAvroKeepingReferences(parsed.schema), expected);
    });
  }

  it('types from references stay names (the schema still uses its references)', () => {
    const sub = '{"type":"record","name":"Sub","namespace":"o","fields":[{"name":"x","type":"int"}]}';
    const parsed = parseAvro(
      '{"type":"record","name":"Outer","fields":[{"name":"s","type":"o.Sub"},{"name":"t","type":["null","o.Sub"]}],"q":1,"p":2}',
      { references: [{ name: 'o.Sub', text: sub }] },
    );
    assert.ok(parsed.ok);
    assert.equal(
      normalizedAvroKeepingReferences(parsed.schema),
      '{"type":"record","name":"Outer","fields":[{"name":"s","type":"o.Sub"},{"name":"t","type":["null","o.Sub"]}],"p":2,"q":1}',
    );
  });
});

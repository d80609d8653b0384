import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAvroWithMemo, hasSharedNode } from '../../../src/formats/avro/compat.js';
import { avroFormat } from '../../../src/formats/avro/index.js';
import { schemaPairs } from './java-generators.js';

// The engine leaves Avro Java's memo of pairs out when neither schema has a node on two paths from its root
// (no pair can be met twice then). That must change no answer: every finding, location and message equal.
test('without a shared node, checking without the memo gives exactly the findings of checking with it', () => {
  let withoutMemo = 0;
  let incompatible = 0;
  for (const { a, b } of schemaPairs(20261205, 1500)) {
    const pa = avroFormat.parse(a);
    const pb = avroFormat.parse(b);
    if (!pa.ok || !pb.ok) continue;
    for (const [r, w] of [
      [pa.schema, pb.schema],
      [pb.schema, pa.schema],
    ] as const) {
      const ctx = { reader: 'new', writer: 'old' } as const;
      const found = avroFormat.check(r, w, ctx);
      assert.deepEqual(found, checkAvroWithMemo(r, w, ctx), `reader ${a}\nwriter ${b}`);
      if (!hasSharedNode(r.root) && !hasSharedNode(w.root)) {
        withoutMemo++;
        if (found.length > 0) incompatible++;
      }
    }
  }
  // Proves little unless many pairs take the memo-free path, compatible and not.
  assert.ok(withoutMemo > 500 && incompatible > 200, JSON.stringify({ withoutMemo, incompatible }));
});

test('a named type used again by name, or a recursion, is a shared node; a tree of inline types is not', () => {
  const root = (text: string) => {
    const r = avroFormat.parse(text);
    assert.ok(r.ok);
    return r.schema.root;
  };
  const money = '{"type":"record","name":"Money","fields":[{"name":"amount","type":"long"}]}';
  assert.equal(
    hasSharedNode(root(`{"type":"record","name":"A","fields":[{"name":"m","type":${money}}]}`)),
    false,
  );
  assert.equal(
    hasSharedNode(
      root(
        `{"type":"record","name":"A","fields":[{"name":"m","type":${money}},{"name":"n","type":"Money"}]}`,
      ),
    ),
    true,
  );
  assert.equal(
    hasSharedNode(root('{"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}')),
    true,
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  frame,
  parseFrame,
  readSchemaId,
  writeHeader,
  PayloadMismatchError,
  UnknownMagicByteError,
} from '../../src/serde/index.js';
import { thrown } from './support.js';

test('frame writes magic 0, the id as big-endian int32, then the payload', () => {
  const cases: Array<[number, string]> = [
    [1, '0000000001'],
    [256, '0000000100'],
    [0x01020304, '0001020304'],
    [2147483647, '007fffffff'],
    [-1, '00ffffffff'],
  ];
  for (const [id, header] of cases) {
    const framed = frame(id, Buffer.from([0xaa, 0xbb]));
    assert.equal(framed.toString('hex'), `${header}aabb`, `id ${id}`);
    assert.equal(readSchemaId(framed), id, `id ${id} read back`);
    const parsed = parseFrame(framed);
    assert.equal(parsed.schemaId, id);
    assert.equal(Buffer.from(parsed.payload).toString('hex'), 'aabb');
  }
});

test('writeHeader fills the first five bytes only', () => {
  const buf = Buffer.alloc(7, 0xee);
  writeHeader(buf, 42);
  assert.equal(buf.toString('hex'), '000000002aeeee');
});

test('readSchemaId accepts a plain Uint8Array', () => {
  assert.equal(readSchemaId(new Uint8Array([0, 0, 0, 1, 0, 9])), 256);
});

test('a magic byte other than 0 is an UnknownMagicByteError carrying topic, partition and offset', () => {
  for (const first of [1, 2, 0x7b, 0xff]) {
    const error = thrown(() =>
      readSchemaId(Buffer.from([first, 0, 0, 0, 1, 2]), { topic: 'orders', partition: 3, offset: '17' }),
    );
    assert.ok(error instanceof UnknownMagicByteError);
    assert.equal(error.reason, 'UNKNOWN_MAGIC_BYTE');
    assert.equal(error.code, 'SERDE_ERROR');
    assert.equal(error.magicByte, first);
    assert.equal(error.topic, 'orders');
    assert.equal(error.partition, 3);
    assert.equal(error.offset, '17');
    assert.match(
      error.message,
      new RegExp(
        `unknown magic byte 0x${first.toString(16).padStart(2, '0')}.*topic orders, partition 3, offset 17`,
      ),
    );
  }
});

test('plain JSON text is refused as unknown magic byte 0x7b', () => {
  assert.throws(() => readSchemaId(Buffer.from('{"a":1}')), /unknown magic byte 0x7b/);
});

test('a buffer shorter than the header is a payload mismatch (or bad magic when the first byte says so)', () => {
  assert.throws(() => readSchemaId(Buffer.alloc(0)), PayloadMismatchError);
  assert.throws(() => readSchemaId(Buffer.from([0, 0, 0, 1])), /shorter than the 5-byte wire-format header/);
  assert.throws(() => readSchemaId(Buffer.from([7])), UnknownMagicByteError);
});

// The message-index list of the Confluent wire format for Protobuf (registry-protocol.md §10): after the
// 5-byte header, which message of the schema file the payload is, as a path of indexes (the top-level
// message's position in the file, then the nested message's position in its parent, …). On the wire: the
// count, then each index, all as zig-zag varints; the common path `[0]` (the file's first message) is
// written as the single byte 0 (a count of 0).
import { PayloadMismatchError, type MessageContext } from './errors.js';

/** The bytes of the index list for `path` (a non-empty list of non-negative indexes). */
export function encodeMessageIndexes(path: readonly number[]): Buffer {
  if (path.length === 1 && path[0] === 0) return Buffer.from([0]);
  const bytes: number[] = [];
  writeZigZag(bytes, path.length);
  for (const index of path) writeZigZag(bytes, index);
  return Buffer.from(bytes);
}

/**
 * Reads the index list at `offset`: the path and the offset of the first payload byte. A negative count
 * or index, or a list cut short, is a PAYLOAD_MISMATCH (the bytes are not in the wire format).
 */
export function decodeMessageIndexes(
  buf: Uint8Array,
  offset: number,
  context?: MessageContext,
): { path: number[]; end: number } {
  const reader = { buf, pos: offset, context };
  const count = readZigZag(reader);
  if (count === 0) return { path: [0], end: reader.pos };
  if (count < 0 || count > buf.length - reader.pos) {
    throw malformed(`the message-index count ${count} is impossible`, context);
  }
  const path: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = readZigZag(reader);
    if (index < 0) throw malformed(`message index ${index} is negative`, context);
    path.push(index);
  }
  return { path, end: reader.pos };
}

function writeZigZag(out: number[], n: number): void {
  let v = ((n << 1) ^ (n >> 31)) >>> 0;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

function readZigZag(reader: { buf: Uint8Array; pos: number; context: MessageContext | undefined }): number {
  let value = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    const byte = reader.buf[reader.pos];
    if (byte === undefined) throw malformed('the message-index list is cut short', reader.context);
    reader.pos++;
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return (value >>> 1) ^ -(value & 1);
  }
  throw malformed('a message-index varint is longer than 5 bytes', reader.context);
}

function malformed(what: string, context: MessageContext | undefined): PayloadMismatchError {
  return new PayloadMismatchError(
    `message indexes are absent or malformed: ${what} (not a Protobuf message in the Confluent wire format)`,
    context,
  );
}

/** A message of a schema file in the index tree: its nested messages in index order. */
export interface IndexNode {
  readonly nested: readonly IndexNode[];
}

/**
 * The hot path of `decodeMessageIndexes`: walks the index list at `offset` down `roots` without building
 * the path, and leaves `cursor.pos` at the first payload byte. Undefined when the list is malformed or
 * names no message: the caller reads it again with `decodeMessageIndexes` for the error.
 */
export function walkMessageIndexes<N extends IndexNode>(
  buf: Uint8Array,
  cursor: { pos: number },
  roots: readonly N[],
  offset: number,
): N | undefined {
  cursor.pos = offset;
  const count = readZigZagOrNaN(buf, cursor);
  if (count === 0) return roots[0];
  if (!(count > 0) || count > buf.length - cursor.pos) return undefined;
  let level: readonly IndexNode[] = roots;
  let node: IndexNode | undefined;
  for (let i = 0; i < count; i++) {
    const index = readZigZagOrNaN(buf, cursor);
    node = index >= 0 ? level[index] : undefined;
    if (node === undefined) return undefined;
    level = node.nested;
  }
  return node as N | undefined;
}

/** A zig-zag varint at `cursor.pos` (advanced past it); NaN when cut short or longer than 5 bytes. */
function readZigZagOrNaN(buf: Uint8Array, cursor: { pos: number }): number {
  let value = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    const byte = buf[cursor.pos];
    if (byte === undefined) return NaN;
    cursor.pos++;
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return (value >>> 1) ^ -(value & 1);
  }
  return NaN;
}

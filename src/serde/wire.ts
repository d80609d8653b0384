// The Confluent wire format, classic "prefix" framing (registry-protocol.md §10): byte 0 is the magic byte
// 0x00, bytes 1-4 the schema id as a big-endian signed int32, then the payload.
import { UnknownMagicByteError, PayloadMismatchError, type MessageContext } from './errors.js';

export const MAGIC_BYTE = 0;
export const HEADER_SIZE = 5;

/** Writes the 5-byte header at the start of `buf`. */
export function writeHeader(buf: Buffer, schemaId: number): void {
  buf[0] = MAGIC_BYTE;
  buf.writeInt32BE(schemaId, 1);
}

/** A framed message: header followed by `payload`. */
export function frame(schemaId: number, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER_SIZE + payload.length);
  writeHeader(out, schemaId);
  out.set(payload, HEADER_SIZE);
  return out;
}

/** The schema id of a framed message; throws on a short buffer or a magic byte other than 0. */
export function readSchemaId(buf: Uint8Array, context?: MessageContext): number {
  if (buf.length < HEADER_SIZE) {
    if (buf.length > 0 && buf[0] !== MAGIC_BYTE) throw new UnknownMagicByteError(buf[0]!, context);
    throw new PayloadMismatchError(
      `message of ${buf.length} byte(s) is shorter than the ${HEADER_SIZE}-byte wire-format header`,
      context,
    );
  }
  if (buf[0] !== MAGIC_BYTE) throw new UnknownMagicByteError(buf[0]!, context);
  // Inline big-endian int32: faster than DataView/readInt32BE on the hot path and works on any Uint8Array.
  return (buf[1]! << 24) | (buf[2]! << 16) | (buf[3]! << 8) | buf[4]! | 0;
}

/** Header and payload of a framed message (the payload shares memory with `buf`). */
export function parseFrame(
  buf: Uint8Array,
  context?: MessageContext,
): { schemaId: number; payload: Uint8Array } {
  const schemaId = readSchemaId(buf, context);
  return { schemaId, payload: buf.subarray(HEADER_SIZE) };
}

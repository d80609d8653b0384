// protobufjs's reader for node Buffers clamps a string whose length prefix runs past the end of the
// buffer instead of failing (its Uint8Array reader does fail): a truncated payload would decode into a
// shortened string. This reader keeps the Buffer fast path and fails as the other reader does.
import protobuf from 'protobufjs';

export class CheckedBufferReader extends protobuf.BufferReader {
  override string(): string {
    const length = this.uint32();
    const start = this.pos;
    const end = start + length;
    if (end > this.len) throw new RangeError(`index out of range: ${start} + ${length} > ${this.len}`);
    this.pos = end;
    const buf = this.buf as Buffer & { utf8Slice?: (start: number, end: number) => string };
    return buf.utf8Slice === undefined ? buf.toString('utf8', start, end) : buf.utf8Slice(start, end);
  }
}

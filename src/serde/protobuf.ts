// Protobuf serializer and deserializer in the Confluent wire format: the header, the message-index list
// (which message of the schema file follows; protobuf-indexes.ts), then the protobuf binary. Payloads are
// encoded and decoded with protobufjs, from the schema text parsed by protobufjs (protobuf-schema.ts).
import protobuf from 'protobufjs';
import { PayloadMismatchError, SerdeError, type MessageContext, type SerdeRole } from './errors.js';
import { CheckedBufferReader } from './protobuf-reader.js';
import { decodeMessageIndexes, walkMessageIndexes } from './protobuf-indexes.js';
import { compileProtobuf, messagePaths, type ProtobufFile } from './protobuf-schema.js';
import type { SerdeRegistry, SerdeSchema } from './registry.js';
import { HEADER_SIZE } from './wire.js';
import { WireDeserializer } from './wire-deserializer.js';
import { WireSerializer } from './wire-serializer.js';
import { WriterSchemas, type SerializerOptions } from './writer-schema.js';

export type ProtobufConversionOptions = protobuf.IConversionOptions;

export interface ProtobufSerializerOptions extends SerializerOptions {
  /** The `.proto` text. Optional with `useLatestVersion`/`useSchemaId`. */
  schema?: string;
  /**
   * The message type written, by full name (`com.acme.Order`, `com.acme.Order.Line`). Default: the
   * file's first message. Its full name is the record name the record strategies use.
   */
  messageType?: string;
  /** Check each value with protobufjs's `verify` before writing it. Default true. */
  validate?: boolean;
}

/** The message type to write and its index list as written: `[0]`, or the count then the path. */
export interface ProtobufWriter {
  type: protobuf.Type;
  indexes: readonly number[];
}

export class ProtobufSerializer<T = object> extends WireSerializer<T, ProtobufWriter> {
  private readonly validate: boolean;

  constructor(registry: SerdeRegistry, options: ProtobufSerializerOptions = {}) {
    const configured =
      options.schema === undefined
        ? undefined
        : { text: options.schema, recordName: recordNameOf(options.schema, options.messageType) };
    super(
      new WriterSchemas<ProtobufWriter>(registry, 'PROTOBUF', options, configured, async (schema) =>
        writerFor(await compileProtobuf(registry, schema), options.messageType),
      ),
      options.role,
    );
    this.validate = options.validate ?? true;
  }

  protected override encode(schemaId: number, target: ProtobufWriter, value: T, topic: string): Buffer {
    const { type, indexes } = target;
    if (this.validate) {
      const problem = type.verify(value as Record<string, unknown>);
      if (problem !== null) {
        throw new PayloadMismatchError(
          `value does not match message ${type.fullName.slice(1)} (id ${schemaId}): ${problem}`,
          { topic, role: this.role },
          { schemaId },
        );
      }
    }
    // One writer for the whole message: no second buffer and copy for the header. The header's bytes as
    // protobufjs writes them: the magic byte is the varint 0, the big-endian id a byte-swapped fixed32,
    // and the message indexes are zig-zag varints (sint32).
    const writer = protobuf.Writer.create();
    writer.uint32(0).fixed32(byteSwapped(schemaId));
    for (const index of indexes) writer.sint32(index);
    const out = type.encode(value as Record<string, unknown>, writer).finish();
    return Buffer.isBuffer(out) ? out : Buffer.from(out.buffer, out.byteOffset, out.length);
  }
}

export interface ProtobufDeserializerOptions {
  role?: SerdeRole;
  /**
   * Convert each decoded message to a plain object with these protobufjs options (`longs: String`,
   * `enums: String`, `defaults: true`…). Without it, the protobufjs message object is returned.
   */
  toObject?: ProtobufConversionOptions;
}

export class ProtobufDeserializer<T = object> extends WireDeserializer<T, ProtobufFile> {
  /** Where the index walk ended (decoding is synchronous: one cursor serves every message). */
  private readonly cursor = { pos: 0 };

  constructor(
    registry: SerdeRegistry,
    private readonly options: ProtobufDeserializerOptions = {},
  ) {
    super(registry, 'PROTOBUF', options.role);
  }

  protected override decode(
    file: ProtobufFile,
    schemaId: number,
    data: Buffer,
    topic: string,
    context: MessageContext | undefined,
  ): T {
    // The `[0]` shortcut, else a walk down the file's message tree (no path array or key string).
    const cursor = this.cursor;
    cursor.pos = HEADER_SIZE + 1;
    let type =
      data[HEADER_SIZE] === 0 ? file.first : walkMessageIndexes(data, cursor, file.tree, HEADER_SIZE)?.type;
    let start = cursor.pos;
    if (type === undefined) {
      // Malformed, or naming no message: read again for the error.
      const { path, end } = decodeMessageIndexes(data, HEADER_SIZE, this.context(topic, context));
      type = file.byPath.get(path.join('.'));
      if (type === undefined) {
        throw new PayloadMismatchError(
          `message indexes [${path.join(', ')}] name no message of schema id ${schemaId}`,
          this.context(topic, context),
          { schemaId },
        );
      }
      start = end;
    }
    let message: protobuf.Message;
    try {
      // A reader over the whole message, started after the indexes: no subarray Buffer per message.
      const reader = new CheckedBufferReader(data);
      reader.pos = start;
      message = type.decode(reader);
    } catch (error) {
      throw new PayloadMismatchError(
        `payload is not a ${type.fullName.slice(1)} message (schema id ${schemaId}): ${(error as Error).message}`,
        this.context(topic, context),
        { schemaId, cause: error },
      );
    }
    const conversion = this.options.toObject;
    return (conversion === undefined ? message : type.toObject(message, conversion)) as T;
  }

  protected override async compile(
    stored: SerdeSchema,
    schemaId: number,
    ctx: MessageContext,
  ): Promise<ProtobufFile> {
    try {
      return await compileProtobuf(this.registry, stored);
    } catch (error) {
      throw this.unusable(error, schemaId, ctx, 'Protobuf schema');
    }
  }
}

function writerFor(file: ProtobufFile, messageType: string | undefined): ProtobufWriter {
  const name = messageType ?? firstName(file);
  const path = file.pathOf.get(name);
  const type = path === undefined ? undefined : file.byPath.get(path.join('.'));
  if (path === undefined || type === undefined) {
    throw new SerdeError(
      'INVALID_SCHEMA',
      messageType === undefined
        ? 'the Protobuf schema declares no message'
        : `the Protobuf schema declares no message ${messageType}`,
    );
  }
  return { type, indexes: path.length === 1 && path[0] === 0 ? [0] : [path.length, ...path] };
}

function firstName(file: ProtobufFile): string {
  return file.first === undefined ? '' : file.first.fullName.slice(1);
}

/** The record name for the subject strategies: the written message's full name. */
function recordNameOf(text: string, messageType: string | undefined): string | undefined {
  if (messageType !== undefined) return messageType;
  for (const name of messagePaths(text).keys()) return name;
  return undefined;
}

/** `id` with its bytes reversed: written little-endian (fixed32), it lands big-endian as the header wants. */
function byteSwapped(id: number): number {
  return (((id & 0xff) << 24) | ((id & 0xff00) << 8) | ((id >>> 8) & 0xff00) | (id >>> 24)) >>> 0;
}

// What the Avro and JSON Schema deserializers share: the writer schema id from the header, one compiled
// reader per id (fetched once, concurrent first messages share the fetch, failures are not cached), the
// async and sync entry points, and the error context. A format supplies `compile` and `decode`.
//
// Hot path: once a writer id is cached, deserializeSync is one Map lookup and the format's decode.
import { SerdeError, type MessageContext, type SerdeRole } from './errors.js';
import { fetchSchemaById, type SerdeRegistry, type SerdeSchema, type SerdeSchemaType } from './registry.js';
import type { Deserializer } from './serde.js';
import { OncePerKey } from './once-per-key.js';
import { HEADER_SIZE, readSchemaId } from './wire.js';

// Passed to readSchemaId for a well-formed header, where it is never read: no context object per message.
const NO_CONTEXT: MessageContext = Object.freeze({});

export abstract class WireDeserializer<T, R> implements Deserializer<T> {
  /** One reader per writer id, built once. */
  private readonly readers = new OncePerKey<number, R>();
  protected readonly role: SerdeRole;

  protected constructor(
    protected readonly registry: SerdeRegistry,
    private readonly schemaType: SerdeSchemaType,
    role: SerdeRole | undefined,
  ) {
    this.role = role ?? 'value';
  }

  deserialize(topic: string, buf: Uint8Array, context?: MessageContext): Promise<T> {
    try {
      const schemaId = readSchemaId(buf, this.context(topic, context, buf));
      const reader = this.readers.get(schemaId);
      if (reader === undefined) {
        return this.load(schemaId, this.context(topic, context)).then((r) =>
          this.decode(r, schemaId, asBuffer(buf), topic, context),
        );
      }
      return Promise.resolve(this.decode(reader, schemaId, asBuffer(buf), topic, context));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /**
   * Synchronous when the writer id has been seen before (the common case on a consumer); throws
   * `NOT_READY` for an id not fetched yet.
   */
  deserializeSync(topic: string, buf: Uint8Array, context?: MessageContext): T {
    const schemaId = readSchemaId(buf, this.context(topic, context, buf));
    const reader = this.readers.get(schemaId);
    if (reader === undefined) {
      throw new SerdeError(
        'NOT_READY',
        `schema id ${schemaId} not fetched yet: await deserialize() first`,
        this.context(topic, context),
        { schemaId },
      );
    }
    return this.decode(reader, schemaId, asBuffer(buf), topic, context);
  }

  /** The value in `data` (the whole message, header included), read with the reader built for `schemaId`. */
  protected abstract decode(
    reader: R,
    schemaId: number,
    data: Buffer,
    topic: string,
    context: MessageContext | undefined,
  ): T;

  /** The reader for the writer schema `stored` (already checked to be of this format). */
  protected abstract compile(stored: SerdeSchema, schemaId: number, ctx: MessageContext): Promise<R>;

  /** A schema the format cannot use becomes INVALID_SCHEMA naming `what`; other serde errors pass as they are. */
  protected unusable(error: unknown, schemaId: number, ctx: MessageContext, what: string): Error {
    if (error instanceof SerdeError && error.reason !== 'INVALID_SCHEMA') return error;
    return new SerdeError(
      'INVALID_SCHEMA',
      `schema id ${schemaId} is not a usable ${what}: ${(error as Error).message}`,
      ctx,
      { schemaId, cause: error },
    );
  }

  /**
   * The context for an error message. Called on the hot path only with a buffer that might be malformed,
   * so the object is built only when it will be used.
   */
  protected context(topic: string, context: MessageContext | undefined, buf?: Uint8Array): MessageContext {
    if (buf !== undefined && buf.length >= HEADER_SIZE && buf[0] === 0) return NO_CONTEXT;
    return context === undefined ? { topic, role: this.role } : { topic, role: this.role, ...context };
  }

  private load(schemaId: number, ctx: MessageContext): Promise<R> {
    return this.readers.load(schemaId, () => this.build(schemaId, ctx));
  }

  private async build(schemaId: number, ctx: MessageContext): Promise<R> {
    const stored = await fetchSchemaById(this.registry, schemaId, ctx);
    const type = stored.schemaType ?? 'AVRO';
    if (type !== this.schemaType) {
      throw new SerdeError(
        'WRONG_SCHEMA_TYPE',
        `schema id ${schemaId} is a ${type} schema, not ${this.schemaType}`,
        ctx,
        { schemaId },
      );
    }
    return this.compile(stored, schemaId, ctx);
  }
}

function asBuffer(buf: Uint8Array): Buffer {
  return buf instanceof Buffer ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.length);
}

// Avro serializer and deserializer in the Confluent wire format, on avsc.
//
// Hot path: once a topic's schema id (serializer) or a writer id (deserializer) is cached, encoding and
// decoding are synchronous: one Map lookup, avsc's generated encoder or decoder, one output allocation.
import avro from 'avsc';
import {
  avroRecordName,
  avroSchemaText,
  avroTypeFromRegistry,
  parseAvro,
  type AvroSchemaSource,
  type AvroType,
  type AvroTypeOptions,
} from './avro-schema.js';
import { PayloadMismatchError, SerdeError, type MessageContext, type SerdeRole } from './errors.js';
import { fetchSchemaById, type SerdeRegistry, type SerdeSchemaReference } from './registry.js';
import { HEADER_SIZE, readSchemaId } from './wire.js';
import { WriterSchemas, type ConfiguredSchema, type SerializerOptions } from './writer-schema.js';

export interface AvroSerializerOptions extends SerializerOptions {
  /** The writer schema (JSON text, a parsed schema or an avsc Type). Optional with `useLatestVersion`/`useSchemaId`. */
  schema?: AvroSchemaSource;
  /** avsc `Type.forSchema` options (logical types, union wrapping…). */
  avro?: AvroTypeOptions;
}

interface AvroWriter {
  type: AvroType;
  rawBytes: boolean;
}

const INITIAL_SCRATCH = 16 * 1024;
// Passed to readSchemaId for a well-formed header, where it is never read: no context object per message.
const NO_CONTEXT: MessageContext = Object.freeze({});

export class AvroSerializer<T = unknown> {
  private readonly writers: WriterSchemas<AvroWriter>;
  private readonly role: SerdeRole;
  /** Encoding goes into this reusable buffer, then one exact-size copy leaves: no per-message resize. */
  private scratch = Buffer.allocUnsafe(INITIAL_SCRATCH);

  constructor(
    private readonly registry: SerdeRegistry,
    private readonly options: AvroSerializerOptions = {},
  ) {
    this.role = options.role ?? 'value';
    const avroOptions = options.avro ?? {};
    let configured: ConfiguredSchema | undefined;
    let configuredType: AvroType | undefined;
    if (options.schema !== undefined) {
      const hasReferences = (options.references?.length ?? 0) > 0;
      // With references the named types come from the registry, so parsing waits for the first prepare.
      configuredType =
        hasReferences && !avro.Type.isType(options.schema)
          ? undefined
          : parseAvro(options.schema, avroOptions);
      configured = {
        text: avroSchemaText(options.schema),
        recordName:
          configuredType === undefined ? fullNameOf(options.schema) : avroRecordName(configuredType),
      };
    }
    this.writers = new WriterSchemas<AvroWriter>(
      registry,
      'AVRO',
      options,
      configured,
      async (schema, isConfigured) => {
        const type =
          isConfigured && configuredType !== undefined
            ? configuredType
            : await avroTypeFromRegistry(registry, schema, avroOptions);
        return { type, rawBytes: type.typeName === 'bytes' };
      },
    );
  }

  /** Resolves the subject and schema id for `topic` (registry calls happen here, once per topic). */
  async prepare(topic: string): Promise<{ subject: string; schemaId: number }> {
    const { subject, schemaId } = await this.writers.prepare(topic);
    return { subject, schemaId };
  }

  serialize(topic: string, value: T): Promise<Buffer> {
    const ready = this.writers.ready(topic);
    if (ready === undefined) {
      return this.writers.prepare(topic).then((r) => this.encode(r.schemaId, r.compiled, value, topic));
    }
    // Not an async function: once the id is cached, one settled promise is the only overhead.
    try {
      return Promise.resolve(this.encode(ready.schemaId, ready.compiled, value, topic));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /** Synchronous once `prepare(topic)` or one `serialize(topic, …)` has completed; else throws `NOT_READY`. */
  serializeSync(topic: string, value: T): Buffer {
    const ready = this.writers.ready(topic);
    if (ready === undefined) {
      throw new SerdeError(
        'NOT_READY',
        `no schema id for topic ${topic} yet: await serialize() or prepare() first`,
        { topic, role: this.role },
      );
    }
    return this.encode(ready.schemaId, ready.compiled, value, topic);
  }

  private encode(schemaId: number, writer: AvroWriter, value: T, topic: string): Buffer {
    if (writer.rawBytes) return this.encodeRawBytes(schemaId, value, topic);
    let scratch = this.scratch;
    let end: number;
    try {
      end = writer.type.encode(value, scratch, HEADER_SIZE);
      if (end < 0) {
        // avsc returns minus the missing byte count; grow once to fit, then retry.
        scratch = this.scratch = Buffer.allocUnsafe(Math.max(scratch.length * 2, scratch.length - end));
        end = writer.type.encode(value, scratch, HEADER_SIZE);
      }
    } catch (error) {
      throw this.mismatch(writer.type, value, schemaId, topic, error);
    }
    scratch[0] = 0;
    scratch.writeInt32BE(schemaId, 1);
    const out = Buffer.allocUnsafe(end);
    scratch.copy(out, 0, 0, end);
    return out;
  }

  /** A top-level `bytes` schema is written raw, without the Avro length prefix (as the Java serializer does). */
  private encodeRawBytes(schemaId: number, value: unknown, topic: string): Buffer {
    if (!(value instanceof Uint8Array)) {
      throw new PayloadMismatchError(
        `value for the "bytes" schema (id ${schemaId}) must be a Buffer or Uint8Array`,
        {
          topic,
          role: this.role,
        },
        { schemaId },
      );
    }
    const out = Buffer.allocUnsafe(HEADER_SIZE + value.length);
    out[0] = 0;
    out.writeInt32BE(schemaId, 1);
    out.set(value, HEADER_SIZE);
    return out;
  }

  private mismatch(
    type: AvroType,
    value: unknown,
    schemaId: number,
    topic: string,
    cause: unknown,
  ): PayloadMismatchError {
    const paths: string[] = [];
    type.isValid(value, {
      errorHook: (path: string[], _v: unknown, t: AvroType) =>
        paths.push(`${path.length === 0 ? '(root)' : path.join('.')}: expected ${describe(t)}`),
    });
    const detail = paths.length > 0 ? paths.slice(0, 5).join('; ') : (cause as Error).message;
    return new PayloadMismatchError(
      `value does not match the Avro schema (id ${schemaId}): ${detail}`,
      { topic, role: this.role },
      {
        schemaId,
        paths: paths.map((p) => p.slice(0, p.indexOf(':'))),
        cause,
      },
    );
  }
}

export interface AvroDeserializerOptions {
  /** Read every message into this schema (Avro schema resolution from the writer's). Default: the writer's schema. */
  readerSchema?: AvroSchemaSource;
  /** References of `readerSchema`, fetched from the registry. */
  readerReferences?: SerdeSchemaReference[];
  role?: SerdeRole;
  avro?: AvroTypeOptions;
}

interface AvroReader {
  type: AvroType;
  /** Undefined when the writer's schema is the reader's (no resolution needed). */
  resolver: ReturnType<AvroType['createResolver']> | undefined;
  /** Writer schema is a top-level `bytes`: the payload is the raw bytes. */
  rawBytes: boolean;
  /** For raw bytes read as a string (Avro allows bytes → string promotion). */
  rawAsString: boolean;
}

export class AvroDeserializer<T = unknown> {
  /** One reader per writer id: the writer's type and its resolver to the reader schema, built once. */
  private readonly readers = new Map<number, AvroReader>();
  private readonly pending = new Map<number, Promise<AvroReader>>();
  private readerType: AvroType | undefined;
  private readerTypeReady: Promise<AvroType | undefined> | undefined;
  private readonly role: SerdeRole;

  constructor(
    private readonly registry: SerdeRegistry,
    private readonly options: AvroDeserializerOptions = {},
  ) {
    this.role = options.role ?? 'value';
    if (options.readerSchema !== undefined && (options.readerReferences?.length ?? 0) === 0) {
      this.readerType = parseAvro(options.readerSchema, options.avro ?? {});
      this.readerTypeReady = Promise.resolve(this.readerType);
    }
  }

  deserialize(topic: string, buf: Uint8Array, context?: MessageContext): Promise<T> {
    try {
      const schemaId = readSchemaId(buf, this.context(topic, context, buf));
      const reader = this.readers.get(schemaId);
      if (reader === undefined) {
        return this.load(schemaId, this.context(topic, context)).then((r) =>
          this.decode(r, schemaId, buf, topic, context),
        );
      }
      return Promise.resolve(this.decode(reader, schemaId, buf, topic, context));
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
    return this.decode(reader, schemaId, buf, topic, context);
  }

  private decode(
    reader: AvroReader,
    schemaId: number,
    buf: Uint8Array,
    topic: string,
    context: MessageContext | undefined,
  ): T {
    const data = buf instanceof Buffer ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.length);
    if (reader.rawBytes) {
      const raw = data.subarray(HEADER_SIZE);
      return (reader.rawAsString ? raw.toString('utf8') : raw) as T;
    }
    let decoded: { value: unknown; offset: number };
    try {
      decoded = reader.type.decode(data, HEADER_SIZE, reader.resolver);
    } catch (error) {
      throw new PayloadMismatchError(
        `payload does not decode with schema id ${schemaId}: ${(error as Error).message}`,
        this.context(topic, context),
        {
          schemaId,
          cause: error,
        },
      );
    }
    if (decoded.offset !== data.length) {
      const why = decoded.offset < 0 ? 'truncated' : `${data.length - decoded.offset} trailing byte(s)`;
      throw new PayloadMismatchError(
        `payload does not decode with schema id ${schemaId}: ${why}`,
        this.context(topic, context),
        { schemaId },
      );
    }
    return decoded.value as T;
  }

  private load(schemaId: number, ctx: MessageContext): Promise<AvroReader> {
    let pending = this.pending.get(schemaId);
    if (pending === undefined) {
      pending = this.build(schemaId, ctx).then(
        (reader) => {
          this.readers.set(schemaId, reader);
          this.pending.delete(schemaId);
          return reader;
        },
        (error: unknown) => {
          this.pending.delete(schemaId);
          throw error;
        },
      );
      this.pending.set(schemaId, pending);
    }
    return pending;
  }

  private async build(schemaId: number, ctx: MessageContext): Promise<AvroReader> {
    const stored = await fetchSchemaById(this.registry, schemaId, ctx);
    const type = stored.schemaType ?? 'AVRO';
    if (type !== 'AVRO') {
      throw new SerdeError('WRONG_SCHEMA_TYPE', `schema id ${schemaId} is a ${type} schema, not AVRO`, ctx, {
        schemaId,
      });
    }
    const avroOptions = this.options.avro ?? {};
    let writer: AvroType;
    try {
      writer = await avroTypeFromRegistry(this.registry, stored, avroOptions);
    } catch (error) {
      if (error instanceof SerdeError && error.reason !== 'INVALID_SCHEMA') throw error;
      throw new SerdeError(
        'INVALID_SCHEMA',
        `schema id ${schemaId} is not a usable Avro schema: ${(error as Error).message}`,
        ctx,
        { schemaId, cause: error },
      );
    }
    const readerType = await this.readerSchema();
    const rawBytes = writer.typeName === 'bytes';
    if (readerType === undefined || readerType.equals(writer)) {
      return { type: readerType ?? writer, resolver: undefined, rawBytes, rawAsString: false };
    }
    if (rawBytes) {
      if (readerType.typeName !== 'bytes' && readerType.typeName !== 'string')
        throw incompatible(schemaId, ctx, 'a "bytes" writer can only be read as bytes or string');
      return {
        type: readerType,
        resolver: undefined,
        rawBytes,
        rawAsString: readerType.typeName === 'string',
      };
    }
    try {
      return { type: readerType, resolver: readerType.createResolver(writer), rawBytes, rawAsString: false };
    } catch (error) {
      throw incompatible(schemaId, ctx, (error as Error).message, error);
    }
  }

  private readerSchema(): Promise<AvroType | undefined> {
    const { readerSchema, readerReferences } = this.options;
    if (readerSchema === undefined) return Promise.resolve(undefined);
    this.readerTypeReady ??= avroTypeFromRegistry(
      this.registry,
      { schema: avroSchemaText(readerSchema), references: readerReferences ?? [] },
      this.options.avro ?? {},
    ).then(
      (type) => (this.readerType = type),
      (error: unknown) => {
        this.readerTypeReady = undefined;
        throw error;
      },
    );
    return this.readerTypeReady;
  }

  /**
   * The context for an error message. Called on the hot path only with a buffer that might be malformed,
   * so the object is built only when it will be used.
   */
  private context(topic: string, context: MessageContext | undefined, buf?: Uint8Array): MessageContext {
    if (buf !== undefined && buf.length >= HEADER_SIZE && buf[0] === 0) return NO_CONTEXT;
    return context === undefined ? { topic, role: this.role } : { topic, role: this.role, ...context };
  }
}

function incompatible(schemaId: number, ctx: MessageContext, why: string, cause?: unknown): SerdeError {
  return new SerdeError(
    'INCOMPATIBLE_READER',
    `the writer schema (id ${schemaId}) cannot be read with the reader schema: ${why}`,
    ctx,
    {
      schemaId,
      cause,
    },
  );
}

/** The full name of a named schema given as text or JSON, without parsing it (its references may be missing). */
function fullNameOf(source: AvroSchemaSource): string | undefined {
  let value: unknown = source;
  if (typeof source === 'string') {
    try {
      value = JSON.parse(source);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { name, namespace } = value as { name?: unknown; namespace?: unknown };
  if (typeof name !== 'string') return undefined;
  if (name.includes('.') || typeof namespace !== 'string' || namespace === '') return name;
  return `${namespace}.${name}`;
}

function describe(type: AvroType): string {
  return type.name ?? type.typeName;
}

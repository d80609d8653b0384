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
import type { SerdeRegistry, SerdeSchema, SerdeSchemaReference } from './registry.js';
import { HEADER_SIZE } from './wire.js';
import { WireDeserializer } from './wire-deserializer.js';
import { WireSerializer } from './wire-serializer.js';
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

export class AvroSerializer<T = unknown> extends WireSerializer<T, AvroWriter> {
  /** Encoding goes into this reusable buffer, then one exact-size copy leaves: no per-message resize. */
  private scratch = Buffer.allocUnsafe(INITIAL_SCRATCH);

  constructor(registry: SerdeRegistry, options: AvroSerializerOptions = {}) {
    const avroOptions = options.avro ?? {};
    let configured: ConfiguredSchema | undefined;
    let configuredType: AvroType | undefined;
    if (options.schema !== undefined) {
      const hasReferences = (options.references?.length ?? 0) > 0;
      // With references the named types come from the registry, so parsing waits for the first prepare.
      configuredType =
        hasReferences && !avro.Type.isType(options.schema)
          ? undefined
          : parseAvro(options.schema, ownNames(avroOptions));
      configured = {
        text: avroSchemaText(options.schema),
        recordName:
          configuredType === undefined ? fullNameOf(options.schema) : avroRecordName(configuredType),
      };
    }
    const writers = new WriterSchemas<AvroWriter>(
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
    super(writers, options.role);
  }

  protected override encode(schemaId: number, writer: AvroWriter, value: T, topic: string): Buffer {
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

export class AvroDeserializer<T = unknown> extends WireDeserializer<T, AvroReader> {
  private readerType: AvroType | undefined;
  private readerTypeReady: Promise<AvroType | undefined> | undefined;

  constructor(
    registry: SerdeRegistry,
    private readonly options: AvroDeserializerOptions = {},
  ) {
    super(registry, 'AVRO', options.role);
    if (options.readerSchema !== undefined && (options.readerReferences?.length ?? 0) === 0) {
      this.readerType = parseAvro(options.readerSchema, ownNames(options.avro ?? {}));
      this.readerTypeReady = Promise.resolve(this.readerType);
    }
  }

  protected override decode(
    reader: AvroReader,
    schemaId: number,
    data: Buffer,
    topic: string,
    context: MessageContext | undefined,
  ): T {
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

  protected override async compile(
    stored: SerdeSchema,
    schemaId: number,
    ctx: MessageContext,
  ): Promise<AvroReader> {
    let writer: AvroType;
    try {
      writer = await avroTypeFromRegistry(this.registry, stored, this.options.avro ?? {});
    } catch (error) {
      throw this.unusable(error, schemaId, ctx, 'Avro schema');
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

/**
 * avsc adds the named types it parses to `options.registry`: parsing into a copy keeps the caller's
 * registry (a custom `long`, say) from carrying this schema's names into later parses, where the same
 * names arriving from a reference would be duplicates.
 */
function ownNames(options: AvroTypeOptions): AvroTypeOptions {
  return options.registry === undefined ? options : { ...options, registry: { ...options.registry } };
}

function describe(type: AvroType): string {
  return type.name ?? type.typeName;
}

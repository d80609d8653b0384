// JSON Schema serializer and deserializer in the Confluent wire format: the header, then the UTF-8 JSON
// document (no message indexes). Values are validated with ajv against the schema, compiled once per schema.
import type { Options as AjvOptions } from 'ajv';
import { PayloadMismatchError, SerdeError, type MessageContext, type SerdeRole } from './errors.js';
import {
  compileJsonSchema,
  describeJsonErrors,
  parseJsonSchema,
  type JsonValidator,
} from './json-validator.js';
import { fetchSchemaById, type SerdeRegistry } from './registry.js';
import { HEADER_SIZE, readSchemaId } from './wire.js';
import { WriterSchemas, type SerializerOptions } from './writer-schema.js';

export interface JsonSchemaSerializerOptions extends SerializerOptions {
  /** The JSON Schema (text or value). Optional with `useLatestVersion`/`useSchemaId`. */
  schema?: string | object;
  /** Validate each value before writing it (Confluent's `json.fail.invalid.schema`). Default true. */
  validate?: boolean;
  /** Options for the ajv instance (`strict` is off by default: registry schemas carry unknown keywords). */
  ajv?: AjvOptions;
}

const NO_CONTEXT: MessageContext = Object.freeze({});

export class JsonSchemaSerializer<T = unknown> {
  private readonly writers: WriterSchemas<JsonValidator>;
  private readonly role: SerdeRole;
  private readonly validate: boolean;

  constructor(registry: SerdeRegistry, options: JsonSchemaSerializerOptions = {}) {
    this.role = options.role ?? 'value';
    this.validate = options.validate ?? true;
    const document = options.schema === undefined ? undefined : parseJsonSchema(options.schema);
    const configured =
      options.schema === undefined
        ? undefined
        : {
            text: typeof options.schema === 'string' ? options.schema : JSON.stringify(options.schema),
            recordName: titleOf(document),
          };
    this.writers = new WriterSchemas<JsonValidator>(registry, 'JSON', options, configured, (schema) =>
      compileJsonSchema(registry, schema, options.ajv ?? {}),
    );
  }

  async prepare(topic: string): Promise<{ subject: string; schemaId: number }> {
    const { subject, schemaId } = await this.writers.prepare(topic);
    return { subject, schemaId };
  }

  serialize(topic: string, value: T): Promise<Buffer> {
    const ready = this.writers.ready(topic);
    if (ready === undefined) {
      return this.writers.prepare(topic).then((r) => this.encode(r.schemaId, r.compiled, value, topic));
    }
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

  private encode(schemaId: number, validator: JsonValidator, value: T, topic: string): Buffer {
    if (this.validate && !validator(value)) {
      const { text, paths } = describeJsonErrors(validator.errors);
      throw new PayloadMismatchError(
        `value does not match the JSON Schema (id ${schemaId}): ${text}`,
        { topic, role: this.role },
        { schemaId, paths },
      );
    }
    const json = JSON.stringify(value);
    if (json === undefined) {
      throw new PayloadMismatchError(
        `value cannot be written as JSON (id ${schemaId})`,
        { topic, role: this.role },
        { schemaId },
      );
    }
    const length = Buffer.byteLength(json);
    const out = Buffer.allocUnsafe(HEADER_SIZE + length);
    out[0] = 0;
    out.writeInt32BE(schemaId, 1);
    out.write(json, HEADER_SIZE, length, 'utf8');
    return out;
  }
}

export interface JsonSchemaDeserializerOptions {
  /** Validate each document against the writer's schema. Default true. */
  validate?: boolean;
  role?: SerdeRole;
  ajv?: AjvOptions;
}

export class JsonSchemaDeserializer<T = unknown> {
  private readonly validators = new Map<number, JsonValidator>();
  private readonly pending = new Map<number, Promise<JsonValidator>>();
  private readonly role: SerdeRole;
  private readonly validate: boolean;

  constructor(
    private readonly registry: SerdeRegistry,
    private readonly options: JsonSchemaDeserializerOptions = {},
  ) {
    this.role = options.role ?? 'value';
    this.validate = options.validate ?? true;
  }

  deserialize(topic: string, buf: Uint8Array, context?: MessageContext): Promise<T> {
    try {
      const schemaId = readSchemaId(buf, this.context(topic, context, buf));
      const validator = this.validators.get(schemaId);
      if (validator === undefined) {
        return this.load(schemaId, this.context(topic, context)).then((v) =>
          this.decode(v, schemaId, buf, topic, context),
        );
      }
      return Promise.resolve(this.decode(validator, schemaId, buf, topic, context));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /** Synchronous when the writer id has been seen before; throws `NOT_READY` for an id not fetched yet. */
  deserializeSync(topic: string, buf: Uint8Array, context?: MessageContext): T {
    const schemaId = readSchemaId(buf, this.context(topic, context, buf));
    const validator = this.validators.get(schemaId);
    if (validator === undefined) {
      throw new SerdeError(
        'NOT_READY',
        `schema id ${schemaId} not fetched yet: await deserialize() first`,
        this.context(topic, context),
        { schemaId },
      );
    }
    return this.decode(validator, schemaId, buf, topic, context);
  }

  private decode(
    validator: JsonValidator,
    schemaId: number,
    buf: Uint8Array,
    topic: string,
    context: MessageContext | undefined,
  ): T {
    const data = buf instanceof Buffer ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.length);
    let value: unknown;
    try {
      value = JSON.parse(data.toString('utf8', HEADER_SIZE));
    } catch (error) {
      throw new PayloadMismatchError(
        `payload is not JSON (schema id ${schemaId}): ${(error as Error).message}`,
        this.context(topic, context),
        {
          schemaId,
          cause: error,
        },
      );
    }
    if (this.validate && !validator(value)) {
      const { text, paths } = describeJsonErrors(validator.errors);
      throw new PayloadMismatchError(
        `document does not match the JSON Schema (id ${schemaId}): ${text}`,
        this.context(topic, context),
        {
          schemaId,
          paths,
        },
      );
    }
    return value as T;
  }

  private load(schemaId: number, ctx: MessageContext): Promise<JsonValidator> {
    let pending = this.pending.get(schemaId);
    if (pending === undefined) {
      pending = this.build(schemaId, ctx).then(
        (validator) => {
          this.validators.set(schemaId, validator);
          this.pending.delete(schemaId);
          return validator;
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

  private async build(schemaId: number, ctx: MessageContext): Promise<JsonValidator> {
    const stored = await fetchSchemaById(this.registry, schemaId, ctx);
    const type = stored.schemaType ?? 'AVRO';
    if (type !== 'JSON') {
      throw new SerdeError('WRONG_SCHEMA_TYPE', `schema id ${schemaId} is a ${type} schema, not JSON`, ctx, {
        schemaId,
      });
    }
    try {
      return await compileJsonSchema(this.registry, stored, this.options.ajv ?? {});
    } catch (error) {
      if (error instanceof SerdeError && error.reason !== 'INVALID_SCHEMA') throw error;
      throw new SerdeError(
        'INVALID_SCHEMA',
        `schema id ${schemaId} is not a usable JSON Schema: ${(error as Error).message}`,
        ctx,
        {
          schemaId,
          cause: error,
        },
      );
    }
  }

  /** As in the Avro deserializer: the context object is built only when an error will use it. */
  private context(topic: string, context: MessageContext | undefined, buf?: Uint8Array): MessageContext {
    if (buf !== undefined && buf.length >= HEADER_SIZE && buf[0] === 0) return NO_CONTEXT;
    return context === undefined ? { topic, role: this.role } : { topic, role: this.role, ...context };
  }
}

/** The record name the record strategies use for JSON Schema: the `title`, as Confluent does. */
function titleOf(document: object | undefined): string | undefined {
  const title = (document as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' && title !== '' ? title : undefined;
}

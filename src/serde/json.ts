// JSON Schema serializer and deserializer in the Confluent wire format: the header, then the UTF-8 JSON
// document (no message indexes). Values are validated with ajv against the schema, compiled once per schema.
import type { Options as AjvOptions } from 'ajv';
import { PayloadMismatchError, type MessageContext, type SerdeRole } from './errors.js';
import {
  compileJsonSchema,
  describeJsonErrors,
  parseJsonSchema,
  type JsonValidator,
} from './json-validator.js';
import type { SerdeRegistry, SerdeSchema } from './registry.js';
import { HEADER_SIZE } from './wire.js';
import { WireDeserializer } from './wire-deserializer.js';
import { WireSerializer } from './wire-serializer.js';
import { WriterSchemas, type SerializerOptions } from './writer-schema.js';

export interface JsonSchemaSerializerOptions extends SerializerOptions {
  /** The JSON Schema (text or value). Optional with `useLatestVersion`/`useSchemaId`. */
  schema?: string | object;
  /** Validate each value before writing it (Confluent's `json.fail.invalid.schema`). Default true. */
  validate?: boolean;
  /** Options for the ajv instance (`strict` is off by default: registry schemas carry unknown keywords). */
  ajv?: AjvOptions;
}

export class JsonSchemaSerializer<T = unknown> extends WireSerializer<T, JsonValidator> {
  private readonly validate: boolean;

  constructor(registry: SerdeRegistry, options: JsonSchemaSerializerOptions = {}) {
    const document = options.schema === undefined ? undefined : parseJsonSchema(options.schema);
    const configured =
      options.schema === undefined
        ? undefined
        : {
            text: typeof options.schema === 'string' ? options.schema : JSON.stringify(options.schema),
            recordName: titleOf(document),
          };
    super(
      new WriterSchemas<JsonValidator>(registry, 'JSON', options, configured, (schema) =>
        compileJsonSchema(registry, schema, options.ajv ?? {}),
      ),
      options.role,
    );
    this.validate = options.validate ?? true;
  }

  protected override encode(schemaId: number, validator: JsonValidator, value: T, topic: string): Buffer {
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

export class JsonSchemaDeserializer<T = unknown> extends WireDeserializer<T, JsonValidator> {
  private readonly validate: boolean;

  constructor(
    registry: SerdeRegistry,
    private readonly options: JsonSchemaDeserializerOptions = {},
  ) {
    super(registry, 'JSON', options.role);
    this.validate = options.validate ?? true;
  }

  protected override decode(
    validator: JsonValidator,
    schemaId: number,
    data: Buffer,
    topic: string,
    context: MessageContext | undefined,
  ): T {
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

  protected override async compile(
    stored: SerdeSchema,
    schemaId: number,
    ctx: MessageContext,
  ): Promise<JsonValidator> {
    try {
      return await compileJsonSchema(this.registry, stored, this.options.ajv ?? {});
    } catch (error) {
      throw this.unusable(error, schemaId, ctx, 'JSON Schema');
    }
  }
}

/** The record name the record strategies use for JSON Schema: the `title`, as Confluent does. */
function titleOf(document: object | undefined): string | undefined {
  const title = (document as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' && title !== '' ? title : undefined;
}

// Serializers made from a declared zod model (defineMessage): the value is typed by the model, parsed by it
// before encoding (a rejected value never reaches the wire), and written with the schema the model maps to,
// the same text `schemagate generate` writes.
import { safeParse, type input, type output } from 'zod/v4/core';
import { fullNameOf, type BaseDeclaration, type MessageDeclaration } from '../formats/zod/declare.js';
import { declarationToAvro } from '../formats/zod/to-avro.js';
import { declarationToJsonSchema } from '../formats/zod/to-json-schema.js';
import { formatAvsc } from '../formats/zod/write-avsc.js';
import { jsonSchemaIdOf } from '../formats/zod/to-json-schema.js';
import { defOf, type ZodDef, type ZodSchemaLike } from '../formats/zod/zod-view.js';
import { AvroSerializer, type AvroSerializerOptions } from './avro.js';
import { MODEL_LOGICAL_TYPES, MODEL_LONG, toAvroDatum } from './avro-logical.js';
import { SerdeError, type SerdeRole } from './errors.js';
import { JsonSchemaSerializer, type JsonSchemaSerializerOptions } from './json.js';
import type { SerdeRegistry } from './registry.js';
import type { Serializer } from './serde.js';
import type { SerializerOptions } from './writer-schema.js';

/** One thing the model refused: where (a JSON Pointer, `/items/0/price`) and zod's message. */
export interface ModelIssue {
  path: string;
  message: string;
}

export class ModelRejectedError extends SerdeError {
  /** The record's full name of the declaration whose model refused the value. */
  readonly model: string;
  readonly issues: readonly ModelIssue[];
  /** The JSON Pointers of the issues, as `PayloadMismatchError.paths`. */
  readonly paths: readonly string[];

  constructor(model: string, issues: ModelIssue[], topic: string, role: SerdeRole) {
    const detail = issues
      .slice(0, 5)
      .map((i) => `${i.path === '' ? '(root)' : i.path}: ${i.message}`)
      .join('; ');
    super('VALUE_REJECTED_BY_MODEL', `value rejected by the model ${model}: ${detail}`, { topic, role });
    this.name = 'ModelRejectedError';
    this.model = model;
    this.issues = issues;
    this.paths = issues.map((i) => i.path);
  }
}

/** The serializer options a model serializer takes: the schema and role come from the declaration. */
export type ModelSerializerOptions = Omit<SerializerOptions, 'role'> &
  Pick<AvroSerializerOptions, 'avro'> &
  Pick<JsonSchemaSerializerOptions, 'validate' | 'ajv'> & {
    /**
     * The shared bases the model uses (as `generate` was given them): the schema refers to them by name,
     * as the generated file does; give their registered subjects in `references`.
     */
    bases?: readonly BaseDeclaration[];
  };

/** A serializer whose values are the model's input type; what it writes is the model's parsed output. */
export class ModelSerializer<M extends ZodSchemaLike> implements Serializer<input<M>> {
  private readonly inner: AvroSerializer<output<M>> | JsonSchemaSerializer<output<M>>;
  private readonly role: SerdeRole;
  private readonly modelName: string;
  private readonly toDatum: (value: unknown) => unknown;

  constructor(
    readonly declaration: MessageDeclaration<M>,
    registry: SerdeRegistry,
    options: ModelSerializerOptions = {},
  ) {
    const d = declaration;
    const { bases = [], ...rest } = options;
    const avroBases = new Map<ZodDef, string>(bases.map((b) => [defOf(b.model), fullNameOf(b)]));
    const jsonBases = new Map<ZodDef, string>(bases.map((b) => [defOf(b.model), jsonSchemaIdOf(b)]));
    this.role = d.key ? 'key' : 'value';
    const avroText = d.format === 'json' ? undefined : formatAvsc(declarationToAvro(d, avroBases).schema);
    this.modelName = fullNameOf(d);
    const common: SerializerOptions = {
      ...rest,
      role: this.role,
      // A declared subject is where the model's schema lives, whatever the topic.
      ...(d.subject === undefined ? {} : { subjectNameStrategy: () => d.subject! }),
    };
    this.inner =
      d.format === 'json'
        ? new JsonSchemaSerializer(registry, {
            ...common,
            ...pick(options, 'validate', 'ajv'),
            schema: declarationToJsonSchema(d, jsonBases).schema,
          })
        : new AvroSerializer(registry, {
            ...common,
            schema: avroText,
            avro: { logicalTypes: MODEL_LOGICAL_TYPES, registry: { long: MODEL_LONG }, ...options.avro },
          });
    // Only a schema with bytes needs the model's Uint8Arrays made Buffers (avsc's bytes); others pass as they are.
    // (A base's fields are not in the text: with bases, always.)
    const bytes = avroText !== undefined && (avroText.includes('"bytes"') || bases.length > 0);
    this.toDatum = bytes ? toAvroDatum : (v) => v;
  }

  /** Resolves the subject and schema id for `topic` (registry calls happen here, once per topic). */
  prepare(topic: string): Promise<{ subject: string; schemaId: number }> {
    return this.inner.prepare(topic);
  }

  serialize(topic: string, value: input<M>): Promise<Buffer> {
    let parsed: output<M>;
    try {
      parsed = this.parse(topic, value);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.inner.serialize(topic, this.toDatum(parsed) as output<M>);
  }

  /** Synchronous once `prepare(topic)` or one `serialize(topic, …)` has completed. */
  serializeSync(topic: string, value: input<M>): Buffer {
    return this.inner.serializeSync(topic, this.toDatum(this.parse(topic, value)) as output<M>);
  }

  private parse(topic: string, value: input<M>): output<M> {
    const result = safeParse(this.declaration.model as never, value);
    if (result.success) return result.data as output<M>;
    const issues = result.error.issues.map((i) => ({ path: pointer(i.path), message: i.message }));
    throw new ModelRejectedError(this.modelName, issues, topic, this.role);
  }
}

/**
 * A serializer for a declared message: Avro or JSON Schema as the declaration says, its value typed by the
 * model, `{topic}-value` (or `-key`, or the declared subject) as the subject.
 */
export function serializerFor<M extends ZodSchemaLike>(
  declaration: MessageDeclaration<M>,
  registry: SerdeRegistry,
  options: ModelSerializerOptions = {},
): ModelSerializer<M> {
  return new ModelSerializer(declaration, registry, options);
}

/** A zod issue path as a JSON Pointer (RFC 6901 escaping). */
function pointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function pick<T extends object, K extends keyof T>(o: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

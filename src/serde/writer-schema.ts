// The serializer side's registry protocol, shared by the Avro and JSON Schema serializers: name the subject,
// then get the id to write (register, look up, the latest version, or a fixed id, in Confluent's order), once
// per topic. Afterwards `ready(topic)` answers synchronously, so encoding needs no promise.
import { SerdeError, type SerdeRole } from './errors.js';
import {
  fetchSchemaById,
  subjectCall,
  type SerdeRegistry,
  type SerdeSchema,
  type SerdeSchemaReference,
  type SerdeSchemaType,
} from './registry.js';
import { OncePerKey } from './once-per-key.js';
import { subjectName, type SubjectNameStrategy } from './subject.js';

/** Options every serializer takes, named as Confluent's serializer configs. */
export interface SerializerOptions {
  /** Serializing keys or values (the topic strategy's `-key`/`-value` suffix). Default `value`. */
  role?: SerdeRole;
  /** Default `topic`. */
  subjectNameStrategy?: SubjectNameStrategy;
  /**
   * Register the schema under the subject (`auto.register.schemas`). Default true, as in the Java
   * serializers, unless `useLatestVersion` or `useSchemaId` is set. Otherwise the schema is looked up.
   */
  autoRegister?: boolean;
  /** Write with the subject's latest version instead of the configured schema (`use.latest.version`). */
  useLatestVersion?: boolean;
  /** Write with this schema id (`use.schema.id`). */
  useSchemaId?: number;
  /** Pass `normalize=true` to register and lookup (`normalize.schemas`). */
  normalize?: boolean;
  /** References of the configured schema, as registered. */
  references?: SerdeSchemaReference[];
}

/** The configured writer schema in registry form, with the name the record strategies use. */
export interface ConfiguredSchema {
  text: string;
  recordName: string | undefined;
}

export interface PreparedWriter<P> {
  subject: string;
  schemaId: number;
  /** The format's compiled form of the schema that is written (an avsc Type, an ajv validator…). */
  compiled: P;
}

export class WriterSchemas<P> {
  private readonly byTopic = new OncePerKey<string, PreparedWriter<P>>();
  private readonly role: SerdeRole;
  private readonly strategy: SubjectNameStrategy;
  private readonly autoRegister: boolean;

  constructor(
    private readonly registry: SerdeRegistry,
    private readonly schemaType: SerdeSchemaType,
    private readonly options: SerializerOptions,
    private readonly configured: ConfiguredSchema | undefined,
    /** Compiles a schema; `isConfigured` when it is the configured one (its compiled form can be reused). */
    private readonly compile: (schema: SerdeSchema, isConfigured: boolean) => Promise<P>,
  ) {
    this.role = options.role ?? 'value';
    this.strategy = options.subjectNameStrategy ?? 'topic';
    this.autoRegister =
      options.autoRegister ?? (options.useLatestVersion !== true && options.useSchemaId === undefined);
    if (configured === undefined && options.useLatestVersion !== true && options.useSchemaId === undefined) {
      throw new SerdeError(
        'NO_SUBJECT',
        'no schema configured: pass `schema`, or set `useLatestVersion` or `useSchemaId`',
      );
    }
  }

  /** The prepared writer for `topic`, or undefined before `prepare(topic)` has completed. */
  ready(topic: string): PreparedWriter<P> | undefined {
    return this.byTopic.get(topic);
  }

  prepare(topic: string): Promise<PreparedWriter<P>> {
    const done = this.byTopic.get(topic);
    if (done !== undefined) return Promise.resolve(done);
    // Failures are not cached: the next message asks the registry again.
    return this.byTopic.load(topic, () => this.resolve(topic));
  }

  private async resolve(topic: string): Promise<PreparedWriter<P>> {
    const subject = subjectName(this.strategy, topic, this.role, this.configured?.recordName);
    const { registry, options, configured } = this;
    const input = configured === undefined ? undefined : this.input(configured.text);
    const normalize = options.normalize === true ? { normalize: true } : {};
    if (this.autoRegister && input !== undefined) {
      const { id } = await subjectCall('registering the schema', subject, () =>
        registry.register(subject, input, normalize),
      );
      return { subject, schemaId: id, compiled: await this.compileChecked(input, true, subject) };
    }
    if (options.useSchemaId !== undefined) {
      const stored = await fetchSchemaById(
        registry,
        options.useSchemaId,
        { topic, role: this.role },
        subject,
      );
      this.checkType(stored, subject);
      return {
        subject,
        schemaId: options.useSchemaId,
        compiled: await this.compileChecked(stored, false, subject),
      };
    }
    if (options.useLatestVersion === true) {
      const latest = await subjectCall('fetching the latest version', subject, () =>
        registry.getVersion(subject, 'latest'),
      );
      this.checkType(latest, subject);
      return { subject, schemaId: latest.id, compiled: await this.compileChecked(latest, false, subject) };
    }
    const found = await subjectCall('looking up the schema', subject, () =>
      registry.lookup(subject, input!, normalize),
    );
    return { subject, schemaId: found.id, compiled: await this.compileChecked(input!, true, subject) };
  }

  private input(text: string): SerdeSchema {
    const input: SerdeSchema = { schema: text };
    if (this.schemaType !== 'AVRO') input.schemaType = this.schemaType;
    if (this.options.references !== undefined && this.options.references.length > 0)
      input.references = this.options.references;
    return input;
  }

  private checkType(schema: SerdeSchema, subject: string): void {
    const type = schema.schemaType ?? 'AVRO';
    if (type !== this.schemaType) {
      throw new SerdeError(
        'WRONG_SCHEMA_TYPE',
        `subject ${subject} holds a ${type} schema, not ${this.schemaType}`,
        {},
        { subject },
      );
    }
  }

  private async compileChecked(schema: SerdeSchema, isConfigured: boolean, subject: string): Promise<P> {
    try {
      return await this.compile(schema, isConfigured);
    } catch (error) {
      if (error instanceof SerdeError) throw error;
      throw new SerdeError(
        'INVALID_SCHEMA',
        `the schema of subject ${subject} cannot be used: ${(error as Error).message}`,
        {},
        { subject, cause: error },
      );
    }
  }
}

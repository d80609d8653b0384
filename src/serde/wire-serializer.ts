// What the Avro and JSON Schema serializers share: the per-topic writer (subject and schema id, from
// WriterSchemas) and the async and sync entry points around it. A format supplies only `encode`.
import { SerdeError, type SerdeRole } from './errors.js';
import type { Serializer } from './serde.js';
import type { WriterSchemas } from './writer-schema.js';

export abstract class WireSerializer<T, P> implements Serializer<T> {
  protected readonly role: SerdeRole;

  protected constructor(
    private readonly writers: WriterSchemas<P>,
    role: SerdeRole | undefined,
  ) {
    this.role = role ?? 'value';
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

  /** The whole message, header included, for `value` written with the compiled schema `schemaId`. */
  protected abstract encode(schemaId: number, compiled: P, value: T, topic: string): Buffer;
}

// Producing and consuming registry-serialized messages: the seed's SchemaRegistryKafkaService in TypeScript.
//
// Delivery is at-least-once. A record's offset is resolved (and later committed) only after its handler
// succeeded or it was written to the dead-letter topic; a consumer stopped or crashed in between sees the
// record again. Memory is bounded: one fetched batch at a time, records handled one by one, each produce
// awaited.
import { SchemagateError } from '../errors.js';
import { isSerdeError, type MessageContext } from '../serde/errors.js';
import type { Deserializer, Serializer } from '../serde/serde.js';
import type {
  BatchControl,
  HeaderValue,
  IncomingRecord,
  KafkaClientPort,
  KafkaConsumerPort,
  KafkaProducerPort,
  RecordMetadata,
} from './client.js';
import { deadLetterRecord, defaultDeadLetterTopic, type FailureStage } from './dead-letter.js';

export interface KafkaServiceOptions<V, K> {
  client: KafkaClientPort;
  /** Writes message values (an AvroSerializer or JsonSchemaSerializer, say). */
  valueSerializer?: Serializer<V>;
  /** Reads message values. */
  valueDeserializer?: Deserializer<V>;
  /** Writes keys; without one a string key is written as UTF-8 and a Buffer as is. */
  keySerializer?: Serializer<K>;
  /** Reads keys; without one the handler gets the key bytes. */
  keyDeserializer?: Deserializer<K>;
}

export interface ProduceOptions<K> {
  key?: K | string | Buffer | null;
  headers?: Record<string, HeaderValue>;
  partition?: number;
}

export interface ConsumedMessage<V, K> {
  topic: string;
  partition: number;
  offset: string;
  /** Deserialized with `keyDeserializer` when given, otherwise the raw bytes. */
  key: K | Buffer | null;
  /** Null for a tombstone (a record without value). */
  value: V | null;
  headers: Record<string, Buffer | undefined>;
  timestamp: string;
}

export interface DeadLetterEvent {
  topic: string;
  partition: number;
  offset: string;
  deadLetterTopic: string;
  stage: FailureStage;
  error: unknown;
  attempts: number;
}

export interface ConsumeOptions<V, K> {
  topics: string[];
  groupId: string;
  handler: (message: ConsumedMessage<V, K>) => Promise<void> | void;
  /** Where a group without a committed offset starts. Default false (new records only), as Kafka's `latest`. */
  fromBeginning?: boolean;
  /**
   * Offsets are committed after every fetched batch, on rebalance and on stop, and also every
   * `commitIntervalMs` (default 5000, Kafka's `auto.commit.interval.ms`) and, when set, once
   * `commitThreshold` records are processed and uncommitted (1 = after every record). A crash
   * re-delivers what was processed since the last commit.
   */
  commitIntervalMs?: number;
  commitThreshold?: number;
  /** Handler attempts per record before it is dead-lettered. Default 3. */
  maxAttempts?: number;
  /** First delay between handler attempts (doubling, capped at 5 s). Default 200 ms. */
  retryBackoffMs?: number;
  /** Dead-letter topic for a record of `topic`. Default `{topic}.dlq`. */
  deadLetterTopic?: (topic: string) => string;
  /** Told about every dead-lettered record (after it was written). */
  onDeadLetter?: (event: DeadLetterEvent) => void;
  sessionTimeoutMs?: number;
  /** Bounds on one fetch (kafkajs defaults: 1 MiB per partition, 10 MiB in all). */
  maxBytesPerPartition?: number;
  maxBytes?: number;
  /**
   * How long the broker may hold a fetch that finds nothing new (kafkajs default 5000 ms). stop() waits for
   * the fetch in flight, so this bounds how long a graceful shutdown of an idle consumer takes.
   */
  maxWaitTimeMs?: number;
}

export interface ConsumerHandle {
  /** Graceful: the record in flight finishes or is abandoned uncommitted, processed offsets are committed. */
  stop(): Promise<void>;
  /** Settles when the consumer has stopped: resolves after stop(), rejects when the client gave up. */
  done: Promise<void>;
}

const MAX_BACKOFF_MS = 5000;

export class SchemaRegistryKafkaService<V, K = string> {
  private producerPromise: Promise<KafkaProducerPort> | undefined;
  private readonly consumers = new Set<ConsumerHandle>();

  constructor(private readonly options: KafkaServiceOptions<V, K>) {}

  /** Serializes and writes one message; resolves once the broker has it (acks=all). */
  async produce(topic: string, message: V | null, options: ProduceOptions<K> = {}): Promise<RecordMetadata> {
    const value = message === null ? null : await this.serializer().serialize(topic, message);
    const key = await this.serializeKey(topic, options.key);
    const producer = await this.producer();
    const [meta] = await producer.send(topic, [
      {
        key,
        value,
        ...(options.headers === undefined ? {} : { headers: options.headers }),
        ...(options.partition === undefined ? {} : { partition: options.partition }),
      },
    ]);
    if (meta === undefined)
      throw new SchemagateError('KAFKA_ERROR', `no acknowledgement for the record sent to ${topic}`);
    return meta;
  }

  /** Starts a consumer; resolves once it is subscribed and running. */
  async consume(options: ConsumeOptions<V, K>): Promise<ConsumerHandle> {
    // Checked up front: a missing deserializer must not dead-letter every record.
    this.deserializer();
    if (typeof options.handler !== 'function')
      throw new SchemagateError('INVALID_ARGUMENT', 'consume() needs a handler');
    const consumer = await this.options.client.consumer({
      groupId: options.groupId,
      ...(options.sessionTimeoutMs === undefined ? {} : { sessionTimeoutMs: options.sessionTimeoutMs }),
      ...(options.maxBytesPerPartition === undefined
        ? {}
        : { maxBytesPerPartition: options.maxBytesPerPartition }),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
      ...(options.maxWaitTimeMs === undefined ? {} : { maxWaitTimeMs: options.maxWaitTimeMs }),
    });
    const run = new ConsumerRun(this, consumer, options);
    const handle: ConsumerHandle = {
      stop: async () => {
        await run.stop();
        this.consumers.delete(handle);
      },
      done: run.done,
    };
    this.consumers.add(handle);
    try {
      await run.start();
    } catch (error) {
      await handle.stop().catch(() => undefined);
      throw error;
    }
    return handle;
  }

  /** Stops every consumer, then disconnects the producer. */
  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    const producer = this.producerPromise;
    this.producerPromise = undefined;
    if (producer !== undefined) await (await producer).disconnect();
  }

  /** @internal */
  producer(): Promise<KafkaProducerPort> {
    if (this.producerPromise === undefined) {
      const pending = this.options.client.producer();
      pending.catch(() => {
        if (this.producerPromise === pending) this.producerPromise = undefined;
      });
      this.producerPromise = pending;
    }
    return this.producerPromise;
  }

  /** @internal */
  async decode(record: IncomingRecord): Promise<ConsumedMessage<V, K>> {
    const context: MessageContext = {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
    };
    const { keyDeserializer } = this.options;
    const key =
      record.key === null || keyDeserializer === undefined
        ? record.key
        : await keyDeserializer.deserialize(record.topic, record.key, { ...context, role: 'key' });
    const value =
      record.value === null
        ? null
        : await this.deserializer().deserialize(record.topic, record.value, { ...context, role: 'value' });
    return {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      key,
      value,
      headers: record.headers,
      timestamp: record.timestamp,
    };
  }

  private async serializeKey(
    topic: string,
    key: K | string | Buffer | null | undefined,
  ): Promise<Buffer | null> {
    if (key === undefined || key === null) return null;
    if (this.options.keySerializer !== undefined)
      return this.options.keySerializer.serialize(topic, key as K);
    if (Buffer.isBuffer(key)) return key;
    if (typeof key === 'string') return Buffer.from(key, 'utf8');
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      'a key that is not a string or a Buffer needs a keySerializer',
    );
  }

  private serializer(): Serializer<V> {
    if (this.options.valueSerializer === undefined)
      throw new SchemagateError('INVALID_ARGUMENT', 'produce() needs a valueSerializer');
    return this.options.valueSerializer;
  }

  private deserializer(): Deserializer<V> {
    if (this.options.valueDeserializer === undefined)
      throw new SchemagateError('INVALID_ARGUMENT', 'consume() needs a valueDeserializer');
    return this.options.valueDeserializer;
  }
}

type Outcome = 'handled' | 'dead-lettered' | 'abandoned';

/** One running consumer: the per-record protocol (decode, handle with retries, dead-letter, resolve). */
class ConsumerRun<V, K> {
  readonly done: Promise<void>;
  private settle!: { resolve: () => void; reject: (error: unknown) => void };
  private readonly abort = new AbortController();
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly service: SchemaRegistryKafkaService<V, K>,
    private readonly consumer: KafkaConsumerPort,
    private readonly options: ConsumeOptions<V, K>,
  ) {
    this.done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    // A caller that never awaits `done` must not get an unhandled rejection.
    this.done.catch(() => undefined);
    consumer.onFatal((error) => {
      this.abort.abort();
      this.settle.reject(
        new SchemagateError(
          'KAFKA_ERROR',
          `the consumer of group ${options.groupId} stopped: ${error.message}`,
          {},
          { cause: error },
        ),
      );
    });
  }

  start(): Promise<void> {
    return this.consumer.run({
      topics: this.options.topics,
      fromBeginning: this.options.fromBeginning ?? false,
      commitIntervalMs: this.options.commitIntervalMs ?? 5000,
      ...(this.options.commitThreshold === undefined
        ? {}
        : { commitThreshold: this.options.commitThreshold }),
      eachBatch: (records, control) => this.eachBatch(records, control),
    });
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.abort.abort();
      try {
        await this.consumer.stop();
        this.settle.resolve();
      } catch (error) {
        this.settle.reject(error);
        throw error;
      }
    })();
    return this.stopping;
  }

  private async eachBatch(records: IncomingRecord[], control: BatchControl): Promise<void> {
    for (const record of records) {
      if (!control.isRunning() || control.isStale() || this.abort.signal.aborted) return;
      const outcome = await this.process(record, control);
      if (outcome === 'abandoned') return;
      control.resolveOffset(record.offset);
      await control.commitIfDue();
      await control.heartbeat();
    }
  }

  private async process(record: IncomingRecord, control: BatchControl): Promise<Outcome> {
    let message: ConsumedMessage<V, K>;
    for (let attempt = 1; ; attempt++) {
      try {
        message = await this.service.decode(record);
        break;
      } catch (error) {
        // A registry outage is not the record's fault: wait for the registry instead of dead-lettering.
        if (isSerdeError(error) && error.retryable) {
          if (!(await this.pause(attempt, control))) return 'abandoned';
          continue;
        }
        return this.deadLetter(record, 'deserialize', error, 1);
      }
    }
    const maxAttempts = Math.max(1, this.options.maxAttempts ?? 3);
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        await this.options.handler(message);
        return 'handled';
      } catch (error) {
        lastError = error;
        if (attempt < maxAttempts && !(await this.pause(attempt, control))) return 'abandoned';
      }
    }
    return this.deadLetter(record, 'handler', lastError, maxAttempts);
  }

  /** Backs off before another attempt; false when the consumer is stopping (leave the record uncommitted). */
  private async pause(attempt: number, control: BatchControl): Promise<boolean> {
    const base = this.options.retryBackoffMs ?? 200;
    await sleep(Math.min(MAX_BACKOFF_MS, base * 2 ** (attempt - 1)), this.abort.signal);
    if (this.abort.signal.aborted || !control.isRunning()) return false;
    await control.heartbeat();
    return !control.isStale();
  }

  private async deadLetter(
    record: IncomingRecord,
    stage: FailureStage,
    error: unknown,
    attempts: number,
  ): Promise<Outcome> {
    const deadLetterTopic = (this.options.deadLetterTopic ?? defaultDeadLetterTopic)(record.topic);
    const producer = await this.service.producer();
    // If this write fails the error propagates: the record stays uncommitted and is consumed again.
    await producer.send(deadLetterTopic, [
      deadLetterRecord(record, { stage, error, attempts, groupId: this.options.groupId }),
    ]);
    this.options.onDeadLetter?.({
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      deadLetterTopic,
      stage,
      error,
      attempts,
    });
    return 'dead-lettered';
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

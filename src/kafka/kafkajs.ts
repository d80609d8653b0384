// The kafkajs adapter behind KafkaClientPort. kafkajs is pure JavaScript (no native build, runs wherever
// Node runs) and is loaded on first use, so the library works without it for everything but Kafka.
import type { Consumer, Kafka, KafkaConfig, Producer } from 'kafkajs';
import { SchemagateError } from '../errors.js';
import type {
  ConsumerPortOptions,
  IncomingRecord,
  KafkaClientPort,
  KafkaConsumerPort,
  KafkaProducerPort,
  OutgoingRecord,
  RecordMetadata,
} from './client.js';

export type KafkajsLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkajsClientOptions {
  /** `host:port` list. */
  brokers: string[];
  clientId?: string;
  /** kafkajs's own logging. Default `warn`. */
  logLevel?: KafkajsLogLevel;
  /** Anything else kafkajs takes (ssl, sasl, timeouts…); wins over the above. */
  kafkajs?: Partial<KafkaConfig>;
}

export type KafkajsModule = typeof import('kafkajs');

let loaded: Promise<KafkajsModule> | undefined;
export function loadKafkajs(): Promise<KafkajsModule> {
  loaded ??= import('kafkajs').then(
    (m) => ((m as unknown as { default?: KafkajsModule }).default ?? m) as KafkajsModule,
    (error: unknown) => {
      loaded = undefined;
      throw new SchemagateError(
        'KAFKA_ERROR',
        'the Kafka integration needs the kafkajs package: npm install kafkajs',
        {},
        { cause: error },
      );
    },
  );
  return loaded;
}

/** A KafkaClientPort on kafkajs, from options or from an existing `Kafka` instance. */
export function kafkajsClient(options: KafkajsClientOptions | { kafka: Kafka }): KafkaClientPort {
  let kafka: Promise<{ kafka: Kafka; module: KafkajsModule }> | undefined;
  const get = () =>
    (kafka ??= loadKafkajs().then((module) => {
      if ('kafka' in options) return { kafka: options.kafka, module };
      const level = {
        nothing: module.logLevel.NOTHING,
        error: module.logLevel.ERROR,
        warn: module.logLevel.WARN,
        info: module.logLevel.INFO,
        debug: module.logLevel.DEBUG,
      }[options.logLevel ?? 'warn'];
      return {
        kafka: new module.Kafka({
          brokers: options.brokers,
          clientId: options.clientId ?? 'schemagate',
          logLevel: level,
          ...options.kafkajs,
        }),
        module,
      };
    }));
  return {
    async producer() {
      const { kafka: k, module } = await get();
      const producer = k.producer({
        createPartitioner: module.Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: true,
      });
      await producer.connect();
      return new KafkajsProducer(producer);
    },
    async consumer(consumerOptions) {
      const { kafka: k } = await get();
      const consumer = k.consumer(consumerConfig(consumerOptions));
      await consumer.connect();
      return new KafkajsConsumer(consumer);
    },
  };
}

function consumerConfig(options: ConsumerPortOptions): Parameters<Kafka['consumer']>[0] {
  return {
    groupId: options.groupId,
    ...(options.sessionTimeoutMs === undefined ? {} : { sessionTimeout: options.sessionTimeoutMs }),
    ...(options.maxBytesPerPartition === undefined
      ? {}
      : { maxBytesPerPartition: options.maxBytesPerPartition }),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(options.maxWaitTimeMs === undefined ? {} : { maxWaitTimeInMs: options.maxWaitTimeMs }),
  };
}

class KafkajsProducer implements KafkaProducerPort {
  constructor(private readonly producer: Producer) {}

  async send(topic: string, records: OutgoingRecord[]): Promise<RecordMetadata[]> {
    const result = await this.producer.send({
      topic,
      // acks=all: a produced message (or a dead-lettered one) is on the broker before we move on.
      acks: -1,
      messages: records.map((r) => ({
        key: r.key ?? null,
        value: r.value,
        ...(r.headers === undefined ? {} : { headers: r.headers }),
        ...(r.partition === undefined ? {} : { partition: r.partition }),
      })),
    });
    return result.map((m) => ({
      topic: m.topicName,
      partition: m.partition,
      offset: m.baseOffset ?? m.offset ?? '-1',
    }));
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}

class KafkajsConsumer implements KafkaConsumerPort {
  private readonly fatalListeners: Array<(error: Error) => void> = [];

  constructor(private readonly consumer: Consumer) {
    consumer.on(consumer.events.CRASH, (event) => {
      if (!event.payload.restart) for (const listener of this.fatalListeners) listener(event.payload.error);
    });
  }

  async run(options: Parameters<KafkaConsumerPort['run']>[0]): Promise<void> {
    await this.consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning });
    await this.consumer.run({
      // Offsets advance only through resolveOffset (after a record was handled or dead-lettered); kafkajs
      // commits the resolved ones after each batch, before a rebalance and at shutdown.
      eachBatchAutoResolve: false,
      autoCommit: true,
      ...(options.commitIntervalMs === undefined ? {} : { autoCommitInterval: options.commitIntervalMs }),
      ...(options.commitThreshold === undefined ? {} : { autoCommitThreshold: options.commitThreshold }),
      partitionsConsumedConcurrently: 1,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        isRunning,
        isStale,
        commitOffsetsIfNecessary,
      }) => {
        const records: IncomingRecord[] = batch.messages.map((m) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: m.offset,
          key: m.key ?? null,
          value: m.value ?? null,
          headers: normalizeHeaders(m.headers),
          timestamp: m.timestamp,
        }));
        await options.eachBatch(records, {
          resolveOffset,
          heartbeat,
          isRunning,
          isStale,
          commitIfDue: () => commitOffsetsIfNecessary(),
        });
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  onFatal(listener: (error: Error) => void): void {
    this.fatalListeners.push(listener);
  }
}

function normalizeHeaders(
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
): Record<string, Buffer | undefined> {
  const out: Record<string, Buffer | undefined> = {};
  if (headers === undefined) return out;
  for (const [name, value] of Object.entries(headers)) {
    // A repeated header keeps its last value, as Kafka's `Headers.lastHeader`.
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    out[name] = last === undefined ? undefined : Buffer.isBuffer(last) ? last : Buffer.from(last);
  }
  return out;
}

// The small Kafka surface the service needs. kafkajs implements it (src/kafka/kafkajs.ts); another client
// (node-rdkafka, @confluentinc/kafka-javascript) would only need an adapter of this size.

export type HeaderValue = Buffer | string;

export interface OutgoingRecord {
  key?: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, HeaderValue>;
  partition?: number;
}

export interface RecordMetadata {
  topic: string;
  partition: number;
  /** Offset of the (first) record written, as a decimal string (Kafka offsets are int64). */
  offset: string;
}

export interface IncomingRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | undefined>;
  /** Milliseconds since the epoch, as a decimal string. */
  timestamp: string;
}

/** Offered while a fetched batch is processed, one partition at a time. */
export interface BatchControl {
  /** Marks `offset` processed: it is committed (as offset + 1) after the batch or at shutdown. */
  resolveOffset(offset: string): void;
  /** Keeps the group membership alive during long work; throws when a rebalance revoked the partition. */
  heartbeat(): Promise<void>;
  /** False once stop() was called: finish or abandon the current record and return. */
  isRunning(): boolean;
  /** True when the partition was re-assigned or seeked: the rest of the batch must not be processed. */
  isStale(): boolean;
  /** Commits the resolved offsets when the commit interval or threshold is reached. */
  commitIfDue(): Promise<void>;
}

export interface KafkaProducerPort {
  send(topic: string, records: OutgoingRecord[]): Promise<RecordMetadata[]>;
  disconnect(): Promise<void>;
}

export interface ConsumerPortOptions {
  groupId: string;
  /** Kafka's `session.timeout.ms`. */
  sessionTimeoutMs?: number;
  /** Bounds on what one fetch may buffer in memory (the consumer processes one batch at a time). */
  maxBytesPerPartition?: number;
  maxBytes?: number;
  /** How long the broker may hold an empty fetch; a stop waits for the fetch in flight. */
  maxWaitTimeMs?: number;
}

export interface KafkaConsumerPort {
  /**
   * Subscribes and starts fetching; resolves once running. Batches arrive one at a time: the next fetch
   * is not processed before `eachBatch` returns, so memory is bounded by the fetch size.
   */
  run(options: {
    topics: string[];
    fromBeginning: boolean;
    /** Commit resolved offsets at least this often, besides after every batch. */
    commitIntervalMs?: number;
    /** Commit once this many offsets are resolved and uncommitted. */
    commitThreshold?: number;
    eachBatch: (records: IncomingRecord[], control: BatchControl) => Promise<void>;
  }): Promise<void>;
  /** Graceful: lets the batch in flight return, commits resolved offsets, leaves the group, disconnects. */
  stop(): Promise<void>;
  /** A crash the client will not recover from by itself (it restarts on retriable ones). */
  onFatal(listener: (error: Error) => void): void;
}

export interface KafkaClientPort {
  /** A connected producer. */
  producer(): Promise<KafkaProducerPort>;
  /** A connected consumer in group `groupId`. */
  consumer(options: ConsumerPortOptions): Promise<KafkaConsumerPort>;
}

import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';

interface Waiter {
  offset: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

/** What the reader does with one record; it returns whether the record was one the registry understood. */
export type RecordSink = (key: string, value: string | null, timestamp: number, offset: number) => boolean;

/**
 * Reads the whole topic from its first offset, then tails it, committed records only (a fenced or
 * aborted write is never applied). Every node has its own: a consumer of a group no one else joins,
 * that never commits offsets. Records this node wrote itself, and applied when it wrote them, are
 * passed over by offset.
 */
export class TopicReader {
  /** The next offset to read: everything below it has been applied. */
  position = 0;
  /** Records that were not registry records (not JSON, a field missing), passed over. */
  skipped = 0;
  private readonly own = new Set<number>();
  private waiters: Waiter[] = [];
  private failure: Error | undefined;

  private constructor(
    private readonly consumer: Consumer,
    private readonly sink: RecordSink,
  ) {}

  static async start(kafka: Kafka, topic: string, groupId: string, sink: RecordSink): Promise<TopicReader> {
    const consumer = kafka.consumer({
      groupId: `${groupId}-reader-${randomUUID()}`,
      maxBytesPerPartition: 4 * 1024 * 1024,
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
      readUncommitted: false,
    });
    const reader = new TopicReader(consumer, sink);
    consumer.on(consumer.events.CRASH, (e) => {
      if (!e.payload.restart) reader.fail(e.payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      // Nothing is committed (every start reads from the beginning); resolving the batch moves the fetch on.
      autoCommit: false,
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        reader.consume(batch.messages);
        return Promise.resolve();
      },
    });
    return reader;
  }

  /** Offsets this node wrote and already applied; the reader passes over them. */
  markOwn(offsets: readonly number[]): void {
    for (const o of offsets) this.own.add(o);
  }

  /** Resolves once the record at `offset` has been read (applied, or passed over as our own). */
  reached(offset: number): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (offset < this.position) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ offset, resolve, reject }));
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  private consume(messages: KafkaMessage[]): void {
    for (const m of messages) {
      const offset = Number(m.offset);
      // A restarted fetch may hand out records again.
      if (offset < this.position) continue;
      if (!this.own.delete(offset)) {
        const key = m.key?.toString('utf8');
        const ok =
          key !== undefined &&
          this.sink(key, m.value === null ? null : m.value.toString('utf8'), Number(m.timestamp), offset);
        if (!ok) this.skipped++;
      }
      this.position = offset + 1;
    }
    if (this.waiters.length === 0) return;
    const done = this.waiters.filter((w) => w.offset < this.position);
    this.waiters = this.waiters.filter((w) => w.offset >= this.position);
    for (const w of done) w.resolve();
  }

  private fail(e: Error): void {
    this.failure = new Error(`the registry's topic reader stopped: ${e.message}`);
    for (const w of this.waiters) w.reject(this.failure);
    this.waiters = [];
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

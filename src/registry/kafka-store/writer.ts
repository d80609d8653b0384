import type { Kafka, Producer } from 'kafkajs';
import type { OutgoingRecord } from './translate.js';

/**
 * The leader's producer. Transactional, with one transactional id per election group: the producer a
 * new leader starts bumps the id's epoch, and from then on the broker refuses every write of the old
 * leader's producer (fencing), even if that node still believes it leads.
 */
export class TopicWriter {
  private constructor(
    private readonly producer: Producer,
    private readonly topic: string,
  ) {}

  static async start(kafka: Kafka, topic: string, transactionalId: string): Promise<TopicWriter> {
    const producer = kafka.producer({
      transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      transactionTimeout: 60_000,
    });
    await producer.connect();
    // kafkajs registers the transactional id (InitProducerId, which bumps its epoch and so fences the
    // previous holder, aborting its open transaction) at the first transaction: do that now.
    const tx = await producer.transaction();
    await tx.abort();
    return new TopicWriter(producer, topic);
  }

  /**
   * Writes the records in one transaction. `sent` gets their offsets before the commit, that is before
   * any reader (reading committed records only) can see them.
   */
  async write(records: readonly OutgoingRecord[], sent: (offsets: number[]) => void): Promise<number[]> {
    const tx = await this.producer.transaction();
    try {
      const [meta] = await tx.send({
        topic: this.topic,
        acks: -1,
        messages: records.map((r) => ({
          key: r.key,
          value: r.value,
          partition: 0,
          ...(r.timestamp === undefined ? {} : { timestamp: String(r.timestamp) }),
        })),
      });
      const base = Number(meta?.baseOffset ?? Number.NaN);
      if (!Number.isInteger(base)) throw new Error('the broker did not say where the records went');
      const offsets = records.map((_, i) => base + i);
      sent(offsets);
      await tx.commit();
      return offsets;
    } catch (e) {
      await tx.abort().catch(() => undefined);
      throw e;
    }
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
  }
}

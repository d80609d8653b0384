import type { Admin, Kafka, Producer } from 'kafkajs';
import { SchemagateError } from '../../errors.js';
import { loadKafkajs, type KafkajsModule } from '../../kafka/kafkajs.js';
import { RegistryHttpError } from '../server/errors.js';
import type { RegistryState } from '../server/state.js';
import type { LogEvent } from '../server/types.js';
import {
  DEFAULT_GROUP_ID,
  DEFAULT_TOPIC,
  kafkaSecurityFromEnv,
  type KafkaStoreOptions,
} from './connection.js';
import { LeaderElector, type Leadership } from './elector.js';
import { decodeRecord, encodeKey, RecordFormatError } from './records.js';
import { TopicReader } from './reader.js';
import { applyRecord, recordsForEvent, type OutgoingRecord } from './translate.js';
import { TopicWriter } from './writer.js';
import { GroupCommit } from '../server/group-commit.js';

export type Role = 'follower' | 'catching-up' | 'leader';

/** What `/_health` shows of a node on Kafka. */
export interface KafkaHealth {
  ready: boolean;
  role: Role;
  leaderUrl: string | undefined;
  /** Offsets of the topic applied so far. */
  position: number;
  /** Records in the topic that are not registry records, passed over. */
  skippedRecords: number;
  failure?: string;
}

const NOOP_KEY = encodeKey({ keytype: 'NOOP' });

/** Errors with Confluent's codes for a cluster without a usable leader (50004) or a forward that failed (50003). */
export const ClusterErrors = {
  unknownLeader: () => new RegistryHttpError(50004, 'Unknown leader: no registry node leads yet; try again'),
  notReady: () =>
    new RegistryHttpError(
      50002,
      'The registry is still reading its Kafka topic; try again when /_health says ready',
    ),
  forwardFailed: (why: string) =>
    new RegistryHttpError(50003, `Error while forwarding the request to the leader: ${why}`),
} as const;

/**
 * The registry's state on a Kafka topic in Confluent's format. Every node reads the topic into its
 * state; the elected leader also writes, in transactions, and answers a write once its own reader has
 * read that far (read-your-writes). It offers the file log's interface (append, durable) to the server.
 */
export class KafkaRegistryStore {
  private readonly commits = new GroupCommit<OutgoingRecord>(
    (batch) => this.commit(batch),
    (e) => e as Error,
  );
  private failure: Error | undefined;
  private writer: TopicWriter | undefined;
  private elector: LeaderElector | undefined;
  private leadership: Leadership = { leader: false, leaderUrl: undefined };
  private roleNow: Role = 'follower';
  private readyNow = false;
  private closed = false;
  private readonly fatalListeners: ((e: Error) => void)[] = [];
  readonly topic: string;
  readonly groupId: string;

  private constructor(
    private readonly kafka: Kafka,
    private readonly module: KafkajsModule,
    private readonly admin: Admin,
    private readonly noopProducer: Producer,
    private readonly reader: TopicReader,
    readonly state: RegistryState,
    private readonly options: KafkaStoreOptions,
  ) {
    this.topic = options.topic ?? DEFAULT_TOPIC;
    this.groupId = options.groupId ?? DEFAULT_GROUP_ID;
  }

  /** Connects, creates the topic if absent, and starts reading it into `state` (see `caughtUp`). */
  static async open(state: RegistryState, options: KafkaStoreOptions): Promise<KafkaRegistryStore> {
    const module = await loadKafkajs();
    const topic = options.topic ?? DEFAULT_TOPIC;
    const groupId = options.groupId ?? DEFAULT_GROUP_ID;
    const kafka = new module.Kafka({
      brokers: options.brokers,
      clientId: `schemagate-registry`,
      ...(options.security ?? kafkaSecurityFromEnv()),
      // kafkajs logs routine rebalance answers as errors; the store reports real failures itself.
      logLevel: module.logLevel.NOTHING,
    });
    const admin = kafka.admin();
    try {
      await admin.connect();
      await ensureTopic(admin, topic);
    } catch (e) {
      await admin.disconnect().catch(() => undefined);
      if (e instanceof SchemagateError) throw e;
      throw new SchemagateError(
        'REGISTRY_ERROR',
        `cannot use Kafka at ${options.brokers.join(',')}: ${(e as Error).message}`,
      );
    }
    const noopProducer = kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
    await noopProducer.connect();
    const ref: { store?: KafkaRegistryStore } = {};
    const reader = await TopicReader.start(kafka, topic, groupId, (key, value, ts) =>
      (ref.store as KafkaRegistryStore).applyRaw(key, value, ts),
    );
    ref.store = new KafkaRegistryStore(kafka, module, admin, noopProducer, reader, state, options);
    return ref.store;
  }

  private applyRaw(key: string, value: string | null, timestamp: number): boolean {
    try {
      const rec = decodeRecord({ key, value });
      return rec === undefined ? true : applyRecord(this.state, rec, timestamp);
    } catch (e) {
      if (e instanceof RecordFormatError) return false;
      throw e;
    }
  }

  /** Resolves when the reader has read everything written before the call (Confluent's NOOP trick). */
  async caughtUp(): Promise<void> {
    const [meta] = await this.noopProducer.send({
      topic: this.topic,
      acks: -1,
      messages: [{ key: NOOP_KEY, value: null, partition: 0 }],
    });
    await this.reader.reached(Number(meta?.baseOffset ?? 0));
  }

  /** Replays the topic to its end; the node is ready (serves requests) from then on. */
  async replay(): Promise<{ records: number; millis: number }> {
    const started = performance.now();
    await this.caughtUp();
    this.readyNow = true;
    return { records: this.reader.position, millis: performance.now() - started };
  }

  /** Joins the election with the URL other nodes forward writes to. */
  async join(url: string): Promise<void> {
    this.elector = await LeaderElector.start(
      this.kafka,
      this.module,
      this.admin,
      {
        groupId: this.groupId,
        topic: this.topic,
        url,
        sessionTimeoutMs: this.options.sessionTimeoutMs ?? 10_000,
      },
      (l) => this.onLeadership(l),
    );
  }

  private onLeadership(l: Leadership): void {
    const was = this.leadership.leader;
    this.leadership = l;
    if (l.leader && !was) void this.promote();
    if (!l.leader && was) this.demote();
  }

  /** A new leader fences the old one's producer, then reads to the end before it gives out an id. */
  private async promote(): Promise<void> {
    this.roleNow = 'catching-up';
    try {
      this.writer ??= await TopicWriter.start(this.kafka, this.topic, `schemagate-${this.groupId}`);
      await this.caughtUp();
      if (this.leadership.leader && this.roleNow === 'catching-up') this.roleNow = 'leader';
    } catch (e) {
      this.fatal(new Error(`could not take the lead: ${(e as Error).message}`));
    }
  }

  private demote(): void {
    this.roleNow = 'follower';
    const writer = this.writer;
    this.writer = undefined;
    if (writer === undefined) return;
    // The transaction under way, if any, ends (or is fenced) on its own; then the producer goes.
    void (async () => {
      while (this.commits.busy) await new Promise((r) => setTimeout(r, 20));
      await writer.stop().catch(() => undefined);
    })();
  }

  get ready(): boolean {
    return this.readyNow && this.failed === undefined;
  }

  get role(): Role {
    return this.roleNow;
  }

  get leaderUrl(): string | undefined {
    return this.leadership.leaderUrl;
  }

  /** The offset up to which this node has read: a follower waits for the leader's before it answers. */
  get position(): number {
    return this.reader.position;
  }

  /** Resolves once this node has read everything below `position`. */
  async applied(position: number): Promise<void> {
    if (position > 0) await this.reader.reached(position - 1);
  }

  health(): KafkaHealth {
    const failure = this.failure ?? this.reader.failed;
    return {
      ready: this.ready,
      role: this.roleNow,
      leaderUrl: this.leadership.leaderUrl,
      position: this.reader.position,
      skippedRecords: this.reader.skipped,
      ...(failure === undefined ? {} : { failure: failure.message }),
    };
  }

  /**
   * Where a write goes: here (we lead and have caught up) or to the leader's URL. Waits up to
   * `timeoutMs` for an election or a catch-up to finish.
   */
  async writeTarget(timeoutMs: number): Promise<'here' | { url: string }> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (this.failure !== undefined) throw new RegistryHttpError(50001, this.failure.message);
      if (this.roleNow === 'leader') return 'here';
      if (this.roleNow === 'follower' && this.leadership.leaderUrl !== undefined)
        return { url: this.leadership.leaderUrl };
      if (Date.now() >= until) throw ClusterErrors.unknownLeader();
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  onFatal(listener: (e: Error) => void): void {
    this.fatalListeners.push(listener);
  }

  // ---- the log's interface --------------------------------------------------------------------

  /** Throws, before any event is applied, unless this node may write now. */
  requireWriter(): void {
    if (this.failure !== undefined) throw new RegistryHttpError(50001, this.failure.message);
    if (this.roleNow !== 'leader') throw ClusterErrors.unknownLeader();
  }

  get head(): number {
    return this.commits.head;
  }

  get failed(): Error | undefined {
    return this.failure ?? this.reader.failed;
  }

  /** Turns the event into records against the state before it is applied; they go out together. */
  append(event: LogEvent): number {
    if (this.failure !== undefined) throw this.failure;
    return this.commits.add(recordsForEvent(this.state, event));
  }

  isDurable(seq: number): boolean {
    return this.commits.isDurable(seq);
  }

  durable(seq: number): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return this.commits.durable(seq);
  }

  /** One batch in one transaction, answered once this node's reader has read it back. */
  private async commit(batch: OutgoingRecord[]): Promise<void> {
    try {
      const writer = this.writer;
      if (writer === undefined) throw new Error('this node lost the lead before its write went out');
      const offsets = await writer.write(batch, (o) => this.reader.markOwn(o));
      await this.reader.reached(offsets[offsets.length - 1] ?? 0);
    } catch (e) {
      // What this node applied was not written: its state is no longer the topic's. It stops serving.
      const failure = new Error(`cannot write the registry topic ${this.topic}: ${(e as Error).message}`);
      this.fatal(failure);
      throw failure;
    }
  }

  private fatal(e: Error): void {
    if (this.failure !== undefined || this.closed) return;
    this.failure = e;
    this.roleNow = 'follower';
    this.commits.fail(e);
    for (const l of this.fatalListeners) l(e);
    void this.elector?.stop().catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.commits.busy) await new Promise((r) => setTimeout(r, 20));
    this.closed = true;
    await this.elector?.stop().catch(() => undefined);
    await this.writer?.stop().catch(() => undefined);
    await this.reader.stop().catch(() => undefined);
    await this.noopProducer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}

/** A topic just created may not be known to every broker yet: retriable answers are tried again. */
async function ensureTopic(admin: Admin, topic: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ensureTopicOnce(admin, topic);
    } catch (e) {
      const retriable = (e as { retriable?: boolean }).retriable === true;
      if (e instanceof SchemagateError || !retriable || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function ensureTopicOnce(admin: Admin, topic: string): Promise<void> {
  const topics = await admin.listTopics();
  if (!topics.includes(topic)) {
    // One partition (one order for every change) and compaction (the last record per key is the state).
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
    });
  }
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  const partitions = meta.topics[0]?.partitions.length ?? 0;
  if (partitions !== 1)
    throw new SchemagateError(
      'REGISTRY_ERROR',
      `the registry topic ${topic} has ${partitions} partitions; it must have exactly 1 (one order for every change)`,
    );
}

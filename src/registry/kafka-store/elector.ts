import type { Admin, Consumer, Kafka, PartitionAssigner } from 'kafkajs';
import type { KafkajsModule } from '../../kafka/kafkajs.js';

/** What a node knows of the election: whether it leads, and where the leader is. */
export interface Leadership {
  leader: boolean;
  /** The leader's URL (ours when we lead); undefined while no member owns the partition. */
  leaderUrl: string | undefined;
}

interface MemberData {
  url: string;
  /** The member led before this rebalance: it keeps the lead, so a new member does not move it. */
  leading: boolean;
}

const ASSIGNER_NAME = 'schemagate-registry-leader';

function memberData(buffer: Buffer | undefined): MemberData | undefined {
  if (buffer === undefined || buffer.length === 0) return undefined;
  try {
    const d = JSON.parse(buffer.toString('utf8')) as Partial<MemberData>;
    return typeof d.url === 'string' ? { url: d.url, leading: d.leading === true } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Leader election through a Kafka consumer group on the single-partition topic: the member that owns
 * partition 0 leads. The members' URLs travel in their group metadata, and our assigner (run by
 * whichever member Kafka picks to assign) keeps the current leader if it is still a member. The group
 * consumer fetches nothing: the topic is paused; it only holds the membership.
 */
export class LeaderElector {
  private current: Leadership = { leader: false, leaderUrl: undefined };
  private leading = false;
  private stopped = false;

  private constructor(
    private readonly consumer: Consumer,
    private readonly admin: Admin,
    private readonly groupId: string,
    private readonly topic: string,
    private readonly url: string,
    private readonly onChange: (l: Leadership) => void,
    private readonly codec: KafkajsModule['AssignerProtocol'],
  ) {}

  static async start(
    kafka: Kafka,
    module: KafkajsModule,
    admin: Admin,
    options: { groupId: string; topic: string; url: string; sessionTimeoutMs: number },
    onChange: (l: Leadership) => void,
  ): Promise<LeaderElector> {
    // The assigner runs inside kafkajs before the elector exists; it reads the elector through this.
    const ref: { elector?: LeaderElector } = {};
    const { MemberMetadata, MemberAssignment } = module.AssignerProtocol;
    const assigner: PartitionAssigner = () => ({
      name: ASSIGNER_NAME,
      version: 1,
      protocol: ({ topics }) => ({
        name: ASSIGNER_NAME,
        metadata: MemberMetadata.encode({
          version: 1,
          topics,
          userData: Buffer.from(JSON.stringify({ url: options.url, leading: ref.elector?.leading ?? false })),
        }),
      }),
      assign: ({ members }) => {
        const described = members.map((m) => ({
          memberId: m.memberId,
          data: memberData(MemberMetadata.decode(m.memberMetadata)?.userData),
        }));
        const sorted = [...described].sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
        const chosen = sorted.find((m) => m.data?.leading === true) ?? sorted[0];
        return Promise.resolve(
          members.map((m) => ({
            memberId: m.memberId,
            memberAssignment: MemberAssignment.encode({
              version: 1,
              assignment: m.memberId === chosen?.memberId ? { [options.topic]: [0] } : {},
              userData: Buffer.alloc(0),
            }),
          })),
        );
      },
    });
    const consumer = kafka.consumer({
      groupId: options.groupId,
      partitionAssigners: [assigner],
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: Math.max(500, Math.floor(options.sessionTimeoutMs / 6)),
      rebalanceTimeout: options.sessionTimeoutMs,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 500,
    });
    const elector = new LeaderElector(
      consumer,
      admin,
      options.groupId,
      options.topic,
      options.url,
      onChange,
      module.AssignerProtocol,
    );
    ref.elector = elector;
    const self = elector;
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      const mine = e.payload.memberAssignment[options.topic]?.includes(0) === true;
      void self.joined(mine);
    });
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: false });
    await consumer.run({ autoCommit: false, eachBatch: () => Promise.resolve() });
    consumer.pause([{ topic: options.topic }]);
    return elector;
  }

  get leadership(): Leadership {
    return this.current;
  }

  private async joined(mine: boolean): Promise<void> {
    this.leading = mine;
    if (mine) return this.publish({ leader: true, leaderUrl: this.url });
    this.publish({ leader: false, leaderUrl: undefined });
    // Only the assigning member saw everyone's metadata: the others ask the coordinator who leads.
    for (let attempt = 0; attempt < 20 && !this.stopped && !this.leading; attempt++) {
      const url = await this.describeLeader().catch(() => undefined);
      if (url !== undefined) {
        if (!this.leading) this.publish({ leader: false, leaderUrl: url });
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private async describeLeader(): Promise<string | undefined> {
    const { groups } = await this.admin.describeGroups([this.groupId]);
    for (const m of groups[0]?.members ?? []) {
      if (m.memberAssignment.length === 0) continue;
      const assignment = this.decodeAssignment(m.memberAssignment);
      if (assignment?.[this.topic]?.includes(0) !== true) continue;
      return this.decodeUrl(m.memberMetadata);
    }
    return undefined;
  }

  private decodeAssignment(buffer: Buffer): Record<string, number[]> | undefined {
    return this.codec.MemberAssignment.decode(buffer)?.assignment;
  }

  private decodeUrl(buffer: Buffer): string | undefined {
    return memberData(this.codec.MemberMetadata.decode(buffer)?.userData)?.url;
  }

  private publish(l: Leadership): void {
    if (this.stopped) return;
    if (l.leader === this.current.leader && l.leaderUrl === this.current.leaderUrl) return;
    this.current = l;
    this.onChange(l);
  }

  /** Leaves the group at once, so that another node takes over without waiting for a session to time out. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer.disconnect();
  }
}

import type { Logger } from 'pino';
import type { TopicName } from '@hyperdex/contracts';
import { ChunkProcessor, type EventPublisher, type InMemoryBroker, type SubscriptionOptions } from '@hyperdex/messaging';
import type { ServiceMetrics } from '@hyperdex/observability';

/** One consumer-group member of one service instance, driven by the simulation instead of its own fetch loop. */
export interface SimMember {
  readonly id: string;
  readonly instance: string;
  readonly options: SubscriptionOptions<TopicName>;
  readonly processor: ChunkProcessor<TopicName>;
  /** Partitions held, ascending. */
  partitions: number[];
  /** Next offset to fetch per held partition (may run ahead of the committed offset). */
  readonly positions: Map<number, number>;
}

/** What a delivery does besides handing the chunk to the handler. */
/** What a delivery does besides handing the chunk over: its commit is lost (redelivered later), or it arrives twice. */
export type DeliveryFault = 'none' | 'commit-lost' | 'duplicate';

/** A chunk that can be delivered now. */
export interface Deliverable {
  member: SimMember;
  partition: number;
  pending: number;
}

/**
 * The consumer side of the in-memory bus with the scheduling taken out of the members' hands: the simulation picks
 * which member gets which partition's next chunk, how big, and whether its commit reaches the broker. Records, offsets
 * and compaction stay the InMemoryBroker's; validation, the handler and the DLQ stay the shared ChunkProcessor's.
 * Group semantics are Kafka's eager rebalance: on any membership or assignment change every member of the group
 * restarts each partition it holds from the committed offset, so uncommitted work is delivered again.
 */
export class SimBus {
  private readonly members: SimMember[] = [];
  private nextId = 0;

  constructor(readonly broker: InMemoryBroker) {}

  /** A member joins its group; the group's partitions are dealt round-robin over its members in join order. */
  join(instance: string, options: SubscriptionOptions<TopicName>, publisher: EventPublisher, metrics: ServiceMetrics, logger: Logger): SimMember {
    const processor = new ChunkProcessor({ topic: options.topic, groupId: options.groupId, handleBatch: options.handleBatch, maxRetryBackoffMs: 10, isStopping: () => false }, publisher, metrics, logger);
    const member: SimMember = { id: `${instance}/${options.groupId}/${this.nextId++}`, instance, options, processor, partitions: [], positions: new Map() };
    // A brand-new group that starts at the end pins that start, as a group created at deploy time would have.
    if (this.commits(member) && !member.options.fromBeginning && this.groupOf(member).length === 0) {
      for (let p = 0; p < this.broker.partitionCount(options.topic); p++) {
        if (this.broker.committed(options.groupId, options.topic, p) === undefined) this.broker.commit(options.groupId, options.topic, p, this.broker.endOffset(options.topic, p));
      }
    }
    this.members.push(member);
    this.rebalance(options.groupId, options.topic);
    return member;
  }

  /** Every member of an instance leaves at once (a crash or a stop); the rest of each group takes over. */
  leaveInstance(instance: string): void {
    const leaving = this.members.filter((m) => m.instance === instance);
    for (const member of leaving) this.members.splice(this.members.indexOf(member), 1);
    const groups = new Map(leaving.map((m) => [`${m.options.groupId}\u0000${m.options.topic}`, m] as const));
    for (const m of groups.values()) this.rebalance(m.options.groupId, m.options.topic);
  }

  /** Moves one partition of a committing group to another member (a rebalance that shifts one partition). */
  movePartition(from: SimMember, to: SimMember, partition: number): void {
    from.partitions = from.partitions.filter((p) => p !== partition);
    to.partitions = [...to.partitions, partition].sort((a, b) => a - b);
    this.assign(this.groupOf(from));
  }

  /** Groups of more than one member whose partitions can move. */
  movableGroups(): SimMember[][] {
    const groups = new Map<string, SimMember[]>();
    for (const m of this.members) {
      if (!this.commits(m)) continue;
      const key = `${m.options.groupId}\u0000${m.options.topic}`;
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    return [...groups.values()].filter((g) => g.length > 1);
  }

  /** Every (member, partition) with records past the member's position, in a stable order. */
  deliverable(): Deliverable[] {
    const ready: Deliverable[] = [];
    for (const member of this.members) {
      for (const partition of member.partitions) {
        const pending = this.broker.endOffset(member.options.topic, partition) - (member.positions.get(partition) ?? 0);
        if (pending > 0) ready.push({ member, partition, pending });
      }
    }
    return ready;
  }

  /**
   * Hands the member up to `max` records of the partition and waits for the handler (and its dead letters); then
   * commits unless the fault says the commit is lost, in which case the records come again after the next rebalance.
   * A duplicated delivery hands the same records over a second time before the commit.
   */
  async deliver(member: SimMember, partition: number, max: number, fault: DeliveryFault): Promise<number> {
    const { topic, groupId } = member.options;
    const position = member.positions.get(partition) ?? 0;
    const { records, next } = this.broker.read(topic, partition, position, max);
    if (records.length > 0) await member.processor.process(partition, records, async () => undefined);
    if (records.length > 0 && fault === 'duplicate') await member.processor.process(partition, records, async () => undefined);
    member.positions.set(partition, next);
    if (this.commits(member) && fault !== 'commit-lost') this.broker.commit(groupId, topic, partition, next);
    return records.length;
  }

  /** Delivers everything pending, member by member, until nothing is left (a quiet system). */
  async drain(limit = 10_000): Promise<void> {
    for (let round = 0; round < limit; round++) {
      const ready = this.deliverable()[0];
      if (!ready) return;
      await this.deliver(ready.member, ready.partition, 1_000, 'none');
    }
    throw new Error(`the bus did not drain within ${limit} deliveries`);
  }

  memberOf(instance: string, groupId: string): SimMember | undefined {
    return this.members.find((m) => m.instance === instance && m.options.groupId === groupId);
  }

  private commits(member: SimMember): boolean {
    return member.options.commitOffsets ?? true;
  }

  private groupOf(member: SimMember): SimMember[] {
    return this.members.filter((m) => m.options.groupId === member.options.groupId && m.options.topic === member.options.topic);
  }

  private rebalance(groupId: string, topic: string): void {
    const group = this.members.filter((m) => m.options.groupId === groupId && m.options.topic === topic);
    group.forEach((m) => (m.partitions = []));
    for (let p = 0; p < this.broker.partitionCount(topic); p++) group[p % group.length]?.partitions.push(p);
    this.assign(group);
  }

  /** Eager rebalance: every member starts each held partition again from the committed offset (or its start policy). */
  private assign(group: readonly SimMember[]): void {
    for (const member of group) {
      const { topic, groupId, fromBeginning } = member.options;
      member.positions.clear();
      for (const p of member.partitions) {
        const committed = this.commits(member) ? this.broker.committed(groupId, topic, p) : undefined;
        member.positions.set(p, committed ?? (fromBeginning ? 0 : this.broker.endOffset(topic, p)));
      }
      member.options.onAssignment?.(member.partitions);
    }
  }
}

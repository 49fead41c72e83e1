import { TopicContracts, deadLetterTopic, type TopicName } from '@hyperdex/contracts';
import type { BusRecord, RawRecord } from '../ports/bus-record';
import { partitionForKey } from './key-partitioner';

/** A record as the in-memory log keeps it: the shape consumers receive. */
type StoredRecord = BusRecord;

interface TopicLog {
  readonly compacted: boolean;
  readonly partitions: StoredRecord[][];
  /** Per partition, the offset of each key's latest record: older ones are compacted away on read. */
  readonly latestByKey: Array<Map<string, number>>;
  /** Round-robin cursor for records without a key. */
  nextUnkeyed: number;
}

/** What the broker asks of a group member: give up its partitions, then take a new set. */
export interface GroupMember {
  readonly topic: string;
  readonly groupId: string;
  /** Resolves when the member has stopped working on every partition it held. */
  revoke(): Promise<void>;
  assign(partitions: readonly number[]): void;
  /** Records were appended to this partition of the member's topic. */
  notify(partition: number): void;
}

interface Group {
  readonly members: GroupMember[];
  readonly committed: Map<number, number>;
  /** Rebalances run one after another, as a group coordinator would. */
  rebalancing: Promise<void>;
}

/**
 * An in-process event log with Kafka's semantics for this project: topics of N partitions, records keyed to a
 * partition (so one key's records keep their order), consumer groups that split a topic's partitions among their
 * members and rebalance on join and leave, offsets committed per group and partition, compacted topics (a reader sees
 * only each key's latest record) and `<topic>.dlq` topics beside each. Nothing leaves the process.
 */
export class InMemoryBroker {
  private readonly topics = new Map<string, TopicLog>();
  private readonly groups = new Map<string, Group>();
  private readonly listeners = new Map<string, Set<GroupMember>>();

  constructor(
    private readonly defaultPartitions = 6,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates each topic (and its dead-letter topic) if missing; a topic keeps the partitions it was created with. */
  ensureTopics(topics: readonly TopicName[]): void {
    for (const topic of topics) {
      this.createTopic(topic, this.defaultPartitions, TopicContracts[topic].compacted);
      this.createTopic(deadLetterTopic(topic), 1, false);
    }
  }

  createTopic(topic: string, partitions: number, compacted: boolean): void {
    if (this.topics.has(topic)) return;
    this.topics.set(topic, {
      compacted,
      partitions: Array.from({ length: partitions }, () => []),
      latestByKey: Array.from({ length: partitions }, () => new Map()),
      nextUnkeyed: 0,
    });
  }

  partitionCount(topic: string): number {
    return this.log(topic).partitions.length;
  }

  /** Appends records in order; each keyed record goes to its key's partition. Throws for an unknown topic, as Kafka does. */
  append(topic: string, records: readonly RawRecord[]): void {
    const log = this.log(topic);
    const touched = new Set<number>();
    for (const record of records) {
      const count = log.partitions.length;
      const partition = record.key === null ? log.nextUnkeyed++ % count : partitionForKey(record.key, count);
      const records = log.partitions[partition] as StoredRecord[];
      const offset = records.length;
      records.push({
        key: record.key === null ? null : Buffer.from(record.key, 'utf8'),
        value: Buffer.from(record.value, 'utf8'),
        offset: String(offset),
        timestamp: String(this.now()),
        headers: record.headers ?? {},
      });
      if (log.compacted && record.key !== null) (log.latestByKey[partition] as Map<string, number>).set(record.key, offset);
      touched.add(partition);
    }
    for (const member of this.listeners.get(topic) ?? []) for (const partition of touched) member.notify(partition);
  }

  /** Up to `max` records of a partition from `offset` on, with compacted-away records skipped; and where to read next. */
  read(topic: string, partition: number, offset: number, max: number): { records: StoredRecord[]; next: number } {
    const log = this.log(topic);
    const all = log.partitions[partition] ?? [];
    const latest = log.latestByKey[partition] as Map<string, number>;
    const records: StoredRecord[] = [];
    let next = offset;
    while (next < all.length && records.length < max) {
      const record = all[next] as StoredRecord;
      const key = record.key?.toString('utf8');
      if (!log.compacted || key === undefined || latest.get(key) === next) records.push(record);
      next++;
    }
    return { records, next };
  }

  endOffset(topic: string, partition: number): number {
    return this.log(topic).partitions[partition]?.length ?? 0;
  }

  /** Every record of a topic in partition order (for tests and the DLQ view); compacted topics show latest per key. */
  records(topic: string): Array<StoredRecord & { partition: number }> {
    const log = this.log(topic);
    return log.partitions.flatMap((_, partition) =>
      this.read(topic, partition, 0, Number.MAX_SAFE_INTEGER).records.map((r) => ({ ...r, partition })),
    );
  }

  committed(groupId: string, topic: string, partition: number): number | undefined {
    return this.groups.get(groupKey(groupId, topic))?.committed.get(partition);
  }

  commit(groupId: string, topic: string, partition: number, nextOffset: number): void {
    this.group(groupId, topic).committed.set(partition, nextOffset);
  }

  /** Adds a member to its group and rebalances; resolves once every member holds its new partitions. */
  async join(member: GroupMember): Promise<void> {
    this.log(member.topic);
    const group = this.group(member.groupId, member.topic);
    group.members.push(member);
    let listeners = this.listeners.get(member.topic);
    if (!listeners) this.listeners.set(member.topic, (listeners = new Set()));
    listeners.add(member);
    await this.rebalance(group);
  }

  /** Removes a member (a clean stop or a crash) and hands its partitions to the rest of the group. */
  async leave(member: GroupMember): Promise<void> {
    const group = this.group(member.groupId, member.topic);
    const index = group.members.indexOf(member);
    if (index < 0) return;
    group.members.splice(index, 1);
    this.listeners.get(member.topic)?.delete(member);
    await member.revoke();
    await this.rebalance(group);
  }

  /** Eager rebalance: every member stops work first, so no partition is ever worked on by two members at once. */
  private rebalance(group: Group): Promise<void> {
    const next = group.rebalancing.then(async () => {
      const members = [...group.members];
      await Promise.all(members.map((m) => m.revoke()));
      const topic = members[0]?.topic;
      if (topic === undefined) return;
      const assignments = members.map((): number[] => []);
      for (let partition = 0; partition < this.partitionCount(topic); partition++) assignments[partition % members.length]?.push(partition);
      members.forEach((member, i) => member.assign(assignments[i] ?? []));
    });
    group.rebalancing = next.catch(() => undefined);
    return next;
  }

  private group(groupId: string, topic: string): Group {
    const key = groupKey(groupId, topic);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { members: [], committed: new Map(), rebalancing: Promise.resolve() }));
    return group;
  }

  private log(topic: string): TopicLog {
    const log = this.topics.get(topic);
    if (!log) throw new Error(`unknown topic ${topic}: create it first (ensureTopics)`);
    return log;
  }
}

const groupKey = (groupId: string, topic: string) => `${groupId}\u0000${topic}`;

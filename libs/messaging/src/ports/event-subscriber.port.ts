import type { TopicName } from '@hyperdex/contracts';
import type { BatchHandler } from '../consumer/inbound-event';

export interface SubscriptionOptions<T extends TopicName> {
  topic: T;
  groupId: string;
  /** A new group starts at the earliest offset (true) or only sees new records (false). */
  fromBeginning: boolean;
  /**
   * false: never commit, so every start begins afresh — at the earliest offset with `fromBeginning` (rebuilding
   * in-memory state from a compacted topic), else at the latest (a live relay). Default true.
   */
  commitOffsets?: boolean;
  /** Called with this member's partitions after every (re)join, so partition-scoped state can be dropped. */
  onAssignment?: (partitions: readonly number[]) => void;
  /** Records per handler call at most; default the transport's setting (KAFKA_CONSUMER_MAX_BATCH). */
  maxBatch?: number;
  handleBatch: BatchHandler<T>;
}

/** One consumer-group member on one topic. */
export interface Subscription {
  /** Throws, saying why, while the member has not joined its group or has failed. */
  readiness(): void;
  stop(): Promise<void>;
}

/**
 * The subscribing port that features inject. Every transport gives the same contract: a handler gets an ordered
 * batch of one partition's contract-valid records; malformed or permanently refused records go to `<topic>.dlq`;
 * other errors retry; offsets are committed only after the handler and its dead letters are done.
 */
export abstract class EventSubscriberFactory {
  abstract subscribe<T extends TopicName>(options: SubscriptionOptions<T>): Promise<Subscription>;

  abstract stopAll(): Promise<void>;
}

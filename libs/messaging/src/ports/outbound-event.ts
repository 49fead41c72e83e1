import type { TopicName, TopicPayload } from '@hyperdex/contracts';
import type { MessageContext } from '../consumer/inbound-event';

/** One event to publish, on any topic: the payload is checked against that topic's contract. */
export type OutboundEvent = {
  [T in TopicName]: {
    readonly topic: T;
    readonly payload: TopicPayload<T>;
    /** The consumed record that caused this one: the published record continues its trace. */
    readonly causedBy?: MessageContext;
  };
}[TopicName];

/** Raised when the service itself tried to publish a payload that breaks the topic's contract (a bug, not input). */
export class ContractViolationError extends Error {
  constructor(topic: string, details: string) {
    super(`refusing to publish to ${topic}: ${details}`);
    this.name = 'ContractViolationError';
  }
}

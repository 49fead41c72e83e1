import { deadLetterTopic, type DeadLetter, type TopicName, type TopicPayload } from '@hyperdex/contracts';
import type { InMemoryBroker } from '@hyperdex/messaging';

/** Every payload on a topic of the in-memory bus, decoded (the records were validated when published). */
export function published<T extends TopicName>(broker: InMemoryBroker, topic: T): Array<TopicPayload<T>> {
  return broker.records(topic).map((r) => JSON.parse(String(r.value)) as TopicPayload<T>);
}

export function deadLetters(broker: InMemoryBroker, topic: TopicName): DeadLetter[] {
  return broker.records(deadLetterTopic(topic)).map((r) => JSON.parse(String(r.value)) as DeadLetter);
}

import { deadLetterTopic, type DeadLetter, type FieldError, type TopicName } from '@hyperdex/contracts';
import type { BusRecord } from '../ports/bus-record';

/** Builds the dead-letter record for a refused message: the original bytes, its origin, and the reason. */
export function buildDeadLetter(
  topic: TopicName,
  partition: number,
  message: BusRecord,
  consumerGroup: string,
  reason: string,
  errors: FieldError[],
  attempts: number,
  now: number,
): { topic: string; key: string | null; value: string } {
  const raw = message.value;
  const text = raw === null ? null : raw.toString('utf8');
  const isUtf8 = raw === null || Buffer.from(text ?? '', 'utf8').equals(raw);
  const record: DeadLetter = {
    originalTopic: topic,
    partition,
    offset: message.offset,
    key: message.key === null ? null : message.key.toString('utf8'),
    value: raw === null ? null : isUtf8 ? text : raw.toString('base64'),
    valueEncoding: isUtf8 ? 'utf8' : 'base64',
    consumerGroup,
    reason,
    errors,
    failedAt: now,
    attempts,
  };
  return { topic: deadLetterTopic(topic), key: record.key, value: JSON.stringify(record) };
}

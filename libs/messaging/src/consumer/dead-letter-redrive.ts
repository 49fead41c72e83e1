import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { DeadLetterSchema, deadLetterTopic, decodeJson, type TopicName } from '@hyperdex/contracts';
import { sizeBoundedSends } from './size-bounded-sends';

export interface RedriveRecord {
  readonly key: string | null;
  readonly value: Buffer | null;
  /** Where it came from, as `<dlq>/<partition>/<offset>`: a header of the redriven record. */
  readonly redrivenFrom: string;
}

/** The original record a dead letter holds, or the reason it cannot be redriven. */
export function redriveRecordOf(
  topic: TopicName,
  message: Pick<KafkaMessage, 'value' | 'offset'>,
  partition: number,
): { ok: true; record: RedriveRecord } | { ok: false; reason: string } {
  const where = `${deadLetterTopic(topic)}/${partition}/${message.offset}`;
  if (message.value === null) return { ok: false, reason: `${where}: empty dead letter` };
  const decoded = decodeJson(DeadLetterSchema, message.value.toString('utf8'));
  if (!decoded.ok) return { ok: false, reason: `${where}: not a dead letter (${decoded.errors.map((e) => `${e.field} ${e.reason}`).join('; ')})` };
  const letter = decoded.value;
  if (letter.originalTopic !== topic) return { ok: false, reason: `${where}: came from ${letter.originalTopic}, not ${topic}` };
  const value = letter.value === null ? null : Buffer.from(letter.value, letter.valueEncoding === 'base64' ? 'base64' : 'utf8');
  return { ok: true, record: { key: letter.key, value, redrivenFrom: where } };
}

export interface RedriveOptions {
  readonly brokers: string[];
  readonly topic: TopicName;
  /** Only the dead letters of this record key (a user id); such a partial run commits nothing. */
  readonly key?: string;
  /** Count and print, produce nothing. */
  readonly dryRun?: boolean;
  readonly log?: (line: string) => void;
}

export interface RedriveResult {
  readonly redriven: number;
  readonly skipped: number;
  readonly unreadable: string[];
}

/** The consumer group whose committed offsets remember how far a topic's DLQ has been redriven. */
export const redriveGroup = (topic: TopicName): string => `hyperdex-dlq-redrive.${topic}`;

/**
 * Sends the dead letters of `<topic>.dlq` back to `topic`, as their original key and bytes, from where the last
 * full redrive stopped up to the DLQ's end when the run started; then stops. Every record is acknowledged by all
 * in-sync replicas before the offsets past it are committed, so a redrive that dies midway sends at most the
 * uncommitted rest again: harmless, since every consumer is idempotent on the record's id (trade id, alert id).
 */
export async function redriveDeadLetters(options: RedriveOptions): Promise<RedriveResult> {
  const log = options.log ?? (() => undefined);
  const dlq = deadLetterTopic(options.topic);
  const kafka = new Kafka({ clientId: 'hyperdex-dlq-redrive', brokers: options.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
  const group = redriveGroup(options.topic);
  const commit = !options.key && !options.dryRun;
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(dlq);
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [dlq] });
    const starts = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    const ranges = ends
      .map(({ partition, low, high }) => ({ partition, from: (starts.get(partition) ?? -1n) >= 0n ? (starts.get(partition) as bigint) : BigInt(low), to: BigInt(high) }))
      .filter((r) => r.from < r.to);
    const records = await readRanges(kafka, dlq, ranges);
    let redriven = 0;
    let skipped = 0;
    const unreadable: string[] = [];
    if (!options.dryRun) await producer.connect();
    for (const { partition, from, to } of ranges) {
      const outgoing: RedriveRecord[] = [];
      const read = records.get(partition) ?? [];
      for (const message of read) {
        const parsed = redriveRecordOf(options.topic, message, partition);
        if (!parsed.ok) unreadable.push(parsed.reason);
        else if (options.key !== undefined && parsed.record.key !== options.key) skipped++;
        else outgoing.push(parsed.record);
      }
      if (!options.dryRun && outgoing.length > 0) {
        const messages = outgoing.map((r) => ({ key: r.key, value: r.value, headers: { 'content-type': 'application/json', 'x-hyperdex-redriven-from': r.redrivenFrom } }));
        // One send per budget: the broker refuses a partition's batch over its max.message.bytes.
        for (const send of sizeBoundedSends(messages)) await producer.send({ topic: options.topic, acks: -1, messages: send });
      }
      // Only after the broker has every redriven record: a rerun starts past them.
      if (commit) await admin.setOffsets({ groupId: group, topic: dlq, partitions: [{ partition, offset: to.toString() }] });
      redriven += outgoing.length;
      log(`${options.dryRun ? 'would redrive' : 'redrove'} ${outgoing.length} of ${read.length} dead letters of ${dlq}[${partition}] (offsets ${from}..${to - 1n}) to ${options.topic}`);
    }
    if (ranges.length === 0) log(`${dlq}: nothing to redrive`);
    return { redriven, skipped, unreadable };
  } finally {
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect();
  }
}

/** Reads each partition's [from, to) once, seeking explicitly; the reader's group commits nothing. */
async function readRanges(kafka: Kafka, topic: string, ranges: ReadonlyArray<{ partition: number; from: bigint; to: bigint }>, timeoutMs = 60_000): Promise<Map<number, KafkaMessage[]>> {
  const records = new Map<number, KafkaMessage[]>(ranges.map((r) => [r.partition, []]));
  if (ranges.length === 0) return records;
  const consumer = kafka.consumer({ groupId: `hyperdex-dlq-reader-${process.pid}-${Date.now()}`, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
  const pending = new Set(ranges.map((r) => r.partition));
  const bounds = new Map(ranges.map((r) => [r.partition, r]));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${topic}: could not read to the end within ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const range = bounds.get(partition);
            if (!range) return;
            const offset = BigInt(message.offset);
            if (offset >= range.from && offset < range.to) records.get(partition)?.push(message);
            if (offset >= range.to - 1n && pending.delete(partition) && pending.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .then(() => ranges.forEach((r) => consumer.seek({ topic, partition: r.partition, offset: r.from.toString() })))
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

import { Kafka, Partitioners, logLevel, type Consumer, type Producer } from 'kafkajs';
import { nowMs, waitFor } from './clock';
import { summarizeLatencies, type LatencySummary } from './latency-summary';
import { waitForQuietCpu } from './cpu-usage';

/**
 * What kafkajs alone does on this broker and machine, measured in the same run just before the load: the ceiling
 * the pipeline's Kafka legs put on it. The services' figures are read against these, not against a number measured
 * on another day (a VM of the same label can be several times slower one day than another).
 */

export interface ProduceConsumeRate {
  readonly messages: number;
  readonly messageBytes: number;
  readonly partitions: number;
  readonly keys: number;
  readonly sendSize: number;
  readonly sendsInFlight: number;
  /** First send → last acknowledgement. */
  readonly produceSeconds: number;
  /** First send → last message consumed. */
  readonly endToEndSeconds: number;
  readonly msgsPerSec: number;
  readonly consumed: number;
}

export interface OneHopRoundTrip extends LatencySummary {
  readonly messages: number;
  readonly consumerMaxWaitMs: number;
}

export interface KafkaLimit {
  /** How busy the machine's CPUs were just before (it waits for them to settle after the stack's start). */
  readonly machineBusyPct: number | null;
  readonly produceConsume: ProduceConsumeRate;
  readonly oneHop: OneHopRoundTrip;
}

const PARTITIONS = 6;
const KEYS = 500;
const SEND_SIZE = 100;
const SENDS_IN_FLIGHT = 5;
const MESSAGE_BYTES = 600;
const ROUND_TRIP_MAX_WAIT_MS = 10;
const ROUND_TRIP_WARMUP = 20;
const WARMUP_MESSAGES = 2000;

/** A ~600-byte JSON value, about the size of a trade with its envelope. */
export function limitMessage(seq: number, bytes = MESSAGE_BYTES): string {
  const head = JSON.stringify({ seq, key: `user-${seq % KEYS}`, at: 1_764_000_000_000 + seq, pad: '' });
  return head.replace('"pad":""', `"pad":"${'x'.repeat(Math.max(0, bytes - head.length))}"`);
}

export async function measureKafkaLimit(
  brokers: readonly string[],
  runId: string,
  options: { messages: number; roundTrips: number },
  signal: AbortSignal,
): Promise<KafkaLimit> {
  const kafka = new Kafka({ clientId: `bench-limit-${runId}`, brokers: [...brokers], logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  const rateTopic = `bench.limit-rate.${runId}`;
  const hopTopic = `bench.limit-hop.${runId}`;
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  const consumers: Consumer[] = [];
  try {
    await admin.createTopics({
      topics: [rateTopic, hopTopic].map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })),
      waitForLeaders: true,
    });
    await producer.connect();
    const machineBusyPct = await waitForQuietCpu(25, 10_000, signal);
    const produceConsume = await produceAndConsume(kafka, producer, rateTopic, options.messages, runId, consumers, signal);
    const oneHop = await roundTrips(kafka, producer, hopTopic, options.roundTrips, runId, consumers, signal);
    return { machineBusyPct, produceConsume, oneHop };
  } finally {
    await Promise.allSettled(consumers.map((c) => c.disconnect()));
    await producer.disconnect().catch(() => undefined);
    // A --use-running broker is someone else's: leave it as found.
    await admin.deleteTopics({ topics: [rateTopic, hopTopic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

/** Resolves once the consumer has joined its group and been given partitions. */
async function joined(consumer: Consumer): Promise<void> {
  await new Promise<void>((resolve) => {
    const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
      remove();
      resolve();
    });
  });
}

async function produceAndConsume(
  kafka: Kafka,
  producer: Producer,
  topic: string,
  messages: number,
  runId: string,
  consumers: Consumer[],
  signal: AbortSignal,
): Promise<ProduceConsumeRate> {
  const consumer = kafka.consumer({ groupId: `bench-limit-rate-${runId}`, maxWaitTimeInMs: 50 });
  consumers.push(consumer);
  let consumed = 0;
  let lastConsumedAt = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const ready = joined(consumer);
  // No offset commits: the bare limit is the produce → fetch path alone, without the group bookkeeping a service adds.
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      consumed += batch.messages.length;
      lastConsumedAt = nowMs();
    },
  });
  await ready;

  const produce = async (count: number): Promise<number> => {
    const values = Array.from({ length: count }, (_, i) => ({ key: `user-${i % KEYS}`, value: limitMessage(i) }));
    const sends: Array<typeof values> = [];
    for (let i = 0; i < values.length; i += SEND_SIZE) sends.push(values.slice(i, i + SEND_SIZE));
    let next = 0;
    let lastAckAt = 0;
    await Promise.all(
      Array.from({ length: SENDS_IN_FLIGHT }, async () => {
        while (next < sends.length && !signal.aborted) {
          const batch = sends[next++] as typeof values;
          await producer.send({ topic, acks: -1, messages: batch });
          lastAckAt = nowMs();
        }
      }),
    );
    return lastAckAt;
  };
  // Warm-up, not timed: a freshly started JVM broker (and kafkajs's own code paths) run slower for the first thousands.
  const warmup = Math.min(WARMUP_MESSAGES, messages);
  await produce(warmup);
  await waitFor(() => consumed >= warmup, 30_000, signal, 5);
  consumed = 0;
  const firstSendAt = nowMs();
  const lastAckAt = await produce(messages);
  const all = await waitFor(() => consumed >= messages, 60_000, signal, 5);
  const endToEndMs = (all ? lastConsumedAt : nowMs()) - firstSendAt;
  return {
    messages,
    messageBytes: MESSAGE_BYTES,
    partitions: PARTITIONS,
    keys: KEYS,
    sendSize: SEND_SIZE,
    sendsInFlight: SENDS_IN_FLIGHT,
    produceSeconds: (lastAckAt - firstSendAt) / 1000,
    endToEndSeconds: endToEndMs / 1000,
    msgsPerSec: Math.min(consumed, messages) / (endToEndMs / 1000),
    consumed,
  };
}

async function roundTrips(
  kafka: Kafka,
  producer: Producer,
  topic: string,
  count: number,
  runId: string,
  consumers: Consumer[],
  signal: AbortSignal,
): Promise<OneHopRoundTrip> {
  const consumer = kafka.consumer({ groupId: `bench-limit-hop-${runId}`, maxWaitTimeInMs: ROUND_TRIP_MAX_WAIT_MS });
  consumers.push(consumer);
  const arrived = new Map<number, number>();
  const waiters = new Map<number, () => void>();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const ready = joined(consumer);
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      // Stamped on arrival; the producing loop only learns of it afterwards, which delays the next send, not the figure.
      const at = nowMs();
      for (const m of batch.messages) {
        const seq = Number(m.key?.toString().split(':')[1]);
        arrived.set(seq, at);
        waiters.get(seq)?.();
      }
    },
  });
  await ready;
  const samples: number[] = [];
  let missing = 0;
  for (let i = 0; i < ROUND_TRIP_WARMUP + count && !signal.aborted; i++) {
    const sentAt = nowMs();
    await producer.send({ topic, acks: -1, messages: [{ key: `user-${i % KEYS}:${i}`, value: limitMessage(i) }] });
    await arrival(i, arrived, waiters, 5000);
    if (i < ROUND_TRIP_WARMUP) continue;
    const at = arrived.get(i);
    if (at !== undefined) samples.push(at - sentAt);
    else missing++;
  }
  return { ...summarizeLatencies(samples, missing), messages: count, consumerMaxWaitMs: ROUND_TRIP_MAX_WAIT_MS };
}

/** Resolves when message `seq` has arrived, or after `timeoutMs` (it then counts as missing). */
function arrival(seq: number, arrived: ReadonlyMap<number, number>, waiters: Map<number, () => void>, timeoutMs: number): Promise<void> {
  if (arrived.has(seq)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiters.delete(seq);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    waiters.set(seq, done);
  });
}

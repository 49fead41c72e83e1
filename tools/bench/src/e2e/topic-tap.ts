import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import { Topics } from '@hyperdex/contracts';
import { waitFor } from './clock';

export const TAPPED_TOPICS = [Topics.trades, Topics.positions, Topics.riskMetrics, Topics.riskAlerts, Topics.alertNotifications] as const;

export interface TapSink {
  record(topic: string, timestamp: number, value: unknown): void;
}

/**
 * Reads the pipeline's topics beside the services, in its own consumer group starting at the newest records, and
 * hands each record with its Kafka timestamp to the sinks. It only reads: the services never see it.
 */
export class TopicTap {
  private readonly kafka: Kafka;
  private readonly consumer: Consumer;
  private readonly admin: Admin;
  /** Next offset to read, per `topic:partition` (the high watermark when the tap started, then what it consumed). */
  private readonly position = new Map<string, number>();
  parseErrors = 0;
  skipped = 0;

  constructor(
    brokers: readonly string[],
    runId: string,
    private readonly sinks: readonly TapSink[],
  ) {
    this.kafka = new Kafka({ clientId: `bench-tap-${runId}`, brokers: [...brokers], logLevel: logLevel.ERROR });
    this.consumer = this.kafka.consumer({ groupId: `bench-tap-${runId}`, maxWaitTimeInMs: 100, maxBytes: 50 * 1024 * 1024 });
    this.admin = this.kafka.admin();
  }

  /** Resolves once the tap has joined its group, so nothing produced afterwards is missed. */
  async start(): Promise<void> {
    await this.admin.connect();
    await this.consumer.connect();
    for (const topic of TAPPED_TOPICS) await this.consumer.subscribe({ topic, fromBeginning: false });
    const joined = new Promise<void>((resolve) => {
      const remove = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
    await this.consumer.run({
      // An observer: a fresh group each run that never resumes, so it commits nothing (per-batch commits on every
      // tapped topic would be load on the broker under test).
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        let handled = 0;
        for (const m of batch.messages) {
          // A big batch parsed in one go would stall this process's event loop — and with it the socket arrival
          // stamps and the open-loop schedule. Yield now and then.
          if (++handled % 200 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
          const text = m.value?.toString('utf8') ?? '';
          // Price-driven exposure updates are most of the positions topic and name no trade: not worth parsing.
          if (batch.topic === Topics.positions && !text.includes('"kind":"trade"')) {
            this.skipped++;
            continue;
          }
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch {
            this.parseErrors++;
            continue;
          }
          for (const sink of this.sinks) sink.record(batch.topic, Number(m.timestamp), value);
        }
        const key = `${batch.topic}:${batch.partition}`;
        this.position.set(key, Math.max(this.position.get(key) ?? 0, Number(batch.lastOffset()) + 1));
      },
    });
    await joined;
    for (const topic of TAPPED_TOPICS) {
      for (const p of await this.admin.fetchTopicOffsets(topic)) {
        const key = `${topic}:${p.partition}`;
        this.position.set(key, Math.max(this.position.get(key) ?? 0, Number(p.high)));
      }
    }
  }

  /** Waits until the tap has read everything produced so far; false if it could not within `timeoutMs`. */
  async catchUp(timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    const highs = new Map<string, number>();
    for (const topic of TAPPED_TOPICS) {
      for (const p of await this.admin.fetchTopicOffsets(topic)) highs.set(`${topic}:${p.partition}`, Number(p.high));
    }
    return waitFor(() => [...highs].every(([key, high]) => (this.position.get(key) ?? 0) >= high), timeoutMs, signal, 100);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ScrapeHooks } from './scrape-hooks';

/** The Prometheus registry of one service: process defaults plus the counters every service shares. */
export class ServiceMetrics {
  readonly registry = new Registry();

  /** Refreshers run when Prometheus scrapes (consumer lag from the broker, connected sockets). */
  readonly scrapeHooks = new ScrapeHooks();

  readonly httpRequestSeconds = new Histogram({
    name: 'hyperdex_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  readonly messagesConsumed = new Counter({
    name: 'hyperdex_kafka_messages_consumed_total',
    help: 'Kafka messages handled, by topic and outcome (ok, dead-lettered)',
    labelNames: ['topic', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly messagesProduced = new Counter({
    name: 'hyperdex_kafka_messages_produced_total',
    help: 'Kafka messages acknowledged by the broker, by topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly handlerSeconds = new Histogram({
    name: 'hyperdex_kafka_handler_duration_seconds',
    help: 'Time a handler takes over one chunk of consumed records (a batch of one partition), by topic',
    labelNames: ['topic'] as const,
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly handlerAttempts = new Counter({
    name: 'hyperdex_kafka_handler_attempts_total',
    help: 'Handler runs over a chunk of consumed records, by topic and outcome (ok; retried: a transient failure, run again; refused: a PermanentFailure; exhausted: the retry limit was reached and the failing records dead-lettered)',
    labelNames: ['topic', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly consumerLag = new Gauge({
    name: 'hyperdex_kafka_consumer_lag',
    help: "Records of a partition the consumer group has not processed yet: the broker's high watermark minus the group's committed offset (this member's position for groups that never commit), read at scrape",
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [this.registry],
    collect: () => this.scrapeHooks.run(),
  });

  readonly consumerCommittedOffset = new Gauge({
    name: 'hyperdex_kafka_consumer_committed_offset',
    help: 'Next offset the consumer group will process, per partition (committed, or this member\'s position when the group never commits); a value that stops moving while lag > 0 is a stuck partition',
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [this.registry],
    collect: () => this.scrapeHooks.run(),
  });

  readonly deadLetters = new Counter({
    name: 'hyperdex_dlq_records_total',
    help: 'Records written to a dead-letter topic, by that topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  gauge<L extends string>(name: string, help: string, collect: (gauge: Gauge<L>) => void | Promise<void>, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect() {
        return collect(this);
      },
    });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(name: string, help: string, buckets: number[], labelNames: readonly L[] = []): Histogram<L> {
    return new Histogram({ name, help, buckets, labelNames, registers: [this.registry] });
  }
}

import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus registry of one service: process defaults plus the counters every service shares. */
export class ServiceMetrics {
  readonly registry = new Registry();

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

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(name: string, help: string, buckets: number[], labelNames: readonly L[] = []): Histogram<L> {
    return new Histogram({ name, help, buckets, labelNames, registers: [this.registry] });
  }
}

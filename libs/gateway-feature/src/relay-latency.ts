import { Injectable } from '@nestjs/common';
import type { Histogram } from 'prom-client';
import type { ExposureCause, Topics } from '@hyperdex/contracts';
import type { InboundEvent } from '@hyperdex/messaging';
import { ServiceMetrics } from '@hyperdex/observability';

/** From about a millisecond to a minute: the pipeline's target is tens of ms, a backlog shows as tens of seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const CAUSE_KINDS: ReadonlyArray<ExposureCause['kind']> = ['trade', 'transfer', 'retraction', 'price'];

/**
 * End-to-end latency as the gateway relays to sockets: now − when the input that started the record's chain was
 * ingested (MessageContext.ingestedAt: the trade's or price's own record timestamp, carried hop to hop). An update
 * covering several inputs carries its last cause's time, so under load the figure is that of the freshest input.
 * Children are resolved once: the per-record cost is one subtraction and one observe.
 */
@Injectable()
export class RelayLatency {
  private readonly exposureByCause: Record<ExposureCause['kind'], Histogram.Internal<'cause'>>;
  private readonly alert: Histogram<string>;

  constructor(metrics: ServiceMetrics) {
    const exposure = metrics.histogram(
      'hyperdex_ingest_to_exposure_seconds',
      'POST (ingestion) → exposure update relayed by the gateway, by the kind of its last cause',
      LATENCY_BUCKETS,
      ['cause'],
    );
    this.exposureByCause = Object.fromEntries(CAUSE_KINDS.map((kind) => [kind, exposure.labels({ cause: kind })])) as Record<
      ExposureCause['kind'],
      Histogram.Internal<'cause'>
    >;
    this.alert = metrics.histogram('hyperdex_ingest_to_alert_seconds', 'POST (ingestion) → alert notification relayed by the gateway', LATENCY_BUCKETS);
  }

  exposures(events: ReadonlyArray<InboundEvent<typeof Topics.positions>>): void {
    const now = Date.now();
    for (const { payload, context } of events) {
      if (context.ingestedAt !== undefined) this.exposureByCause[payload.cause.kind].observe((now - context.ingestedAt) / 1000);
    }
  }

  alerts(events: ReadonlyArray<InboundEvent<typeof Topics.alertNotifications>>): void {
    const now = Date.now();
    for (const { context } of events) {
      // A notification never starts a chain: without a carried ingestion time (a re-notification, an ack or resolve
      // by a person) its own timestamp stands in, and timing it would count a path that no POST took.
      if (context.ingestedAt !== undefined && context.ingestedAt !== context.timestamp) this.alert.observe((now - context.ingestedAt) / 1000);
    }
  }
}

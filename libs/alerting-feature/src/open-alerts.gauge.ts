import { Inject, Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { ServiceMetrics } from '@hyperdex/observability';
import { AlertEpisodeRepository } from '@hyperdex/persistence';

/** `hyperdex_alerts_open`: alerts not yet resolved (open or acknowledged), counted in PostgreSQL at each scrape. */
@Injectable()
export class OpenAlertsGauge {
  constructor(@Inject(AlertEpisodeRepository) episodes: Pick<AlertEpisodeRepository, 'countOpen'>, metrics: ServiceMetrics) {
    new Gauge({
      name: 'hyperdex_alerts_open',
      help: 'Alerts not yet resolved (open or acknowledged)',
      registers: [metrics.registry],
      async collect() {
        this.set(await episodes.countOpen());
      },
    });
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, type Logger } from '@hyperdex/observability';
import { PostgresModule, toDatabaseSettings } from '@hyperdex/persistence';
import type { AlertingConfig } from './alerting.config';
import { AlertingConsumer } from './alerting.consumer';
import { ALERTING_CLOCK, AlertLifecycleService } from './alert-lifecycle.service';
import { ALERTING_CONFIG, AlertRenotifierService } from './alert-renotifier.service';
import { OpenAlertsGauge } from './open-alerts.gauge';

/** Alert lifecycle: episodes from risk alerts, re-notification, and the notifications every change releases. */
@Module({})
export class AlertingModule {
  static forRoot(config: Pick<AlertingConfig, 'ALERT_RENOTIFY_INTERVAL_MS' | 'ALERT_RENOTIFY_SCAN_MS'>): DynamicModule {
    return {
      module: AlertingModule,
      providers: [
        { provide: ALERTING_CONFIG, useValue: config },
        { provide: ALERTING_CLOCK, useValue: () => Date.now() },
        AlertLifecycleService,
        AlertRenotifierService,
        AlertingConsumer,
        OpenAlertsGauge,
      ],
      exports: [AlertLifecycleService, AlertRenotifierService],
    };
  }
}

/** The deployable alerting service. */
@Module({})
export class AlertingServiceModule {
  static forRoot(config: AlertingConfig, logger: Logger): DynamicModule {
    return {
      module: AlertingServiceModule,
      imports: [
        ObservabilityModule.forRoot({ serviceName: 'alerting', logger }),
        MessagingModule.forRoot({
          settings: toKafkaSettings(config, 'alerting'),
          topics: [Topics.riskAlerts, Topics.alertNotifications],
        }),
        PostgresModule.forRoot(toDatabaseSettings(config)),
        AlertingModule.forRoot(config),
      ],
    };
  }
}

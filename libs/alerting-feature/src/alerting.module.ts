import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, type Logger } from '@hyperdex/observability';
import { PostgresModule, toDatabaseSettings } from '@hyperdex/persistence';
import type { AlertingConfig } from './alerting.config';
import { AlertingConsumer } from './alerting.consumer';
import { AlertRecorderService } from './alert-recorder.service';

@Module({ controllers: [AlertingConsumer], providers: [AlertRecorderService], exports: [AlertRecorderService] })
export class AlertingModule {}

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
        AlertingModule,
      ],
    };
  }
}

import { Module, type DynamicModule, type OnModuleDestroy, Inject } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, type Logger } from '@hyperdex/observability';
import { PostgresModule, toDatabaseSettings } from '@hyperdex/persistence';
import type { AlertingConfig } from './alerting.config';
import { AlertingConsumer } from './alerting.consumer';
import { ALERTING_CLOCK, AlertLifecycleService } from './alert-lifecycle.service';
import { ALERTING_CONFIG, AlertRenotifierService } from './alert-renotifier.service';
import type { ChannelContext } from './channels/alert-channel';
import { DeliveryDispatcherConsumer } from './delivery/delivery-dispatcher.consumer';
import { DeliveryDispatcherService } from './delivery/delivery-dispatcher.service';
import { HeldSummaryService } from './volume/held-summary.service';
import { CHANNEL_CONTEXT, DELIVERY_CONFIG, DeliveryWorkerService } from './delivery/delivery-worker.service';
import { smtpMailer } from './delivery/smtp-mailer';
import { OpenAlertsGauge } from './open-alerts.gauge';

const SMTP = Symbol('SMTP');

/** Closes the SMTP transport with the module. */
class SmtpLifecycle implements OnModuleDestroy {
  constructor(@Inject(SMTP) private readonly smtp: ReturnType<typeof smtpMailer>) {}
  onModuleDestroy(): void {
    this.smtp.close();
  }
}

/**
 * Alert lifecycle (episodes from risk alerts, re-notification, a notification per change) and delivery of every
 * change to the user's channels.
 */
@Module({})
export class AlertingModule {
  static forRoot(config: AlertingConfig): DynamicModule {
    return {
      module: AlertingModule,
      // The risk-alerts consumer is a @BatchEventPattern controller, mounted by the event-bus transport.
      controllers: [AlertingConsumer],
      providers: [
        { provide: ALERTING_CONFIG, useValue: config },
        { provide: DELIVERY_CONFIG, useValue: config },
        { provide: ALERTING_CLOCK, useValue: () => Date.now() },
        { provide: SMTP, useFactory: () => smtpMailer(config.ALERT_SMTP_URL, config.ALERT_EMAIL_FROM, config.ALERT_DELIVERY_TIMEOUT_MS) },
        {
          provide: CHANNEL_CONTEXT,
          inject: [SMTP],
          useFactory: (smtp: ReturnType<typeof smtpMailer>): ChannelContext => ({
            timeoutMs: config.ALERT_DELIVERY_TIMEOUT_MS,
            now: () => Date.now(),
            email: smtp.mailer,
            telegramApiUrl: config.ALERT_TELEGRAM_API_URL.replace(/\/+$/, ''),
          }),
        },
        SmtpLifecycle,
        AlertLifecycleService,
        AlertRenotifierService,
        OpenAlertsGauge,
        DeliveryWorkerService,
        DeliveryDispatcherService,
        DeliveryDispatcherConsumer,
        HeldSummaryService,
      ],
      exports: [AlertLifecycleService, AlertRenotifierService, DeliveryWorkerService, DeliveryDispatcherService, HeldSummaryService],
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

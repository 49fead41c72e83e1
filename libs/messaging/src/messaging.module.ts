import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import type { TopicName } from '@hyperdex/contracts';
import { HealthRegistry, LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { EventSubscriberFactory } from './consumer/event-subscriber.factory';
import { KafkaConnection } from './kafka/kafka-connection';
import type { KafkaSettings } from './kafka/kafka.settings';
import { EventPublisher } from './producer/event-publisher';

export interface MessagingOptions {
  settings: KafkaSettings;
  /** Topics this service reads or writes; created (with their DLQs) at start-up if missing. */
  topics: readonly TopicName[];
}

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Kafka for a service: a connection, a publisher that awaits acks, and subscriptions with DLQ and readiness. */
@Global()
@Module({})
export class MessagingModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly connection: KafkaConnection,
    private readonly publisher: EventPublisher,
    private readonly subscribers: EventSubscriberFactory,
    private readonly health: HealthRegistry,
  ) {}

  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: KafkaConnection,
          inject: [LOGGER],
          useFactory: (logger: Logger) => new KafkaConnection(options.settings, logger),
        },
        {
          provide: EventPublisher,
          inject: [KafkaConnection, ServiceMetrics, LOGGER],
          useFactory: (c: KafkaConnection, m: ServiceMetrics, l: Logger) => new EventPublisher(c, m, l),
        },
        {
          provide: EventSubscriberFactory,
          inject: [KafkaConnection, EventPublisher, ServiceMetrics, HealthRegistry, LOGGER],
          useFactory: (c: KafkaConnection, p: EventPublisher, m: ServiceMetrics, h: HealthRegistry, l: Logger) =>
            new EventSubscriberFactory(c, p, m, h, l),
        },
      ],
      exports: [KafkaConnection, EventPublisher, EventSubscriberFactory],
    };
  }

  async onModuleInit(): Promise<void> {
    if (this.options.settings.createTopics) await this.connection.ensureTopics(this.options.topics);
    await this.publisher.connect();
    this.health.register({
      name: 'kafka',
      check: async () => {
        if (!this.publisher.isConnected) throw new Error('producer is not connected');
        await this.connection.ping();
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscribers.stopAll();
    await this.publisher.disconnect();
    await this.connection.close();
  }
}

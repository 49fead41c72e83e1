import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit, type Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import type { TopicName } from '@hyperdex/contracts';
import { HealthRegistry, LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { KafkaSubscriberFactory } from './consumer/event-subscriber.factory';
import { KafkaConnection } from './kafka/kafka-connection';
import type { KafkaSettings } from './kafka/kafka.settings';
import { InMemoryBroker } from './memory/in-memory-broker';
import { InMemoryEventPublisher } from './memory/in-memory-publisher';
import { InMemorySubscriberFactory } from './memory/in-memory-subscriber.factory';
import { EventPublisher } from './ports/event-publisher.port';
import { EventSubscriberFactory } from './ports/event-subscriber.port';
import { KafkaEventPublisher } from './producer/event-publisher';

export interface MessagingOptions {
  settings: KafkaSettings;
  /** Topics this service reads or writes; created (with their DLQs) at start-up if missing. */
  topics: readonly TopicName[];
  /** The bus to share when `settings.transport` is `memory` (several modules in one process); default a new one. */
  broker?: InMemoryBroker;
}

/** What the module starts and stops, whichever transport it mounted. */
interface TransportLifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
}

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
const TRANSPORT_LIFECYCLE = Symbol('TRANSPORT_LIFECYCLE');

/**
 * The event bus for a service: the EventPublisher and EventSubscriberFactory ports, on Kafka or on the in-memory bus
 * as `settings.transport` (MESSAGING_TRANSPORT) says, with DLQ and readiness either way.
 */
@Global()
@Module({})
export class MessagingModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(TRANSPORT_LIFECYCLE) private readonly lifecycle: TransportLifecycle) {}

  static forRoot(options: MessagingOptions): DynamicModule {
    const providers = options.settings.transport === 'memory' ? inMemoryProviders(options) : kafkaProviders(options);
    return {
      module: MessagingModule,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, ...providers],
      exports: [EventPublisher, EventSubscriberFactory, ...(options.settings.transport === 'memory' ? [InMemoryBroker] : [KafkaConnection])],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.lifecycle.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.lifecycle.stop();
  }
}

function kafkaProviders(options: MessagingOptions): Provider[] {
  return [
    {
      provide: KafkaConnection,
      inject: [LOGGER],
      useFactory: (logger: Logger) => new KafkaConnection(options.settings, logger),
    },
    {
      provide: EventPublisher,
      inject: [KafkaConnection, ServiceMetrics, LOGGER],
      useFactory: (c: KafkaConnection, m: ServiceMetrics, l: Logger) => new KafkaEventPublisher(c, m, l),
    },
    {
      provide: EventSubscriberFactory,
      inject: [KafkaConnection, EventPublisher, ServiceMetrics, HealthRegistry, LOGGER],
      useFactory: (c: KafkaConnection, p: EventPublisher, m: ServiceMetrics, h: HealthRegistry, l: Logger) => new KafkaSubscriberFactory(c, p, m, h, l),
    },
    {
      provide: TRANSPORT_LIFECYCLE,
      inject: [KafkaConnection, EventPublisher, EventSubscriberFactory, HealthRegistry],
      useFactory: (connection: KafkaConnection, publisher: KafkaEventPublisher, subscribers: EventSubscriberFactory, health: HealthRegistry): TransportLifecycle => ({
        start: async () => {
          if (options.settings.createTopics) await connection.ensureTopics(options.topics);
          await publisher.connect();
          health.register({
            name: 'kafka',
            check: async () => {
              if (!publisher.isConnected) throw new Error('producer is not connected');
              await connection.ping();
            },
          });
        },
        stop: async () => {
          await subscribers.stopAll();
          await publisher.disconnect();
          await connection.close();
        },
      }),
    },
  ];
}

function inMemoryProviders(options: MessagingOptions): Provider[] {
  const { settings } = options;
  return [
    { provide: InMemoryBroker, useValue: options.broker ?? new InMemoryBroker(settings.topicPartitions) },
    {
      provide: EventPublisher,
      inject: [InMemoryBroker, ServiceMetrics, LOGGER],
      useFactory: (b: InMemoryBroker, m: ServiceMetrics, l: Logger) => new InMemoryEventPublisher(b, settings, m, l),
    },
    {
      provide: EventSubscriberFactory,
      inject: [InMemoryBroker, EventPublisher, ServiceMetrics, HealthRegistry, LOGGER],
      useFactory: (b: InMemoryBroker, p: EventPublisher, m: ServiceMetrics, h: HealthRegistry, l: Logger) =>
        new InMemorySubscriberFactory(b, { consumerMaxBatch: settings.consumerMaxBatch, maxRetryBackoffMs: settings.maxRetryBackoffMs, handlerRetryLimit: settings.handlerRetryLimit }, p, m, h, l),
    },
    {
      provide: TRANSPORT_LIFECYCLE,
      inject: [InMemoryBroker, EventSubscriberFactory],
      useFactory: (broker: InMemoryBroker, subscribers: EventSubscriberFactory): TransportLifecycle => ({
        start: async () => broker.ensureTopics(options.topics),
        stop: async () => subscribers.stopAll(),
      }),
    },
  ];
}

export * from './kafka/kafka.settings';
export * from './kafka/kafka-connection';
export * from './producer/event-publisher';
export * from './consumer/permanent-failure';
export * from './consumer/event-subscriber';
export * from './consumer/event-subscriber.factory';
export * from './consumer/dead-letter';
export * from './messaging.module';

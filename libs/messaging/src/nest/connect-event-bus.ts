import type { INestApplication } from '@nestjs/common';
import { EventSubscriberFactory } from '../ports/event-subscriber.port';
import { EventBusTransport } from './event-bus.transport';

/**
 * Starts the app's `@BatchEventPattern` handlers on its event bus. The app is initialised first, so MessagingModule
 * has created the topics before any handler subscribes.
 */
export async function connectEventBus(app: INestApplication): Promise<void> {
  await app.init();
  app.connectMicroservice({ strategy: new EventBusTransport(app.get(EventSubscriberFactory)) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}

import { Controller, Injectable, Module, type INestApplication } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { lastValueFrom } from 'rxjs';
import { Topics, deadLetterTopic, type DeadLetter, type PriceTick } from '@hyperdex/contracts';
import { ObservabilityModule } from '@hyperdex/observability';
import type { InboundEvent } from '../consumer/inbound-event';
import { PermanentFailure } from '../consumer/permanent-failure';
import { kafkaEnvSchema, toKafkaSettings } from '../kafka/kafka.settings';
import { InMemoryBroker } from '../memory/in-memory-broker';
import { MessagingModule } from '../messaging.module';
import { EventPublisher } from '../ports/event-publisher.port';
import type { BatchContext } from './batch-context';
import { BatchEventPattern } from './batch-event-pattern.decorator';
import { connectEventBus } from './connect-event-bus';
import { EventBusClient } from './event-bus.client';

const token = (n: number) => `0x${String(n).repeat(40)}`;
const tick = (n: number, priceUsd: string): PriceTick => ({ chainId: 1, token: token(n), priceUsd, timestamp: 1_764_000_000_000, source: 'spec' });

@Injectable()
class PriceBook {
  readonly batches: Array<{ prices: string[]; partition: number; groupId: string }> = [];
}

@Controller()
class PriceConsumer {
  constructor(private readonly book: PriceBook) {}

  @BatchEventPattern(Topics.prices, { groupId: 'price-book', fromBeginning: true })
  async onPrices(@Payload() events: ReadonlyArray<InboundEvent<typeof Topics.prices>>, @Ctx() context: BatchContext): Promise<void> {
    if (events.some((e) => e.payload.priceUsd === '13')) throw new PermanentFailure('thirteen is refused', [{ field: 'priceUsd', reason: 'is 13' }]);
    this.book.batches.push({ prices: events.map((e) => e.payload.priceUsd), partition: context.getPartition(), groupId: context.getGroupId() });
  }
}

@Module({ controllers: [PriceConsumer], providers: [PriceBook] })
class PriceFeatureModule {}

async function until(done: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('EventBusTransport (Nest microservice over the in-memory bus)', () => {
  let app: INestApplication;
  const broker = new InMemoryBroker(1);

  beforeAll(async () => {
    const settings = toKafkaSettings(kafkaEnvSchema.parse({ MESSAGING_TRANSPORT: 'memory', KAFKA_MAX_RETRY_BACKOFF_MS: '10' }), 'spec');
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({ serviceName: 'spec', logger: pino({ level: 'silent' }) }),
        MessagingModule.forRoot({ settings, topics: [Topics.prices], broker }),
        PriceFeatureModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await connectEventBus(app);
  });

  afterAll(async () => app.close());

  it('hands an @BatchEventPattern handler the batch, and dead-letters what it refuses alone', async () => {
    const client = new EventBusClient(app.get(EventPublisher));
    await lastValueFrom(client.emit(Topics.prices, [tick(1, '12'), tick(2, '13')]), { defaultValue: undefined });
    await lastValueFrom(client.emit(Topics.prices, tick(3, '14')), { defaultValue: undefined });
    const book = app.get(PriceBook);
    await until(() => book.batches.flatMap((b) => b.prices).length === 2 && broker.records(deadLetterTopic(Topics.prices)).length === 1);
    expect(book.batches.flatMap((b) => b.prices)).toEqual(['12', '14']);
    expect(book.batches[0]).toMatchObject({ partition: 0, groupId: 'price-book' });
    const letter = JSON.parse(String(broker.records(deadLetterTopic(Topics.prices))[0]?.value)) as DeadLetter;
    expect(letter).toMatchObject({ offset: '1', reason: 'thirteen is refused', consumerGroup: 'price-book' });
    await until(() => broker.committed('price-book', Topics.prices, 0) === 3);
  });

  it('refuses request-response and topics outside the contracts', async () => {
    const client = new EventBusClient(app.get(EventPublisher));
    await expect(lastValueFrom(client.send(Topics.prices, tick(1, '1')))).rejects.toThrow('no request-response');
    await expect(lastValueFrom(client.emit('hyperdex.nowhere.v1', {}))).rejects.toThrow('no topic of the contracts');
  });
});

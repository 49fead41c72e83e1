import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics, type PriceTick, type Trade, type Transfer } from '@hyperdex/contracts';
import { EventPublisher } from '@hyperdex/messaging';
import { LOGGER } from '@hyperdex/observability';

/** Hands validated input to Kafka; a request is answered only once the broker has acknowledged every record. */
@Injectable()
export class IngestionService {
  constructor(
    private readonly publisher: EventPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async acceptTrades(trades: Trade[]): Promise<void> {
    await this.publishOr503(() => this.publisher.publish(Topics.trades, trades), trades.length);
  }

  /** Transfers travel on the trades topic under the user's key, so they stay in order with the user's trades. */
  async acceptTransfers(transfers: Transfer[]): Promise<void> {
    await this.publishOr503(() => this.publisher.publish(Topics.trades, transfers), transfers.length);
  }

  async acceptPrices(prices: PriceTick[]): Promise<void> {
    await this.publishOr503(() => this.publisher.publish(Topics.prices, prices), prices.length);
  }

  private async publishOr503(send: () => Promise<void>, count: number): Promise<void> {
    try {
      await send();
    } catch (error) {
      this.logger.error({ err: error, count }, 'could not publish to Kafka');
      // Nothing was acknowledged as accepted, so the caller may safely retry the same request.
      throw new ServiceUnavailableException({ message: 'The event log is unavailable; nothing was accepted, retry later' });
    }
  }
}

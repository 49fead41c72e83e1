import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { Topics, type ExposureCause, type PriceTick, type Trade } from '@hyperdex/contracts';
import { EventPublisher, type MessageContext } from '@hyperdex/messaging';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { ExposureCache, TradeLedgerRepository } from '@hyperdex/persistence';
import { PriceBook, TokenRegistry, UserBalances, swapDeltas, valueExposure } from '@hyperdex/risk-core';
import { toExposureUpdate } from './exposure-event.mapper';
import { KeyedSerializer } from './keyed-serializer';
import { UserBalanceCache } from './user-balance-cache';

/**
 * Keeps users' balances and values them. The PostgreSQL ledger is the truth: a trade is applied to memory only
 * after its transaction committed, and a trade id seen before changes nothing. Every change is published as an
 * exposure update and cached in Redis for the gateway's REST reads.
 */
@Injectable()
export class PortfolioService {
  private readonly prices = new PriceBook();
  private readonly perUser = new KeyedSerializer();
  private readonly cacheFailures: Counter;

  constructor(
    private readonly registry: TokenRegistry,
    private readonly users: UserBalanceCache,
    private readonly ledger: TradeLedgerRepository,
    private readonly cache: ExposureCache,
    private readonly publisher: EventPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: ServiceMetrics,
  ) {
    this.cacheFailures = metrics.counter('hyperdex_exposure_cache_failures_total', 'Exposure snapshots that could not be cached in Redis');
  }


  async applyTrade(trade: Trade, context: MessageContext): Promise<void> {
    await this.perUser.run(trade.userId, async () => {
      const deltas = swapDeltas(trade);
      const applied = await this.ledger.recordTrade(
        trade,
        deltas.map((d) => ({ chainId: d.chainId, token: d.token, delta: d.balance })),
        { partition: context.partition, offset: context.offset },
      );
      const cached = this.users.get(trade.userId);
      if (cached && applied) cached.apply(deltas);
      const balances = cached ?? new UserBalances(await this.ledger.loadBalances(trade.userId));
      this.users.put(trade.userId, balances, context.partition);
      if (!applied) this.logger.info({ tradeId: trade.tradeId, userId: trade.userId }, 'trade already recorded; republishing exposure');
      // Published even for a duplicate: the first delivery may have committed without publishing.
      await this.publishExposure(trade.userId, balances, { kind: 'trade', tradeId: trade.tradeId });
    });
  }

  async applyPrice(tick: PriceTick): Promise<void> {
    const isCurrent = this.prices.apply(tick.chainId, tick.token, tick.priceUsd, tick.timestamp, tick.source);
    if (!isCurrent) return;
    await Promise.all(
      this.users.holdersOf(tick.chainId, tick.token).map((userId) =>
        this.perUser.run(userId, async () => {
          const balances = this.users.get(userId);
          if (balances) await this.publishExposure(userId, balances, { kind: 'price', chainId: tick.chainId, token: tick.token });
        }),
      ),
    );
  }

  /** After a rebalance: forget users whose trades another instance now applies. */
  retainPartitions(partitions: readonly number[]): void {
    const dropped = this.users.retainPartitions(partitions);
    if (dropped) this.logger.info({ dropped, partitions }, 'dropped users of partitions now owned elsewhere');
  }

  private async publishExposure(userId: string, balances: UserBalances, cause: ExposureCause): Promise<void> {
    const update = toExposureUpdate(userId, valueExposure(balances, this.registry, this.prices), cause, Date.now());
    try {
      await this.cache.put(update);
    } catch (error) {
      // The snapshot cache only serves REST reads and the next update rewrites it: a Redis outage must not
      // hold back the event stream that risk and the dashboards depend on.
      this.cacheFailures.inc();
      this.logger.warn({ err: error, userId }, 'could not cache the exposure snapshot');
    }
    await this.publisher.publish(Topics.positions, [update]);
  }
}

import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import {
  Topics,
  chainReceiptKey,
  deadLetterTopic,
  type ChainReceipt,
  type ChainReceiptOutcome,
  type DeadLetter,
  type TokenMetadata,
  type Trade,
  type TradeRetraction,
} from '@hyperdex/contracts';
import { EventPublisher } from '@hyperdex/messaging';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { ChainReceiptDecoder, type DecodedLedger } from './chain-receipt-decoder';
import { ChainRpcUnavailableError } from './chain-rpc-clients';
import { TokenMetadataResolver } from './token-metadata.resolver';
import { PoolMetadataResolver } from './pool-metadata.resolver';
import type { FollowedTradeRef } from './chain-follow/follow-cursor';
import type { FollowedReceiptSink } from './chain-follow/followed-receipt-sink';

/** Where a receipt came from, for the dead letters of its refused logs. */
export interface ReceiptSource {
  readonly partition: number;
  readonly offset: string;
  readonly consumerGroup: string;
}

export const CHAIN_PRICE_MAX_AGE_MS = Symbol('CHAIN_PRICE_MAX_AGE_MS');

const HTTP_SOURCE: ReceiptSource = { partition: -1, offset: '-1', consumerGroup: 'ingestion-http' };
const FOLLOW_SOURCE: ReceiptSource = { partition: -1, offset: '-1', consumerGroup: 'ingestion-chain-follow' };

/**
 * Receipts in, token metadata, ledger events and prices out. Each refused swap log becomes a dead letter on
 * `hyperdex.chain-receipts.v1.dlq` with the receipt and the reason, so nothing is dropped silently. Trade ids are
 * `chainId:txHash:logIndex`, so a receipt sent twice produces the same ids and positions counts it once.
 */
@Injectable()
export class ChainIngestionService implements FollowedReceiptSink {
  private readonly rejectedLogs: Counter;
  private readonly stalePrices: Counter;

  constructor(
    private readonly decoder: ChainReceiptDecoder,
    private readonly pools: PoolMetadataResolver,
    private readonly tokens: TokenMetadataResolver,
    private readonly publisher: EventPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: ServiceMetrics,
    @Inject(CHAIN_PRICE_MAX_AGE_MS) private readonly priceMaxAgeMs: number,
  ) {
    this.rejectedLogs = metrics.counter('hyperdex_chain_logs_rejected_total', 'Swap logs refused (undecodable, unknown pool, impostor emitter)');
    this.stalePrices = metrics.counter('hyperdex_chain_prices_stale_total', 'Chain prices not published because their block is older than CHAIN_PRICE_MAX_AGE_MS');
  }

  async ingest(receipts: readonly ChainReceipt[], source: ReceiptSource = HTTP_SOURCE): Promise<ChainReceiptOutcome[]> {
    return (await this.ingestLedgers(receipts, source)).map(({ outcome }) => outcome);
  }

  /** A followed block's receipts, ingested as posted ones are; the trades they produced (retractable on a reorg). */
  async ingestBlock(receipts: readonly ChainReceipt[]): Promise<FollowedTradeRef[]> {
    const ledgers = await this.ingestLedgers(receipts, FOLLOW_SOURCE);
    return ledgers.flatMap(({ trades }) => trades.map((t) => ({ tradeId: t.tradeId, userId: t.userId, timestamp: t.timestamp })));
  }

  /** Retracts trades a followed block produced, once the block is orphaned. */
  async retract(chainId: number, trades: readonly FollowedTradeRef[], reason: string): Promise<void> {
    const retractions: TradeRetraction[] = trades.map((t) => ({ kind: 'retraction', tradeId: t.tradeId, userId: t.userId, chainId, reason, timestamp: t.timestamp }));
    if (retractions.length > 0) await this.publisher.publish(Topics.trades, retractions);
  }

  private async ingestLedgers(receipts: readonly ChainReceipt[], source: ReceiptSource): Promise<Array<{ outcome: ChainReceiptOutcome; trades: Trade[] }>> {
    const outcomes: Array<{ outcome: ChainReceiptOutcome; trades: Trade[] }> = [];
    for (const receipt of receipts) {
      let decoded: DecodedLedger;
      let learned: TokenMetadata[];
      try {
        await this.pools.resolveUnknownPools(this.decoder, receipt);
        decoded = this.decoder.decodeLedger(receipt);
        learned = await this.tokens.learn(receipt.chainId, decoded.swaps.flatMap((s) => [s.tokenIn, s.tokenOut]));
      } catch (error) {
        if (!(error instanceof ChainRpcUnavailableError)) throw error;
        this.logger.error({ err: error, tx: receipt.receipt.transactionHash }, 'could not ask the chain about the receipt');
        throw new ServiceUnavailableException({ message: `${error.message}; retry the same receipts later` });
      }
      // After learning: a token's decimals may be what a swap-implied price needed.
      const observed = this.decoder.pricesOf(decoded);
      const freshFrom = Date.now() - this.priceMaxAgeMs;
      const prices = observed.filter((tick) => tick.timestamp >= freshFrom);
      this.stalePrices.inc(observed.length - prices.length);
      try {
        // Token metadata first, so positions can value what the trades bring.
        await this.publisher.publish(Topics.tokens, learned);
        await this.publisher.publish(Topics.trades, [...decoded.trades, ...decoded.retractions]);
        await this.publisher.publish(Topics.prices, prices);
        if (decoded.rejected.length > 0) await this.deadLetter(receipt, decoded, source);
      } catch (error) {
        this.logger.error({ err: error, tx: decoded.transactionHash }, 'could not publish decoded receipt');
        throw new ServiceUnavailableException({ message: 'The event log is unavailable; retry the same receipts later (trade ids make it safe)' });
      }
      this.rejectedLogs.inc(decoded.rejected.length);
      const outcome: ChainReceiptOutcome = {
        transactionHash: decoded.transactionHash,
        trades: decoded.trades.map((t) => t.tradeId),
        retractions: decoded.retractions.map((r) => r.tradeId),
        withheld: decoded.withheld,
        prices: prices.length,
        rejected: decoded.rejected.map((r) => ({ logIndex: r.logIndex, reason: r.reason })),
      };
      outcomes.push({ outcome, trades: decoded.trades });
    }
    return outcomes;
  }

  private async deadLetter(receipt: ChainReceipt, decoded: DecodedLedger, source: ReceiptSource): Promise<void> {
    const value = JSON.stringify(receipt);
    const withheld = decoded.withheld.length > 0 ? `; trades withheld until the receipt decodes whole: ${decoded.withheld.join(', ')}` : '';
    const letters = decoded.rejected.map((r) => {
      const letter: DeadLetter = {
        originalTopic: Topics.chainReceipts,
        partition: source.partition,
        offset: source.offset,
        key: chainReceiptKey(receipt),
        value,
        valueEncoding: 'utf8',
        consumerGroup: source.consumerGroup,
        reason: `log ${r.logIndex}: ${r.reason}${withheld}`,
        errors: [{ field: `receipt.logs[logIndex=${r.logIndex}]`, reason: r.reason }],
        failedAt: Date.now(),
        attempts: 1,
      };
      return { key: letter.key, value: JSON.stringify(letter), headers: { 'content-type': 'application/json' } };
    });
    await this.publisher.publishRaw(deadLetterTopic(Topics.chainReceipts), letters);
  }
}

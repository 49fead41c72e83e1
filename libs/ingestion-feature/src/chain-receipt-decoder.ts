import type { Address } from 'viem';
import type { ChainReceipt, PriceTick, Trade, TradeRetraction } from '@hyperdex/contracts';
import {
  KNOWN_POOLS,
  PoolTokenDirectory,
  SWAP_DECODERS,
  chainlinkPrices,
  createDecoderSet,
  createLogClassifier,
  normalizeReceipt,
  swapImpliedPrices,
  tradesFromReceipt,
  withWrappedNativeTwins,
  type ChainlinkFeed,
  type LogClassifier,
  type PriceReferences,
  type NormalizedReceipt,
  type ReceiptRejection,
  type ResolvedSwap,
  type RawLog,
} from '@hyperdex/dex';
import { TokenRegistry } from '@hyperdex/risk-core';
import { loadChainlinkFeeds, loadPoolsFile } from './chain-config.files';

/** A pool a receipt swapped in whose tokens nobody could name yet (a singleton's pools by `poolId`). */
export interface UnknownPool {
  readonly chainId: number;
  readonly address: Address;
  readonly poolId?: `0x${string}`;
  /** The receipt's block: an `Initialize` can only be at or before it. */
  readonly blockNumber: number;
}

/** A receipt's ledger events; prices come after, once the tokens they name are known. */
export interface DecodedLedger {
  readonly receipt: NormalizedReceipt;
  readonly transactionHash: string;
  readonly trades: Trade[];
  readonly retractions: TradeRetraction[];
  readonly rejected: ReceiptRejection[];
  readonly withheld: string[];
  /** Every pool hop decoded with its tokens (each is a market observation, even when a summary is the trade). */
  readonly swaps: ResolvedSwap[];
}

export interface DecodedReceipt extends DecodedLedger {
  readonly prices: PriceTick[];
}

const E18 = 10n ** 18n;

/**
 * Decodes chain receipts into ledger events and prices with the dex library: one pool directory shared by every
 * receipt this instance sees (what one receipt proves about a pool serves the next), the token registry for decimals
 * and stablecoins (the USD references of swap-implied prices), and the configured Chainlink feeds.
 */
export class ChainReceiptDecoder {
  private readonly classifier: LogClassifier;
  private readonly refs: PriceReferences;

  constructor(
    readonly pools: PoolTokenDirectory,
    tokens: TokenRegistry,
    private readonly feeds: readonly ChainlinkFeed[] = [],
  ) {
    this.classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS), lookupPool: (chainId, address) => pools.dexOf(chainId, address) });
    this.refs = {
      decimalsOf: (chainId, token) => tokens.get(chainId, token)?.decimals,
      referencePriceOf: (chainId, token) => (tokens.get(chainId, token)?.stablecoin ? E18 : undefined),
    };
  }

  static create(files: { poolsFile?: string; feedsFile?: string } = {}, tokens = new TokenRegistry()): ChainReceiptDecoder {
    const pools = new PoolTokenDirectory([...KNOWN_POOLS, ...loadPoolsFile(files.poolsFile)]);
    return new ChainReceiptDecoder(pools, tokens, loadChainlinkFeeds(files.feedsFile));
  }

  decode(input: ChainReceipt): DecodedReceipt {
    const ledger = this.decodeLedger(input);
    return { ...ledger, prices: this.pricesOf(ledger) };
  }

  decodeLedger(input: ChainReceipt): DecodedLedger {
    const receipt = normalizeReceipt(input);
    return { receipt, transactionHash: receipt.transactionHash, ...tradesFromReceipt(receipt, { classifier: this.classifier, pools: this.pools }) };
  }

  /** Swap-implied prices against stablecoins and priced natives, and the configured Chainlink feeds' answers. */
  pricesOf({ receipt, swaps }: DecodedLedger): PriceTick[] {
    if (!receipt.succeeded) return [];
    return withWrappedNativeTwins([...swapImpliedPrices(swaps, receipt.chainId, receipt.timestampMs, this.refs), ...chainlinkPrices(receipt.chainId, receipt.logs, this.feeds)]);
  }

  /** Pools that receipts named but nobody could resolve: candidates for the shared store and the RPC source. */
  unknownPools(input: ChainReceipt): UnknownPool[] {
    const receipt = normalizeReceipt(input);
    const unknown = new Map<string, UnknownPool>();
    for (const log of receipt.logs) {
      const { result } = this.classifier.decode(receipt.chainId, log);
      if (result?.kind !== 'swap') continue;
      const refs = [result.tokenIn, result.tokenOut];
      if (refs.some((ref) => !('address' in ref) && !this.pools.resolve(result.pool, ref))) {
        const { chainId, address, poolId } = result.pool;
        unknown.set(`${address}:${poolId ?? ''}`, { chainId, address, ...(poolId ? { poolId } : {}), blockNumber: receipt.blockNumber });
      }
    }
    return [...unknown.values()];
  }

  /**
   * Learns what pool-metadata events say (a V4 `Initialize` an endpoint returned for `eth_getLogs`), through the same
   * classifier as receipts: an event from a contract that is not the registered singleton teaches nothing.
   */
  learnPoolEvents(chainId: number, logs: readonly RawLog[]): number {
    let learned = 0;
    for (const log of logs) {
      const { result } = this.classifier.decode(chainId, log);
      if (result?.kind !== 'pool-tokens') continue;
      this.pools.learn({ ...result.pool, tokens: result.tokens, source: 'rpc' });
      learned++;
    }
    return learned;
  }
}

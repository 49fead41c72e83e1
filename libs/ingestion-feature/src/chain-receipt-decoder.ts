import { readFileSync } from 'node:fs';
import type { Address } from 'viem';
import type { ChainReceipt, PriceTick, Trade, TradeRetraction } from '@hyperdex/contracts';
import {
  DEX_DEFINITIONS,
  KNOWN_POOLS,
  PoolTokenDirectory,
  SWAP_DECODERS,
  chainlinkPrices,
  createDecoderSet,
  createLogClassifier,
  normalizeReceipt,
  swapImpliedPrices,
  tradesFromReceipt,
  type ChainlinkFeed,
  type KnownPool,
  type LogClassifier,
  type PriceReferences,
  type ReceiptRejection,
} from '@hyperdex/dex';
import { TokenRegistry } from '@hyperdex/risk-core';

export interface DecodedReceipt {
  readonly transactionHash: string;
  readonly trades: Trade[];
  readonly retractions: TradeRetraction[];
  readonly prices: PriceTick[];
  readonly rejected: ReceiptRejection[];
  readonly withheld: string[];
}

const E18 = 10n ** 18n;
const DEX_IDS: ReadonlySet<string> = new Set(DEX_DEFINITIONS.map((d) => d.id));

/** Loads a JSON file of extra pools `[{chainId, address, poolId?, dexId?, tokens, underlying?}]`; errors name the file. */
export function loadPoolsFile(file: string | undefined): KnownPool[] {
  if (!file) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`DEX_POOLS_FILE ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new Error(`DEX_POOLS_FILE ${file}: must hold a JSON array of pools`);
  return parsed.map((p: unknown, i) => {
    const pool = p as Partial<KnownPool>;
    if (typeof pool.chainId !== 'number' || typeof pool.address !== 'string' || !Array.isArray(pool.tokens)) {
      throw new Error(`DEX_POOLS_FILE ${file}: pools[${i}] needs chainId (number), address and tokens[]`);
    }
    if (pool.dexId !== undefined && !DEX_IDS.has(pool.dexId)) {
      throw new Error(`DEX_POOLS_FILE ${file}: pools[${i}].dexId ${JSON.stringify(pool.dexId)} is no registered DEX id (${[...DEX_IDS].join(', ')})`);
    }
    return { ...(pool as KnownPool), source: 'file' };
  });
}

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

  static create(poolsFile: string | undefined, tokens = new TokenRegistry(), feeds: readonly ChainlinkFeed[] = []): ChainReceiptDecoder {
    return new ChainReceiptDecoder(new PoolTokenDirectory([...KNOWN_POOLS, ...loadPoolsFile(poolsFile)]), tokens, feeds);
  }

  decode(input: ChainReceipt): DecodedReceipt {
    const receipt = normalizeReceipt(input);
    const { trades, retractions, rejected, withheld, swaps } = tradesFromReceipt(receipt, { classifier: this.classifier, pools: this.pools });
    const prices = receipt.succeeded
      ? [...swapImpliedPrices(swaps, receipt.chainId, receipt.timestampMs, this.refs), ...chainlinkPrices(receipt.chainId, receipt.logs, this.feeds)]
      : [];
    return { transactionHash: receipt.transactionHash, trades, retractions, prices, rejected, withheld };
  }

  /** Pools that receipts named but nobody could resolve: candidates for the RPC source. */
  unknownPools(input: ChainReceipt): Array<{ chainId: number; address: Address }> {
    const receipt = normalizeReceipt(input);
    const unknown = new Map<string, { chainId: number; address: Address }>();
    for (const log of receipt.logs) {
      const { result } = this.classifier.decode(receipt.chainId, log);
      if (result?.kind !== 'swap' || result.pool.poolId !== undefined) continue;
      const refs = [result.tokenIn, result.tokenOut];
      if (refs.some((ref) => !('address' in ref) && !this.pools.resolve(result.pool, ref))) {
        unknown.set(result.pool.address, { chainId: receipt.chainId, address: result.pool.address });
      }
    }
    return [...unknown.values()];
  }
}

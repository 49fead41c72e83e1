import type { Address } from 'viem';
import type { DecodedSwap } from '../../core/decoded-swap';
import type { DexFamilyId } from '../../core/family-id';
import { NATIVE_TOKEN } from '../../families/shared/swap-result';
import type { PoolTokenDirectory } from '../../pools/pool-token-directory';
import type { LogClassifier } from '../../registry/log-classifier';
import type { Erc20Transfer } from '../erc20-transfers';
import type { ClassifiedSwap } from './decode-swaps';
import { learnPoolSlotsFromTransfers } from './pool-slots-from-transfers';
import type { ReceiptRejection } from './receipt-rejection';
import type { PricedSwap } from './resolved-swap';

export interface ResolvedPools {
  readonly swaps: readonly PricedSwap[];
  readonly rejected: readonly ReceiptRejection[];
}

/**
 * Stage 2: each swap's token slots resolved to addresses — from the directory, or proven by this receipt's
 * transfers — and a pool known only by topic0 attributed to its factory. A swap whose tokens stay unknown is rejected.
 */
export function resolvePools(
  chainId: number,
  decoded: readonly ClassifiedSwap[],
  transfers: readonly Erc20Transfer[],
  { classifier, pools }: { readonly classifier: LogClassifier; readonly pools: PoolTokenDirectory },
): ResolvedPools {
  const swaps: PricedSwap[] = [];
  const rejected: ReceiptRejection[] = [];
  const perSingleton = new Map<string, number>();
  for (const { swap } of decoded) if (swap.pool.poolId !== undefined) perSingleton.set(swap.pool.address, (perSingleton.get(swap.pool.address) ?? 0) + 1);
  for (const { swap, dexId: classifiedAs, family, byTopicOnly } of decoded) {
    learnPoolSlotsFromTransfers(swap, transfers, pools, { singletonShared: (perSingleton.get(swap.pool.address) ?? 0) > 1 });
    const dexId = (byTopicOnly && attributeByFactory(swap, family, classifier, pools)) || classifiedAs;
    const tokenIn = pools.resolve(swap.pool, swap.tokenIn);
    const tokenOut = pools.resolve(swap.pool, swap.tokenOut);
    const feeToken = swap.fee ? pools.resolve(swap.pool, swap.fee.token) : undefined;
    if (!tokenIn || !tokenOut || (swap.fee && !feeToken)) {
      rejected.push({ logIndex: swap.logIndex, reason: unknownPoolReason(swap, chainId) });
      continue;
    }
    swaps.push({
      logIndex: swap.logIndex,
      dexId,
      level: swap.level,
      venue: swap.settledBy ?? swap.pool.address,
      tokenIn: nativeAsConvention(tokenIn),
      amountIn: swap.amountIn,
      tokenOut: nativeAsConvention(tokenOut),
      amountOut: swap.amountOut,
      ...(swap.eventSender ? { eventSender: swap.eventSender.toLowerCase() as Address } : {}),
      ...(swap.eventRecipient ? { eventRecipient: swap.eventRecipient.toLowerCase() as Address } : {}),
      ...(swap.fee && feeToken ? { fee: { token: nativeAsConvention(feeToken), amount: swap.fee.amount } } : {}),
      ...(swap.trader ? { namedTrader: swap.trader } : {}),
    });
  }
  return { swaps, rejected };
}

const unknownPoolReason = (swap: DecodedSwap, chainId: number): string =>
  `unknown pool ${swap.pool.address}${swap.pool.poolId ? ` (${swap.pool.poolId})` : ''} on chain ${chainId}: ` +
  `its tokens are neither registered nor proven by this receipt's transfers`;

/**
 * A pool known only by its topic0 whose tokens are now known: the registered factory that places it at this address
 * (CREATE2) names its DEX, and the pool is remembered so its next logs classify as that DEX from the start.
 */
function attributeByFactory(swap: DecodedSwap, family: DexFamilyId, classifier: LogClassifier, pools: PoolTokenDirectory) {
  if (swap.pool.poolId !== undefined) return undefined;
  const known = pools.get(swap.pool);
  if (!known) return undefined;
  if (known.dexId) return known.dexId;
  const dexId = classifier.attributePool(swap.pool.chainId, family, swap.pool.address, known.tokens);
  if (dexId) pools.learn({ chainId: swap.pool.chainId, address: swap.pool.address, dexId, tokens: [], source: 'create2' });
  return dexId;
}

/** V4 reports the native coin as address(0); the trades contract, like Curve, 0x and CoW, writes 0xEeee…EEeE. */
const nativeAsConvention = (token: Address): Address =>
  token === '0x0000000000000000000000000000000000000000' ? (NATIVE_TOKEN as Address) : token;

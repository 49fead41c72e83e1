import type { Address } from 'viem';
import type { DexFamilyId } from './family-id';
import type { PoolRef } from './pool-ref';
import type { TokenRef } from './token-ref';

/**
 * One swap event decoded into what left and what reached the swapper, in base units (always positive).
 *
 * `level` separates what a pool did (`pool`: one hop) from what an aggregator or settlement contract reports for a
 * whole route (`aggregator`: 0x TransformedERC20, 1inch/Kyber Swapped, CoW Trade). A transaction's trades come from one
 * level or the other, never both, or the route would be counted twice.
 */
export interface DecodedSwap {
  readonly family: DexFamilyId;
  readonly level: 'pool' | 'aggregator';
  readonly pool: PoolRef;
  readonly logIndex: number;
  readonly tokenIn: TokenRef;
  readonly amountIn: bigint;
  readonly tokenOut: TokenRef;
  readonly amountOut: bigint;
  /**
   * The contract the swap's tokens move to and from when it is not `pool.address` (a Balancer V3 buffer conversion
   * settles through the Vault): the receipt's transfers with it prove the pool's slots.
   */
  readonly settledBy?: Address;
  /** The event's own sender/recipient fields (usually routers or the next pool), kept for audit only. */
  readonly eventSender?: Address;
  readonly eventRecipient?: Address;
  /** The trader the event itself names (CoW `owner`, 0x `taker`, aggregator `sender`); otherwise tx.from is used. */
  readonly trader?: Address;
  /** A fee the event reports on top of the swap (CoW `feeAmount`, included in `amountIn`), in `feeToken`. */
  readonly fee?: { readonly token: TokenRef; readonly amount: bigint };
}

import type { Address, Hex } from 'viem';
import type { DecodeRejection, DecodeResult } from '../../core/decode-result';
import type { DexFamilyId } from '../../core/family-id';
import type { RawLog } from '../../core/raw-log';
import type { TokenRef } from '../../core/token-ref';

/** The native coin as the trades contract writes it (Curve, 0x, 1inch, CoW use the same marker). */
export const NATIVE_TOKEN: Address = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
export const ZERO_ADDRESS: Address = '0x0000000000000000000000000000000000000000';

export const lower = (address: Address): Address => address.toLowerCase() as Address;

export const reject = (log: RawLog, reason: string): DecodeRejection => ({
  kind: 'rejected',
  logIndex: log.logIndex,
  reason,
});

export interface SwapParts {
  readonly family: DexFamilyId;
  readonly poolId?: Hex;
  readonly tokenIn: TokenRef;
  readonly amountIn: bigint;
  readonly tokenOut: TokenRef;
  readonly amountOut: bigint;
  readonly eventSender?: Address;
  readonly eventRecipient?: Address;
}

/** A pool-level swap result; rejects zero amounts (no trade happened, or garbage). */
export const poolSwap = (log: RawLog, chainId: number, parts: SwapParts): DecodeResult => {
  if (parts.amountIn <= 0n || parts.amountOut <= 0n) {
    return reject(log, `${parts.family}: zero amount (in ${parts.amountIn}, out ${parts.amountOut})`);
  }
  const address = lower(log.address);
  return {
    kind: 'swap',
    family: parts.family,
    level: 'pool',
    pool: parts.poolId ? { chainId, address, poolId: parts.poolId.toLowerCase() as Hex } : { chainId, address },
    logIndex: log.logIndex,
    tokenIn: parts.tokenIn,
    amountIn: parts.amountIn,
    tokenOut: parts.tokenOut,
    amountOut: parts.amountOut,
    ...(parts.eventSender ? { eventSender: lower(parts.eventSender) } : {}),
    ...(parts.eventRecipient ? { eventRecipient: lower(parts.eventRecipient) } : {}),
  };
};

export interface TwoTokenSides {
  readonly tokenIn: TokenRef;
  readonly amountIn: bigint;
  readonly tokenOut: TokenRef;
  readonly amountOut: bigint;
}

const SLOT0: TokenRef = { slot: 0 };
const SLOT1: TokenRef = { slot: 1 };

/**
 * Turns pool-side balance deltas of token0/token1 (positive = the pool received it) into in/out. Exactly one side must
 * be positive and the other negative; anything else is not a swap (returns the reason).
 */
export const sidesFromPoolDeltas = (delta0: bigint, delta1: bigint): TwoTokenSides | string => {
  if (delta0 > 0n && delta1 < 0n) return { tokenIn: SLOT0, amountIn: delta0, tokenOut: SLOT1, amountOut: -delta1 };
  if (delta1 > 0n && delta0 < 0n) return { tokenIn: SLOT1, amountIn: delta1, tokenOut: SLOT0, amountOut: -delta0 };
  return `pool deltas (${delta0}, ${delta1}) are not one in and one out`;
};

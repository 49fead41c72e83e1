import { parseAbiItem, type Hex } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { poolSwap, reject, sidesFromPoolDeltas } from '../shared/swap-result';

/**
 * Trader Joe Liquidity Book v2.1 / v2.2 pairs (joe-v2 `ILBPair.sol`). Amounts are two uint128 packed in a bytes32:
 * X = low 128 bits, Y = high 128 bits (`PackedUint128Math.decodeX/decodeY`). `amountsIn` is what stays in the bin:
 * the swapper's payment with the LP fee but without the protocol's share, which the pair books aside and reports as
 * `protocolFees` — a real Avalanche log shows amountsIn + protocolFees = the transfer into the pair. What the swapper
 * paid is therefore amountsIn + protocolFees. Tokens are the pair's tokenX (slot 0) and tokenY (slot 1).
 */
export const TRADER_JOE_LB_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(address indexed sender, address indexed to, uint24 id, bytes32 amountsIn, bytes32 amountsOut, uint24 volatilityAccumulator, bytes32 totalFees, bytes32 protocolFees)',
  ),
);

const LOW_128 = (1n << 128n) - 1n;

/** Splits a packed bytes32 into [X, Y]. */
export const unpackLbAmounts = (packed: Hex): readonly [bigint, bigint] => {
  const value = BigInt(packed);
  return [value & LOW_128, value >> 128n];
};

export const traderJoeLbDecoder: SwapDecoder = {
  family: 'trader-joe-lb',
  topic0s: [TRADER_JOE_LB_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(TRADER_JOE_LB_SWAP, log);
    if (typeof args === 'string') return reject(log, `trader-joe-lb: ${args}`);
    const [inX, inY] = unpackLbAmounts(args.amountsIn);
    const [outX, outY] = unpackLbAmounts(args.amountsOut);
    const [protocolX, protocolY] = unpackLbAmounts(args.protocolFees);
    // Pool-side deltas: what the swapper paid in minus what went out, per token.
    const sides = sidesFromPoolDeltas(inX + protocolX - outX, inY + protocolY - outY);
    if (typeof sides === 'string') return reject(log, `trader-joe-lb: ${sides}`);
    return poolSwap(log, chainId, { family: 'trader-joe-lb', ...sides, eventSender: args.sender, eventRecipient: args.to });
  },
};

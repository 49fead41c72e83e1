import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { poolSwap, reject, sidesFromPoolDeltas } from '../shared/swap-result';

/**
 * Algebra Integral pools (QuickSwap V4, Hydrex, Gliquid…): the Algebra swap plus `overrideFee` and `pluginFee`, hence
 * a topic0 of its own (cryptoalgebra/Algebra `IAlgebraPoolEvents.sol`). Pool-side signs as in V3.
 */
export const ALGEBRA_INTEGRAL_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(address indexed sender, address indexed recipient, int256 amount0, int256 amount1, uint160 price, uint128 liquidity, int24 tick, uint24 overrideFee, uint24 pluginFee)',
  ),
);

export const algebraIntegralDecoder: SwapDecoder = {
  family: 'algebra-integral',
  topic0s: [ALGEBRA_INTEGRAL_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(ALGEBRA_INTEGRAL_SWAP, log);
    if (typeof args === 'string') return reject(log, `algebra-integral: ${args}`);
    const sides = sidesFromPoolDeltas(args.amount0, args.amount1);
    if (typeof sides === 'string') return reject(log, `algebra-integral: ${sides}`);
    return poolSwap(log, chainId, {
      family: 'algebra-integral',
      ...sides,
      eventSender: args.sender,
      eventRecipient: args.recipient,
    });
  },
};

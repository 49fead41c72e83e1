import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { poolSwap, reject, sidesFromPoolDeltas } from '../shared/swap-result';

/**
 * Uniswap V3 pools and the forks with the same event types: SushiSwap V3, Aerodrome/Velodrome Slipstream, and Algebra
 * V1/V1.9 pools (QuickSwap V3, Camelot V3, THENA Fusion), which name the 5th field `price` instead of `sqrtPriceX96`
 * — names do not enter the topic0, so one decoder serves all. Amounts are pool-side: positive = the pool received it.
 */
export const UNISWAP_V3_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(address indexed sender, address indexed recipient, int256 amount0, int256 amount1, uint160 sqrtPriceX96, uint128 liquidity, int24 tick)',
  ),
);

export const uniswapV3Decoder: SwapDecoder = {
  family: 'uniswap-v3',
  topic0s: [UNISWAP_V3_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(UNISWAP_V3_SWAP, log);
    if (typeof args === 'string') return reject(log, `uniswap-v3: ${args}`);
    const sides = sidesFromPoolDeltas(args.amount0, args.amount1);
    if (typeof sides === 'string') return reject(log, `uniswap-v3: ${sides}`);
    return poolSwap(log, chainId, {
      family: 'uniswap-v3',
      ...sides,
      eventSender: args.sender,
      eventRecipient: args.recipient,
    });
  },
};

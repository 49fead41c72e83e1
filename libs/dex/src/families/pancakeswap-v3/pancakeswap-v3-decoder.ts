import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { poolSwap, reject, sidesFromPoolDeltas } from '../shared/swap-result';

/**
 * PancakeSwap V3 pools (and forks that copied them): the V3 event plus the two protocol-fee fields, hence its own
 * topic0 (pancake-v3-contracts `IPancakeV3PoolEvents.sol`). Pool-side signs as in V3.
 */
export const PANCAKESWAP_V3_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(address indexed sender, address indexed recipient, int256 amount0, int256 amount1, uint160 sqrtPriceX96, uint128 liquidity, int24 tick, uint128 protocolFeesToken0, uint128 protocolFeesToken1)',
  ),
);

export const pancakeswapV3Decoder: SwapDecoder = {
  family: 'pancakeswap-v3',
  topic0s: [PANCAKESWAP_V3_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(PANCAKESWAP_V3_SWAP, log);
    if (typeof args === 'string') return reject(log, `pancakeswap-v3: ${args}`);
    const sides = sidesFromPoolDeltas(args.amount0, args.amount1);
    if (typeof sides === 'string') return reject(log, `pancakeswap-v3: ${sides}`);
    return poolSwap(log, chainId, {
      family: 'pancakeswap-v3',
      ...sides,
      eventSender: args.sender,
      eventRecipient: args.recipient,
    });
  },
};

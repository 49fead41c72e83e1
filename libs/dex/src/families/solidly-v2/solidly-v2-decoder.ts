import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { poolSwap, reject, sidesFromPoolDeltas } from '../shared/swap-result';

/**
 * Velodrome V2 / Aerodrome basic (vAMM/sAMM) pools: the V2 amounts with both addresses indexed up front, hence a
 * different topic0 from Uniswap V2 (velodrome-finance/contracts `IPool.sol`). Tokens are the pool's token0/token1.
 */
export const SOLIDLY_V2_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(address indexed sender, address indexed to, uint256 amount0In, uint256 amount1In, uint256 amount0Out, uint256 amount1Out)',
  ),
);

export const solidlyV2Decoder: SwapDecoder = {
  family: 'solidly-v2',
  topic0s: [SOLIDLY_V2_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(SOLIDLY_V2_SWAP, log);
    if (typeof args === 'string') return reject(log, `solidly-v2: ${args}`);
    const sides = sidesFromPoolDeltas(args.amount0In - args.amount0Out, args.amount1In - args.amount1Out);
    if (typeof sides === 'string') return reject(log, `solidly-v2: ${sides}`);
    return poolSwap(log, chainId, { family: 'solidly-v2', ...sides, eventSender: args.sender, eventRecipient: args.to });
  },
};

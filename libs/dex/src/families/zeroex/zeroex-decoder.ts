import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { lower, reject } from '../shared/swap-result';

/**
 * 0x Exchange Proxy `TransformedERC20`: one summary event per `transformERC20` call (the route's hops emit their own
 * pool events). The user is `taker`, which differs from tx.from for meta-transactions. `0xeeee…` is native ETH.
 */
export const ZEROEX_TRANSFORMED_ERC20 = eventLayout(
  parseAbiItem(
    'event TransformedERC20(address indexed taker, address inputToken, address outputToken, uint256 inputTokenAmount, uint256 outputTokenAmount)',
  ),
);

export const zeroexDecoder: SwapDecoder = {
  family: 'zeroex',
  topic0s: [ZEROEX_TRANSFORMED_ERC20.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(ZEROEX_TRANSFORMED_ERC20, log);
    if (typeof args === 'string') return reject(log, `zeroex: ${args}`);
    if (args.inputTokenAmount <= 0n || args.outputTokenAmount <= 0n) {
      return reject(log, `zeroex: zero amount (in ${args.inputTokenAmount}, out ${args.outputTokenAmount})`);
    }
    const taker = lower(args.taker);
    return {
      kind: 'swap',
      family: 'zeroex',
      level: 'aggregator',
      pool: { chainId, address: lower(log.address) },
      logIndex: log.logIndex,
      tokenIn: { address: lower(args.inputToken) },
      amountIn: args.inputTokenAmount,
      tokenOut: { address: lower(args.outputToken) },
      amountOut: args.outputTokenAmount,
      trader: taker,
    };
  },
};

import { erc20TransfersOf } from '../erc20-transfers';
import { recordedReceipt, receiptContext } from '../spec-support/recorded-receipt';
import { decodeSwaps } from './decode-swaps';
import { resolvePools } from './resolve-pools';

const V2_ROUTE = recordedReceipt('uniswap-v2', 'ethereum-0x67cf6c4c.json');
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const FXS = '0x3432b6a60d23ca0dfca7761b7ab56459d9c964d0';
const FRAX = '0x853d955acef822db058eb8505911ed77f175b99e';

describe('resolve-pools stage', () => {
  it('proves each pool’s slots from the receipt’s own transfers when no registry knows them', () => {
    const { classifier, pools } = receiptContext([]);
    const decoded = decodeSwaps(1, V2_ROUTE.logs, classifier, pools);
    const { swaps, rejected } = resolvePools(1, decoded.swaps, erc20TransfersOf(V2_ROUTE.logs), { classifier, pools });
    expect(rejected).toEqual([]);
    expect(swaps.map((s) => [s.tokenIn, s.tokenOut])).toEqual([
      [WETH, USDC],
      [USDC, FXS],
      [FXS, FRAX],
    ]);
    // Learned for the next receipt, with where the knowledge came from.
    expect(pools.get({ chainId: 1, address: swaps[0]?.venue ?? '0x' })?.source).toBe('receipt-transfers');
  });

  it('rejects, naming the pool and the chain, a swap whose tokens nothing proves', () => {
    const { classifier, pools } = receiptContext([]);
    const decoded = decodeSwaps(1, V2_ROUTE.logs, classifier, pools);
    const { swaps, rejected } = resolvePools(1, decoded.swaps, [], { classifier, pools });
    expect(swaps).toEqual([]);
    expect(rejected.map((r) => r.logIndex)).toEqual([511, 516, 519]);
    expect(rejected[0]?.reason).toMatch(/^unknown pool 0x[0-9a-f]{40} on chain 1: its tokens are neither registered nor proven/);
  });

  it('writes V4’s address(0) native coin as the trades contract does (0xEeee…)', () => {
    const v4 = recordedReceipt('uniswap-v4', 'ethereum-0x4a3d3205.json');
    const { classifier, pools } = receiptContext();
    const decoded = decodeSwaps(1, v4.logs, classifier, pools);
    const { swaps } = resolvePools(1, decoded.swaps, erc20TransfersOf(v4.logs), { classifier, pools });
    expect(swaps.map((s) => s.tokenIn)).toEqual(['0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee']);
  });
});

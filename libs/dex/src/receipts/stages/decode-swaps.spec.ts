import { recordedReceipt, receiptContext } from '../spec-support/recorded-receipt';
import { decodeSwaps } from './decode-swaps';

// rotki test_uniswap_v2_swap: a 3-hop V2 route WETH → USDC → FXS → FRAX (logs 511, 516, 519).
const V2_ROUTE = recordedReceipt('uniswap-v2', 'ethereum-0x67cf6c4c.json');

describe('decode stage', () => {
  it('decodes every swap log of a recorded route, in log order, with its classification', () => {
    const { classifier, pools } = receiptContext();
    const { swaps, rejected } = decodeSwaps(1, V2_ROUTE.logs, classifier, pools);
    expect(rejected).toEqual([]);
    expect(swaps.map((s) => [s.swap.logIndex, s.family, s.swap.level])).toEqual([
      [511, 'uniswap-v2', 'pool'],
      [516, 'uniswap-v2', 'pool'],
      [519, 'uniswap-v2', 'pool'],
    ]);
  });

  it('rejects a swap log whose layout is wrong, naming the log and the reason, and keeps the others', () => {
    const { classifier, pools } = receiptContext();
    const logs = V2_ROUTE.logs.map((l) => (l.logIndex === 516 ? { ...l, data: l.data.slice(0, 66) as `0x${string}` } : l));
    const { swaps, rejected } = decodeSwaps(1, logs, classifier, pools);
    expect(rejected).toEqual([{ logIndex: 516, reason: 'uniswap-v2: Swap: expected 128 data bytes, got 32' }]);
    expect(swaps.map((s) => s.swap.logIndex)).toEqual([511, 519]);
  });

  it('ignores logs that are no swap (transfers, syncs, wraps)', () => {
    const { classifier, pools } = receiptContext();
    const others = V2_ROUTE.logs.filter((l) => ![511, 516, 519].includes(l.logIndex));
    expect(others.length).toBeGreaterThan(0);
    expect(decodeSwaps(1, others, classifier, pools)).toEqual({ swaps: [], rejected: [], unverifiedSummaries: [] });
  });
});

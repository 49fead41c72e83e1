import { tradesOfFixture } from '../shared/fixture-trades';
import { withLeadingWords } from '../shared/log-edits';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { ALGEBRA_INTEGRAL_SWAP, algebraIntegralDecoder } from './algebra-integral-decoder';
import base0x16b0e096 from './fixtures/base-0x16b0e096.json';

/*
 * Real recorded log (rotki/test-caching VCR cassette), cross-checked with rotki/rotki
 * rotkehlchen/tests/unit/decoders/test_quickswapv4.py:
 * - 0x16b0e096358a955edc51479fc3b32056c2fe5afc4d33ae9b31c36326e4e2426b (Base), cassette
 *   cassettes/unit/decoders/test_quickswapv4/test_swap[base_accounts0].yaml, rotki test `test_swap`: 0.01 USDC →
 *   0.009988 stratUSD in the QuickSwap V4 pool 0xB780…902F, gas 0.000001787593774673 ETH (execution + L1 data fee),
 *   timestamp 1756472597000. The cassette's body length equals its Content-Length and its logsBloom recomputes.
 */
const quickswapV4 = base0x16b0e096 as ReceiptFixture;
const POOL = '0xb780bd13876dd8219d06ad88f88d6c72c35b902f';
const ROUTER = '0xe6c9bb24ddb4ae5c6632dbe0de14e3e474c6cb04';
const USDC = '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913';
const STRAT_USD = '0xe5f2fe713cdb192c85e67a912ff8891b4e636614';
const USER = '0x9ba704115f0ed3a431a025ffa0525fdd1d507c3c';

describe('algebra-integral decoder', () => {
  it('has the 9-field Algebra Integral Swap topic0 of the reference catalogue, seen in the recording', () => {
    expect(ALGEBRA_INTEGRAL_SWAP.topic0).toBe('0x121cb44ee54098b1a04743c487e7460d8dd429b27f88b1f4d4767396e1a59f79');
    expect(fixtureLogsWithTopic(quickswapV4, ALGEBRA_INTEGRAL_SWAP.topic0)).toHaveLength(1);
  });

  describe('QuickSwap V4 pool 0xb780…902f (Base)', () => {
    it('reads pool-side signs: positive amount0 paid in (slot 0), negative amount1 paid out (slot 1)', () => {
      expect(algebraIntegralDecoder.decode(fixtureLog(quickswapV4, 0xcb), 8453)).toEqual({
        kind: 'swap',
        family: 'algebra-integral',
        level: 'pool',
        pool: { chainId: 8453, address: POOL },
        logIndex: 0xcb,
        tokenIn: { slot: 0 },
        amountIn: 10_000n,
        tokenOut: { slot: 1 },
        amountOut: 9_988n,
        eventSender: ROUTER,
        eventRecipient: USER,
      });
    });

    it('the transfers into and out of the pool prove slot 0 = USDC and slot 1 = stratUSD', () => {
      const transfers = erc20Transfers(quickswapV4);
      expect(transfers).toContainEqual(expect.objectContaining({ token: USDC, from: USER, to: POOL, amount: 10_000n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: STRAT_USD, from: POOL, to: USER, amount: 9_988n }));
    });

    it('is rotki’s trade of tx.from, under the generic id since the pool is in no registry here', () => {
      const { trades, rejected, withheld } = tradesOfFixture(quickswapV4);
      expect(rejected).toEqual([]);
      expect(withheld).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '8453:0x16b0e096358a955edc51479fc3b32056c2fe5afc4d33ae9b31c36326e4e2426b:203',
          userId: USER,
          // The topic0 alone cannot tell QuickSwap V4 from other Algebra Integral deployments (Hydrex, …) on Base.
          dex: 'algebra-integral',
          tokenIn: USDC,
          amountIn: '10000',
          tokenOut: STRAT_USD,
          amountOut: '9988',
          timestamp: 1_756_472_597_000,
          origin: expect.objectContaining({ eventSender: ROUTER, eventRecipient: USER, venues: [POOL] }),
          fees: [expect.objectContaining({ kind: 'gas', amount: '1787593774673' })],
        }),
      ]);
    });
  });

  describe('garbage', () => {
    const base = fixtureLog(quickswapV4, 0xcb);
    const withDeltas = (a0: bigint, a1: bigint) => withLeadingWords(base, a0, a1);

    it('rejects both sides in, both out, a V3-length log under this topic and a missing topic, with a reason', () => {
      for (const log of [
        withDeltas(5n, 5n),
        withDeltas(-5n, -5n),
        { ...base, data: base.data.slice(0, 2 + 64 * 5) as `0x${string}` },
        { ...base, topics: base.topics.slice(0, 2) },
      ]) {
        expect(algebraIntegralDecoder.decode(log, 8453)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^algebra-integral: /) });
      }
    });
  });
});

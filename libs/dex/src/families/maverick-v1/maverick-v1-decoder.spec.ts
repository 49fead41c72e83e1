import { tradesOfFixture } from '../shared/fixture-trades';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { MAVERICK_V1_SWAP, maverickV1Decoder } from './maverick-v1-decoder';
import base0xf93a7211 from './fixtures/base-0xf93a7211.json';

/*
 * Real recorded log (rotki/test-caching VCR cassette), cross-checked with rotki/rotki
 * rotkehlchen/tests/unit/decoders/test_paraswap.py:
 * - 0xf93a7211656753e841899b40edf3a9ccfded6b40b6d7b3538a4215362f9bd34f (Base), cassette
 *   cassettes/unit/decoders/test_paraswap/test_simple_swap_no_fee_base[base_accounts0].yaml, rotki test
 *   `test_simple_swap_no_fee_base`: 0.051094010416535325 ETH (wrapped by ParaSwap's Augustus) → 0.048393744103758202
 *   cbETH through the Maverick V1 pool 0x2ceb…12e6, gas 0.000257848719493097 ETH (execution + L1 data fee), timestamp
 *   1705604855000. ParaSwap's own event is not a decoded family, so the pool hop is the trade.
 */
const viaParaswap = base0xf93a7211 as ReceiptFixture;
const POOL = '0x2cebcf66f023aa88003593804504a8df882d12e6';
const AUGUSTUS = '0x59c7c832e96d2568bea6db468c1aadcbbda08a52';
const WETH = '0x4200000000000000000000000000000000000006';
const CBETH = '0x2ae3f1ec7f1f5012cfeab0185bfc7aa3cf0dec22';
const USER = '0x66cf237a0d3505e80ef083e0f8d4cad09fd0bfe4';

describe('maverick-v1 decoder', () => {
  it('has the deployed (nothing indexed) Swap topic0 of the reference catalogue', () => {
    expect(MAVERICK_V1_SWAP.topic0).toBe('0x3b841dc9ab51e3104bda4f61b41e4271192d22cd19da5ee6e292dc8e2744f713');
    expect(MAVERICK_V1_SWAP.topicCount).toBe(1);
    expect(fixtureLogsWithTopic(viaParaswap, MAVERICK_V1_SWAP.topic0)).toHaveLength(1);
  });

  describe('ParaSwap route through pool 0x2ceb…12e6 (Base)', () => {
    it('tokenAIn = false: tokenB (slot 1) in, tokenA (slot 0) out, amounts as the event states', () => {
      expect(maverickV1Decoder.decode(fixtureLog(viaParaswap, 0xe), 8453)).toEqual({
        kind: 'swap',
        family: 'maverick-v1',
        level: 'pool',
        pool: { chainId: 8453, address: POOL },
        logIndex: 0xe,
        tokenIn: { slot: 1 },
        amountIn: 51_094_010_416_535_325n,
        tokenOut: { slot: 0 },
        amountOut: 48_393_744_103_758_202n,
        eventSender: '0x32aed3bce901da12ca8489788f3a99fce1056e14',
        eventRecipient: AUGUSTUS,
      });
    });

    it('the transfers into and out of the pool prove tokenB = WETH and tokenA = cbETH', () => {
      const transfers = erc20Transfers(viaParaswap);
      expect(transfers).toContainEqual(expect.objectContaining({ token: WETH, from: AUGUSTUS, to: POOL, amount: 51_094_010_416_535_325n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: CBETH, from: POOL, to: AUGUSTUS, amount: 48_393_744_103_758_202n }));
    });

    it('is rotki’s trade of tx.from: WETH for cbETH, with the gas including the L1 data fee', () => {
      const { trades, rejected } = tradesOfFixture(viaParaswap);
      expect(rejected).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '8453:0xf93a7211656753e841899b40edf3a9ccfded6b40b6d7b3538a4215362f9bd34f:14',
          userId: USER,
          dex: 'maverick-v1',
          tokenIn: WETH,
          amountIn: '51094010416535325',
          tokenOut: CBETH,
          amountOut: '48393744103758202',
          timestamp: 1_705_604_855_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '257848719493097' })],
        }),
      ]);
    });
  });

  describe('garbage', () => {
    const base = fixtureLog(viaParaswap, 0xe);

    it('rejects the audit-copy layout (indexed sender/recipient), short data and zero amounts with a reason', () => {
      const words = base.data.slice(2).match(/.{64}/g) ?? [];
      const data = (parts: string[]) => `0x${parts.join('')}` as `0x${string}`;
      for (const log of [
        { ...base, topics: [base.topics[0], `0x${words[0]}`, `0x${words[1]}`] as `0x${string}`[], data: data(words.slice(2)) },
        { ...base, data: base.data.slice(0, 2 + 64 * 6) as `0x${string}` },
        { ...base, data: data([...words.slice(0, 4), '0'.repeat(64), ...words.slice(5)]) },
      ]) {
        expect(maverickV1Decoder.decode(log, 8453)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^maverick-v1: /) });
      }
    });
  });
});

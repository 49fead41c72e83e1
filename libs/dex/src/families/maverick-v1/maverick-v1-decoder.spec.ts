import { NATIVE_TOKEN as NATIVE } from '../shared/swap-result';
import { NATIVE_TOKEN } from '../shared/swap-result';
import { tradesOfFixture } from '../shared/fixture-trades';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { MAVERICK_V1_SWAP, maverickV1Decoder } from './maverick-v1-decoder';
import base0xf93a7211 from './fixtures/base-0xf93a7211.json';
import ethereum0x82205817 from './fixtures/ethereum-0x82205817.json';
import ethereum0xce86cc4b from './fixtures/ethereum-0xce86cc4b.json';

/*
 * Real recorded logs (rotki/test-caching VCR cassettes), cross-checked with rotki/rotki
 * rotkehlchen/tests/unit/decoders/test_paraswap.py, test_kyber.py and test_odos_v1.py:
 * - 0xf93a7211656753e841899b40edf3a9ccfded6b40b6d7b3538a4215362f9bd34f (Base), cassette
 *   cassettes/unit/decoders/test_paraswap/test_simple_swap_no_fee_base[base_accounts0].yaml, rotki test
 *   `test_simple_swap_no_fee_base`: 0.051094010416535325 ETH (wrapped by ParaSwap's Augustus) → 0.048393744103758202
 *   cbETH through the Maverick V1 pool 0x2ceb…12e6, gas 0.000257848719493097 ETH (execution + L1 data fee), timestamp
 *   1705604855000. ParaSwap's own event is not a decoded family, so the pool hop is the trade.
 * - 0x82205817d573da45a2f6da6e5e9623739bd4cdbce5f9b65d48450805bce0bdff (Ethereum), cassette
 *   cassettes/unit/decoders/test_kyber/test_kyber_aggregator_swap_ethereum[ethereum_accounts0].yaml, rotki test
 *   `test_kyber_aggregator_swap_ethereum`: 20 swETH → 21.100486952910759139 ETH through KyberSwap, whose only hop is
 *   the swETH/WETH Maverick V1 pool 0x0ce1…2bad; gas 0.00199568430867988 ETH, timestamp 1714563455000.
 * - 0xce86cc4bb232af0ede2342b012270b1db4c61082ce2e32d8d274166cc9839143 (Ethereum), cassette
 *   cassettes/unit/decoders/test_odos_v1/test_swap_token_to_token_ethereum[ethereum_accounts0].yaml, rotki test
 *   `test_swap_token_to_token_ethereum`: 4000 LUSD → 2.154996927053509632 WETH of which 0.000151599541198592 is Odos'
 *   fee; gas 0.00403543 ETH, timestamp 1691645135000. Odos routed LUSD → USDC through the Maverick V1 pool 0x6c6f…1f4c
 *   and USDC → WETH through an RFQ maker whose fill is not a decoded family.
 */
const viaParaswap = base0xf93a7211 as ReceiptFixture;
const POOL = '0x2cebcf66f023aa88003593804504a8df882d12e6';
const AUGUSTUS = '0x59c7c832e96d2568bea6db468c1aadcbbda08a52';
const WETH = '0x4200000000000000000000000000000000000006';
const CBETH = '0x2ae3f1ec7f1f5012cfeab0185bfc7aa3cf0dec22';
const USER = '0x66cf237a0d3505e80ef083e0f8d4cad09fd0bfe4';
const viaKyber = ethereum0x82205817 as ReceiptFixture;
const viaOdos = ethereum0xce86cc4b as ReceiptFixture;
const MAINNET_WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';

describe('maverick-v1 decoder', () => {
  it('has the deployed (nothing indexed) Swap topic0 of the reference catalogue', () => {
    expect(MAVERICK_V1_SWAP.topic0).toBe('0x3b841dc9ab51e3104bda4f61b41e4271192d22cd19da5ee6e292dc8e2744f713');
    expect(MAVERICK_V1_SWAP.topicCount).toBe(1);
    for (const fixture of [viaParaswap, viaKyber, viaOdos]) expect(fixtureLogsWithTopic(fixture, MAVERICK_V1_SWAP.topic0)).toHaveLength(1);
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
          tokenIn: NATIVE,
          amountIn: '51094010416535325',
          tokenOut: CBETH,
          amountOut: '48393744103758202',
          timestamp: 1_705_604_855_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '257848719493097' })],
        }),
      ]);
    });
  });

  describe('KyberSwap route through the swETH/WETH pool 0x0ce1…2bad (Ethereum)', () => {
    const POOL_SWETH = '0x0ce176e1b11a8f88a4ba2535de80e81f88592bad';
    const KYBER_EXECUTOR = '0xf081470f5c6fbccf48cc4e5b82dd926409dcdd67';
    const SWETH = '0xf951e335afb289353dc249e82926178eac7ded78';
    const TRADER = '0xced462398bdfbb1b45d75b7f2c61172643a18009';

    it('tokenAIn = false: 20 swETH (slot 1) in, 21.100486952910759140 WETH (slot 0) out, to the Kyber executor', () => {
      expect(maverickV1Decoder.decode(fixtureLog(viaKyber, 0x104), 1)).toEqual({
        kind: 'swap',
        family: 'maverick-v1',
        level: 'pool',
        pool: { chainId: 1, address: POOL_SWETH },
        logIndex: 0x104,
        tokenIn: { slot: 1 },
        amountIn: 20n * 10n ** 18n,
        tokenOut: { slot: 0 },
        amountOut: 21_100_486_952_910_759_140n,
        eventSender: KYBER_EXECUTOR,
        eventRecipient: KYBER_EXECUTOR,
      });
    });

    it('the hop resolves through the pool’s transfers, and Kyber’s summary is rotki’s one trade (ETH out, less 1 wei)', () => {
      const { trades, swaps, rejected } = tradesOfFixture(viaKyber);
      expect(rejected).toEqual([]);
      expect(swaps.map((s) => [s.logIndex, s.dexId, s.tokenIn, s.tokenOut])).toEqual([
        [0x104, 'maverick-v1', SWETH, MAINNET_WETH],
        [0x107, 'kyberswap-aggregator', SWETH, NATIVE_TOKEN],
      ]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '1:0x82205817d573da45a2f6da6e5e9623739bd4cdbce5f9b65d48450805bce0bdff:263',
          userId: TRADER,
          tokenIn: SWETH,
          amountIn: '20000000000000000000',
          tokenOut: NATIVE_TOKEN,
          amountOut: '21100486952910759139',
          timestamp: 1_714_563_455_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '1995684308679880' })],
        }),
      ]);
    });
  });

  describe('Odos route: Maverick V1 LUSD/USDC pool 0x6c6f…1f4c, then an undecoded RFQ fill (Ethereum)', () => {
    const POOL_LUSD = '0x6c6fc818b25df89a8ada8da5a43669023bad1f4c';
    const ODOS_EXECUTOR = '0xbdc51918c9407d2a7a0f34b68f16c26ea13ac2c9';
    const LUSD = '0x5f98805a4e8be255a32880fdec7f6728c6568ba0';
    const MAINNET_USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
    const TRADER = '0x605572243c30af7493707c9c8e8aa2ee25537e9a';

    it('tokenAIn = true: 4000 LUSD (slot 0) in, 3985.617807 USDC (slot 1) out, to the Odos executor', () => {
      expect(maverickV1Decoder.decode(fixtureLog(viaOdos, 0xe4), 1)).toMatchObject({
        kind: 'swap',
        pool: { chainId: 1, address: POOL_LUSD },
        tokenIn: { slot: 0 },
        amountIn: 4_000n * 10n ** 18n,
        tokenOut: { slot: 1 },
        amountOut: 3_985_617_807n,
        eventSender: ODOS_EXECUTOR,
        eventRecipient: ODOS_EXECUTOR,
      });
    });

    it('the user never received the hop’s USDC: the trade takes the WETH they did receive (rotki’s amount less the Odos fee)', () => {
      const { trades, swaps, rejected } = tradesOfFixture(viaOdos);
      expect(rejected).toEqual([]);
      expect(swaps.map((s) => [s.logIndex, s.tokenIn, s.tokenOut])).toEqual([[0xe4, LUSD, MAINNET_USDC]]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '1:0xce86cc4bb232af0ede2342b012270b1db4c61082ce2e32d8d274166cc9839143:228',
          userId: TRADER,
          dex: 'maverick-v1',
          tokenIn: LUSD,
          amountIn: '4000000000000000000000',
          tokenOut: MAINNET_WETH,
          amountOut: (2_154_996_927_053_509_632n - 151_599_541_198_592n).toString(),
          timestamp: 1_691_645_135_000,
          origin: expect.objectContaining({ logIndexes: [0xe4], venues: [POOL_LUSD], completedFromTransfers: true }),
          fees: [expect.objectContaining({ kind: 'gas', amount: '4035430000000000' })],
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

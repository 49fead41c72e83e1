import { NATIVE_TOKEN as NATIVE } from '../shared/swap-result';
import { tradesOfFixture as tradesOf } from '../shared/fixture-trades';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { BALANCER_V2_SWAP, balancerV2Decoder } from './balancer-v2-decoder';
import ethereum0x35dd639b from './fixtures/ethereum-0x35dd639b.json';
import gnosis0x014d174e from './fixtures/gnosis-0x014d174e.json';

/*
 * Real recorded logs (rotki/test-caching VCR cassettes):
 * - 0x35dd639ba80940cb14d79c965002a11ea2aef17bbf1f1b85cc03c336da1ddebe (Ethereum), cassette
 *   cassettes/unit/decoders/test_balancer/test_balancer_v2_swap[ethereum_accounts0-load_global_caches0].yaml; rotki/rotki
 *   rotkehlchen/tests/unit/decoders/test_balancer.py `test_balancer_v2_swap`: 0.001 ETH (wrapped by the Vault) for DAI,
 *   timestamp 1669622603000, gas 0.001085530186197622 ETH.
 * - 0x014d174e4f479e9712f877b0fd7db5011d6669cf7843700384da1997410312cf (Gnosis), cassette
 *   cassettes/unit/decoders/test_balancer/test_balancer_v2_swap_token_to_native[gnosis_accounts0].yaml (rotki test
 *   `test_balancer_v2_swap_token_to_native`): a 2-hop batch swap, 100 of 0x4f4f…9e75 → GNO → WXDAI, paid out as
 *   1.154255223159359515 xDAI (the cassette's internal-transaction record).
 */
const single = ethereum0x35dd639b as ReceiptFixture;
const batch = gnosis0x014d174e as ReceiptFixture;
const VAULT = '0xba12222222228d8ba445958a75a0704d566bf2c8';
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const DAI = '0x6b175474e89094c44da98b954eedeac495271d0f';
const GNO_GNOSIS = '0x9c58bacc331c9aa871afd802db6379a98e80cedb';
const WXDAI = '0xe91d153e0b41518a2ce8dd3d7944fa863463a97d';


describe('balancer-v2 decoder', () => {
  it('has the Vault Swap topic0', () => {
    expect(BALANCER_V2_SWAP.topic0).toBe('0x2170c741c41531aec20e7c107c24eecfdd15e69c9bb0a8dd37b1840b9e0b207b');
    expect(balancerV2Decoder.topic0s).toEqual([BALANCER_V2_SWAP.topic0]);
  });

  describe('single swap 0x35dd639b (Ethereum): 0.001 ETH → DAI', () => {
    const USER = '0x20a1cf262cd3a42a50d226fd728104119e6fd0a1';

    it('decodes the Vault Swap with the poolId as the pool and tokens named by the event', () => {
      expect(balancerV2Decoder.decode(fixtureLog(single, 0xc8), 1)).toEqual({
        kind: 'swap',
        family: 'balancer-v2',
        level: 'pool',
        pool: { chainId: 1, address: VAULT, poolId: '0xc6a5032dc4bf638e15b4a66bc718ba7ba474ff73000200000000000000000004' },
        logIndex: 0xc8,
        tokenIn: { address: WETH },
        amountIn: 1_000_000_000_000_000n,
        tokenOut: { address: DAI },
        amountOut: 1_207_092_929_058_998_715n,
      });
      expect(erc20Transfers(single)).toContainEqual(expect.objectContaining({ token: DAI, from: VAULT, to: USER, amount: 1_207_092_929_058_998_715n }));
    });

    it('is rotki’s trade of the sender: the ETH the Vault wrapped (its WETH Deposit) is booked as ETH, with rotki’s gas', () => {
      const { trades, rejected } = tradesOf(single);
      expect(rejected).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '1:0x35dd639ba80940cb14d79c965002a11ea2aef17bbf1f1b85cc03c336da1ddebe:200',
          userId: USER,
          dex: 'balancer-v2',
          tokenIn: NATIVE,
          amountIn: '1000000000000000',
          tokenOut: DAI,
          amountOut: '1207092929058998715',
          timestamp: 1_669_622_603_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '1085530186197622' })],
        }),
      ]);
    });
  });

  describe('2-hop batch swap 0x014d174e (Gnosis): 100 tokens → GNO → WXDAI', () => {
    const USER = '0x9531c059098e3d194ff87febb587ab07b30b1306';
    const TOKEN_IN = '0x4f4f9b8d5b4d0dc10506e5551b0513b61fd59e75';

    it('has two Vault Swaps chained through GNO', () => {
      expect(fixtureLogsWithTopic(batch, BALANCER_V2_SWAP.topic0)).toHaveLength(2);
      expect(balancerV2Decoder.decode(fixtureLog(batch, 0x1f4), 100)).toMatchObject({
        pool: { poolId: '0xdccaa73705dc7457bcfb3dafee529b30920e300800020000000000000000009a' },
        tokenIn: { address: TOKEN_IN },
        amountIn: 100_000_000_000_000_000_000n,
        tokenOut: { address: GNO_GNOSIS },
        amountOut: 0xc30c27ce8e94en,
      });
      expect(balancerV2Decoder.decode(fixtureLog(batch, 0x1f5), 100)).toMatchObject({
        tokenIn: { address: GNO_GNOSIS },
        amountIn: 0xc30c27ce8e94en,
        tokenOut: { address: WXDAI },
        amountOut: 1_154_255_223_159_359_515n,
      });
    });

    it('nets to one trade from the first hop: 100 tokens in, 1.154255223159359515 xDAI out (the Vault unwrapped the WXDAI)', () => {
      const { trades, rejected } = tradesOf(batch);
      expect(rejected).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '100:0x014d174e4f479e9712f877b0fd7db5011d6669cf7843700384da1997410312cf:500',
          userId: USER,
          tokenIn: TOKEN_IN,
          amountIn: '100000000000000000000',
          tokenOut: NATIVE,
          amountOut: '1154255223159359515',
          timestamp: 1_717_171_565_000,
          origin: expect.objectContaining({ logIndexes: [500, 501] }),
          fees: [expect.objectContaining({ kind: 'gas', amount: (0x23173n * 0x5c06c56bn).toString() })],
        }),
      ]);
    });
  });

  describe('BPT hops and garbage', () => {
    const base = fixtureLog(single, 0xc8);
    const topicOf = (address: string) => `0x${address.slice(2).padStart(64, '0')}` as `0x${string}`;

    it('decodes a swap into the pool’s own BPT as a hop into that token (composable/linear pools)', () => {
      const bpt = '0xc6a5032dc4bf638e15b4a66bc718ba7ba474ff73';
      const join = { ...base, topics: [base.topics[0], base.topics[1], base.topics[2], topicOf(bpt)] as `0x${string}`[] };
      expect(balancerV2Decoder.decode(join, 1)).toMatchObject({ kind: 'swap', tokenIn: { address: WETH }, tokenOut: { address: bpt } });
    });

    it('rejects tokenIn = tokenOut, short data and missing topics with a reason', () => {
      for (const log of [
        { ...base, topics: [base.topics[0], base.topics[1], base.topics[2], base.topics[2]] as `0x${string}`[] },
        { ...base, data: base.data.slice(0, 66) as `0x${string}` },
        { ...base, topics: base.topics.slice(0, 3) },
      ]) {
        expect(balancerV2Decoder.decode(log, 1)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^balancer-v2: /) });
      }
    });
  });
});

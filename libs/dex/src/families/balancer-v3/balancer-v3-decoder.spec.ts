import { NATIVE_TOKEN as NATIVE } from '../shared/swap-result';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { tradesOfFixture as tradesOf } from '../shared/fixture-trades';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { BALANCER_V3_UNWRAP, BALANCER_V3_WRAP } from './balancer-v3-buffer';
import { BALANCER_V3_SWAP, balancerV3Decoder } from './balancer-v3-decoder';
import ethereum0x3dabc20a from './fixtures/ethereum-0x3dabc20a.json';
import base0xbffb6bd2 from './fixtures/base-0xbffb6bd2.json';
import { abiWord } from '../shared/log-edits';

/*
 * Real recorded logs (rotki/test-caching VCR cassettes), expected amounts cross-checked with rotki/rotki
 * rotkehlchen/tests/unit/decoders/test_balancer_v3.py:
 * - 0x3dabc20af2bc5bf72c42fd1e915578f789189c2f09ec8049c4a6e3a2921b1baf (Ethereum), cassette
 *   cassettes/unit/decoders/test_balancer_v3/test_swap[ethereum_accounts0].yaml, rotki test `test_swap`:
 *   217 waEthUSDT → 215.913782 waEthUSDC, gas 0.0013000257121251 ETH.
 * - 0xbffb6bd2994f90676be45db667203317f0f70afb4eaa3832271e02e8dffb8101 (Base), cassette
 *   cassettes/unit/decoders/test_balancer_v3/test_swap_via_batch_router[base_accounts0].yaml, rotki test
 *   `test_swap_via_batch_router`: 6.53544 USDC → 0.001549083846430882 ETH through two paths, one entering by a buffer
 *   Wrap (USDC → waBaseUSDC), gas 0.000007558210030013 ETH (execution + L1 data fee).
 */
const single = ethereum0x3dabc20a as ReceiptFixture;
const batch = base0xbffb6bd2 as ReceiptFixture;
const VAULT = '0xba1333333333a1ba1108e8412f11850a5c319ba9';
const WA_BASE_USDC = '0xc768c589647798a6ee01a91fde98ef2ed046dbd6';
const USDC_BASE = '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913';
const WETH_BASE = '0x4200000000000000000000000000000000000006';


describe('balancer-v3 decoder', () => {
  it('decodes the Vault Swap, buffer Wrap and Unwrap topics (as deployed)', () => {
    expect(BALANCER_V3_SWAP.topic0).toBe('0x0874b2d545cb271cdbda4e093020c452328b24af12382ed62c4d00f5c26709db');
    expect(BALANCER_V3_WRAP.topic0).toBe('0x3771d13c67011e31e12031c54bb59b0bf544a80b81d280a3711e172aa8b7f47b');
    expect(BALANCER_V3_UNWRAP.topic0).toBe('0xeeb740c90bf2b18c9532eb7d473137767036d893dff3e009f32718f821b2a4c0');
    expect(balancerV3Decoder.topic0s).toEqual([BALANCER_V3_SWAP.topic0, BALANCER_V3_WRAP.topic0, BALANCER_V3_UNWRAP.topic0]);
  });

  describe('single swap 0x3dabc20a (Ethereum)', () => {
    const USER = '0xd17ae94e595c3987c277114aecb377e89450bc07';

    it('Vault Swap in pool 0x89bb…: 217 waEthUSDT in, 215.913782 waEthUSDC out, tokens named by the event', () => {
      expect(single.receipt.from).toBe(USER);
      expect(balancerV3Decoder.decode(fixtureLog(single, 0x3e), 1)).toEqual({
        kind: 'swap',
        family: 'balancer-v3',
        level: 'pool',
        pool: { chainId: 1, address: VAULT, poolId: '0x89bb794097234e5e930446c0cec0ea66b35d7570' },
        logIndex: 0x3e,
        tokenIn: { address: '0x7bc3485026ac48b6cf9baf0a377477fff5703af8' },
        amountIn: 217_000_000n,
        tokenOut: { address: '0xd4fa2d31b7968e448877f69a96de69f5de8cd23e' },
        amountOut: 215_913_782n,
      });
    });

    it('becomes one trade of the sender with the gas rotki books', () => {
      const { trades, rejected } = tradesOf(single);
      expect(rejected).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '1:0x3dabc20af2bc5bf72c42fd1e915578f789189c2f09ec8049c4a6e3a2921b1baf:62',
          userId: USER,
          dex: 'balancer-v3',
          tokenIn: '0x7bc3485026ac48b6cf9baf0a377477fff5703af8',
          amountIn: '217000000',
          tokenOut: '0xd4fa2d31b7968e448877f69a96de69f5de8cd23e',
          amountOut: '215913782',
          timestamp: 1_755_614_699_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '1300025712125100' })],
        }),
      ]);
    });

    it('rejects a Swap from a contract that is not the Vault (impostor emitter)', () => {
      const log = { ...fixtureLog(single, 0x3e), address: '0x000000000000000000000000000000000000beef' as const };
      const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS) });
      expect(classifier.classify(1, log)).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('no known balancer-v3 singleton') });
    });
  });

  describe('batch-router route 0xbffb6bd2 (Base): two paths, one entering through a buffer Wrap', () => {
    const USER = '0x5aa57b34daadb76ea486157b3d4472c4df536c82';

    it('has one Wrap and four Vault Swaps', () => {
      expect(fixtureLogsWithTopic(batch, BALANCER_V3_WRAP.topic0)).toHaveLength(1);
      expect(fixtureLogsWithTopic(batch, BALANCER_V3_SWAP.topic0)).toHaveLength(4);
    });

    it('decodes the Wrap as a hop from the wrapper asset (slot 0) to the wrapper, settled through the Vault', () => {
      expect(balancerV3Decoder.decode(fixtureLog(batch, 0x161), 8453)).toEqual({
        kind: 'swap',
        family: 'balancer-v3',
        level: 'pool',
        pool: { chainId: 8453, address: WA_BASE_USDC },
        logIndex: 0x161,
        tokenIn: { slot: 0 },
        amountIn: 0x18ee44n,
        tokenOut: { address: WA_BASE_USDC },
        amountOut: 0x16a4e0n,
        settledBy: VAULT,
      });
      // The user's first USDC payment into the Vault is exactly the deposited underlying: it proves the asset.
      expect(erc20Transfers(batch)).toContainEqual(expect.objectContaining({ token: USDC_BASE, from: USER, to: VAULT, amount: 0x18ee44n }));
    });

    it('nets both paths into one trade: 6.53544 USDC → 0.001549083846430882 WETH, gas incl. the L1 data fee', () => {
      const { trades, rejected, withheld } = tradesOf(batch);
      expect(rejected).toEqual([]);
      expect(withheld).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '8453:0xbffb6bd2994f90676be45db667203317f0f70afb4eaa3832271e02e8dffb8101:353',
          userId: USER,
          dex: 'balancer-v3',
          tokenIn: USDC_BASE,
          amountIn: '6535440',
          tokenOut: NATIVE,
          amountOut: '1549083846430882',
          timestamp: 1_755_679_029_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '7558210030013' })],
          origin: expect.objectContaining({ logIndexes: [353, 354, 355, 356, 359], venues: [VAULT] }),
        }),
      ]);
      // The router unwrapped the WETH and paid ETH to the user (0x580e23064d0a2 wei), as rotki's receive shows.
      expect(erc20Transfers(batch)).toContainEqual(expect.objectContaining({ token: WETH_BASE, from: VAULT, amount: 1_549_083_846_430_882n }));
    });
  });

  describe('buffer garbage', () => {
    const wrap = fixtureLog(batch, 0x161);

    it('decodes an Unwrap the other way round: shares in, asset (slot 0) out', () => {
      const unwrap = { ...wrap, topics: [BALANCER_V3_UNWRAP.topic0, wrap.topics[1]] as `0x${string}`[], data: `0x${abiWord(1_484_000n)}${abiWord(1_633_860n)}${abiWord(0n)}` as `0x${string}` };
      expect(balancerV3Decoder.decode(unwrap, 8453)).toMatchObject({ tokenIn: { address: WA_BASE_USDC }, amountIn: 1_484_000n, tokenOut: { slot: 0 }, amountOut: 1_633_860n });
    });

    it('rejects zero amounts, short data and a missing wrapper topic with a reason', () => {
      for (const log of [
        { ...wrap, data: `0x${abiWord(0n)}${abiWord(5n)}${abiWord(0n)}` as `0x${string}` },
        { ...wrap, data: wrap.data.slice(0, 130) as `0x${string}` },
        { ...wrap, topics: wrap.topics.slice(0, 1) },
      ]) {
        expect(balancerV3Decoder.decode(log, 8453)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^balancer-v3: /) });
      }
    });
  });
});

import type { Hex } from 'viem';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { uniswapV2Decoder } from '../uniswap-v2/uniswap-v2-decoder';
import { SOLIDLY_V2_SWAP, solidlyV2Decoder } from './solidly-v2-decoder';
import optimism0x0cca192b from './fixtures/optimism-0x0cca192b.json';

/*
 * Real recorded logs (rotki/test-caching), cross-checked with rotki/rotki rotkehlchen/tests/unit/decoders/test_velodrome.py:
 * - 0x0cca192bce4a72059c255e5000a0ba1e716f1059d2a388167165e41d9269aa24 (Optimism), cassette
 *   cassettes/unit/decoders/test_velodrome/test_swap_tokens_v2[optimism_accounts0].yaml, rotki test
 *   `test_swap_tokens_v2`: 'Swap 1.5 OP', 'Receive 50.633275729041219862 VELO' through three Velodrome V2 pools
 *   (OP→WETH→0x74cc…→VELO; the middle token burns part of every transfer).
 */
const threeHop = optimism0x0cca192b as ReceiptFixture;
const USER = '0x78c13393aee675dd7ed07ce992210750d1f5db88';
const ROUTER = '0xa062ae8a9c5e11aaa026fc2670b0d65ccc8b2858';

describe('solidly-v2 decoder', () => {
  it('has the Velodrome V2 / Aerodrome Swap topic0 of the reference catalogue', () => {
    expect(SOLIDLY_V2_SWAP.topic0).toBe('0xb3e2773606abfd36b5bd91394b3a54d1398336c65005baf7bf7a05efeffaf75b');
    expect(fixtureLogsWithTopic(threeHop, SOLIDLY_V2_SWAP.topic0)).toHaveLength(3);
  });

  describe('3-hop Velodrome V2 route 0x0cca192b (Optimism)', () => {
    it('first hop takes the user\'s 1.5 OP (slot 1) and pays WETH (slot 0)', () => {
      expect(threeHop.receipt.from).toBe(USER);
      expect(threeHop.blockTimestamp).toBe(1694638139);
      expect(solidlyV2Decoder.decode(fixtureLog(threeHop, 0x65), 10)).toEqual({
        kind: 'swap',
        family: 'solidly-v2',
        level: 'pool',
        pool: { chainId: 10, address: '0xd25711edfbf747efce181442cc1d8f5f8fc8a0d3' },
        logIndex: 0x65,
        tokenIn: { slot: 1 },
        amountIn: 1_500_000_000_000_000_000n,
        tokenOut: { slot: 0 },
        amountOut: 0x4850a3af4a659n,
        eventSender: ROUTER,
        eventRecipient: '0x814e2d6e8f7477329bb6c196111a08464abe11dd',
      });
      const transfers = erc20Transfers(threeHop);
      expect(transfers).toContainEqual(expect.objectContaining({ token: '0x4200000000000000000000000000000000000042', from: USER, amount: 1_500_000_000_000_000_000n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: '0x4200000000000000000000000000000000000006', from: '0xd25711edfbf747efce181442cc1d8f5f8fc8a0d3', amount: 0x4850a3af4a659n }));
    });

    it('last hop pays the user 50.633275729041219862 VELO (slot 1), as rotki books it', () => {
      expect(solidlyV2Decoder.decode(fixtureLog(threeHop, 0x70), 10)).toMatchObject({
        kind: 'swap',
        pool: { chainId: 10, address: '0x0af32614eea68b8d2232b9592fbdb6512ab6da73' },
        tokenIn: { slot: 0 },
        amountIn: 0x1e224dcfcaa750ab25n,
        tokenOut: { slot: 1 },
        amountOut: 50_633_275_729_041_219_862n,
        eventRecipient: USER,
      });
      expect(erc20Transfers(threeHop)).toContainEqual(
        expect.objectContaining({ token: '0x9560e827af36c94d2ac33a39bce1fe78631088db', to: USER, amount: 50_633_275_729_041_219_862n }),
      );
    });

    it('middle hop reports the pool-side amount out, before the token\'s transfer burn', () => {
      const hop = solidlyV2Decoder.decode(fixtureLog(threeHop, 0x6b), 10);
      expect(hop).toMatchObject({ tokenIn: { slot: 0 }, amountIn: 0x4850a3af4a659n, tokenOut: { slot: 1 }, amountOut: 0x1e7039e929ca9f0f23n });
      const sent = erc20Transfers(threeHop).filter((t) => t.token === '0x74ccbe53f77b08632ce0cb91d3a545bf6b8e0979' && t.from === '0x814e2d6e8f7477329bb6c196111a08464abe11dd');
      expect(sent.reduce((sum, t) => sum + t.amount, 0n)).toBe(0x1e7039e929ca9f0f23n);
    });

    it('is classified velodrome-v2 when the resolver knows the pool, solidly-v2 (unverified) otherwise', () => {
      const log = fixtureLog(threeHop, 0x65);
      const decoders = createDecoderSet(SWAP_DECODERS);
      expect(createLogClassifier({ decoders }).classify(10, log)).toMatchObject({ dexId: 'solidly-v2', family: 'solidly-v2', verified: false });
      const known = createLogClassifier({ decoders, lookupPool: () => 'velodrome-v2' });
      expect(known.classify(10, log)).toMatchObject({ dexId: 'velodrome-v2', family: 'solidly-v2', verified: true });
    });

    it('the V2 decoder refuses this layout (different topic0 and topic count)', () => {
      expect(uniswapV2Decoder.decode(fixtureLog(threeHop, 0x65), 10).kind).toBe('rejected');
    });
  });

  describe('garbage', () => {
    const base = fixtureLog(threeHop, 0x65);
    it.each([
      ['empty data', { ...base, data: '0x' as Hex }],
      ['one topic missing', { ...base, topics: base.topics.slice(0, 2) }],
      ['odd-length data', { ...base, data: `${base.data}0` as Hex }],
      ['all-zero amounts', { ...base, data: `0x${'0'.repeat(256)}` as Hex }],
    ])('rejects %s with a reason', (_name, log) => {
      expect(solidlyV2Decoder.decode(log, 10)).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('solidly-v2') });
    });
  });
});

import { encodeAbiParameters, type Hex } from 'viem';
import type { RawLog } from '../../core/raw-log';
import { tradesOfFixture } from '../shared/fixture-trades';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { MAVERICK_V2_POOL_SWAP, MAVERICK_V2_POOL_SWAP_TOPIC0, maverickV2Decoder } from './maverick-v2-decoder';
import base0xdc1a92c8 from './fixtures/base-0xdc1a92c8.json';
import ethereum0x8a764813 from './fixtures/ethereum-0x8a764813.json';

/*
 * Real recorded logs (rotki/test-caching VCR cassettes), cross-checked with rotki/rotki
 * rotkehlchen/tests/unit/decoders/test_aave_v3.py and test_magpie.py:
 * - 0xdc1a92c8cbda2fe7917e633efd889d17fc62e88e0f584af65f577b5d2a8bcb3c (Base), cassette
 *   cassettes/unit/decoders/test_aave_v3/test_aave_v3_collateral_swap[base_accounts0].yaml, rotki test
 *   `test_aave_v3_collateral_swap`: an Aave V3 collateral swap through Aave's ParaSwap adapter; ParaSwap swapped
 *   0.000109666465527922 WETH for 0.000090888333840838 wstETH in the Maverick V2 pool 0x744d…c92f. rotki books
 *   0.000109666465527922 aBasWETH spent, 0.000090901062973315 aBaswstETH received, 0.000000000001857221 aBasWETH
 *   interest, gas 0.000006714097305863 ETH, timestamp 1755166263000. The receipt was rebuilt from the cassette text;
 *   its length equals the recorded Content-Length (19990) and its logsBloom recomputes.
 * - 0x8a764813d69a773b1883eb5b64e33a7fd168f65865027fe20e0774943a10f764 (Ethereum), cassette
 *   cassettes/unit/decoders/test_magpie/test_magpie_ethereum_usds_to_usdc_swap[ethereum_accounts0].yaml, rotki test
 *   `test_magpie_ethereum_usds_to_usdc_swap`: through Magpie, 5.985 USDS → 5.983651 USDC in the Maverick V2 pool
 *   0xdf9c…8878 (token B in, an exact-input swap), a 0.015 USDS Rabby interface fee paid beside it, gas
 *   0.000536018493464816 ETH, timestamp 1749670655000 (the cassette's block 0x15a1f3d has timestamp 0x6849daff).
 *   The receipt's length with its newline equals the recorded content-length (6381) and its logsBloom recomputes.
 * The other cases below are logs ENCODED here with viem from the deployed ABI — a layout check of the paths the
 * recordings do not take (an exact-output swap, garbage), not evidence of what the chain emits.
 */
const collateralSwap = base0xdc1a92c8 as ReceiptFixture;
const usdsToUsdc = ethereum0x8a764813 as ReceiptFixture;

// Placeholder addresses: nothing here claims to be a deployed pool or router.
const POOL = '0x00000000000000000000000000000000000000cc';
const SENDER = '0x00000000000000000000000000000000000000bb';
const RECIPIENT = '0x00000000000000000000000000000000000000aa';

const poolSwapLog = (params: { tokenAIn: boolean; exactOutput?: boolean; amountIn: bigint; amountOut: bigint }): RawLog => ({
  address: POOL,
  topics: [MAVERICK_V2_POOL_SWAP_TOPIC0],
  data: encodeAbiParameters(MAVERICK_V2_POOL_SWAP.inputs, [
    SENDER,
    RECIPIENT,
    { amount: params.amountIn, tokenAIn: params.tokenAIn, exactOutput: params.exactOutput ?? false, tickLimit: -887_272 },
    params.amountIn,
    params.amountOut,
  ]),
  logIndex: 7,
  removed: false,
});

describe('maverick-v2 decoder', () => {
  it('has the PoolSwap topic0 the reference cites from public adapters', () => {
    expect(MAVERICK_V2_POOL_SWAP_TOPIC0).toBe('0x103ed084e94a44c8f5f6ba8e3011507c41063177e29949083c439777d8d63f60');
  });

  describe('ParaSwap hop of an Aave V3 collateral swap, pool 0x744d…c92f (Base)', () => {
    const POOL = '0x744d441ed6a00d59ea1e3fdbad2b10d9a869c92f';
    const WETH = '0x4200000000000000000000000000000000000006';
    const WSTETH = '0xc1cba3fcea344f92d9239c08c0568f6f2f0ee452';
    const A_WETH = '0xd4a0e0b9149bcee3c920d2e00b5de09138fd8bb7';
    const A_WSTETH = '0x99cbc45ea5bb7ef3a5bc08fb1b7e56bb2442ef0d';
    const USER = '0xe37b28362f65060c18c16398cfd23275d8cae750';

    it('is the one PoolSwap of the receipt: tokenAIn, WETH (slot 0) in, wstETH (slot 1) out, ParaSwap executor → Augustus', () => {
      expect(fixtureLogsWithTopic(collateralSwap, MAVERICK_V2_POOL_SWAP_TOPIC0)).toHaveLength(1);
      expect(maverickV2Decoder.decode(fixtureLog(collateralSwap, 0x678), 8453)).toEqual({
        kind: 'swap',
        family: 'maverick-v2',
        level: 'pool',
        pool: { chainId: 8453, address: POOL },
        logIndex: 0x678,
        tokenIn: { slot: 0 },
        amountIn: 109_666_465_527_922n,
        tokenOut: { slot: 1 },
        amountOut: 90_888_333_840_838n,
        eventSender: '0x000010036c0190e009a000d0fc3541100a07380a',
        eventRecipient: '0x6a000f20005980200259b80c5102003040001068',
      });
      const transfers = erc20Transfers(collateralSwap);
      expect(transfers).toContainEqual(expect.objectContaining({ token: WETH, to: POOL, amount: 109_666_465_527_922n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: WSTETH, from: POOL, amount: 90_888_333_840_838n }));
    });

    it('the user held aTokens, not the hop’s WETH/wstETH: the trade is their aBasWETH → aBaswstETH, as rotki books it', () => {
      const { trades, swaps, rejected } = tradesOfFixture(collateralSwap);
      expect(rejected).toEqual([]);
      expect(swaps.map((s) => [s.logIndex, s.tokenIn, s.tokenOut])).toEqual([[0x678, WETH, WSTETH]]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '8453:0xdc1a92c8cbda2fe7917e633efd889d17fc62e88e0f584af65f577b5d2a8bcb3c:1656',
          userId: USER,
          dex: 'maverick-v2',
          tokenIn: A_WETH,
          // The user's net aBasWETH outflow: rotki's 0.000109666465527922 spent less the 0.000000000001857221 of
          // interest minted to them in the same transaction — the balance change, which is what the book must match.
          amountIn: (109_666_465_527_922n - 1_857_221n).toString(),
          tokenOut: A_WSTETH,
          amountOut: '90901062973315',
          timestamp: 1_755_166_263_000,
          origin: expect.objectContaining({ logIndexes: [0x678], venues: [POOL], completedFromTransfers: true }),
          fees: [expect.objectContaining({ kind: 'gas', amount: '6714097305863' })],
        }),
      ]);
    });
  });

  describe('Magpie route USDS → USDC, pool 0xdf9c…8878 (Ethereum)', () => {
    const POOL = '0xdf9c440111a17eafbecf5db37dd04c948e878878';
    const USDS = '0xdc035d45d973e3ec169d2276ddab16f1e407384f';
    const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
    const MAGPIE_EXECUTOR = '0x3611b82c7b13e72b26eb0e9be0613bee7a45ac7c';
    const RABBY_FEE_WALLET = '0x39041f1b366fe33f9a5a79de5120f2aee2577ebc';
    const USER = '0xe4b13d4de7e85e2a763bd440bc9bf921c69bc905';

    it('is the one PoolSwap of the receipt: !tokenAIn, so USDS is token B (slot 1) in and USDC token A (slot 0) out', () => {
      expect(fixtureLogsWithTopic(usdsToUsdc, MAVERICK_V2_POOL_SWAP_TOPIC0)).toHaveLength(1);
      expect(maverickV2Decoder.decode(fixtureLog(usdsToUsdc, 0x139), 1)).toEqual({
        kind: 'swap',
        family: 'maverick-v2',
        level: 'pool',
        pool: { chainId: 1, address: POOL },
        logIndex: 0x139,
        tokenIn: { slot: 1 },
        amountIn: 5_985_000_000_000_000_000n,
        tokenOut: { slot: 0 },
        amountOut: 5_983_651n,
        eventSender: MAGPIE_EXECUTOR,
        eventRecipient: MAGPIE_EXECUTOR,
      });
      const transfers = erc20Transfers(usdsToUsdc);
      expect(transfers).toContainEqual(expect.objectContaining({ token: USDS, to: POOL, amount: 5_985_000_000_000_000_000n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: USDC, from: POOL, amount: 5_983_651n }));
    });

    it('books what rotki books: 5.985 USDS → 5.983651 USDC for the sender, the Rabby fee beside it, and the gas', () => {
      const { trades, rejected, pools } = tradesOfFixture(usdsToUsdc);
      expect(rejected).toEqual([]);
      // The pool's slots were proven by the receipt's own transfers: token A = USDC, token B = USDS.
      expect(pools.get({ chainId: 1, address: POOL })?.tokens).toEqual([USDC, USDS]);
      expect(trades).toEqual([
        {
          kind: 'swap',
          tradeId: '1:0x8a764813d69a773b1883eb5b64e33a7fd168f65865027fe20e0774943a10f764:313',
          userId: USER,
          chainId: 1,
          dex: 'maverick-v2',
          tokenIn: USDS,
          amountIn: '5985000000000000000',
          tokenOut: USDC,
          amountOut: '5983651',
          timestamp: 1_749_670_655_000,
          origin: {
            txHash: '0x8a764813d69a773b1883eb5b64e33a7fd168f65865027fe20e0774943a10f764',
            blockNumber: 0x15a1f3d,
            logIndexes: [0x139],
            txFrom: USER,
            eventSender: MAGPIE_EXECUTOR,
            eventRecipient: MAGPIE_EXECUTOR,
            venues: [POOL],
          },
          fees: [
            // rotki: 'Pay 0.015 USDS as Rabby interface fee' — the user sent it straight to the fee wallet.
            { kind: 'other', token: USDS, amount: '15000000000000000' },
            { kind: 'gas', token: '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', amount: '536018493464816' },
          ],
        },
      ]);
      expect(erc20Transfers(usdsToUsdc)).toContainEqual(expect.objectContaining({ token: USDS, from: USER, to: RABBY_FEE_WALLET, amount: 15_000_000_000_000_000n }));
    });
  });

  it('tokenAIn: token A (slot 0) in, token B (slot 1) out, with the settled amounts rather than the requested one', () => {
    expect(maverickV2Decoder.decode(poolSwapLog({ tokenAIn: true, amountIn: 1_000_000n, amountOut: 999_100n }), 8453)).toEqual({
      kind: 'swap',
      family: 'maverick-v2',
      level: 'pool',
      pool: { chainId: 8453, address: POOL },
      logIndex: 7,
      tokenIn: { slot: 0 },
      amountIn: 1_000_000n,
      tokenOut: { slot: 1 },
      amountOut: 999_100n,
      eventSender: SENDER,
      eventRecipient: RECIPIENT,
    });
  });

  it('!tokenAIn (an exact-output swap too): token B in, token A out', () => {
    expect(maverickV2Decoder.decode(poolSwapLog({ tokenAIn: false, exactOutput: true, amountIn: 5n * 10n ** 17n, amountOut: 1_234n }), 1)).toMatchObject({
      kind: 'swap',
      tokenIn: { slot: 1 },
      amountIn: 5n * 10n ** 17n,
      tokenOut: { slot: 0 },
      amountOut: 1_234n,
    });
  });

  describe('garbage', () => {
    const base = poolSwapLog({ tokenAIn: true, amountIn: 10n, amountOut: 9n });

    it('rejects indexed topics, a short or non-hex body, a non-boolean flag and zero amounts, with a reason', () => {
      const words = base.data.slice(2).match(/.{64}/g) ?? [];
      const data = (parts: string[]): Hex => `0x${parts.join('')}`;
      for (const log of [
        { ...base, topics: [...base.topics, `0x${words[0]}` as Hex] },
        { ...base, data: data(words.slice(0, 7)) },
        { ...base, data: `0x${'zz'.repeat(256)}` as Hex },
        { ...base, data: data([...words.slice(0, 3), '2'.padStart(64, '0'), ...words.slice(4)]) },
        poolSwapLog({ tokenAIn: true, amountIn: 10n, amountOut: 0n }),
      ]) {
        expect(maverickV2Decoder.decode(log, 8453)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^maverick-v2: /) });
      }
    });
  });
});

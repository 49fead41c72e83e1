import type { Address } from 'viem';
import pancakeArbitrum from '../families/pancakeswap-v3/fixtures/arbitrum-0x5a092c4d.json';
import { tradesOfFixture } from '../families/shared/fixture-trades';
import type { ReceiptFixture } from '../families/shared/receipt-fixture';
import { NATIVE_TOKEN } from '../families/shared/swap-result';
import uniswapV2Ethereum from '../families/uniswap-v2/fixtures/ethereum-0x67cf6c4c.json';
import uniswapV3Arbitrum from '../families/uniswap-v3/fixtures/arbitrum-0x3ea90c2f.json';
import { WRAPPED_NATIVE } from '../registry/wrapped-native';
import { erc20TransfersOf } from './erc20-transfers';
import { isNativeLeg, nativeWrapsOf, type NativeWraps } from './native-legs';
import { normalizeReceipt } from './normalized-receipt';

const wrapsOf = (fixture: ReceiptFixture): NativeWraps | undefined => {
  const receipt = normalizeReceipt({ chainId: fixture.chainId, blockTimestamp: fixture.blockTimestamp ?? 0, receipt: fixture.receipt });
  return nativeWrapsOf(receipt.chainId, receipt.logs, erc20TransfersOf(receipt.logs));
};

describe('native legs of router routes', () => {
  it('reads a WETH9 Deposit: the Uniswap V2 router wrapped the sender’s 0.15 ETH (rotki: 0.15 ETH → FRAX)', () => {
    expect(wrapsOf(uniswapV2Ethereum as ReceiptFixture)).toEqual({ wrapped: WRAPPED_NATIVE[1], wraps: [150_000_000_000_000_000n], unwraps: [] });
  });

  it('reads Arbitrum’s WETH, which burns (a Transfer to the zero address) instead of emitting Withdrawal', () => {
    const wraps = wrapsOf(pancakeArbitrum as ReceiptFixture);
    expect(wraps?.wrapped).toBe('0x82af49447d8a07e3bd95bd0d56f35241523fbab1');
    expect(wraps?.unwraps).toEqual([2_036_613_409_952_366n]);
    // rotki books that 1inch route's output as 0.002036613409952366 ETH paid to the user.
    expect(tradesOfFixture(pancakeArbitrum as ReceiptFixture).trades[0]).toMatchObject({ tokenOut: NATIVE_TOKEN, amountOut: '2036613409952366' });
  });

  it('books ETH less the router’s cut when the router kept its fee in WETH and unwrapped the rest', () => {
    // Uniswap's router on Arbitrum: the pool paid 0.029015… WETH, 0.0000725… went to the fee collector as WETH, only the
    // rest was burnt for ETH. rotki books 'Receive 0.029015039707052972 ETH' and 'Spend 0.000072537599267632 ETH as a
    // Uniswap V4 fee': the user's ETH grows by the burnt amount, and no WETH is left in their book.
    const { trades } = tradesOfFixture(uniswapV3Arbitrum as ReceiptFixture);
    expect(trades[0]).toMatchObject({ tokenOut: NATIVE_TOKEN, amountOut: '29015039707052972' });
    expect(trades[0]?.fees?.filter((f) => f.kind !== 'gas')).toEqual([{ kind: 'other', token: NATIVE_TOKEN, amount: '72537599267632' }]);
    expect(wrapsOf(uniswapV3Arbitrum as ReceiptFixture)?.unwraps).toEqual([29_015_039_707_052_972n - 72_537_599_267_632n]);
  });

  describe('isNativeLeg', () => {
    const wraps: NativeWraps = { wrapped: WRAPPED_NATIVE[1] as Address, wraps: [5n, 7n], unwraps: [9n] };

    it('matches one wrap, or all of them together, of exactly the amount', () => {
      expect(isNativeLeg('in', 7n, 0n, wraps)).toBe(true);
      expect(isNativeLeg('in', 12n, 0n, wraps)).toBe(true);
      expect(isNativeLeg('out', 9n, 0n, wraps)).toBe(true);
    });

    it('matches what stayed wrapped when the router wrapped all it was sent and unwrapped the change back', () => {
      // 10 wrapped, the route spent 6, the 4 left over unwrapped and refunded.
      expect(isNativeLeg('in', 6n, 0n, { ...wraps, wraps: [10n], unwraps: [4n] })).toBe(true);
    });

    it('refuses another amount, a zero amount, and a sender who moved the wrapped token themselves', () => {
      expect(isNativeLeg('in', 6n, 0n, wraps)).toBe(false);
      expect(isNativeLeg('out', 0n, 0n, { ...wraps, unwraps: [] })).toBe(false);
      // The sender paid WETH from their own balance (their flow is negative): that WETH was theirs, not ETH.
      expect(isNativeLeg('in', 7n, -7n, wraps)).toBe(false);
      // The sender received WETH: the output was not unwrapped for them.
      expect(isNativeLeg('out', 9n, 9n, wraps)).toBe(false);
    });
  });

  it('knows no wrapper on a chain outside the registry', () => {
    expect(nativeWrapsOf(324, [], [])).toBeUndefined();
  });
});

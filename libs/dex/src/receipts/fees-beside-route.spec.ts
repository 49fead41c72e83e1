import type { Address } from 'viem';
import type { Trade } from '@hyperdex/contracts';
import { tradesOfFixture } from '../families/shared/fixture-trades';
import type { ReceiptFixture } from '../families/shared/receipt-fixture';
import maverickV2Ethereum from '../families/maverick-v2/fixtures/ethereum-0x8a764813.json';
import traderJoeArbitrum from '../families/trader-joe-lb/fixtures/arbitrum-0x1756eca9.json';
import uniswapV4Ethereum from '../families/uniswap-v4/fixtures/ethereum-0x4a3d3205.json';
import zeroexArbitrum from '../families/zeroex/fixtures/arbitrum-0x355c18ab.json';
import zeroexBase from '../families/zeroex/fixtures/base-0x4a5eb8fa.json';
import { erc20TransfersOf, netFlowsOf, type Erc20Transfer } from './erc20-transfers';
import { cutBeforeUnwrap, feesBesideRoute, type RouteSides } from './fees-beside-route';
import { normalizeReceipt } from './normalized-receipt';

/** What the trade moves in the user's wallet: amounts plus every fee in that token, gas aside. */
const walletDelta = (trade: Trade, token: string): bigint =>
  (trade.tokenOut === token ? BigInt(trade.amountOut) : 0n) -
  (trade.tokenIn === token ? BigInt(trade.amountIn) : 0n) -
  (trade.fees ?? []).filter((f) => f.kind !== 'gas' && f.token === token).reduce((sum, f) => sum + BigInt(f.amount), 0n);

const flowsOfFixture = (fixture: ReceiptFixture, user: string) => {
  const receipt = normalizeReceipt({ chainId: fixture.chainId, blockTimestamp: fixture.blockTimestamp ?? 0, receipt: fixture.receipt });
  return netFlowsOf(user as Address, erc20TransfersOf(receipt.logs));
};

/*
 * Real recorded receipts (each cited in its family spec with its rotki/test-caching cassette): the pools report what
 * they exchanged, the router or relayer took its cut beside them, and rotki books that cut as a fee.
 */
describe('fees beside the route, on real receipts', () => {
  it.each([
    // [fixture, what rotki (or the cassette) shows was taken, fee token]
    ['Uniswap V4 via the Universal Router: 2.325394 USDC interface fee out of the output', uniswapV4Ethereum, '2325394', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'],
    ['0x meta-transaction (Arbitrum): 79.726078 USDC the taker paid to 0x’s fee recipient 0x38f5…aa90', zeroexArbitrum, '79726078', '0xaf88d065e77c8cc2239327c5edb3a432268e5831'],
    ['0x meta-transaction (Base): 4.288419 USDC to the same fee recipient', zeroexBase, '4288419', '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913'],
    ['1inch v5 executor keeping 0.45 ARB of the 150 ARB input before the first hop', traderJoeArbitrum, '450000000000000000', '0x912ce59144191c1204e64559fe8253a0e49e6548'],
    ['Magpie with a 0.015 USDS Rabby fee the user sent straight to the fee wallet', maverickV2Ethereum, '15000000000000000', '0xdc035d45d973e3ec169d2276ddab16f1e407384f'],
  ])('%s', (_name, fixture, amount, token) => {
    const { trades, rejected } = tradesOfFixture(fixture as ReceiptFixture);
    expect(rejected).toEqual([]);
    expect(trades).toHaveLength(1);
    const [trade] = trades as [Trade];
    expect(trade.fees?.filter((f) => f.kind !== 'gas')).toEqual([{ kind: 'other', token, amount }]);
    // With the fee, the trade moves the user's ERC-20 balances exactly as the receipt's transfers do.
    const flows = flowsOfFixture(fixture as ReceiptFixture, trade.userId);
    for (const side of [trade.tokenIn, trade.tokenOut]) {
      if (flows.has(side as Address)) expect(walletDelta(trade, side)).toBe(flows.get(side as Address));
    }
  });
});

/*
 * The rule itself, on hand-made transfer lists (placeholder addresses, no log stands behind them): what is and is not
 * taken as a fee.
 */
describe('feesBesideRoute', () => {
  const USER = '0x00000000000000000000000000000000000000a1';
  const ROUTER = '0x00000000000000000000000000000000000000b2';
  const POOL = '0x00000000000000000000000000000000000000c3';
  const FEE_WALLET = '0x00000000000000000000000000000000000000d4';
  const PAIR = '0x00000000000000000000000000000000000000e5';
  const TOKEN_IN = '0x00000000000000000000000000000000000000f6';
  const TOKEN_OUT = '0x00000000000000000000000000000000000000f7';
  const OTHER = '0x00000000000000000000000000000000000000f8';
  let logIndex = 0;
  const transfer = (token: Address, from: Address, to: Address, value: bigint): Erc20Transfer => ({ token, from, to, value, logIndex: logIndex++ });
  const sides = (over: Partial<RouteSides> = {}): RouteSides => ({
    user: USER,
    tokenIn: TOKEN_IN,
    spentIn: 1_000n,
    tokenOut: TOKEN_OUT,
    deliveredOut: 500n,
    venues: new Set([POOL]),
    emitters: new Set([POOL, TOKEN_IN, TOKEN_OUT]),
    ...over,
  });

  it('takes an output skim the router sent to a bystander', () => {
    const transfers = [
      transfer(TOKEN_IN, USER, POOL, 1_000n),
      transfer(TOKEN_OUT, POOL, ROUTER, 500n),
      transfer(TOKEN_OUT, ROUTER, FEE_WALLET, 5n),
      transfer(TOKEN_OUT, ROUTER, USER, 495n),
    ];
    expect(feesBesideRoute(sides(), transfers)).toEqual([{ token: TOKEN_OUT, amount: 5n }]);
  });

  it('takes an input cut kept by whoever carried the payment on', () => {
    const transfers = [
      transfer(TOKEN_IN, USER, ROUTER, 1_003n),
      transfer(TOKEN_IN, ROUTER, FEE_WALLET, 3n),
      transfer(TOKEN_IN, ROUTER, POOL, 1_000n),
      transfer(TOKEN_OUT, POOL, USER, 500n),
    ];
    expect(feesBesideRoute(sides(), transfers)).toEqual([{ token: TOKEN_IN, amount: 3n }]);
  });

  it('counts a fee already booked in the input token (a CoW fee) as spent, not as a second fee', () => {
    const transfers = [transfer(TOKEN_IN, USER, ROUTER, 1_003n), transfer(TOKEN_IN, ROUTER, POOL, 1_003n), transfer(TOKEN_OUT, POOL, USER, 500n)];
    expect(feesBesideRoute(sides({ spentIn: 1_003n }), transfers)).toEqual([]);
  });

  it('takes a token that taxes its own transfer to its contract', () => {
    const transfers = [
      transfer(TOKEN_IN, USER, POOL, 1_000n),
      transfer(TOKEN_OUT, POOL, TOKEN_OUT, 20n),
      transfer(TOKEN_OUT, POOL, USER, 480n),
    ];
    expect(feesBesideRoute(sides(), transfers)).toEqual([{ token: TOKEN_OUT, amount: 20n }]);
  });

  it('does not take the other half of a zap that went into an LP pair (the pair took two tokens and emitted logs)', () => {
    const transfers = [
      transfer(TOKEN_IN, USER, ROUTER, 2_000n),
      transfer(TOKEN_IN, ROUTER, POOL, 1_000n),
      transfer(TOKEN_OUT, POOL, ROUTER, 500n),
      transfer(TOKEN_IN, ROUTER, PAIR, 1_000n),
      transfer(TOKEN_OUT, ROUTER, PAIR, 500n),
    ];
    expect(feesBesideRoute(sides({ emitters: new Set([POOL, PAIR, TOKEN_IN, TOKEN_OUT]) }), transfers)).toEqual([]);
    // Even were the pair silent, it received a second token: not a fee wallet.
    expect(feesBesideRoute(sides(), transfers)).toEqual([]);
  });

  it('does not take a difference the receipt does not account for exactly', () => {
    const transfers = [
      transfer(TOKEN_IN, USER, POOL, 1_000n),
      transfer(TOKEN_OUT, POOL, ROUTER, 500n),
      transfer(TOKEN_OUT, ROUTER, FEE_WALLET, 4n),
      transfer(TOKEN_OUT, ROUTER, USER, 495n),
    ];
    expect(feesBesideRoute(sides(), transfers)).toEqual([]);
  });

  it('does not take what a recipient passed on (a hop the decoders did not see), nor a venue, as a fee', () => {
    const forwarded = [
      transfer(TOKEN_IN, USER, ROUTER, 1_003n),
      transfer(TOKEN_IN, ROUTER, FEE_WALLET, 3n),
      transfer(TOKEN_IN, FEE_WALLET, OTHER, 3n),
      transfer(TOKEN_IN, ROUTER, POOL, 1_000n),
      transfer(TOKEN_OUT, POOL, USER, 500n),
    ];
    expect(feesBesideRoute(sides(), forwarded)).toEqual([]);
    const toVenue = [transfer(TOKEN_IN, USER, POOL, 1_003n), transfer(TOKEN_OUT, POOL, USER, 500n)];
    expect(feesBesideRoute(sides(), toVenue)).toEqual([]);
  });

  describe('cutBeforeUnwrap', () => {
    const WETH = TOKEN_OUT;
    const ZERO = '0x0000000000000000000000000000000000000000';
    const receivers = new Set<Address>([ROUTER]);

    it('is what the router sent a bystander in WETH before unwrapping the rest (a burn being the unwrap itself)', () => {
      const transfers = [transfer(WETH, POOL, ROUTER, 500n), transfer(WETH, ROUTER, FEE_WALLET, 2n), transfer(WETH, ROUTER, ZERO, 498n)];
      expect(cutBeforeUnwrap(WETH, 500n, 498n, receivers, sides(), transfers)).toBe(2n);
    });

    it('is nothing when the whole output was unwrapped, nothing was, or the rest is not accounted for exactly', () => {
      const transfers = [transfer(WETH, POOL, ROUTER, 500n), transfer(WETH, ROUTER, FEE_WALLET, 2n)];
      expect(cutBeforeUnwrap(WETH, 500n, 500n, receivers, sides(), transfers)).toBeUndefined();
      expect(cutBeforeUnwrap(WETH, 500n, 0n, receivers, sides(), transfers)).toBeUndefined();
      expect(cutBeforeUnwrap(WETH, 500n, 497n, receivers, sides(), transfers)).toBeUndefined();
      // The rest went to the user as WETH: that is the user's WETH, not a cut.
      expect(cutBeforeUnwrap(WETH, 500n, 498n, receivers, sides(), [transfer(WETH, ROUTER, USER, 2n)])).toBeUndefined();
    });
  });

  it('leaves a user who received more than the route delivered, or nothing, as the pools report', () => {
    const more = [transfer(TOKEN_IN, USER, POOL, 1_000n), transfer(TOKEN_OUT, POOL, USER, 500n), transfer(TOKEN_OUT, OTHER, USER, 7n)];
    expect(feesBesideRoute(sides(), more)).toEqual([]);
    // Output sent to another recipient: the user's flow is nil, nothing to compare.
    const elsewhere = [transfer(TOKEN_IN, USER, POOL, 1_000n), transfer(TOKEN_OUT, POOL, OTHER, 500n)];
    expect(feesBesideRoute(sides(), elsewhere)).toEqual([]);
  });
});

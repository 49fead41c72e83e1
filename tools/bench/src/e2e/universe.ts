import type { TokenMetadata, Trade } from '@hyperdex/contracts';
import type { Random } from './random';

/**
 * The benchmark's world: synthetic tokens (so the price feed can tick many without touching real ones), users who
 * each hold a few of them, and the trades they make. Everything is derived from the seed and the run id, and user and
 * trade ids are unique per run, so a run against a long-lived stack never mixes with earlier data.
 */

export const CHAIN_ID = 1;

export interface BenchToken {
  readonly address: string;
  readonly symbol: string;
  readonly decimals: number;
  readonly stablecoin: boolean;
}

/** Both are in the positions service's seeded registry. */
export const USDC: BenchToken = { address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', symbol: 'USDC', decimals: 6, stablecoin: true };
export const WETH: BenchToken = { address: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', symbol: 'WETH', decimals: 18, stablecoin: false };
export const WETH_PRICE_USD = 3000;

/** The trade that takes a user over RISK_MAX_EXPOSURE_USD=100000: 50 WETH for 150,000 USDC (gross ≈ 300,000 USD). */
export const BREACH_WETH = 50n;

/** Addresses 0xbe0c…0001 upwards: recognisable in logs and never a real deployed token. */
export function syntheticTokens(count: number): BenchToken[] {
  return Array.from({ length: count }, (_, i) => ({
    address: `0xbe0c${(i + 1).toString(16).padStart(36, '0')}`,
    symbol: `BENCH${i + 1}`,
    decimals: 18,
    stablecoin: false,
  }));
}

/** What positions must learn from `hyperdex.tokens.v1` before it can value the synthetic tokens. */
export function tokenMetadataRecords(tokens: readonly BenchToken[]): TokenMetadata[] {
  return tokens.map((t) => ({ chainId: CHAIN_ID, address: t.address, symbol: t.symbol, decimals: t.decimals, stablecoin: false, source: 'bench' }));
}

export const newRunId = (): string => Date.now().toString(36);

export function benchUsers(runId: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `bench-${runId}-u${i}`);
}

/**
 * The tokens user `userIndex` trades: `perUser` distinct ones, spread so every token has about the same number of
 * holders (each price tick then revalues a similar share of users).
 */
export function holdingsOf(userIndex: number, tokenCount: number, perUser = 4): number[] {
  const n = Math.min(perUser, tokenCount);
  const stride = Math.max(1, Math.floor(tokenCount / n));
  return Array.from({ length: n }, (_, k) => (userIndex + k * stride) % tokenCount);
}

/** Base units of `usd` worth of a token at `priceUsd` (nine significant decimals are plenty for a trade size). */
export function baseUnitsFor(usd: number, priceUsd: number, decimals: number): bigint {
  const nano = BigInt(Math.max(1, Math.round((usd / priceUsd) * 1e9)));
  return decimals >= 9 ? nano * 10n ** BigInt(decimals - 9) : nano / 10n ** BigInt(9 - decimals) || 1n;
}

export class TradeFactory {
  private seq = 0;

  constructor(
    private readonly runId: string,
    private readonly random: Random,
    private readonly priceOf: (token: string) => number,
  ) {}

  /** A 50–200 USD swap: USDC for the token or the token for USDC, equally likely. */
  small(phase: string, userId: string, token: BenchToken): Trade {
    const usd = 50 + this.random.next() * 150;
    const usdc = baseUnitsFor(usd, 1, USDC.decimals);
    const amount = baseUnitsFor(usd, this.priceOf(token.address), token.decimals);
    const buy = this.random.next() < 0.5;
    return this.trade(phase, userId, buy ? [USDC, usdc, token, amount] : [token, amount, USDC, usdc]);
  }

  /** 50 WETH bought for 150,000 USDC: over the 100,000 USD exposure limit in one step. */
  breach(phase: string, userId: string): Trade {
    return this.trade(phase, userId, [USDC, BREACH_WETH * BigInt(WETH_PRICE_USD) * 10n ** 6n, WETH, BREACH_WETH * 10n ** 18n]);
  }

  private trade(phase: string, userId: string, [tokenIn, amountIn, tokenOut, amountOut]: [BenchToken, bigint, BenchToken, bigint]): Trade {
    return {
      tradeId: `bench-${this.runId}-${phase}-${this.seq++}`,
      userId,
      chainId: CHAIN_ID,
      dex: 'uniswap-v3',
      tokenIn: tokenIn.address,
      tokenOut: tokenOut.address,
      amountIn: amountIn.toString(),
      amountOut: amountOut.toString(),
      timestamp: Date.now(),
    };
  }
}

/** What a booked swap does to the user's balances: tokenIn down by amountIn, tokenOut up by amountOut. */
export function balanceDeltas(trade: Pick<Trade, 'tokenIn' | 'tokenOut' | 'amountIn' | 'amountOut'>): Array<{ token: string; delta: bigint }> {
  return [
    { token: trade.tokenIn, delta: -BigInt(trade.amountIn) },
    { token: trade.tokenOut, delta: BigInt(trade.amountOut) },
  ];
}

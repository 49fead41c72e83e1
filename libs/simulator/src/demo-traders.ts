import Decimal from 'decimal.js';
import type { Trade, Transfer } from '@hyperdex/contracts';
import { DEXS_BY_CHAIN, type MarketToken } from './market-assets';
import type { PricePaths } from './price-paths';
import type { SeededRandom } from './seeded-random';

/** A demo user: where they trade, how big, and the stablecoin float they start with on each chain. */
export interface TraderProfile {
  userId: string;
  chains: readonly number[];
  /** Typical trade notional, USD (each trade is drawn around it). */
  notionalUsd: number;
  /** Stablecoins deposited on each of their chains at the start, USD. */
  depositUsd: number;
  /** Buys ever larger (×1.5 each time) until stopped: the user who breaches the exposure limit. */
  escalates?: boolean;
}

export const DEMO_TRADERS: readonly TraderProfile[] = [
  { userId: 'alice', chains: [1, 42161], notionalUsd: 1_500, depositUsd: 10_000 },
  { userId: 'bob', chains: [8453, 10], notionalUsd: 800, depositUsd: 8_000 },
  { userId: 'carol', chains: [137, 56], notionalUsd: 600, depositUsd: 6_000 },
  { userId: 'dave', chains: [1, 8453, 56], notionalUsd: 1_000, depositUsd: 5_000 },
  // Starts at 15,000 USD a trade, ×1.5 each: past the default 100,000 USD exposure limit within five trades.
  { userId: 'whale', chains: [1], notionalUsd: 15_000, depositUsd: 20_000, escalates: true },
];

/** Base units of `usd` worth of a token at `price` USD per whole token (rounded down; at least one unit). */
export function baseUnits(usd: Decimal, price: Decimal, decimals: number): string {
  const units = usd.div(price).times(new Decimal(10).pow(decimals)).floor();
  return Decimal.max(units, 1).toFixed(0);
}

/**
 * Generates what demo users do: a deposit of stablecoins on each of their chains, then swaps between a volatile
 * token and a stablecoin of one of their chains, on one of that chain's DEXs, sized from the current price. A user
 * sells only what they bought before, so balances stay sensible; the escalating user only buys.
 */
export class DemoTraders {
  private readonly holdings = new Map<string, bigint>();
  private readonly escalation = new Map<string, number>();
  private sequence = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly tokens: readonly MarketToken[],
    private readonly prices: PricePaths,
    /** Names this run's trades, so a restart never reuses an id. */
    private readonly runId: string,
    /** Names the deposits: the same for every run of a seed, so a restart on kept data does not deposit again. */
    private readonly depositScope: string,
    readonly profiles: readonly TraderProfile[] = DEMO_TRADERS,
  ) {}

  deposits(now: number): Transfer[] {
    return this.profiles.flatMap((profile) =>
      profile.chains.map((chainId) => {
        const stable = this.stablecoinOf(chainId);
        return {
          kind: 'transfer' as const,
          transferId: `sim-${this.depositScope}-deposit-${profile.userId}-${chainId}`,
          userId: profile.userId,
          chainId,
          token: stable.address,
          direction: 'in' as const,
          amount: baseUnits(new Decimal(profile.depositUsd), this.prices.price(stable.asset), stable.decimals),
          timestamp: now,
        };
      }),
    );
  }

  /** One swap of the given user (the escalating user's next, larger buy). */
  trade(profile: TraderProfile, now: number): Trade {
    const { random } = this;
    const chainId = random.pick(profile.chains);
    const stable = this.stablecoinOf(chainId);
    const volatile = random.pick(this.tokens.filter((t) => t.chainId === chainId && !t.stablecoin));
    const heldKey = `${profile.userId}:${chainId}:${volatile.address}`;
    const held = this.holdings.get(heldKey) ?? 0n;
    const step = this.escalation.get(profile.userId) ?? 0;
    const notional = profile.escalates ? profile.notionalUsd * 1.5 ** step : profile.notionalUsd * Math.exp(random.normal() * 0.5);
    if (profile.escalates) this.escalation.set(profile.userId, step + 1);
    const usd = new Decimal(notional).toDecimalPlaces(2);
    const stableAmount = baseUnits(usd, this.prices.price(stable.asset), stable.decimals);
    const volatileAmount = baseUnits(usd, this.prices.price(volatile.asset), volatile.decimals);
    const sells = !profile.escalates && held > 0n && random.chance(0.45);
    const base = { tradeId: `sim-${this.runId}-${++this.sequence}`, userId: profile.userId, chainId, dex: random.pick(DEXS_BY_CHAIN[chainId] ?? ['uniswap-v3']), timestamp: now };
    if (!sells) {
      this.holdings.set(heldKey, held + BigInt(volatileAmount));
      return { ...base, tokenIn: stable.address, tokenOut: volatile.address, amountIn: stableAmount, amountOut: volatileAmount };
    }
    // Sell at most what is held, at the same price: the stablecoin received follows the amount sold.
    const sold = BigInt(volatileAmount) < held ? BigInt(volatileAmount) : held;
    const soldUsd = new Decimal(sold.toString()).div(new Decimal(10).pow(volatile.decimals)).times(this.prices.price(volatile.asset));
    this.holdings.set(heldKey, held - sold);
    return { ...base, tokenIn: volatile.address, tokenOut: stable.address, amountIn: sold.toString(), amountOut: baseUnits(soldUsd, this.prices.price(stable.asset), stable.decimals) };
  }

  private stablecoinOf(chainId: number): MarketToken {
    const stable = this.tokens.find((t) => t.chainId === chainId && t.stablecoin && t.symbol === 'USDC') ?? this.tokens.find((t) => t.chainId === chainId && t.stablecoin);
    if (!stable) throw new Error(`no stablecoin on chain ${chainId}`);
    return stable;
  }
}

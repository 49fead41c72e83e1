import Decimal from 'decimal.js';
import { PriceTickSchema, TradeSchema, TransferSchema } from '@hyperdex/contracts';
import { DEMO_TRADERS } from './demo-traders';
import { marketTokens } from './market-assets';
import { MarketSimulator, type SimulatedStep } from './market-simulator';

const simulator = (seed: number) => new MarketSimulator({ target: 'http://127.0.0.1:9', apiKey: 'unused-in-this-spec', seed, tradesPerSecond: 4, tickMs: 1_000 });
const steps = (sim: MarketSimulator, count: number): SimulatedStep[] => Array.from({ length: count }, (_, i) => sim.step(1_764_000_000_000 + i * 1_000));
const withoutIds = (s: SimulatedStep) => ({ ...s, trades: s.trades.map(({ tradeId: _id, ...rest }) => rest) });

describe('MarketSimulator (seeded, driven step by step)', () => {
  it('gives the same market and the same trades for the same seed, and another for another seed', () => {
    const a = steps(simulator(7), 200).map(withoutIds);
    expect(steps(simulator(7), 200).map(withoutIds)).toEqual(a);
    expect(steps(simulator(8), 200).map(withoutIds)).not.toEqual(a);
  });

  it('sends only what the ingestion API accepts: every price, trade and deposit valid, trade ids unique', () => {
    const sim = simulator(1);
    const all = steps(sim, 300);
    for (const price of all.flatMap((s) => s.prices)) expect(PriceTickSchema.safeParse(price).success).toBe(true);
    const trades = all.flatMap((s) => s.trades);
    for (const trade of trades) expect(TradeSchema.safeParse(trade).error).toBeUndefined();
    expect(new Set(trades.map((t) => t.tradeId)).size).toBe(trades.length);
    expect(new Set(trades.map((t) => t.chainId)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(trades.map((t) => t.dex)).size).toBeGreaterThanOrEqual(8);
    for (const deposit of sim.openingDeposits(1_764_000_000_000)) expect(TransferSchema.safeParse(deposit).success).toBe(true);
  });

  it('has the escalating user buy past a 100,000 USD exposure within a minute of one-second steps', () => {
    const whale = DEMO_TRADERS.find((t) => t.escalates)?.userId;
    const stableDecimals = new Map(marketTokens().filter((t) => t.stablecoin).map((t) => [`${t.chainId}:${t.address}`, t.decimals]));
    let spentUsd = new Decimal(0);
    let breachedAtStep: number | null = null;
    steps(simulator(3), 60).forEach((step, i) => {
      for (const t of step.trades.filter((trade) => trade.userId === whale)) {
        spentUsd = spentUsd.plus(new Decimal(t.amountIn).div(new Decimal(10).pow(stableDecimals.get(`${t.chainId}:${t.tokenIn}`) ?? 0)));
      }
      if (breachedAtStep === null && spentUsd.gt(100_000)) breachedAtStep = i;
    });
    expect(breachedAtStep).not.toBeNull();
    expect(breachedAtStep).toBeLessThan(60);
  });

  it('crashes a volatile asset and depegs a stablecoin now and then', () => {
    const events = steps(simulator(11), 3_000).flatMap((s) => s.events);
    expect(events.some((e) => e.kind === 'crash')).toBe(true);
    expect(events.some((e) => e.kind === 'depeg')).toBe(true);
    expect(events.some((e) => e.kind === 'regime')).toBe(true);
  });

  it('refuses a rate or a step that makes no sense', () => {
    expect(() => new MarketSimulator({ target: 'http://x', apiKey: 'k', seed: 1, tradesPerSecond: -1, tickMs: 1_000 })).toThrow('tradesPerSecond must be 0 or more, got -1');
    expect(() => new MarketSimulator({ target: 'http://x', apiKey: 'k', seed: 1, tradesPerSecond: 1, tickMs: 1 })).toThrow('tickMs must be at least 10, got 1');
  });
});

import type { PriceTick, Trade, Transfer } from '@hyperdex/contracts';
import { DemoTraders, type TraderProfile } from './demo-traders';
import { IngestionClient } from './ingestion-client';
import { START_PRICES_USD, marketTokens, type MarketToken } from './market-assets';
import { PricePaths, type PriceEvent } from './price-paths';
import { SeededRandom } from './seeded-random';

export interface SimulatorOptions {
  /** Base URL of the ingestion API, e.g. http://127.0.0.1:3001. */
  target: string;
  apiKey: string;
  seed: number;
  /** Trades per second over all ordinary demo users (the escalating user's come on top). */
  tradesPerSecond: number;
  /** Milliseconds per market step: every step prices every token once. */
  tickMs: number;
  /** Steps between two buys of the escalating user, and how many buys it makes at most. */
  escalationEveryTicks?: number;
  maxEscalations?: number;
  /** Where progress lines go (a crash, a depeg, a refused request). */
  report?: (line: string) => void;
}

export interface SimulatorStats {
  ticks: number;
  prices: number;
  trades: number;
  failedRequests: number;
}

/** What one market step sends. */
export interface SimulatedStep {
  prices: PriceTick[];
  trades: Trade[];
  events: PriceEvent[];
}

/**
 * A live market for the demo: seeded price paths and demo users trading on several chains and DEXs, all sent
 * through the public ingestion API (never onto topics or tables directly), so it drives `npm start` and the real
 * stack alike. One user escalates until it breaches the exposure limit, within the first minute by default.
 */
export class MarketSimulator {
  readonly stats: SimulatorStats = { ticks: 0, prices: 0, trades: 0, failedRequests: 0 };
  private readonly random: SeededRandom;
  private readonly tokens: MarketToken[];
  private readonly paths: PricePaths;
  private readonly traders: DemoTraders;
  private readonly client: IngestionClient;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: SimulatorOptions) {
    if (!(options.tradesPerSecond >= 0)) throw new Error(`tradesPerSecond must be 0 or more, got ${options.tradesPerSecond}`);
    if (!(options.tickMs >= 10)) throw new Error(`tickMs must be at least 10, got ${options.tickMs}`);
    this.random = new SeededRandom(options.seed);
    this.tokens = marketTokens();
    const stablecoins = [...new Set(this.tokens.filter((t) => t.stablecoin).map((t) => t.asset))];
    this.paths = new PricePaths(this.random, START_PRICES_USD, stablecoins);
    this.traders = new DemoTraders(this.random, this.tokens, this.paths, `${options.seed}-${Date.now().toString(36)}`, `seed${options.seed}`);
    this.client = new IngestionClient(options.target, options.apiKey);
  }

  get users(): readonly TraderProfile[] {
    return this.traders.profiles;
  }

  /** Sends the opening prices and deposits, then one step per tick until stopped. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const now = Date.now();
    await this.send('/v1/prices', this.priceTicks(now));
    await this.send('/v1/transfers', this.openingDeposits(now));
    this.loop = this.run();
  }

  /** The stablecoins each demo user starts with, as transfers in. */
  openingDeposits(now: number): Transfer[] {
    return this.traders.deposits(now);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** One market step: prices move, users trade. Public so a test can drive the market without a timer. */
  step(now: number): SimulatedStep {
    this.stats.ticks++;
    const events = this.paths.step();
    const prices = this.priceTicks(now);
    const expected = (this.options.tradesPerSecond * this.options.tickMs) / 1_000;
    const count = Math.floor(expected) + (this.random.chance(expected - Math.floor(expected)) ? 1 : 0);
    const ordinary = this.traders.profiles.filter((p) => !p.escalates);
    const trades: Trade[] = [];
    for (let i = 0; i < count && ordinary.length > 0; i++) trades.push(this.traders.trade(this.random.pick(ordinary), now));
    const every = this.options.escalationEveryTicks ?? 5;
    const buys = Math.floor((this.stats.ticks - 1) / every);
    if ((this.stats.ticks - 1) % every === 0 && buys < (this.options.maxEscalations ?? 8)) {
      for (const profile of this.traders.profiles.filter((p) => p.escalates)) trades.push(this.traders.trade(profile, now));
    }
    return { prices, trades, events };
  }

  private async run(): Promise<void> {
    while (this.running) {
      const { prices, trades, events } = this.step(Date.now());
      for (const e of events) this.options.report?.(`market: ${e.kind} ${e.asset === '*' ? '' : `${e.asset} `}${e.detail}`);
      await this.send('/v1/prices', prices);
      await this.send('/v1/trades', trades);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, this.options.tickMs);
      });
      this.wake = null;
    }
  }

  private async send(path: '/v1/prices' | '/v1/trades' | '/v1/transfers', body: readonly unknown[]): Promise<void> {
    try {
      await this.client.post(path, body);
      if (path === '/v1/prices') this.stats.prices += body.length;
      if (path === '/v1/trades') this.stats.trades += body.length;
    } catch (error) {
      // A refused or failed request is reported and the market goes on, as a producer with retries would.
      this.stats.failedRequests++;
      this.options.report?.(`simulator: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private priceTicks(now: number): PriceTick[] {
    return this.tokens.map((t) => ({ chainId: t.chainId, token: t.address, priceUsd: this.paths.price(t.asset).toFixed(), timestamp: now, source: 'simulator' }));
  }
}

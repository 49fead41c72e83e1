import type { PriceTick } from '@hyperdex/contracts';
import { nowMs, sleep } from './clock';
import type { JsonPoster } from './json-poster';
import { StatusCounts } from './json-poster';
import type { Random } from './random';
import { CHAIN_ID, USDC, WETH, WETH_PRICE_USD, type BenchToken } from './universe';
import type { TickLog } from './valuation-freshness';

/** Most prices in one POST: well under ingestion's default INGESTION_MAX_BATCH (1000). */
const MAX_PRICES_PER_POST = 500;

/**
 * A market-data feed: every `intervalMs`, one batched `POST /v1/prices` with a new random-walk price for each token.
 * Rounds follow a fixed schedule whatever the answers (a real feed does not wait for the pipeline), and every tick's
 * send time is logged so exposure updates can be traced back to the tick they are valued at.
 */
export class PriceFeed {
  private readonly prices = new Map<string, number>();
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  readonly statuses = new StatusCounts();
  rounds = 0;
  /** Rounds sent while the previous round's POST had not been answered yet. */
  overlappingRounds = 0;

  constructor(
    private readonly poster: JsonPoster,
    private readonly tokens: readonly BenchToken[],
    private readonly random: Random,
    private readonly intervalMs: number,
    private readonly ticks: TickLog,
  ) {
    // Synthetic tokens start anywhere between 1 and 100 USD; WETH where the breaking trade expects it.
    for (const t of tokens) this.prices.set(t.address, t.address === WETH.address ? WETH_PRICE_USD : 1 + random.next() * 99);
  }

  priceOf(token: string): number {
    return token === USDC.address ? 1 : (this.prices.get(token) ?? 1);
  }

  /** Every token's first price, and USDC pinned at 1; throws unless ingestion accepted them. */
  async publishInitial(): Promise<void> {
    const at = Math.floor(nowMs());
    const ticks: PriceTick[] = [{ chainId: CHAIN_ID, token: USDC.address, priceUsd: '1', timestamp: at, source: 'bench' }];
    for (const t of this.tokens) ticks.push(this.tick(t.address, at));
    for (let i = 0; i < ticks.length; i += MAX_PRICES_PER_POST) {
      const answer = await this.poster.post('/v1/prices', { prices: ticks.slice(i, i + MAX_PRICES_PER_POST) });
      if (answer.status !== 202) throw new Error(`initial prices refused: ${answer.status} ${answer.body.slice(0, 300)}`);
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops ticking and waits for the POSTs still out. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private async run(): Promise<void> {
    const start = nowMs();
    for (let round = 1; this.running; round++) {
      const due = start + round * this.intervalMs;
      if (due > nowMs()) await sleep(due - nowMs());
      if (!this.running) break;
      this.sendRound();
    }
  }

  private sendRound(): void {
    if (this.inFlight.size > 0) this.overlappingRounds++;
    this.rounds++;
    const at = Math.floor(nowMs());
    const ticks = this.tokens.map((t) => {
      this.prices.set(t.address, (this.prices.get(t.address) ?? 1) * Math.exp(0.002 * this.random.normal()));
      return this.tick(t.address, at);
    });
    for (let i = 0; i < ticks.length; i += MAX_PRICES_PER_POST) {
      const sentAt = nowMs();
      const chunk = ticks.slice(i, i + MAX_PRICES_PER_POST);
      for (const tick of chunk) this.ticks.record(tick.token, tick.timestamp, sentAt);
      const posted: Promise<void> = this.poster.post('/v1/prices', { prices: chunk }).then((answer) => {
        this.statuses.add(answer.status);
        this.inFlight.delete(posted);
      });
      this.inFlight.add(posted);
    }
  }

  private tick(token: string, timestamp: number): PriceTick {
    return { chainId: CHAIN_ID, token, priceUsd: (this.prices.get(token) ?? 1).toFixed(8), timestamp, source: 'bench' };
  }
}

import { Topics, type PriceTick, type Trade, type TradeRetraction, type Transfer } from '@hyperdex/contracts';
import type { EventPublisher } from '@hyperdex/messaging';
import type { SimRandom } from './sim-random';

export const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
export const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const ONE_WETH = 10n ** 18n;
const ONE_USDC = 10n ** 6n;

export type LedgerEvent = Trade | Transfer;

/** The id a ledger event is booked under. */
export const eventIdOf = (event: LedgerEvent): string => ('tradeId' in event ? event.tradeId : event.transferId);

/** Signed base-unit deltas of one ledger event, per token (chain 1 only in the simulation). */
export function deltasOf(event: LedgerEvent): Array<[string, bigint]> {
  if ('tradeId' in event) {
    return [
      [event.tokenIn, -BigInt(event.amountIn)],
      [event.tokenOut, BigInt(event.amountOut)],
    ];
  }
  return [[event.token, event.direction === 'in' ? BigInt(event.amount) : -BigInt(event.amount)]];
}

/**
 * The outside world of one seed: a few users trading WETH against USDC on one chain, a WETH price walking, and the
 * producers' faults — a trade sent twice, a trade retracted by a reorg, a record that breaks the contract. Everything
 * enters through the public topics, as ingestion or a trade-producing service would publish it. It remembers what it
 * sent, so invariants can recompute what the services should hold.
 */
export class SimWorld {
  readonly users: string[];
  /** Every contract-valid ledger event sent, by id (a resend is the same payload). */
  readonly sent = new Map<string, LedgerEvent>();
  readonly retracted = new Set<string>();
  malformedSent = 0;
  private priceUsd = 3000;
  private nextId = 0;
  /** WETH each user holds by what the world sent (live events only), to keep sells within holdings. */
  private readonly holdings = new Map<string, bigint>();

  constructor(
    private readonly prefix: string,
    private readonly random: SimRandom,
    private readonly publisher: EventPublisher,
    private readonly now: () => number,
    userCount: number,
  ) {
    this.users = Array.from({ length: userCount }, (_, i) => `${prefix}-u${i}`);
  }

  /** The first prices, so trades are valued from the start. */
  async open(): Promise<void> {
    await this.publisher.publish(Topics.prices, [this.tick(WETH, String(this.priceUsd)), this.tick(USDC, '1')]);
  }

  /** One action of the world, chosen by the seed; answers what it did, for the trace. */
  async act(): Promise<string> {
    const roll = this.random.next();
    if (roll < 0.12) return this.movePrice();
    if (roll < 0.22) return this.deposit();
    if (roll < 0.62) return this.buy();
    if (roll < 0.82) return this.sell();
    if (roll < 0.9) return this.resend();
    if (roll < 0.97) return this.retract();
    return this.malformed();
  }

  private async movePrice(): Promise<string> {
    // A random walk with a crash now and then: enough to move exposure across the limit both ways.
    const move = this.random.chance(0.1) ? -0.3 : (this.random.next() - 0.5) * 0.1;
    this.priceUsd = Math.max(100, Math.round(this.priceUsd * (1 + move)));
    await this.publisher.publish(Topics.prices, [this.tick(WETH, String(this.priceUsd))]);
    return `price WETH ${this.priceUsd}`;
  }

  private async deposit(): Promise<string> {
    const transfer: Transfer = {
      kind: 'transfer',
      transferId: this.id('d'),
      userId: this.random.pick(this.users),
      chainId: 1,
      token: USDC,
      direction: 'in',
      amount: String(BigInt(this.random.int(1, 50)) * 1_000n * ONE_USDC),
      timestamp: this.now(),
    };
    await this.send(transfer);
    return `deposit ${transfer.transferId} ${transfer.userId}`;
  }

  private async buy(): Promise<string> {
    // Up to 40 WETH at ~3,000: one trade can take a user past the 100,000 USD exposure limit.
    const weth = BigInt(this.random.int(1, 40));
    const trade = this.swap(this.random.pick(this.users), USDC, WETH, weth * BigInt(this.priceUsd) * ONE_USDC, weth * ONE_WETH);
    await this.send(trade);
    return `buy ${trade.tradeId} ${trade.userId} ${weth} WETH`;
  }

  private async sell(): Promise<string> {
    const holders = this.users.filter((u) => (this.holdings.get(u) ?? 0n) >= ONE_WETH);
    if (holders.length === 0) return this.buy();
    const userId = this.random.pick(holders);
    const weth = BigInt(this.random.int(1, Number((this.holdings.get(userId) as bigint) / ONE_WETH)));
    const trade = this.swap(userId, WETH, USDC, weth * ONE_WETH, weth * BigInt(this.priceUsd) * ONE_USDC);
    await this.send(trade);
    return `sell ${trade.tradeId} ${userId} ${weth} WETH`;
  }

  /** A producer's retry: the same event again, byte for byte. */
  private async resend(): Promise<string> {
    const ids = [...this.sent.keys()];
    if (ids.length === 0) return this.buy();
    const event = this.sent.get(this.random.pick(ids)) as LedgerEvent;
    await this.publisher.publish(Topics.trades, [event]);
    return `resend ${eventIdOf(event)}`;
  }

  /** A reorg removed a swap's log: ingestion retracts it (only swaps that are still live and keep holdings ≥ 0). */
  private async retract(): Promise<string> {
    const live = [...this.sent.values()].filter(
      (e): e is Trade => 'tradeId' in e && !this.retracted.has(e.tradeId) && (e.tokenOut !== WETH || (this.holdings.get(e.userId) ?? 0n) >= BigInt(e.amountOut)),
    );
    if (live.length === 0) return this.buy();
    const trade = this.random.pick(live);
    const retraction: TradeRetraction = { kind: 'retraction', tradeId: trade.tradeId, userId: trade.userId, chainId: 1, reason: 'log removed', timestamp: this.now() };
    this.retracted.add(trade.tradeId);
    this.hold(trade, -1n);
    await this.publisher.publish(Topics.trades, [retraction]);
    return `retract ${trade.tradeId} ${trade.userId}`;
  }

  /** A producer that breaks the contract: it must end in the DLQ, never in a ledger. */
  private async malformed(): Promise<string> {
    const bad = { ...this.swap(this.random.pick(this.users), USDC, WETH, 1n, 1n), amountIn: '-5' };
    this.malformedSent++;
    await this.publisher.publishRaw(Topics.trades, [{ key: bad.userId, value: JSON.stringify(bad) }]);
    return `malformed ${bad.tradeId}`;
  }

  private async send(event: LedgerEvent): Promise<void> {
    this.sent.set(eventIdOf(event), event);
    this.hold(event, 1n);
    await this.publisher.publish(Topics.trades, [event]);
  }

  private hold(event: LedgerEvent, sign: bigint): void {
    for (const [token, delta] of deltasOf(event)) if (token === WETH) this.holdings.set(event.userId, (this.holdings.get(event.userId) ?? 0n) + sign * delta);
  }

  private swap(userId: string, tokenIn: string, tokenOut: string, amountIn: bigint, amountOut: bigint): Trade {
    return { tradeId: this.id('t'), userId, chainId: 1, dex: 'uniswap-v3', tokenIn, tokenOut, amountIn: String(amountIn), amountOut: String(amountOut), timestamp: this.now() };
  }

  private tick(token: string, priceUsd: string): PriceTick {
    return { chainId: 1, token, priceUsd, timestamp: this.now(), source: 'simulation' };
  }

  private id(kind: string): string {
    return `${this.prefix}-${kind}${this.nextId++}`;
  }
}

import type { Trade } from '@hyperdex/contracts';
import { nowMs } from './clock';
import type { JsonPoster, StatusCounts } from './json-poster';
import type { Random } from './random';
import type { Phase, TradeTracker } from './trade-tracker';
import type { BenchToken, TradeFactory } from './universe';

/** What the load phases share: the users, how to make and post trades, and where outcomes are recorded. */
export interface PhaseContext {
  readonly tracker: TradeTracker;
  readonly poster: JsonPoster;
  readonly factory: TradeFactory;
  readonly users: readonly string[];
  /** The tokens each user (by index) trades. */
  readonly holdings: readonly (readonly BenchToken[])[];
  readonly random: Random;
  /** Every trade posted in the run with its answer: the exactness check's expectation. */
  readonly posted: Array<{ trade: Trade; status?: number | string }>;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
}

/** A small trade of user `userIndex` in one of their tokens. */
export function smallTradeOf(ctx: PhaseContext, phase: Phase, userIndex: number): Trade {
  const held = ctx.holdings[userIndex] as readonly BenchToken[];
  return ctx.factory.small(phase, ctx.users[userIndex] as string, held[ctx.random.int(held.length)] as BenchToken);
}

/** POSTs one trade without waiting (open loop); its answer is recorded when it comes. */
export function postTrade(ctx: PhaseContext, trade: Trade, phase: Phase, statuses: StatusCounts, expectsAlert = false): Promise<void> {
  const record: { trade: Trade; status?: number | string } = { trade };
  ctx.posted.push(record);
  ctx.tracker.posted(trade, phase, nowMs(), expectsAlert);
  return ctx.poster.post('/v1/trades', trade).then((answer) => {
    record.status = answer.status;
    ctx.tracker.answered(trade.tradeId, answer.status, nowMs());
    statuses.add(answer.status);
  });
}

/** POSTs trades as one `{"trades":[...]}` batch and waits for the answer (all or nothing). */
export async function postBatch(ctx: PhaseContext, trades: readonly Trade[], phase: Phase, statuses: StatusCounts): Promise<void> {
  const records = trades.map((trade) => ({ trade }) as { trade: Trade; status?: number | string });
  ctx.posted.push(...records);
  const sentAt = nowMs();
  for (const t of trades) ctx.tracker.posted(t, phase, sentAt);
  const answer = await ctx.poster.post('/v1/trades', { trades });
  const answeredAt = nowMs();
  statuses.add(answer.status);
  for (const r of records) {
    r.status = answer.status;
    ctx.tracker.answered(r.trade.tradeId, answer.status, answeredAt);
  }
}

import type { Trade } from '@hyperdex/contracts';
import { nowMs, waitFor } from './clock';
import { StatusCounts } from './json-poster';
import { summarizeLatencies, type LatencySummary } from './latency-summary';
import { latencyTimeline, type TimelineWindow } from './latency-timeline';
import { achievedRate, planSends, runOpenLoop, type PlannedSend } from './load-generator';
import { postTrade, smallTradeOf, type PhaseContext } from './phase-context';
import type { Phase, TrackedTrade } from './trade-tracker';

export interface LatencyPhaseOptions {
  readonly rate: number;
  readonly seconds: number;
  readonly breachShare: number;
  readonly warmupSeconds: number;
  readonly drainSeconds: number;
}

export interface LatencyPhaseResult {
  readonly rate: number;
  readonly seconds: number;
  readonly users: number;
  readonly breachUsers: number;
  readonly warmupTrades: number;
  /** Trades the schedule held (regular + breaking). */
  readonly planned: number;
  readonly sent: number;
  readonly achievedRate: number | null;
  /** Actual − scheduled send time: the generator's own lateness. */
  readonly sendLag: LatencySummary;
  /** HTTP answers by status when the wait ended. */
  readonly statuses: Record<string, number>;
  /** Trades accepted or still unanswered when the wait ended: the ones the figures below are over. */
  readonly owed: number;
  /** POST sent → ingestion's answer (202 once Kafka has the record), over every POST of the phase. */
  readonly answer: LatencySummary;
  /** POST sent → first `exposure` covering the trade; refused trades left out, unanswered ones count as missing. */
  readonly exposure: LatencySummary;
  /** POST sent → first `risk-metrics` covering the trade. */
  readonly metrics: LatencySummary;
  /** POST of the breaking trade → the user's MaxExposure `alert`. */
  readonly alert: LatencySummary;
  /** POST → exposure by when the trade was sent, in tenths of the phase: a queue growing, or one stall. */
  readonly exposureTimeline: TimelineWindow[];
  readonly drainSeconds: number;
  readonly drained: boolean;
  /** POSTs without an answer when the wait ended. */
  readonly unanswered: number;
  /** When the wait ended (epoch ms): later arrivals are not this phase's. */
  readonly endedAt: number;
}

type Send = { kind: 'small'; user: number } | { kind: 'breach'; user: number };

const TIMELINE_WINDOWS = 10;

/**
 * Open loop at `rate` trades/s, one trade per POST, round-robin over the users; a share of the users get one
 * limit-breaking trade each at a random moment. Every trade is timed from its POST to the first dashboard event
 * that covers it; a short low-rate warm-up (JIT, connection pools, consumer fetch sessions) comes first and is
 * left out of the figures.
 */
export async function runLatencyPhase(ctx: PhaseContext, options: LatencyPhaseOptions): Promise<LatencyPhaseResult> {
  const statuses = new StatusCounts();
  const warmupStatuses = new StatusCounts();
  const send = (phase: Phase) => (s: Send) => {
    const trade: Trade = s.kind === 'breach' ? ctx.factory.breach(phase, ctx.users[s.user] as string) : smallTradeOf(ctx, phase, s.user);
    void postTrade(ctx, trade, phase, phase === 'warmup' ? warmupStatuses : statuses, s.kind === 'breach');
  };
  const users = ctx.users.length;

  const warmupRate = Math.max(10, Math.min(100, options.rate / 10));
  const warmup = planSends<Send>(warmupRate, options.warmupSeconds, (i) => ({ kind: 'small', user: i % users }));
  if (warmup.length) {
    ctx.log(`latency: warm-up, ${warmup.length} trades at ${warmupRate}/s (not counted)`);
    await runOpenLoop(warmup, send('warmup'), ctx.signal);
    await waitFor(() => ctx.tracker.outstanding('warmup').exposure === 0, 10_000, ctx.signal);
  }

  const breachCount = Math.round(users * options.breachShare);
  const breachUsers = shuffled(users, ctx).slice(0, breachCount);
  const extras: PlannedSend<Send>[] = breachUsers.map((user) => ({
    offsetMs: (0.1 + 0.8 * ctx.random.next()) * options.seconds * 1000,
    item: { kind: 'breach', user },
  }));
  const plan = planSends<Send>(options.rate, options.seconds, (i) => ({ kind: 'small', user: i % users }), extras);
  ctx.log(`latency: ${plan.length} trades at ${options.rate}/s for ${options.seconds} s over ${users} users (${breachCount} limit-breaking)`);
  const run = await runOpenLoop(plan, send('latency'), ctx.signal);

  ctx.log(`latency: sent; waiting up to ${options.drainSeconds} s for the events`);
  const drainStart = nowMs();
  const drained = await waitFor(
    () => {
      const o = ctx.tracker.outstanding('latency');
      return o.exposure + o.metrics + o.alert === 0 && ctx.tracker.unanswered('latency') === 0;
    },
    options.drainSeconds * 1000,
    ctx.signal,
    100,
  );
  const owed = ctx.tracker.owed('latency');
  return {
    rate: options.rate,
    seconds: options.seconds,
    users,
    breachUsers: breachCount,
    warmupTrades: warmup.length,
    planned: plan.length,
    sent: run.sent,
    achievedRate: achievedRate(run),
    sendLag: summarizeLatencies(run.lagMs),
    // A snapshot: answers still trickle in after the wait, and the figures below are as of now.
    statuses: { ...statuses.counts },
    owed: owed.length,
    answer: latencies(ctx.tracker.phase('latency'), (t) => t.answeredAt),
    exposure: latencies(owed, (t) => t.exposureAt),
    metrics: latencies(owed, (t) => t.metricsAt),
    alert: latencies(
      owed.filter((t) => t.expectsAlert),
      (t) => t.alertAt,
    ),
    exposureTimeline: latencyTimeline(
      owed.map((t) => ({ sentAt: t.sentAt, arrivedAt: t.exposureAt })),
      TIMELINE_WINDOWS,
    ),
    drainSeconds: (nowMs() - drainStart) / 1000,
    drained,
    unanswered: ctx.tracker.unanswered('latency'),
    endedAt: nowMs(),
  };
}

/** Sent → arrival over the trades, those without an arrival counted missing. */
export function latencies(trades: readonly TrackedTrade[], arrival: (t: TrackedTrade) => number | undefined): LatencySummary {
  const samples: number[] = [];
  let missing = 0;
  for (const t of trades) {
    const at = arrival(t);
    if (at === undefined) missing++;
    else samples.push(at - t.sentAt);
  }
  return summarizeLatencies(samples, missing);
}

function shuffled(n: number, ctx: PhaseContext): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = ctx.random.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

import type { Trade } from '@hyperdex/contracts';
import { nowMs, waitFor } from './clock';
import { StatusCounts } from './json-poster';
import { postBatch, smallTradeOf, type PhaseContext } from './phase-context';
import type { TrackedTrade } from './trade-tracker';

export interface ThroughputPhaseOptions {
  readonly trades: number;
  readonly batch: number;
  readonly inFlight: number;
  readonly drainSeconds: number;
  /** No new POST after this long: an overloaded ingestion must not stretch the run without bound. */
  readonly postDeadlineSeconds: number;
}

/** How many trades came out of one end of the pipeline, and how fast. */
export interface DeliveryRate {
  /** Accepted trades that arrived (covered by an event on a dashboard). */
  readonly delivered: number;
  /** First POST → last arrival, s. */
  readonly seconds: number | null;
  readonly tradesPerSec: number | null;
  /** False when some accepted trades never arrived: the rate is then what was delivered within the wait. */
  readonly complete: boolean;
}

export interface ThroughputPhaseResult {
  readonly trades: number;
  readonly batch: number;
  readonly inFlight: number;
  readonly posts: number;
  /** Trades actually posted: fewer than `trades` when the posting deadline passed first. */
  readonly posted: number;
  readonly statuses: Record<string, number>;
  /** Trades answered 202. */
  readonly accepted: number;
  /** First POST → last answer. */
  readonly postSeconds: number;
  /** Accepted trades per second at the door (ingestion + Kafka acknowledgement only). */
  readonly acceptedPerSec: number;
  /** End to end through positions to the dashboards: the phase's headline figure. */
  readonly exposure: DeliveryRate;
  /** End to end through risk to the dashboards. */
  readonly metrics: DeliveryRate;
  /** Earlier trades still without their exposure when the phase began (a backlog it had to get through first). */
  readonly backlogAtStart: number;
  readonly drained: boolean;
  readonly drainSeconds: number;
  /** When the wait ended (epoch ms): later arrivals are not this phase's. */
  readonly endedAt: number;
}

/**
 * Closed loop for throughput: `trades` in `{"trades":[...]}` batches of `batch`, `inFlight` POSTs at a time, round
 * robin over the users. The rate is trades / (first POST → the last trade's exposure seen on a dashboard): what the
 * whole pipeline delivered, not what ingestion took in.
 */
export async function runThroughputPhase(ctx: PhaseContext, options: ThroughputPhaseOptions, backlogAtStart: number): Promise<ThroughputPhaseResult> {
  const statuses = new StatusCounts();
  const users = ctx.users.length;
  const posts = Math.ceil(options.trades / options.batch);
  let nextPost = 0;
  let made = 0;
  ctx.log(`throughput: ${options.trades} trades in ${posts} POSTs of ${options.batch}, ${options.inFlight} in flight`);
  const firstPostAt = nowMs();
  const deadline = firstPostAt + options.postDeadlineSeconds * 1000;
  let lastAnswerAt = firstPostAt;
  await Promise.all(
    Array.from({ length: Math.min(options.inFlight, posts) }, async () => {
      while (nextPost < posts && !ctx.signal.aborted && nowMs() < deadline) {
        nextPost++;
        const size = Math.min(options.batch, options.trades - made);
        const trades: Trade[] = Array.from({ length: size }, () => smallTradeOf(ctx, 'throughput', made++ % users));
        await postBatch(ctx, trades, 'throughput', statuses);
        lastAnswerAt = nowMs();
      }
    }),
  );
  const postSeconds = (lastAnswerAt - firstPostAt) / 1000;
  const cut = made < options.trades ? ` (only ${made} of ${options.trades}: the ${options.postDeadlineSeconds} s posting deadline passed)` : '';
  ctx.log(`throughput: posted in ${postSeconds.toFixed(1)} s${cut}; waiting up to ${options.drainSeconds} s for the events`);
  const drainStart = nowMs();
  const drained = await waitFor(
    () => {
      const o = ctx.tracker.outstanding('throughput');
      return o.exposure + o.metrics === 0;
    },
    options.drainSeconds * 1000,
    ctx.signal,
    100,
  );
  const accepted = ctx.tracker.owed('throughput');
  return {
    trades: options.trades,
    batch: options.batch,
    inFlight: options.inFlight,
    posts: nextPost,
    posted: made,
    statuses: { ...statuses.counts },
    accepted: accepted.length,
    postSeconds,
    acceptedPerSec: accepted.length / Math.max(postSeconds, 1e-3),
    exposure: deliveryRate(accepted, firstPostAt, (t) => t.exposureAt),
    metrics: deliveryRate(accepted, firstPostAt, (t) => t.metricsAt),
    backlogAtStart,
    drained,
    drainSeconds: (nowMs() - drainStart) / 1000,
    endedAt: nowMs(),
  };
}

export function deliveryRate(accepted: readonly TrackedTrade[], firstPostAt: number, arrival: (t: TrackedTrade) => number | undefined): DeliveryRate {
  let delivered = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of accepted) {
    const at = arrival(t);
    if (at === undefined) continue;
    delivered++;
    last = Math.max(last, at);
  }
  if (delivered === 0) return { delivered, seconds: null, tradesPerSec: null, complete: accepted.length === 0 };
  const seconds = (last - firstPostAt) / 1000;
  return { delivered, seconds, tradesPerSec: delivered / seconds, complete: delivered === accepted.length };
}

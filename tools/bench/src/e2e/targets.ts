import type { KafkaLimit } from './bare-kafka-limit';
import type { ExactnessResult } from './exactness';
import type { LatencyPhaseResult } from './latency-phase';
import { formatMs } from './latency-summary';
import type { ThroughputPhaseResult } from './throughput-phase';

/**
 * The targets of GitHub issue 21, checked against a run. They are reported, never asserted: a missed target is a
 * finding, and the process still exits 0.
 */
export interface TargetCheck {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  /** null when the run did not measure it (phase skipped, nothing arrived to compare). */
  readonly met: boolean | null;
  readonly note?: string;
}

/** Kafka hops between a POST and the dashboard: POST→trades, trades→positions, positions→gateway. */
export const EXPOSURE_HOPS = 3;
/** POST→trades, trades→positions, positions→risk-alerts, risk-alerts→notifications, notifications→gateway. */
export const ALERT_HOPS = 5;
/** The issue states its latency targets for this load. */
export const ISSUE_LOAD = { rate: 1000, users: 500, batch: 100 } as const;

export interface TargetInputs {
  readonly limit?: KafkaLimit;
  readonly latency?: LatencyPhaseResult;
  readonly throughput?: ThroughputPhaseResult;
  readonly exactness?: ExactnessResult;
}

const rate = (n: number | null) => (n === null ? '–' : `${Math.round(n).toLocaleString('en-US')}/s`);

export function checkTargets({ limit, latency, throughput, exactness }: TargetInputs): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const bareRate = limit?.produceConsume.msgsPerSec ?? null;
  const hopP99 = limit?.oneHop.p99Ms ?? null;

  if (throughput) {
    const r = throughput.exposure;
    const partial = r.complete ? undefined : `only ${r.delivered.toLocaleString('en-US')} of ${throughput.accepted.toLocaleString('en-US')} accepted trades arrived within the wait`;
    const batchNote = throughput.batch !== ISSUE_LOAD.batch ? `run in batches of ${throughput.batch}; the target is stated for ${ISSUE_LOAD.batch}` : undefined;
    const note = [partial, batchNote].filter(Boolean).join('; ') || undefined;
    checks.push({
      name: 'throughput, batches of 100',
      target: '≥ 5,000 trades/s',
      measured: rate(r.tradesPerSec),
      met: r.tradesPerSec === null ? false : r.complete && r.tradesPerSec >= 5000,
      note,
    });
    checks.push({
      name: 'throughput vs bare Kafka produce+consume',
      target: '≥ 50 %',
      measured: r.tradesPerSec === null || bareRate === null ? '–' : `${((100 * r.tradesPerSec) / bareRate).toFixed(1)} % of ${rate(bareRate)}`,
      met: bareRate === null ? null : r.tradesPerSec !== null && r.complete && r.tradesPerSec >= 0.5 * bareRate,
      note,
    });
  }

  if (latency) {
    const load =
      latency.rate !== ISSUE_LOAD.rate || latency.users !== ISSUE_LOAD.users
        ? `run at ${latency.rate}/s over ${latency.users} users; the target is stated for ${ISSUE_LOAD.rate}/s over ${ISSUE_LOAD.users}`
        : undefined;
    const beyond = `>${latency.drainSeconds.toFixed(0)} s (missing)`;
    const p99 = (p: number | null, limitMs: number | null) => (limitMs === null ? null : p !== null && p <= limitMs);
    checks.push({ name: 'POST → exposure p99', target: '≤ 50 ms', measured: formatMs(latency.exposure.p99Ms, beyond), met: p99(latency.exposure.p99Ms, 50), note: load });
    if (latency.breachUsers > 0) {
      checks.push({ name: 'POST → alert p99', target: '≤ 100 ms', measured: formatMs(latency.alert.p99Ms, beyond), met: p99(latency.alert.p99Ms, 100), note: load });
    }
    if (hopP99 !== null) {
      const exposureLimit = 5 * hopP99 * EXPOSURE_HOPS;
      checks.push({
        name: 'POST → exposure p99 vs Kafka',
        target: `≤ 5 × one-hop p99 × ${EXPOSURE_HOPS} hops = ${formatMs(exposureLimit)}`,
        measured: formatMs(latency.exposure.p99Ms, beyond),
        met: p99(latency.exposure.p99Ms, exposureLimit),
      });
      if (latency.breachUsers > 0) {
        const alertLimit = 5 * hopP99 * ALERT_HOPS;
        checks.push({
          name: 'POST → alert p99 vs Kafka',
          target: `≤ 5 × one-hop p99 × ${ALERT_HOPS} hops = ${formatMs(alertLimit)}`,
          measured: formatMs(latency.alert.p99Ms, beyond),
          met: p99(latency.alert.p99Ms, alertLimit),
        });
      }
    }
  }

  if (latency || throughput || exactness) {
    const parts: string[] = [];
    let total = 0;
    const add = (label: string, n: number) => {
      total += n;
      if (n > 0) parts.push(`${n.toLocaleString('en-US')} ${label}`);
    };
    if (latency) {
      add('exposures (latency phase)', latency.exposure.missing);
      add('risk-metrics (latency phase)', latency.metrics.missing);
      add('alerts (latency phase)', latency.alert.missing);
    }
    if (throughput) {
      add('exposures (throughput phase)', throughput.accepted - throughput.exposure.delivered);
      add('risk-metrics (throughput phase)', throughput.accepted - throughput.metrics.delivered);
    }
    if (exactness) {
      add('trades not in the ledger', exactness.missing);
      add('wrong ledger balances', exactness.balanceMismatches);
      add('users with unexplained ledger counts', exactness.usersWithUnexplainedCountMismatch);
    }
    checks.push({ name: 'missing events and ledger errors', target: '0', measured: parts.length ? parts.join(', ') : '0', met: total === 0 });
  }
  return checks;
}

import type { KafkaLimit } from './bare-kafka-limit';
import type { LatencyPhaseResult } from './latency-phase';
import { summarizeLatencies } from './latency-summary';
import { checkTargets } from './targets';
import type { ThroughputPhaseResult } from './throughput-phase';

const limit = {
  produceConsume: { msgsPerSec: 20_000 },
  oneHop: { ...summarizeLatencies([2, 3, 4]), messages: 3, consumerMaxWaitMs: 10 },
} as unknown as KafkaLimit;

const latency = (exposure: number[], missing: number, alert: number[]): LatencyPhaseResult =>
  ({
    rate: 1000,
    users: 500,
    breachUsers: alert.length,
    drainSeconds: 30,
    exposure: summarizeLatencies(exposure, missing),
    metrics: summarizeLatencies(exposure),
    alert: summarizeLatencies(alert),
  }) as unknown as LatencyPhaseResult;

const throughput = (tradesPerSec: number, delivered: number): ThroughputPhaseResult =>
  ({
    batch: 100,
    accepted: 20_000,
    exposure: { delivered, seconds: delivered / tradesPerSec, tradesPerSec, complete: delivered === 20_000 },
    metrics: { delivered: 20_000, seconds: 1, tradesPerSec: 1, complete: true },
  }) as unknown as ThroughputPhaseResult;

const met = (checks: ReturnType<typeof checkTargets>) => Object.fromEntries(checks.map((c) => [c.name, c.met]));

describe('checkTargets', () => {
  it('meets every target of the issue on a fast, complete run', () => {
    const checks = checkTargets({ limit, latency: latency([10, 20, 30], 0, [40, 50]), throughput: throughput(12_000, 20_000) });
    expect(met(checks)).toEqual({
      'throughput, batches of 100': true,
      'throughput vs bare Kafka produce+consume': true,
      'POST → exposure p99': true,
      'POST → alert p99': true,
      'POST → exposure p99 vs Kafka': true,
      'POST → alert p99 vs Kafka': true,
      'missing events and ledger errors': true,
    });
    // 5 × bare one-hop p99 (4 ms) × 3 hops.
    expect(checks.find((c) => c.name === 'POST → exposure p99 vs Kafka')?.target).toContain('60.0 ms');
  });

  it('misses when events are missing, even if the survivors were fast, and when the rate was not complete', () => {
    const checks = checkTargets({ limit, latency: latency([10], 5, [20]), throughput: throughput(9000, 15_000) });
    expect(met(checks)).toMatchObject({
      'throughput, batches of 100': false,
      'POST → exposure p99': false,
      'missing events and ledger errors': false,
    });
    expect(checks.find((c) => c.name === 'missing events and ledger errors')?.measured).toContain('5 exposures (latency phase), 5,000 exposures (throughput phase)');
    expect(checks.find((c) => c.name === 'POST → exposure p99')?.measured).toBe('>30 s (missing)');
  });

  it('cannot judge against Kafka without the limit phase, and notes a load other than the issue’s', () => {
    const lighter = { ...latency([10], 0, []), rate: 200, users: 100 } as LatencyPhaseResult;
    const checks = checkTargets({ latency: lighter });
    expect(checks.map((c) => c.name)).toEqual(['POST → exposure p99', 'missing events and ledger errors']);
    expect(checks[0]?.note).toContain('run at 200/s over 100 users');
  });
});

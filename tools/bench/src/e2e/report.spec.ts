import type { E2eRecord } from './e2e-record';
import { summarizeLatencies } from './latency-summary';
import type { LatencyPhaseResult } from './latency-phase';
import { formatReport } from './report';

const record = (overrides: Partial<E2eRecord>): E2eRecord =>
  ({
    suite: 'e2e',
    at: '2026-01-01T00:00:00.000Z',
    revision: 'abc1234-dirty',
    node: 'v20.0.0',
    cpu: 'Test CPU',
    cores: 2,
    machineReferenceMicros: 4000,
    options: { stack: 'started', gatewayUrl: 'http://127.0.0.1:5000', ingestionUrl: 'http://127.0.0.1:5001', brokers: ['127.0.0.1:29092'] },
    setupSeconds: { broker: 7.5 },
    totalSeconds: 200,
    problems: [],
    ...overrides,
  }) as E2eRecord;

describe('formatReport', () => {
  it('prints the latency table with missing events as beyond the wait', () => {
    const latency = {
      rate: 1000,
      seconds: 20,
      users: 500,
      breachUsers: 50,
      warmupTrades: 300,
      planned: 20_050,
      sent: 20_050,
      achievedRate: 999,
      sendLag: summarizeLatencies([1, 2]),
      statuses: { '202': 20_050 },
      owed: 20_050,
      answer: summarizeLatencies([5, 6]),
      exposure: summarizeLatencies([10, 20], 3),
      metrics: summarizeLatencies([30, 40]),
      alert: summarizeLatencies([50]),
      exposureTimeline: [
        { fromSecond: 0, toSecond: 10, latency: summarizeLatencies([10]) },
        { fromSecond: 10, toSecond: 20, latency: summarizeLatencies([20], 3) },
      ],
      drainSeconds: 30,
      drained: false,
      unanswered: 0,
      endedAt: 0,
    } as LatencyPhaseResult;
    const text = formatReport(record({ latency }));
    expect(text).toContain('revision abc1234-dirty');
    expect(text).toContain('Latency phase: 1,000 trades/s for 20 s over 500 users (50 limit-breaking trades)');
    expect(text).toMatch(/POST → exposure\s+2\s+3\s+>30 s\s+>30 s\s+20\.0 ms/);
    // By when the trade was sent: the second half queued, its missing events ranked beyond the wait.
    expect(text).toContain('POST → exposure by when the trade was sent (2 slices of 10.0 s):');
    expect(text).toMatch(/p50 10\.0 ms · >30 s/);
  });

  it('lists targets with their verdicts and the run’s problems', () => {
    const text = formatReport(
      record({
        targets: [
          { name: 'POST → exposure p99', target: '≤ 50 ms', measured: '12.0 ms', met: true },
          { name: 'throughput, batches of 100', target: '≥ 5,000 trades/s', measured: '400/s', met: false, note: 'only some arrived' },
        ],
        problems: ['positions exited (SIGKILL) during the run'],
      }),
    );
    expect(text).toMatch(/met\s+POST → exposure p99/);
    expect(text).toMatch(/MISSED throughput, batches of 100/);
    expect(text).toContain('(only some arrived)');
    expect(text).toContain('positions exited (SIGKILL) during the run');
  });
});

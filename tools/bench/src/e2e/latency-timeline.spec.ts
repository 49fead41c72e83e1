import { latencyTimeline } from './latency-timeline';

describe('latencyTimeline', () => {
  it('shows a queue growing window after window when the stack is slower than the offered rate', () => {
    // 10 s of sends, each answered later than the one before: 100 ms more per second of the phase.
    const samples = Array.from({ length: 100 }, (_, i) => ({ sentAt: 1_000 + i * 100, arrivedAt: 1_000 + i * 100 + 50 + i * 10 }));
    const windows = latencyTimeline(samples, 5);
    expect(windows.map((w) => w.latency.count)).toEqual([20, 20, 20, 20, 20]);
    const p50s = windows.map((w) => w.latency.p50Ms as number);
    for (let i = 1; i < p50s.length; i++) expect(p50s[i]).toBeGreaterThan(p50s[i - 1] as number);
    expect(windows[0]?.fromSecond).toBe(0);
    expect(windows[4]?.toSecond).toBeCloseTo(9.9, 5);
  });

  it('confines a stall to its window and counts what never arrived there', () => {
    const samples = Array.from({ length: 40 }, (_, i) => {
      const sentAt = i * 250;
      const stalled = sentAt >= 5_000 && sentAt < 7_500;
      return { sentAt, arrivedAt: i === 39 ? undefined : sentAt + (stalled ? 3_000 : 20) };
    });
    const windows = latencyTimeline(samples, 4);
    expect(windows.map((w) => w.latency.p50Ms)).toEqual([20, 20, 3_000, 20]);
    expect(windows[3]?.latency.missing).toBe(1);
  });

  it('is empty without samples', () => {
    expect(latencyTimeline([], 10)).toEqual([]);
  });
});

import type { PriceCause } from './cause-folding';
import { PriceRevaluationScheduler } from './price-revaluation-scheduler';
import { USDC, WETH } from './testing/ledger-events';

const price = (token: string): PriceCause => ({ kind: 'price', chainId: 1, token });

/** A scheduler whose revaluations take the marks, as PortfolioService does, and record what they published. */
function harness(intervalMs: number, batchSize = 500) {
  const published: Array<Array<[string, PriceCause[]]>> = [];
  const failures: Array<readonly string[]> = [];
  let failNext = false;
  const scheduler: PriceRevaluationScheduler = new PriceRevaluationScheduler(
    { intervalMs, batchSize },
    async (userIds) => {
      const taken = userIds.map((u): [string, PriceCause[]] => [u, scheduler.take(u)]).filter(([, causes]) => causes.length > 0);
      if (failNext) {
        failNext = false;
        for (const [u, causes] of taken) scheduler.restore(u, causes);
        throw new Error('broker down');
      }
      if (taken.length > 0) published.push(taken);
    },
    (_error, userIds) => failures.push(userIds),
  );
  return { scheduler, published, failures, failOnce: () => (failNext = true) };
}

describe('PriceRevaluationScheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('publishes nothing before the interval, then one update per dirty user naming each token that moved once', async () => {
    const { scheduler, published } = harness(1_000);
    scheduler.markDirty('alice', price(WETH));
    scheduler.markDirty('bob', price(WETH));
    scheduler.markDirty('alice', price(USDC));
    scheduler.markDirty('alice', price(WETH));
    await jest.advanceTimersByTimeAsync(999);
    expect(published).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(published).toEqual([
      [
        ['alice', [price(WETH), price(USDC)]],
        ['bob', [price(WETH)]],
      ],
    ]);
    expect(scheduler.pendingUsers).toBe(0);
  });

  it('gives a user at most one price-driven update per interval, however many ticks arrive', async () => {
    const { scheduler, published } = harness(1_000);
    scheduler.markDirty('alice', price(WETH));
    await jest.advanceTimersByTimeAsync(1_000);
    for (let i = 0; i < 10; i++) {
      scheduler.markDirty('alice', price(WETH));
      await jest.advanceTimersByTimeAsync(99);
    }
    expect(published).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(10);
    expect(published).toHaveLength(2);
    expect(published[1]).toEqual([['alice', [price(WETH)]]]);
  });

  it('publishes a burst in runs of batchSize users, one after another', async () => {
    const { scheduler, published } = harness(1_000, 400);
    for (let i = 0; i < 1_000; i++) scheduler.markDirty(`user-${i}`, price(WETH));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(published.map((run) => run.length)).toEqual([400, 400, 200]);
    expect(published.flat().map(([u]) => u)).toEqual(Array.from({ length: 1_000 }, (_, i) => `user-${i}`));
  });

  it('leaves nothing to publish for a user whose ledger update already took the marks', async () => {
    const { scheduler, published } = harness(1_000);
    scheduler.markDirty('alice', price(WETH));
    scheduler.markDirty('bob', price(WETH));
    expect(scheduler.take('alice')).toEqual([price(WETH)]);
    expect(scheduler.take('alice')).toEqual([]);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(published).toEqual([[['bob', [price(WETH)]]]]);
  });

  it('keeps the users of a failed run dirty and retries them later, older moves first', async () => {
    const { scheduler, published, failures, failOnce } = harness(1_000);
    scheduler.markDirty('alice', price(WETH));
    failOnce();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(failures).toEqual([['alice']]);
    expect(published).toEqual([]);
    scheduler.markDirty('alice', price(USDC));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(published).toEqual([[['alice', [price(WETH), price(USDC)]]]]);
  });

  it('with an interval of 0 arms no timer: the owner flushes after each chunk', async () => {
    const { scheduler, published } = harness(0);
    scheduler.markDirty('alice', price(WETH));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(published).toEqual([]);
    await scheduler.flushNow();
    expect(published).toEqual([[['alice', [price(WETH)]]]]);
  });

  it('stops arming timers once stopped', async () => {
    const { scheduler, published } = harness(1_000);
    scheduler.markDirty('alice', price(WETH));
    scheduler.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(published).toEqual([]);
  });
});

import { createLogger } from '@hyperdex/observability';
import { FollowerLoop, type Steppable } from './follower-loop';

/** A follower whose steps answer from a script: a block count, or an error to throw. */
class ScriptedFollower implements Steppable {
  readonly chainId = 1;
  steps = 0;
  private release?: () => void;
  constructor(private readonly script: Array<number | Error>, private readonly holdSecond = false) {}

  async step(): Promise<number> {
    this.steps++;
    if (this.holdSecond && this.steps === 2) await new Promise<void>((resolve) => (this.release = resolve));
    const next = this.script.shift() ?? 0;
    if (next instanceof Error) throw next;
    return next;
  }

  finishHeldStep(): void {
    this.release?.();
  }
}

const POLL_MS = 1_000;
const logger = createLogger('follower-loop-spec', 'fatal');
/**
 * Runs what is due within 5 ms, including steps scheduled at once by the steps it runs (a zero-delay timer set while
 * timers fire is due 1 ms later on the fake clock), never the next poll's.
 */
const settle = async () => {
  for (let i = 0; i < 5; i++) await jest.advanceTimersByTimeAsync(1);
};

describe('follower loop (fake clock)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('steps again at once while a step fills its block limit, then waits the poll interval', async () => {
    const follower = new ScriptedFollower([100, 100, 3]);
    const loop = new FollowerLoop(follower, POLL_MS, 100, logger);
    loop.start();
    await settle();
    expect(follower.steps).toBe(3);
    await jest.advanceTimersByTimeAsync(POLL_MS - 10);
    expect(follower.steps).toBe(3);
    await jest.advanceTimersByTimeAsync(10);
    expect(follower.steps).toBe(4);
    loop.stop();
  });

  it('cuts the wait short on wake(), and runs once more after a step that a wake() interrupted', async () => {
    const follower = new ScriptedFollower([0, 1, 0], true);
    const loop = new FollowerLoop(follower, POLL_MS, 100, logger);
    loop.start();
    await settle();
    expect(follower.steps).toBe(1);
    loop.wake();
    await settle();
    expect(follower.steps).toBe(2); // held inside the second step
    loop.wake();
    follower.finishHeldStep();
    await settle();
    expect(follower.steps).toBe(3);
    loop.stop();
  });

  it('retries a failed step at the next poll, and never steps after stop()', async () => {
    const follower = new ScriptedFollower([new Error('endpoint down'), 0]);
    const loop = new FollowerLoop(follower, POLL_MS, 100, logger);
    loop.start();
    await settle();
    expect(follower.steps).toBe(1);
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(follower.steps).toBe(2);
    loop.stop();
    loop.wake();
    await jest.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(follower.steps).toBe(2);
  });
});

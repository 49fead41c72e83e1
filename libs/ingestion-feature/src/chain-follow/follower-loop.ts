import type { Logger } from 'pino';

/** What the loop drives: one follower step, returning how many blocks it ingested. */
export interface Steppable {
  readonly chainId: number;
  step(): Promise<number>;
}

/**
 * Runs a follower's steps one at a time: again at once while a step fills its block limit (catching up), else after
 * `pollMs`; `wake()` (a new head pushed over WebSocket) cuts the wait short, or, during a step, runs one more right
 * after it. A failed step is logged and retried at the next poll from the stored cursor.
 */
export class FollowerLoop {
  private timer?: NodeJS.Timeout;
  private running = false;
  private wokenWhileRunning = false;
  private stopped = false;

  constructor(
    private readonly follower: Steppable,
    private readonly pollMs: number,
    private readonly maxBlocksPerStep: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  private async run(): Promise<void> {
    this.running = true;
    this.wokenWhileRunning = false;
    let delay = this.pollMs;
    try {
      const ingested = await this.follower.step();
      if (ingested >= this.maxBlocksPerStep || this.wokenWhileRunning) delay = 0;
    } catch (error) {
      this.logger.error({ err: error, chainId: this.follower.chainId }, 'chain follow step failed; retrying from the stored cursor');
    } finally {
      this.running = false;
    }
    this.schedule(delay);
  }
}

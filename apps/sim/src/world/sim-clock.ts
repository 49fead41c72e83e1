/** Where every seed's time starts: a fixed instant, so the same seed gives the same timestamps. */
export const SIM_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);

/**
 * The simulated clock. While a seed runs it stands in for Date.now (the services read time through it: valuations'
 * asOf, alert timestamps, broker record times), and only the scheduler moves it.
 */
export class SimClock {
  private current = SIM_EPOCH;
  private original: (() => number) | null = null;

  now = (): number => this.current;

  advance(ms: number): void {
    this.current += ms;
  }

  install(): void {
    if (this.original) return;
    this.original = Date.now;
    Date.now = this.now;
  }

  uninstall(): void {
    if (this.original) Date.now = this.original;
    this.original = null;
  }
}

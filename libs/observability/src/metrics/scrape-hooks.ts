/** Work that refreshes gauges from elsewhere (the broker, a socket server) when Prometheus scrapes, not before. */
export type ScrapeHook = () => Promise<void>;

/**
 * The hooks a registry runs on each scrape. Several gauges may ask in the same scrape: they share one run. A hook
 * that fails or takes longer than `timeoutMs` leaves its gauges as they were, so a broker outage never hangs
 * /metrics — it shows as stale figures, which the alert rules watch for.
 */
export class ScrapeHooks {
  private readonly hooks = new Set<ScrapeHook>();
  private running: Promise<void> | null = null;

  constructor(private readonly timeoutMs = 2_000) {}

  /** Registers a hook; the returned function removes it. */
  add(hook: ScrapeHook): () => void {
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  run(): Promise<void> {
    this.running ??= this.runAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runAll(): Promise<void> {
    await Promise.all([...this.hooks].map((hook) => withTimeout(hook(), this.timeoutMs).catch(() => undefined)));
  }
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`scrape hook took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

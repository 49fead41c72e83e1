/** A dependency the service cannot serve without; `check` rejects with the reason when it is not usable. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; error?: string; latencyMs: number }>;
}

/** Collects the readiness checks the service's modules register (Kafka, PostgreSQL, Redis, ...). */
export class HealthRegistry {
  private readonly checks: ReadinessCheck[] = [];

  constructor(private readonly timeoutMs = 2_000) {}

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      this.checks.map(async (c) => {
        const started = performance.now();
        try {
          await withTimeout(c.check(), this.timeoutMs, `${c.name} check timed out after ${this.timeoutMs} ms`);
          return [c.name, { ok: true, latencyMs: Math.round(performance.now() - started) }] as const;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return [c.name, { ok: false, error: message, latencyMs: Math.round(performance.now() - started) }] as const;
        }
      }),
    );
    return { ready: entries.every(([, r]) => r.ok), checks: Object.fromEntries(entries) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

import { nowMs, sleep } from './clock';

/** One send of an open-loop schedule: what to send and when, relative to the start. */
export interface PlannedSend<T> {
  readonly offsetMs: number;
  readonly item: T;
}

/**
 * `rate × seconds` sends evenly spaced (the i-th at i/rate s), merged in time order with `extras` at their own
 * offsets. The schedule is fixed before the first send: open loop, so a slow answer never delays the next send
 * (a closed loop would quietly lower the load exactly when the system struggles, and hide the latency it causes).
 */
export function planSends<T>(rate: number, seconds: number, regular: (index: number) => T, extras: readonly PlannedSend<T>[] = []): PlannedSend<T>[] {
  const count = Math.round(rate * seconds);
  const plan: PlannedSend<T>[] = Array.from({ length: count }, (_, i) => ({ offsetMs: (i * 1000) / rate, item: regular(i) }));
  for (const e of extras) plan.push(e);
  // Stable sort: a regular send and an extra at the same instant keep their order.
  return plan.sort((a, b) => a.offsetMs - b.offsetMs);
}

export interface OpenLoopRun {
  readonly sent: number;
  readonly firstAt: number;
  readonly lastAt: number;
  /** Actual send time − scheduled time, per send: how well the generator kept to the schedule. */
  readonly lagMs: number[];
}

/** Sends per schedule, `send` is called synchronously and must not be awaited by the loop. */
export async function runOpenLoop<T>(plan: readonly PlannedSend<T>[], send: (item: T) => void, signal?: AbortSignal): Promise<OpenLoopRun> {
  const start = nowMs();
  const lagMs: number[] = [];
  let firstAt = 0;
  let lastAt = 0;
  let i = 0;
  while (i < plan.length) {
    if (signal?.aborted) break;
    const now = nowMs();
    for (let next = plan[i]; next !== undefined && start + next.offsetMs <= now; next = plan[++i]) {
      const at = nowMs();
      if (i === 0) firstAt = at;
      lastAt = at;
      lagMs.push(at - (start + next.offsetMs));
      send(next.item);
    }
    const next = plan[i];
    // A timer, not a spin: the generator shares two cores with the whole stack.
    if (next) await sleep(Math.max(0, start + next.offsetMs - nowMs()), signal);
  }
  return { sent: i, firstAt, lastAt, lagMs };
}

/** Sends per second achieved between the first and the last send. */
export function achievedRate(run: Pick<OpenLoopRun, 'sent' | 'firstAt' | 'lastAt'>): number | null {
  return run.sent > 1 && run.lastAt > run.firstAt ? ((run.sent - 1) * 1000) / (run.lastAt - run.firstAt) : null;
}

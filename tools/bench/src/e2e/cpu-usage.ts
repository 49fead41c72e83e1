import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { nowMs, sleep } from './clock';

/**
 * CPU accounting from /proc (Linux; elsewhere every figure is null): how busy the whole machine was, and how much
 * of it each of the stack's processes took. On a 2-core machine shared by the services, the broker, PostgreSQL, the
 * load generator — and possibly other people's work — this is what tells a slow service from a starved one.
 */

/** Busy and total jiffies of all CPUs. */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** utime + stime of a process, in jiffies. */
export function processTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/**
 * Waits until the machine is quiet (all CPUs under `maxBusyPct` busy over a half-second sample), at most
 * `timeoutMs`: services that have just become ready still replay topics and compile hot paths, and a limit
 * measured beside that would be the limit of a busy machine. Returns the last busy share seen.
 */
export async function waitForQuietCpu(maxBusyPct = 25, timeoutMs = 10_000, signal?: AbortSignal): Promise<number | null> {
  const deadline = nowMs() + timeoutMs;
  let busyPct: number | null = null;
  for (;;) {
    const a = machineTicks();
    await sleep(500, signal);
    const b = machineTicks();
    if (!a || !b || b.total === a.total) return busyPct;
    busyPct = (100 * (b.busy - a.busy)) / (b.total - a.total);
    if (busyPct <= maxBusyPct || nowMs() >= deadline) return busyPct;
  }
}

export interface CpuShares {
  /** All CPUs, busy share over the window. */
  readonly machineBusyPct: number | null;
  readonly cores: number;
  /** Each named process's CPU as a share of one core (200 % = both cores of a 2-core machine). */
  readonly processPctOfOneCore: Record<string, number>;
}

/** Measures CPU shares between `start()` and `stop()`. */
export class CpuMeter {
  private machineStart: { busy: number; total: number } | undefined;
  private readonly processStart = new Map<string, number>();

  constructor(private readonly pids: Readonly<Record<string, number>>) {}

  start(): void {
    this.machineStart = machineTicks();
    for (const [name, pid] of Object.entries(this.pids)) {
      const t = processTicks(pid);
      if (t !== undefined) this.processStart.set(name, t);
    }
  }

  stop(): CpuShares {
    const cores = cpus().length;
    const end = machineTicks();
    const start = this.machineStart;
    if (!start || !end || end.total === start.total) return { machineBusyPct: null, cores, processPctOfOneCore: {} };
    const perCore = (end.total - start.total) / cores;
    const processPctOfOneCore: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.pids)) {
      const before = this.processStart.get(name);
      const after = processTicks(pid);
      if (before !== undefined && after !== undefined) processPctOfOneCore[name] = (100 * (after - before)) / perCore;
    }
    return { machineBusyPct: (100 * (end.busy - start.busy)) / (end.total - start.total), cores, processPctOfOneCore };
  }
}

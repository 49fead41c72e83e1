/** One measured operation. `run` is called once per iteration with the iteration number (to vary inputs). */
export interface BenchCase {
  readonly name: string;
  readonly iterations: number;
  /** Calls before measuring, so the JIT has settled; defaults to a tenth of `iterations`. */
  readonly warmup?: number;
  readonly run: (iteration: number) => void;
  /** The figure this operation is held to; reported, never asserted. */
  readonly target?: { readonly p99Micros?: number; readonly opsPerSec?: number };
}

export interface BenchResult {
  readonly name: string;
  readonly iterations: number;
  readonly p50Micros: number;
  readonly p99Micros: number;
  readonly maxMicros: number;
  readonly meanMicros: number;
  /** Iterations per second of wall time over the measured loop (timer overhead included). */
  readonly opsPerSec: number;
  readonly target?: BenchCase['target'];
  /** Whether every stated target was met; undefined when there is no target. */
  readonly targetMet?: boolean;
}

import type { BenchCase, BenchResult } from './bench-case';
import { percentile } from './percentile';

const NS_PER_MICRO = 1000;

/** Times each call on its own (hrtime, ns) so the percentiles are per-operation latencies, not batch averages. */
export function measure(benchCase: BenchCase): BenchResult {
  const warmup = benchCase.warmup ?? Math.ceil(benchCase.iterations / 10);
  for (let i = 0; i < warmup; i++) benchCase.run(i);

  const samples = new Float64Array(benchCase.iterations);
  const started = process.hrtime.bigint();
  for (let i = 0; i < benchCase.iterations; i++) {
    const t0 = process.hrtime.bigint();
    benchCase.run(i);
    samples[i] = Number(process.hrtime.bigint() - t0) / NS_PER_MICRO;
  }
  const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  samples.sort();
  let sum = 0;
  for (const s of samples) sum += s;
  const result = {
    name: benchCase.name,
    iterations: benchCase.iterations,
    p50Micros: percentile(samples, 50),
    p99Micros: percentile(samples, 99),
    maxMicros: samples[samples.length - 1] as number,
    meanMicros: sum / samples.length,
    opsPerSec: benchCase.iterations / elapsedSeconds,
  };
  if (!benchCase.target) return result;
  const { p99Micros, opsPerSec } = benchCase.target;
  const targetMet =
    (p99Micros === undefined || result.p99Micros < p99Micros) && (opsPerSec === undefined || result.opsPerSec >= opsPerSec);
  return { ...result, target: benchCase.target, targetMet };
}

import type { BenchCase, BenchResult } from './bench-case';
import { gitRevision, keepResults, machineInfo } from './keep-results';
import { machineReferenceMicros } from './machine-reference';
import { measure } from './measure';

function fmt(n: number, digits = 2): string {
  return n >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);
}

function targetText(r: BenchResult): string {
  if (!r.target) return '';
  const parts = [
    r.target.p99Micros !== undefined ? `p99<${r.target.p99Micros}µs` : '',
    r.target.opsPerSec !== undefined ? `≥${fmt(r.target.opsPerSec, 0)}/s` : '',
  ].filter(Boolean);
  return `${parts.join(' ')} ${r.targetMet ? 'met' : 'MISSED'}`;
}

/**
 * Runs the cases one after another, prints a table and keeps the results: `results/<suite>.json` holds the latest
 * run, `results/<suite>.history.jsonl` every run, each with the machine, its reference-workload time and the revision.
 */
export function runSuite(suite: string, cases: readonly BenchCase[]): BenchResult[] {
  const referenceMicros = machineReferenceMicros();
  console.log(`machine reference workload: ${fmt(referenceMicros)}µs (compare figures only between runs with a similar reference)`);
  const results = cases.map((c) => {
    const r = measure(c);
    console.log(
      `${r.name.padEnd(44)} p50 ${fmt(r.p50Micros).padStart(9)}µs  p99 ${fmt(r.p99Micros).padStart(9)}µs  ` +
        `max ${fmt(r.maxMicros).padStart(10)}µs  ${fmt(r.opsPerSec, 0).padStart(11)} ops/s  ${targetText(r)}`,
    );
    return r;
  });
  const record = {
    suite,
    at: new Date().toISOString(),
    revision: gitRevision(),
    ...machineInfo(),
    machineReferenceMicros: referenceMicros,
    results,
  };
  console.log(`results kept in ${keepResults(suite, record)}`);
  return results;
}

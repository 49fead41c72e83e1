import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Seeds per `npm run test:sim`, split over the shard spec files. Each shard runs its seeds in a child `npm run sim`
 * process: in jest's module sandbox (ts-jest, vm modules for PGlite) a seed cost several times what it costs in plain
 * Node, which had held CI to 200 seeds.
 */
export const SIM_SEEDS = Number(process.env['SIM_SEEDS'] ?? 1000);
/** Where a CI run's seeds start (SIM_FIRST_SEED moves the window, to explore new seeds). */
export const SIM_FIRST_SEED = Number(process.env['SIM_FIRST_SEED'] ?? 1);
export const SIM_SHARDS = 4;

const ROOT = path.resolve(__dirname, '../../../..');

/** The contiguous range of seeds a shard runs: the seeds split as evenly as they go, the first shards one longer. */
export function shardRange(shard: number, seeds = SIM_SEEDS, first = SIM_FIRST_SEED, shards = SIM_SHARDS): { seed: number; count: number } {
  const base = Math.floor(seeds / shards);
  const extra = seeds % shards;
  const count = base + (shard < extra ? 1 : 0);
  return { seed: first + shard * base + Math.min(shard, extra), count };
}

/** One seed's verdict as `npm run sim` prints it. */
export interface SeedVerdict {
  seed: number;
  ok: boolean;
  /** The seed's violations and its replay command, for a failing seed. */
  detail: string[];
}

/**
 * Reads `npm run sim --count N` output: a failing seed's VIOLATION lines come before its verdict line, its replay
 * command right after it; the step traces it also prints are left out.
 */
export function parseSimOutput(output: string): SeedVerdict[] {
  const verdicts: SeedVerdict[] = [];
  let violations: string[] = [];
  for (const line of output.split('\n')) {
    if (line.startsWith('VIOLATION ')) {
      violations.push(line);
      continue;
    }
    const verdict = /^seed (\d+): (ok|\d+ violation\(s\))/.exec(line);
    if (verdict) {
      verdicts.push({ seed: Number(verdict[1]), ok: verdict[2] === 'ok', detail: violations });
      violations = [];
      continue;
    }
    const last = verdicts.at(-1);
    if (line.startsWith('  replay: ') && last && !last.ok) last.detail.push(`replay exactly: ${line.slice('  replay: '.length)}`);
  }
  return verdicts;
}

/** Runs this shard's seeds in a child process and answers how many ran and each failing seed's account. */
export async function runShard(shard: number): Promise<{ ran: number; expected: number; failures: string[] }> {
  const { seed, count } = shardRange(shard);
  const { code, stdout, stderr } = await runSimCli(['--seed', String(seed), '--count', String(count)]);
  const verdicts = parseSimOutput(stdout);
  const failures = verdicts.filter((v) => !v.ok).map((v) => `seed ${v.seed}:\n  ${v.detail.join('\n  ')}`);
  // Exit 2 is the CLI failing to run at all (not a seed's violation): show why.
  if (code !== 0 && failures.length === 0) failures.push(`npm run sim exited ${code}: ${stderr.split('\n').filter((l) => !l.includes('TimeoutOverflowWarning') && !l.includes('Timeout duration')).join('\n').slice(-2000)}`);
  return { ran: verdicts.length, expected: count, failures };
}

function runSimCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Not jest's NODE_OPTIONS (vm modules): the CLI loads PGlite through require.
  const { NODE_OPTIONS: _jestOnly, ...env } = process.env;
  const child = spawn(process.execPath, ['-r', './tools/local/register-cached-ts.cjs', 'apps/sim/src/sim.cli.ts', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

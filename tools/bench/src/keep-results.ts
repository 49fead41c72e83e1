import { execSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export const RESULTS_DIR = join(__dirname, '..', 'results');

/**
 * The short commit the figures belong to. With `markDirty`, `-dirty` is appended when the working tree has
 * uncommitted changes: a benchmark of an edited tree must not pass for the commit it started from.
 */
export function gitRevision(markDirty = false): string {
  const git = (args: string) => execSync(`git ${args}`, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  try {
    const sha = git('rev-parse --short HEAD');
    if (!markDirty) return sha;
    return git('status --porcelain --untracked-files=no') ? `${sha}-dirty` : sha;
  } catch {
    return 'unknown';
  }
}

/** The machine a run happened on, so figures are compared only between like runs. */
export function machineInfo(): { node: string; cpu: string; cores: number } {
  return { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
}

/** Writes `results/<suite>.json` (the latest run) and appends the same record to `results/<suite>.history.jsonl`. */
export function keepResults(suite: string, record: object): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${suite}.json`), JSON.stringify(record, null, 2) + '\n');
  appendFileSync(join(RESULTS_DIR, `${suite}.history.jsonl`), JSON.stringify(record) + '\n');
  return join('tools/bench/results', `${suite}.json`);
}

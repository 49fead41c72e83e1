import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURE = path.join(__dirname, 'exit-on-signals.fixture.ts');

/**
 * Starts the fixture in its own Node process, sends it a real signal once it is ready (`times` times, 50 ms apart),
 * and reports how it ended.
 */
function signalled(
  signal: NodeJS.Signals,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  times = 1,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '-r', path.join(ROOT, 'tools/db/register-ts.cjs'), FIXTURE], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready\n') && !child.killed) {
        child.kill(signal);
        for (let i = 1; i < times; i++) setTimeout(() => child.exitCode === null && child.kill(signal), 50 * i);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, sig) => resolve({ code, signal: sig, stdout }));
  });
}

// Each case starts a Node process that compiles TypeScript: seconds on a busy two-core machine.
const PROCESS_TIMEOUT_MS = 60_000;

describe('exitCleanlyOnSignals, in a real process', () => {
  it('drains on SIGTERM, then exits 0 instead of dying by the signal', async () => {
    expect(await signalled('SIGTERM')).toEqual({ code: 0, signal: null, stdout: 'ready\ndrained\n' });
  }, PROCESS_TIMEOUT_MS);

  it('does the same on SIGINT (Ctrl-C)', async () => {
    expect(await signalled('SIGINT')).toMatchObject({ code: 0, signal: null });
  }, PROCESS_TIMEOUT_MS);

  it('exits 1 when the drain outlasts the grace period', async () => {
    expect(await signalled('SIGTERM', { DRAIN_MS: '5000', GRACE_MS: '100' })).toEqual({ code: 1, signal: null, stdout: 'ready\n' });
  }, PROCESS_TIMEOUT_MS);

  it('exits 1 when the drain fails', async () => {
    expect(await signalled('SIGTERM', { FAIL_DRAIN: 'true' })).toEqual({ code: 1, signal: null, stdout: 'ready\n' });
  }, PROCESS_TIMEOUT_MS);

  it('exits 1 at once on a second signal during the drain (an impatient Ctrl-C)', async () => {
    expect(await signalled('SIGINT', { DRAIN_MS: '10000' }, [], 2)).toEqual({ code: 1, signal: null, stdout: 'ready\n' });
  }, PROCESS_TIMEOUT_MS);

  it('lets node --cpu-prof write its profile, which it does only on a normal exit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpu-prof-'));
    expect(await signalled('SIGTERM', {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`])).toMatchObject({ code: 0 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))).toHaveLength(1);
  }, PROCESS_TIMEOUT_MS);
});

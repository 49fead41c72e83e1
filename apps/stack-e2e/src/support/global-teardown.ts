import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { PID_FILE, ROOT, kafkaEnv } from './stack-env';

interface RunningService {
  name: string;
  child: ChildProcess;
}

const launcher = require(path.join(ROOT, 'tools/stack/launcher.cjs')) as { stopServices(services: RunningService[]): Promise<void> };

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)['__HYPERDEX_E2E__'] as
    | { services: RunningService[]; logs: Map<string, WriteStream> }
    | undefined;
  let unclean: string[] = [];
  let drained = 0;
  if (state) {
    // Services still running now must drain on SIGTERM and exit 0 (a crash test's victim has already gone).
    const running = state.services.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
    await launcher.stopServices(state.services);
    unclean = running.filter((s) => s.child.exitCode !== 0).map((s) => `${s.name}: ${s.child.exitCode ?? s.child.signalCode}`);
    drained = running.length - unclean.length;
    for (const log of state.logs.values()) log.end();
  }
  await stopReplacements();
  execFileSync('bash', ['tools/kafka/kafka.sh', 'stop'], { cwd: ROOT, env: kafkaEnv, stdio: 'inherit' });
  if (unclean.length > 0) throw new Error(`services did not exit 0 after SIGTERM: ${unclean.join(', ')} (logs in tmp/e2e-logs)`);
  console.log(`e2e: ${drained} running services drained and exited 0 on SIGTERM`);
}

/** Services that tests started themselves (a restarted positions) are known only by pid. */
async function stopReplacements(): Promise<void> {
  if (!existsSync(PID_FILE)) return;
  const entries = JSON.parse(readFileSync(PID_FILE, 'utf8')) as Array<{ name: string; pid?: number }>;
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const pids = entries.map((e) => e.pid).filter((pid): pid is number => pid !== undefined && alive(pid));
  for (const pid of pids) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 15_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
}

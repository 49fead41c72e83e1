import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { PID_FILE, ROOT, kafkaEnv } from './stack-env';

const launcher = require(path.join(ROOT, 'tools/stack/launcher.cjs')) as { stopServices(services: unknown[]): Promise<void> };

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)['__HYPERDEX_E2E__'] as
    | { services: unknown[]; logs: Map<string, WriteStream> }
    | undefined;
  if (state) {
    await launcher.stopServices(state.services);
    for (const log of state.logs.values()) log.end();
  }
  await stopReplacements();
  execFileSync('bash', ['tools/kafka/kafka.sh', 'stop'], { cwd: ROOT, env: kafkaEnv, stdio: 'inherit' });
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

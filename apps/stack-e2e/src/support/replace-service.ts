import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOG_DIR, PID_FILE, PORTS, ROOT, SERVICE_ENV } from './stack-env';

const launcher = require(path.join(ROOT, 'tools/stack/launcher.cjs')) as {
  startServices(o: {
    env: Record<string, string>;
    ports: Record<string, number>;
    only: string[];
    onLine: (s: string, l: string) => void;
  }): Array<{ name: string; child: { pid?: number } }>;
  waitReady(services: unknown[], timeoutMs?: number): Promise<void>;
};

type ServiceName = keyof typeof PORTS;

/** SIGKILLs the running instance of a service (no shutdown hooks: a crash). */
export function killService(name: ServiceName): void {
  const pids = JSON.parse(readFileSync(PID_FILE, 'utf8')) as Array<{ name: string; pid?: number }>;
  const victim = [...pids].reverse().find((p) => p.name === name)?.pid;
  if (victim === undefined) throw new Error(`no ${name} pid recorded`);
  process.kill(victim, 'SIGKILL');
}

/** Starts a new instance of a service with the suite's environment and waits until it is ready. */
export async function startReplacement(name: ServiceName): Promise<void> {
  const log = createWriteStream(path.join(LOG_DIR, `${name}-restarted.log`));
  const [replacement] = launcher.startServices({ env: SERVICE_ENV, ports: PORTS, only: [name], onLine: (_s, line) => log.write(`${line}\n`) });
  const pids = JSON.parse(readFileSync(PID_FILE, 'utf8')) as Array<{ name: string; pid?: number }>;
  // The global teardown stops every recorded pid, replacements included.
  writeFileSync(PID_FILE, JSON.stringify([...pids, { name, pid: replacement?.child.pid }]));
  await launcher.waitReady([replacement], 60_000);
}

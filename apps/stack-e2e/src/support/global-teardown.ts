import { execFileSync } from 'node:child_process';
import type { WriteStream } from 'node:fs';
import path from 'node:path';
import { ROOT, kafkaEnv } from './stack-env';

const launcher = require(path.join(ROOT, 'tools/stack/launcher.cjs')) as { stopServices(services: unknown[]): Promise<void> };

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)['__HYPERDEX_E2E__'] as
    | { services: unknown[]; logs: Map<string, WriteStream> }
    | undefined;
  if (state) {
    await launcher.stopServices(state.services);
    for (const log of state.logs.values()) log.end();
  }
  execFileSync('bash', ['tools/kafka/kafka.sh', 'stop'], { cwd: ROOT, env: kafkaEnv, stdio: 'inherit' });
}

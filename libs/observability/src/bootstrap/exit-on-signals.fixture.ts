// A process that drains like a service (exit-on-signals.spec.ts signals it for real). DRAIN_MS: how long the
// drain takes; GRACE_MS: how long it may take.
import pino from 'pino';
import { exitCleanlyOnSignals } from './exit-on-signals';

const drainMs = Number(process.env['DRAIN_MS'] ?? '100');
exitCleanlyOnSignals(
  async () => {
    await new Promise((resolve) => setTimeout(resolve, drainMs));
    if (process.env['FAIL_DRAIN'] === 'true') throw new Error('broker gone');
    process.stdout.write('drained\n');
  },
  { graceMs: Number(process.env['GRACE_MS'] ?? '5000'), logger: pino({ level: 'silent' }) },
);
setInterval(() => undefined, 60_000);
process.stdout.write('ready\n');

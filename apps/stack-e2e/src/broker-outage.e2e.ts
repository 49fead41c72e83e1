import { execFileSync } from 'node:child_process';
import type { ExposureUpdate } from '@hyperdex/contracts';
import { RecordingSocket, WETH, aTrade, post, tokenFor, uniqueUser, waitUntil } from './support/clients';
import { PORTS, ROOT, kafkaEnv } from './support/stack-env';

const kafkaScript = (command: 'start' | 'stop') =>
  execFileSync('bash', ['tools/kafka/kafka.sh', command], { cwd: ROOT, env: kafkaEnv, stdio: 'inherit' });

const readiness = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Record<string, { ok: boolean; error?: string }> } };
};

/** While services recover, a probe whose connection drops is "not ready yet" (as a Kubernetes probe counts it), not a failure. */
const readyNow = async (port: number): Promise<boolean> => {
  try {
    return (await readiness(port)).status === 200;
  } catch {
    return false;
  }
};


/** Platform teams need the services to ride out a broker outage: refuse honestly while it lasts, then resume. */
describe('a Kafka broker outage', () => {
  jest.setTimeout(180_000);

  it('is answered with 503 and unreadiness, and every service resumes on its own when the broker returns', async () => {
    const erin = uniqueUser('erin');
    const socket = await RecordingSocket.connect(tokenFor(erin));
    try {
      kafkaScript('stop');
      const refusedAt = Date.now();
      const refused = await post('/v1/trades', aTrade({ userId: erin, tradeId: `${erin}-during` }));
      expect(refused).toEqual({
        status: 503,
        body: { statusCode: 503, error: 'Service Unavailable', message: 'The event log is unavailable; nothing was accepted, retry later' },
      });
      process.stdout.write(`e2e: ingestion answered 503 ${Date.now() - refusedAt} ms into the outage\n`);
      const during = await readiness(PORTS.ingestion);
      expect(during.status).toBe(503);
      expect(during.body.checks['kafka']?.ok).toBe(false);

      kafkaScript('start');
      const back = Date.now();
      await waitUntil(
        async () => (await Promise.all(Object.values(PORTS).map(readyNow))).every(Boolean),
        'every service to be ready again',
        150_000,
      );
      process.stdout.write(`e2e: all services ready ${Date.now() - back} ms after the broker returned\n`);

      const accepted = await post('/v1/trades', aTrade({ userId: erin, tradeId: `${erin}-after` }));
      expect(accepted.status).toBe(202);
      const update = await socket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === `${erin}-after`);
      // The refused trade was never accepted, so only the one after the outage counts.
      expect(update.positions.find((p) => p.token === WETH)?.balance).toBe('1000000000000000000');
    } finally {
      socket.close();
    }
  });
});

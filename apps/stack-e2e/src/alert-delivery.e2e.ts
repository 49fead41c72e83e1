import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { AlertDeliveriesResponse, AlertDeliveryView, AlertNotification } from '@hyperdex/contracts';
import { depositOneWbtc, gateway, moveTo, priceWbtc } from './support/alert-helpers';
import { RecordingSocket, tokenFor, uniqueUser, waitUntil } from './support/clients';
import { scrape, series, valueOf } from './support/prometheus';
import { PORTS, SMTP_PORT } from './support/stack-env';

const SECRET = 'e2e-webhook-secret-0123456789';

/** The receiver's check from the README: signature over "<t>.<raw body>", and not older than five minutes. */
function verify(body: string, header: string | undefined, secret: string, nowSeconds: number): string | null {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts['t']);
  if (!Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/.test(parts['v1'] ?? '')) return 'malformed';
  if (Math.abs(nowSeconds - t) > 300) return 'stale';
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts['v1'] as string, 'hex')) ? null : 'mismatch';
}

describe('alert delivery to a webhook that was down, and to email', () => {
  jest.setTimeout(180_000);
  const jo = uniqueUser('jo');
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const mails: Array<{ to: string[]; data: string }> = [];
  let socket: RecordingSocket;
  let smtp: SMTPServer;
  let receiver: Server | undefined;
  let port: number;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve));
    // A port with nobody listening yet: the webhook receiver is down when the alert is raised.
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => probe.once('listening', r));
    port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    socket = await RecordingSocket.connect(tokenFor(jo));
  });
  afterAll(async () => {
    socket?.close();
    receiver?.closeAllConnections();
    await new Promise((r) => (receiver ? receiver.close(r) : r(undefined)));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('retries the webhook until it is up, then delivers each change exactly once per id, every attempt recorded; the email arrives', async () => {
    const put = await gateway('PUT', `/v1/users/${jo}/alert-channels`, tokenFor(jo), {
      channels: [
        { kind: 'webhook', url: `http://127.0.0.1:${port}/risk-hook`, secret: SECRET, minSeverity: 'warning' },
        { kind: 'email', to: `${jo}@example.com`, minSeverity: 'info' },
        { kind: 'slack', webhookUrl: `http://127.0.0.1:${port}/slack`, minSeverity: 'critical' },
      ],
    });
    expect(put.status).toBe(200);

    await priceWbtc('50000');
    await depositOneWbtc(jo, socket);
    await moveTo('101000', socket); // over the 100,000 exposure limit
    const opened = await socket.waitFor<AlertNotification>('alert', (n) => n.alert.ruleId === 'max-exposure');

    const deliveries = async () => ((await gateway('GET', `/v1/users/${jo}/alert-deliveries`, tokenFor(jo))).body as AlertDeliveriesResponse).items;
    const webhookOf = async () => (await deliveries()).find((d) => d.channel.kind === 'webhook' && d.type === 'alert.opened');
    await waitUntil(async () => ((await webhookOf())?.attempts ?? 0) >= 2, 'two failed webhook attempts', 60_000);

    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver?.listen(port, '127.0.0.1', resolve));
    await waitUntil(async () => (await webhookOf())?.status === 'delivered', 'the webhook delivery', 60_000);
    await moveTo('50000', socket); // clears: the alert resolves and re-notifications stop
    await socket.waitFor<AlertNotification>('alert-updated', (n) => n.alert.alertId === opened.alert.alertId && n.event === 'resolved');
    // The resolution reaches the dispatcher asynchronously: wait for its delivery to exist and land, then for the rest.
    await waitUntil(
      async () => {
        const all = await deliveries();
        return all.some((d) => d.channel.kind === 'webhook' && d.type === 'alert.resolved' && d.status === 'delivered') && all.every((d) => d.status === 'delivered');
      },
      'every delivery, the resolution included, to land',
      60_000,
    );

    // Exactly once per idempotency id at the receiver (hooks and the Slack messages share the port).
    const hooks = received.filter((r) => r.headers['x-hyperdex-delivery'] !== undefined);
    const ids = hooks.map((r) => r.headers['x-hyperdex-delivery'] as string);
    expect(new Set(ids).size).toBe(ids.length);
    const first = hooks.find((r) => (JSON.parse(r.body) as { type: string }).type === 'alert.opened');
    const body = JSON.parse(first?.body ?? '{}') as { id: string; type: string; alert: Record<string, unknown> };
    expect(body).toMatchObject({ type: 'alert.opened', alert: { alertId: opened.alert.alertId, ruleId: 'max-exposure', state: 'open' } });
    expect(body.id).toBe(first?.headers['x-hyperdex-delivery']);
    expect(hooks.map((r) => (JSON.parse(r.body) as { type: string }).type)).toContain('alert.resolved');

    // The receiver's check accepts the signature, and detects a wrong secret and a stale timestamp.
    const signature = first?.headers['x-hyperdex-signature'] as string;
    const now = Math.floor(Date.now() / 1000);
    expect(verify(first?.body ?? '', signature, SECRET, now)).toBeNull();
    expect(verify(first?.body ?? '', signature, 'not-the-secret-0123456', now)).toBe('mismatch');
    expect(verify(first?.body ?? '', signature, SECRET, now + 301)).toBe('stale');

    // Every attempt of that delivery is recorded: refused while down, then delivered once.
    const detail = (await gateway('GET', `/v1/alert-deliveries/${body.id}`, tokenFor(jo))).body as AlertDeliveryView;
    const log = detail.attemptLog ?? [];
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(log.slice(0, -1).every((a) => a.outcome === 'failed' && a.error === 'ECONNREFUSED')).toBe(true);
    expect(log.at(-1)).toMatchObject({ outcome: 'delivered', statusCode: 200 });
    expect(JSON.stringify(detail)).not.toContain(SECRET);
    // The price move behind the alert was ingested before the risk service evaluated it; latency runs from there.
    expect(detail.ingestedAt).toEqual(expect.any(Number));
    expect(detail.ingestedAt).toBeLessThanOrEqual(opened.alert.triggeredAt);
    expect((await gateway('GET', `/v1/alert-deliveries/${body.id}`, tokenFor(uniqueUser('eve')))).status).toBe(404);

    // Slack got the critical alert in its own format.
    expect(received.some((r) => r.headers['x-hyperdex-delivery'] === undefined && (JSON.parse(r.body) as { text?: string }).text?.includes('max-exposure opened'))).toBe(true);

    // The email arrived at the SMTP server with the right subject and content.
    const mail = mails.find((m) => m.to.includes(`${jo}@example.com`) && m.data.includes('max-exposure opened'));
    expect(mail?.data).toMatch(new RegExp(`^Subject: \\[CRITICAL\\] max-exposure opened for ${jo}\\r?$`, 'm'));
    expect(mail?.data).toContain('Gross exposure 101000.00 USD exceeds the limit of 100000.00 USD');

    // Alerting's /metrics: attempts by outcome, delivery latency per channel, and the open alerts.
    const metrics = await scrape(PORTS.alerting);
    expect(valueOf(metrics, 'hyperdex_alerts_delivered_total', { channel: 'webhook', outcome: 'failed' })).toBeGreaterThanOrEqual(2);
    expect(valueOf(metrics, 'hyperdex_alerts_delivered_total', { channel: 'email', outcome: 'delivered' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(metrics, 'hyperdex_alert_delivery_seconds_count', { channel: 'webhook' })).toBeGreaterThanOrEqual(2);
    expect(series(metrics, 'hyperdex_alerts_open')).toHaveLength(1);
  });
});

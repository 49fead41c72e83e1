import type { AlertHistoryResponse, AlertNotification, AlertView, RiskMetrics } from '@hyperdex/contracts';
import { depositOneWbtc, gateway, moveTo, priceWbtc } from './support/alert-helpers';
import { RecordingSocket, tokenFor, uniqueUser } from './support/clients';

const alertEvents = (socket: RecordingSocket, ruleId: string) =>
  socket.events
    .filter((e) => (e.event === 'alert' || e.event === 'alert-updated') && (e.payload as AlertNotification).alert.ruleId === ruleId)
    .map((e) => e.payload as AlertNotification);

describe('alert lifecycle on the running stack', () => {
  jest.setTimeout(180_000);
  const flo = uniqueUser('flo');
  const hal = uniqueUser('hal');
  const ivy = uniqueUser('ivy');
  let floSocket: RecordingSocket;
  let halSocket: RecordingSocket;

  beforeAll(async () => {
    floSocket = await RecordingSocket.connect(tokenFor(flo));
    halSocket = await RecordingSocket.connect(tokenFor(hal));
  });
  afterAll(() => {
    floSocket?.close();
    halSocket?.close();
  });

  it('gives one alert for exposure flapping around its limit, re-notifies it while it persists, and resolves it when it clears', async () => {
    await priceWbtc('50000');
    await depositOneWbtc(flo, floSocket);
    // Over the 100,000 limit, then back and forth inside its 5% hysteresis band.
    for (const usd of ['101000', '99000', '101500', '99500', '101200']) await moveTo(usd, floSocket);
    const opened = await floSocket.waitFor<AlertNotification>('alert', (n) => n.alert.ruleId === 'max-exposure');
    expect(opened).toMatchObject({ status: 'open', event: 'opened', version: 1, alert: { level: 'breach', severity: 'critical' } });

    const renotified = await floSocket.waitFor<AlertNotification>('alert-updated', (n) => n.alert.ruleId === 'max-exposure' && n.event === 'renotified', 15_000);
    expect(renotified.alert.alertId).toBe(opened.alert.alertId);

    await moveTo('50000', floSocket);
    const resolved = await floSocket.waitFor<AlertNotification>('alert-updated', (n) => n.alert.ruleId === 'max-exposure' && n.event === 'resolved');
    expect(resolved).toMatchObject({ status: 'resolved', actor: 'rule', alert: { alertId: opened.alert.alertId } });
    expect(new Set(alertEvents(floSocket, 'max-exposure').map((n) => n.alert.alertId))).toEqual(new Set([opened.alert.alertId]));
    expect(floSocket.events.filter((e) => e.event === 'alert')).toHaveLength(1);

    const history = await gateway('GET', `/v1/users/${flo}/alerts?ruleId=max-exposure`, tokenFor(flo));
    expect(history.status).toBe(200);
    const { items, nextCursor } = history.body as AlertHistoryResponse;
    expect(nextCursor).toBeNull();
    expect(items).toEqual([expect.objectContaining({ alertId: opened.alert.alertId, state: 'resolved', resolvedBy: 'rule' })]);
    expect(items[0]?.notifications).toBeGreaterThanOrEqual(2);
  });

  it('returns a HALTED user to ACTIVE when their daily-loss breach is acknowledged; nobody else may act on it', async () => {
    await priceWbtc('50000');
    await depositOneWbtc(hal, halSocket);
    // 50,000 → 20,000: a 30,000 loss today, over the 25,000 daily limit of the e2e stack.
    const halted = await moveTo('20000', halSocket);
    expect(halted.tradingState).toBe('HALTED');
    const breach = await halSocket.waitFor<AlertNotification>('alert', (n) => n.alert.ruleId === 'daily-loss');
    const alertId = encodeURIComponent(breach.alert.alertId);

    // Another user can neither list, acknowledge nor resolve it.
    const ivyToken = tokenFor(ivy);
    expect((await gateway('GET', `/v1/users/${hal}/alerts`, ivyToken)).status).toBe(404);
    expect((await gateway('POST', `/v1/alerts/${alertId}/ack`, ivyToken)).status).toBe(404);
    expect((await gateway('POST', `/v1/alerts/${alertId}/resolve`, ivyToken)).status).toBe(404);
    expect((await gateway('GET', `/v1/users/${hal}/alerts?state=open&severity=critical`, tokenFor(hal))).body).toMatchObject({
      items: [expect.objectContaining({ alertId: breach.alert.alertId, state: 'open', tradingState: 'HALTED' })],
    });

    const acked = await gateway('POST', `/v1/alerts/${alertId}/ack`, tokenFor(hal));
    expect(acked).toMatchObject({ status: 200, body: { alertId: breach.alert.alertId, state: 'acknowledged', acknowledgedBy: hal } });
    const active = await halSocket.waitFor<RiskMetrics>('risk-metrics', (m) => m.eventId.startsWith('ack:') && m.tradingState === 'ACTIVE', 30_000);
    expect(active.rules.find((r) => r.ruleId === 'daily-loss')?.level).toBe('breach');
    await halSocket.waitFor<AlertNotification>('alert-updated', (n) => n.alert.alertId === breach.alert.alertId && n.event === 'acknowledged');
    // The loss still stands, but the next evaluation keeps the user trading.
    expect((await moveTo('19000', halSocket)).tradingState).toBe('ACTIVE');

    const resolved = await gateway('POST', `/v1/alerts/${alertId}/resolve`, tokenFor('desk-admin', 'admin'));
    expect(resolved).toMatchObject({ status: 200, body: { state: 'resolved', resolvedBy: 'desk-admin' } });
    expect((resolved.body as AlertView).version).toBeGreaterThanOrEqual(3);
    expect((await gateway('POST', `/v1/alerts/${alertId}/ack`, tokenFor(hal))).status).toBe(409);
  });

  it('stores a user’s channels and reads them back without secrets; refuses a short webhook secret', async () => {
    const channels = [
      { kind: 'webhook', url: 'https://desk.example.com/risk', secret: 'a-secret-of-16+chars', minSeverity: 'info' },
      { kind: 'email', to: 'desk@example.com', minSeverity: 'warning' },
    ];
    const put = await gateway('PUT', `/v1/users/${flo}/alert-channels`, tokenFor(flo), { channels });
    expect(put).toMatchObject({
      status: 200,
      body: {
        channels: [{ kind: 'webhook', url: 'https://desk.example.com/risk', minSeverity: 'info' }, { kind: 'email', to: 'desk@example.com', minSeverity: 'warning' }],
        volume: { maxPerHour: null, muteWindows: [] },
      },
    });
    expect(JSON.stringify(put.body)).not.toContain('a-secret-of-16+chars');
    expect((await gateway('GET', `/v1/users/${flo}/alert-channels`, tokenFor(flo))).body).toEqual(put.body);
    expect((await gateway('GET', `/v1/users/${flo}/alert-channels`, tokenFor(ivy))).status).toBe(404);
    const bad = await gateway('PUT', `/v1/users/${flo}/alert-channels`, tokenFor(flo), { channels: [{ kind: 'webhook', url: 'https://x.example', secret: 'short' }] });
    expect(bad).toMatchObject({ status: 400, body: { details: [{ field: 'channels[0].secret', reason: 'must be at least 16 characters' }] } });
  });
});

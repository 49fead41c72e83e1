import type { AlertNotification } from '@hyperdex/contracts';
import { Topics, deadLetterTopic } from '@hyperdex/contracts';
import { RecordingSocket, WETH, aTrade, consumedCount, kafka, post, tokenFor, uniqueUser, waitUntil } from './support/clients';
import { scrape, series, valueOf, type Sample } from './support/prometheus';
import { PORTS } from './support/stack-env';

const USERS = 10;
const TRADES_PER_USER = 40; // 1 WETH at 3,000 USD each: 120,000 USD, over the 100,000 limit from the 34th trade on
const TRADES_PER_POST = 20;
const PARTITIONS = 6;

const lagOf = (samples: readonly Sample[], group: string, topic: string) => series(samples, 'hyperdex_kafka_consumer_lag', { group, topic });
const committedSum = (samples: readonly Sample[], group: string, topic: string) =>
  series(samples, 'hyperdex_kafka_consumer_committed_offset', { group, topic }).reduce((sum, s) => sum + s.value, 0);

/**
 * What an operator watches, read from the services' own /metrics while 400 trades go through the real stack:
 * consumer lag and position per group and partition, connected sockets, POST → exposure and POST → alert
 * latency, and dead-letter inflow.
 */
describe('operator metrics under load', () => {
  const users = Array.from({ length: USERS }, (_, i) => uniqueUser(`ops${i}`));
  let sockets: RecordingSocket[] = [];

  afterAll(() => sockets.forEach((s) => s.close()));

  it('show lag and position per partition, sockets, and end-to-end latency histograms', async () => {
    const socketsBefore = valueOf(await scrape(PORTS.gateway), 'hyperdex_websocket_connections');
    sockets = await Promise.all(users.map((u) => RecordingSocket.connect(tokenFor(u))));
    await waitUntil(async () => valueOf(await scrape(PORTS.gateway), 'hyperdex_websocket_connections') >= socketsBefore + USERS, 'the gateway to count the sockets');

    const pricesBefore = await consumedCount(PORTS.positions, Topics.prices);
    expect((await post('/v1/prices', { chainId: 1, token: WETH, priceUsd: '3000', timestamp: Date.now(), source: 'e2e' })).status).toBe(202);
    await waitUntil(async () => (await consumedCount(PORTS.positions, Topics.prices)) > pricesBefore, 'positions to apply the price');

    const positionsBefore = await scrape(PORTS.positions);
    const gatewayBefore = await scrape(PORTS.gateway);
    // Every partition of the trades topic is reported for the positions group, with a non-negative lag.
    expect(lagOf(positionsBefore, 'positions', Topics.trades).map((s) => s.labels['partition']).sort()).toEqual(
      Array.from({ length: PARTITIONS }, (_, i) => String(i)).sort(),
    );
    const committedBefore = committedSum(positionsBefore, 'positions', Topics.trades);

    // The load: every user's trades in POSTs of 20, all POSTs in flight at once; positions is scraped meanwhile.
    const trades = users.flatMap((userId) => Array.from({ length: TRADES_PER_USER }, () => aTrade({ userId })));
    const posts: Array<Promise<{ status: number }>> = [];
    for (let i = 0; i < trades.length; i += TRADES_PER_POST) posts.push(post('/v1/trades', { trades: trades.slice(i, i + TRADES_PER_POST) }));
    let maxLag = 0;
    let scrapesUnderLoad = 0;
    const watching = (async () => {
      for (const started = Date.now(); Date.now() - started < 60_000; scrapesUnderLoad++) {
        const samples = await scrape(PORTS.positions);
        const lags = lagOf(samples, 'positions', Topics.trades).map((s) => s.value);
        maxLag = Math.max(maxLag, ...lags);
        if (committedSum(samples, 'positions', Topics.trades) >= committedBefore + trades.length && lags.every((l) => l === 0)) return samples;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('positions did not catch up within 60 s');
    })();
    expect((await Promise.all(posts)).map((p) => p.status)).toEqual(posts.map(() => 202));
    const drained = await watching;
    console.log(`e2e: positions lag peaked at ${maxLag} records over ${scrapesUnderLoad} scrapes under load`);

    // The group's position moved by exactly the records posted, and nothing is left behind.
    expect(committedSum(drained, 'positions', Topics.trades)).toBe(committedBefore + trades.length);
    for (const lag of lagOf(drained, 'positions', Topics.trades)) expect(lag.value).toBe(0);
    for (const lag of lagOf(drained, 'positions', Topics.trades)) expect(Number.isInteger(lag.value)).toBe(true);

    // Each user now holds WETH and owes USDC: two open positions each, in positions' memory.
    expect(valueOf(drained, 'hyperdex_active_positions')).toBeGreaterThanOrEqual(2 * USERS);

    // Downstream groups report their own topics too.
    expect(lagOf(await scrape(PORTS.risk), 'risk', Topics.positions)).toHaveLength(PARTITIONS);
    expect(lagOf(await scrape(PORTS.alerting), 'alerting', Topics.riskAlerts)).toHaveLength(PARTITIONS);

    // Every user crosses the limit: each socket gets its alert, then the gateway's histograms are read.
    await Promise.all(
      sockets.map((s, i) => s.waitFor<AlertNotification>('alert', (n) => n.alert.userId === users[i] && n.alert.kind === 'MaxExposure', 60_000)),
    );
    const gateway = await scrape(PORTS.gateway);
    expect(valueOf(gateway, 'hyperdex_websocket_connections')).toBeGreaterThanOrEqual(socketsBefore + USERS);

    const exposures = valueOf(gateway, 'hyperdex_ingest_to_exposure_seconds_count', { cause: 'trade' }) - valueOf(gatewayBefore, 'hyperdex_ingest_to_exposure_seconds_count', { cause: 'trade' });
    const exposureSeconds = valueOf(gateway, 'hyperdex_ingest_to_exposure_seconds_sum', { cause: 'trade' }) - valueOf(gatewayBefore, 'hyperdex_ingest_to_exposure_seconds_sum', { cause: 'trade' });
    // Under load one update may cover several trades of a user, so there are at least as many as users, at most as trades.
    expect(exposures).toBeGreaterThanOrEqual(USERS);
    expect(exposures).toBeLessThanOrEqual(trades.length);
    expect(exposureSeconds / exposures).toBeGreaterThan(0);
    expect(exposureSeconds / exposures).toBeLessThan(60);
    expect(valueOf(gateway, 'hyperdex_ingest_to_exposure_seconds_bucket', { cause: 'trade', le: '+Inf' })).toBe(
      valueOf(gateway, 'hyperdex_ingest_to_exposure_seconds_count', { cause: 'trade' }),
    );

    const alerts = valueOf(gateway, 'hyperdex_ingest_to_alert_seconds_count') - valueOf(gatewayBefore, 'hyperdex_ingest_to_alert_seconds_count');
    const alertSeconds = valueOf(gateway, 'hyperdex_ingest_to_alert_seconds_sum') - valueOf(gatewayBefore, 'hyperdex_ingest_to_alert_seconds_sum');
    expect(alerts).toBeGreaterThanOrEqual(USERS);
    expect(alertSeconds / alerts).toBeGreaterThan(0);
    expect(alertSeconds / alerts).toBeLessThan(60);
    // An alert comes after the exposure update that raised it: its latency distribution cannot start earlier.
    const fastest = (name: string) => series(gateway, name).filter((s) => s.value > 0).map((s) => Number(s.labels['le']))[0];
    expect(fastest('hyperdex_ingest_to_alert_seconds_bucket')).toBeGreaterThanOrEqual(fastest('hyperdex_ingest_to_exposure_seconds_bucket') ?? 0);
    console.log(`e2e: ${exposures} exposure updates, mean ${((exposureSeconds / exposures) * 1000).toFixed(1)} ms; ${alerts} alerts, mean ${((alertSeconds / alerts) * 1000).toFixed(1)} ms after the POST`);
  });

  it('count dead-lettered records by dead-letter topic', async () => {
    const dlq = deadLetterTopic(Topics.trades);
    const before = valueOf(await scrape(PORTS.positions), 'hyperdex_dlq_records_total', { topic: dlq });
    const producer = kafka.producer();
    await producer.connect();
    try {
      const key = uniqueUser('dlq');
      await producer.send({ topic: Topics.trades, acks: -1, messages: [{ key, value: '{"tradeId":' }, { key, value: JSON.stringify({ userId: key }) }] });
    } finally {
      await producer.disconnect();
    }
    await waitUntil(async () => valueOf(await scrape(PORTS.positions), 'hyperdex_dlq_records_total', { topic: dlq }) >= before + 2, 'positions to count two dead letters');
    expect(valueOf(await scrape(PORTS.positions), 'hyperdex_dlq_records_total', { topic: dlq })).toBe(before + 2);
  });
});

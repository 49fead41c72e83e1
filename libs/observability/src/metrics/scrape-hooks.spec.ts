import { ServiceMetrics } from './service-metrics';
import { ScrapeHooks } from './scrape-hooks';

describe('ScrapeHooks', () => {
  it('runs every hook once per scrape, however many gauges ask', async () => {
    const metrics = new ServiceMetrics('test');
    let runs = 0;
    metrics.scrapeHooks.add(async () => {
      runs++;
      metrics.consumerLag.set({ group: 'g', topic: 't', partition: '0' }, 5);
      metrics.consumerCommittedOffset.set({ group: 'g', topic: 't', partition: '0' }, 95);
    });
    const text = await metrics.registry.metrics();
    expect(runs).toBe(1);
    expect(text).toContain('hyperdex_kafka_consumer_lag{group="g",topic="t",partition="0",service="test"} 5');
    expect(text).toContain('hyperdex_kafka_consumer_committed_offset{group="g",topic="t",partition="0",service="test"} 95');
    await metrics.registry.metrics();
    expect(runs).toBe(2);
  });

  it('keeps the last figures when a hook fails or hangs, without holding the scrape', async () => {
    const hooks = new ScrapeHooks(50);
    const done: string[] = [];
    hooks.add(async () => {
      throw new Error('broker down');
    });
    hooks.add(() => new Promise<void>(() => undefined));
    hooks.add(async () => {
      done.push('ok');
    });
    const started = Date.now();
    await hooks.run();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(done).toEqual(['ok']);
  });

  it('stops running a hook once it is removed', async () => {
    const hooks = new ScrapeHooks();
    let runs = 0;
    const remove = hooks.add(async () => {
      runs++;
    });
    await hooks.run();
    remove();
    await hooks.run();
    expect(runs).toBe(1);
  });
});

describe('ServiceMetrics', () => {
  it('reads a scrape-time gauge only when scraped', async () => {
    const metrics = new ServiceMetrics('gateway');
    let connected = 3;
    metrics.gauge('hyperdex_websocket_connections', 'sockets', (gauge) => gauge.set(connected));
    expect(await metrics.registry.metrics()).toContain('hyperdex_websocket_connections{service="gateway"} 3');
    connected = 1;
    expect(await metrics.registry.metrics()).toContain('hyperdex_websocket_connections{service="gateway"} 1');
  });
});

import pino from 'pino';
import type { ExposureUpdate } from '@hyperdex/contracts';
import type { OutboundEvent } from '@hyperdex/messaging';
import { ServiceMetrics } from '@hyperdex/observability';
import { TokenRegistry } from '@hyperdex/risk-core';
import { ExposureBroadcaster, type ExposureEventSink, type ExposureSnapshotStore } from './exposure-broadcaster';
import { PortfolioService } from './portfolio.service';
import { PositionBookCache } from './position-book-cache';
import { consumed } from './testing/consumed';
import { InMemoryLedger } from './testing/in-memory-ledger';
import { USDC, WETH, aDeposit, aRetraction, aSwap } from './testing/ledger-events';

/** Records what would have gone to Kafka; can refuse the next publish as a broker outage would. */
class RecordingPublisher implements ExposureEventSink {
  readonly calls: Array<readonly OutboundEvent[]> = [];
  private failures = 0;

  failNext(): void {
    this.failures = 1;
  }

  async publishAll(events: readonly OutboundEvent[]): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('broker unavailable');
    }
    this.calls.push(events);
  }

  updates(): ExposureUpdate[] {
    return this.calls.flat().map((e) => e.payload as ExposureUpdate);
  }
}

class RecordingCache implements ExposureSnapshotStore {
  readonly calls: Array<readonly ExposureUpdate[]> = [];
  down = false;

  async putMany(snapshots: readonly ExposureUpdate[]): Promise<void> {
    if (this.down) throw new Error('ECONNREFUSED');
    this.calls.push(snapshots);
  }
}

const running: PortfolioService[] = [];
afterEach(() => running.splice(0).forEach((service) => service.onModuleDestroy()));

function setup(intervalMs = 60_000, ledger = new InMemoryLedger()) {
  const publisher = new RecordingPublisher();
  const cache = new RecordingCache();
  const logger = pino({ level: 'silent' });
  const metrics = new ServiceMetrics('positions-spec');
  const broadcaster = new ExposureBroadcaster(publisher, cache, logger, metrics);
  const service = new PortfolioService(new TokenRegistry(), new PositionBookCache(1_000), ledger, broadcaster, logger, { intervalMs, batchSize: 500 }, metrics);
  running.push(service);
  return { service, ledger, publisher, cache, metrics };
}

/** A sample of a registered metric (a histogram's `_sum` and `_count` are found under the histogram). */
async function metricValue(metrics: ServiceMetrics, sample: string, labels: Record<string, string>): Promise<number | undefined> {
  const name = sample.replace(/_(sum|count)$/, '');
  const values = (await metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
  const match = values.find((v) => ('metricName' in v && typeof v.metricName === 'string' ? v.metricName : name) === sample && Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return match?.value;
}

const tick = (token: string, priceUsd: string, timestamp = 1_764_000_000_000) => ({ chainId: 1, token, priceUsd, timestamp, source: 'spec' });
const balanceOf = (update: ExposureUpdate | undefined, token: string) => update?.positions.find((p) => p.token === token)?.balance;
const kinds = (update: ExposureUpdate | undefined) => update?.causes?.map((c) => (c.kind === 'price' ? `price:${c.token === WETH ? 'WETH' : c.token}` : c.kind === 'transfer' ? c.transferId : `${c.kind}:${c.tradeId}`));

describe('PortfolioService, one chunk of ledger events', () => {
  it('books the chunk in one write and publishes one update per user naming every event, duplicates included', async () => {
    const { service, ledger, publisher, cache } = setup();
    await service.applyPrices([tick(WETH, '3000'), tick(USDC, '1')]);
    const events = [
      consumed(aDeposit('a-dep')),
      consumed(aSwap('b-1', { userId: 'bob' })),
      consumed(aSwap('a-1')),
      consumed(aSwap('a-1')),
      consumed(aSwap('b-2', { userId: 'bob' })),
    ];
    await service.applyLedgerChunk(events);

    // The repeated a-1 is compared with the recorded one: one more read.
    expect(ledger.calls).toEqual({ recordEvents: 1, loadLedgers: 1, retract: 0, loadRecorded: 1, loadHolders: 0 });
    expect(ledger.idsOf('alice')).toEqual(['a-dep', 'a-1']);
    expect(publisher.calls).toHaveLength(1);
    const [alice, bob] = publisher.updates();
    expect(kinds(alice)).toEqual(['a-dep', 'trade:a-1', 'trade:a-1']);
    expect(alice?.cause).toEqual(alice?.causes?.[2]);
    // The first a-1 was booked (it bought at the 3,000 the book knew); the second is republished with no outcome.
    expect(alice?.causes?.[1]).toMatchObject({ kind: 'trade', outcome: { closesPosition: false, notionalUsd: '3000' } });
    expect(alice?.causes?.[2]).toMatchObject({ kind: 'trade', outcome: { closesPosition: false, realizedPnlUsd: null, notionalUsd: null, feesUsd: null } });
    expect(balanceOf(alice, USDC)).toBe('7000000000');
    expect(balanceOf(alice, WETH)).toBe('1000000000000000000');
    expect(kinds(bob)).toEqual(['trade:b-1', 'trade:b-2']);
    expect(balanceOf(bob, WETH)).toBe('2000000000000000000');
    // Each update continues the trace of its user's last event.
    expect(publisher.calls[0]?.map((e) => e.causedBy)).toEqual([events[3]?.context, events[4]?.context]);
    expect(cache.calls).toEqual([[alice, bob]]);
  });

  it('refuses a conflicting duplicate (same id, other content) with both versions, counts it, and keeps the first', async () => {
    const { service, ledger, publisher, metrics } = setup();
    await service.applyLedgerChunk([consumed(aSwap('c-1'))]);
    const redelivered = consumed(aSwap('c-1'));
    const altered = consumed(aSwap('c-1', { amountOut: '2000000000000000000' }));
    const stolen = consumed(aSwap('c-1', { userId: 'mallory' }));
    const fresh = consumed(aSwap('c-2'));
    const outcome = await service.applyLedgerChunk([redelivered, altered, stolen, fresh]);

    expect(outcome.rejected.map((r) => r.event)).toEqual([altered, stolen]);
    const [first, second] = outcome.rejected.map((r) => r.failure);
    expect(first?.message).toBe('conflicting duplicate: id c-1 is recorded with other content');
    expect(first?.errors[0]).toEqual({ field: 'amountOut', reason: 'recorded 1000000000000000000, received 2000000000000000000' });
    expect(JSON.parse(first?.errors.at(-1)?.reason ?? '{}')).toMatchObject({ userId: 'alice', amountOut: '1000000000000000000' });
    expect(first?.errors.at(-1)?.field).toBe('(recorded)');
    expect(second?.errors[0]).toEqual({ field: 'userId', reason: 'recorded alice, received mallory' });
    expect(ledger.idsOf('alice')).toEqual(['c-1', 'c-2']);
    expect(ledger.idsOf('mallory')).toEqual([]);
    // The true redelivery is republished; the conflicting ones are not.
    const latest = publisher.updates().at(-1);
    expect(kinds(latest)).toEqual(['trade:c-1', 'trade:c-2']);
    expect(balanceOf(latest, WETH)).toBe('2000000000000000000');
    expect(publisher.updates().some((u) => u.userId === 'mallory')).toBe(false);
    expect(await metricValue(metrics, 'hyperdex_positions_conflicting_duplicates_total', {})).toBe(2);
  });

  it('refuses the later of two versions of one id within a chunk', async () => {
    const { service, ledger } = setup();
    const original = consumed(aSwap('d-1'));
    const altered = consumed(aSwap('d-1', { timestamp: 1_764_000_000_001 }));
    const outcome = await service.applyLedgerChunk([original, altered]);
    expect(outcome.rejected.map((r) => [r.event, r.failure.errors[0]?.field])).toEqual([[altered, 'timestamp']]);
    expect(ledger.idsOf('alice')).toEqual(['d-1']);
  });

  it('after a restart, revalues holders of a moved token that are not in memory, on its own partitions only', async () => {
    const before = setup(0);
    await before.service.applyPrices([tick(WETH, '3000')]);
    await before.service.applyLedgerChunk([consumed(aSwap('h-1'), 3)]);
    await before.service.applyLedgerChunk([consumed(aSwap('h-2', { userId: 'bob' }), 5)]);
    await before.service.applyLedgerChunk([consumed(aSwap('h-3', { userId: 'cid', tokenOut: USDC, tokenIn: WETH, amountIn: '1', amountOut: '1' }), 3)]);
    // A new instance on the same ledger, owning partition 3: nobody is in memory.
    const after = setup(0, before.ledger);
    after.service.retainPartitions([3]);
    await after.service.applyPrices([tick(WETH, '2500')]);
    await after.service.holdersLoaded();
    const updates = after.publisher.updates();
    // cid sold WETH (a negative balance is still a holding); bob is on a partition owned elsewhere.
    expect(updates.map((u) => [u.userId, kinds(u)])).toEqual([
      ['alice', ['price:WETH']],
      ['cid', ['price:WETH']],
    ]);
    expect(updates[0]?.positions.find((p) => p.token === WETH)?.valueUsd).toBe('2500');
  });

  it('keeps a retraction in its place among the user\'s events', async () => {
    const { service, ledger, publisher } = setup();
    await service.applyLedgerChunk([consumed(aSwap('t1')), consumed(aSwap('t2')), consumed(aRetraction('t1')), consumed(aSwap('t3'))]);
    expect(ledger.calls.recordEvents).toBe(2);
    expect(ledger.idsOf('alice')).toEqual(['t2', 't3']);
    const [update] = publisher.updates();
    expect(kinds(update)).toEqual(['trade:t1', 'trade:t2', 'retraction:t1', 'trade:t3']);
    expect(balanceOf(update, WETH)).toBe('2000000000000000000');
  });

  it('applies nothing when the write fails, and a retry books the chunk once', async () => {
    const { service, ledger, publisher } = setup();
    await service.applyLedgerChunk([consumed(aSwap('t1'))]);
    const retried = [consumed(aSwap('t2')), consumed(aSwap('t3'))];
    ledger.failNextWrites();
    await expect(service.applyLedgerChunk(retried)).rejects.toThrow('connection terminated');
    await service.applyLedgerChunk(retried);
    const latest = publisher.updates().at(-1);
    expect(kinds(latest)).toEqual(['trade:t2', 'trade:t3']);
    expect(balanceOf(latest, WETH)).toBe('3000000000000000000');
  });

  it('republishes the right exposure when publishing failed after the commit', async () => {
    const { service, ledger, publisher } = setup();
    const events = [consumed(aSwap('t1')), consumed(aSwap('t2'))];
    publisher.failNext();
    await expect(service.applyLedgerChunk(events)).rejects.toThrow('broker unavailable');
    expect(ledger.idsOf('alice')).toEqual(['t1', 't2']);
    await service.applyLedgerChunk(events);
    const [update] = publisher.updates();
    expect(kinds(update)).toEqual(['trade:t1', 'trade:t2']);
    expect(update?.causes?.every((c) => c.kind === 'trade' && c.outcome.notionalUsd === null)).toBe(true);
    expect(balanceOf(update, WETH)).toBe('2000000000000000000');
  });

  it('publishes even when Redis is down', async () => {
    const { service, publisher, cache, metrics } = setup();
    cache.down = true;
    await service.applyLedgerChunk([consumed(aSwap('t1'))]);
    expect(publisher.updates()).toHaveLength(1);
    expect(await metricValue(metrics, 'hyperdex_exposure_cache_failures_total', {})).toBe(1);
  });
});

describe('PortfolioService, price moves', () => {
  it('with an interval of 0, publishes one update per holder after the prices chunk, naming each token that moved', async () => {
    const { service, publisher } = setup(0);
    await service.applyLedgerChunk([consumed(aSwap('a-1')), consumed(aSwap('b-1', { userId: 'bob' })), consumed(aDeposit('c-dep', { userId: 'carol' }))]);
    await service.applyPrices([tick(WETH, '3000'), tick(USDC, '1'), tick(WETH, '3100', 1_764_000_000_001), tick(WETH, '2900', 1_763_000_000_000)]);
    const revalued = publisher.calls[1]?.map((e) => e.payload as ExposureUpdate) ?? [];
    expect(revalued.map((u) => [u.userId, kinds(u)])).toEqual([
      ['alice', ['price:WETH', `price:${USDC}`]],
      ['bob', ['price:WETH', `price:${USDC}`]],
      ['carol', [`price:${USDC}`]],
    ]);
    // Valued at the latest price: the older 2,900 tick arrived late and changed nothing.
    expect(revalued[0]?.positions.find((p) => p.token === WETH)?.priceUsd).toBe('3100');
    expect(publisher.calls).toHaveLength(2);
  });

  it('folds a holder\'s pending price moves into their next trade update instead of publishing them apart', async () => {
    const { service, publisher, metrics } = setup(60_000);
    await service.applyLedgerChunk([consumed(aSwap('t1'))]);
    await service.applyPrices([tick(WETH, '3000')]);
    await service.applyLedgerChunk([consumed(aSwap('t2'))]);
    const latest = publisher.updates().at(-1);
    expect(kinds(latest)).toEqual(['price:WETH', 'trade:t2']);
    expect(latest?.cause).toMatchObject({ kind: 'trade', tradeId: 't2' });
    expect(latest?.grossExposureUsd).toBe('6000');
    expect(await metricValue(metrics, 'hyperdex_exposure_updates_published_total', { reason: 'ledger' })).toBe(2);
    // Two updates covering three events: one trade, then a trade with the price move folded in.
    expect(await metricValue(metrics, 'hyperdex_exposure_update_causes_sum', { reason: 'ledger' })).toBe(3);
  });

  it('values a newly learned token\'s holders through the same path', async () => {
    const { service, publisher } = setup(0);
    const token = '0x853d955acef822db058eb8505911ed77f175b99e';
    await service.applyPrices([tick(token, '1')]);
    await service.applyLedgerChunk([consumed(aSwap('t1', { tokenOut: token, amountOut: '5000000000000000000' }))]);
    expect(publisher.updates().at(-1)?.unpriced).toContainEqual({ chainId: 1, token, reason: 'unknown-token' });
    await service.learnTokens([{ chainId: 1, address: token, symbol: 'FRAX', decimals: 18, stablecoin: false, source: 'rpc' }]);
    const valued = publisher.updates().at(-1);
    expect(kinds(valued)).toEqual([`price:${token}`]);
    expect(valued?.positions.find((p) => p.token === token)).toMatchObject({ symbol: 'FRAX', valueUsd: '5' });
  });
});

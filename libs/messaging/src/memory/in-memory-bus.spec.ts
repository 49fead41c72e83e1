import pino from 'pino';
import { Topics, deadLetterTopic, type DeadLetter, type PriceTick } from '@hyperdex/contracts';
import { HealthRegistry, ServiceMetrics } from '@hyperdex/observability';
import { PermanentFailure } from '../consumer/permanent-failure';
import type { InboundEvent } from '../consumer/inbound-event';
import type { SubscriptionOptions } from '../ports/event-subscriber.port';
import { InMemoryBroker } from './in-memory-broker';
import { InMemoryEventPublisher } from './in-memory-publisher';
import { InMemorySubscriberFactory } from './in-memory-subscriber.factory';

const TOKENS = ['0x1111111111111111111111111111111111111111', '0x2222222222222222222222222222222222222222', '0x3333333333333333333333333333333333333333'] as const;

const tick = (token: string, price: string, timestamp = 1_764_000_000_000): PriceTick => ({ chainId: 1, token, priceUsd: price, timestamp, source: 'spec' });

function bus(partitions = 4, handlerRetryLimit?: { maxAttempts: number; maxElapsedMs: number }) {
  const broker = new InMemoryBroker(partitions);
  broker.ensureTopics([Topics.prices, Topics.trades]);
  const logger = pino({ level: 'silent' });
  const metrics = new ServiceMetrics('bus-spec');
  const publisher = new InMemoryEventPublisher(broker, { clientId: 'spec', validateOutgoing: true }, metrics, logger);
  const factory = () => new InMemorySubscriberFactory(broker, { consumerMaxBatch: 50, maxRetryBackoffMs: 20, handlerRetryLimit }, publisher, metrics, new HealthRegistry(), logger);
  return { broker, publisher, factory, metrics };
}

/** Resolves when `done` holds, polling the event loop (the bus delivers asynchronously, as a broker would). */
async function until(done: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const priceSubscription = (
  groupId: string,
  handle: (events: ReadonlyArray<InboundEvent<typeof Topics.prices>>) => Promise<void> | void,
  extra: Partial<SubscriptionOptions<typeof Topics.prices>> = {},
): SubscriptionOptions<typeof Topics.prices> => ({ topic: Topics.prices, groupId, fromBeginning: true, handleBatch: async (events) => handle(events), ...extra });

describe('the in-memory bus', () => {
  it('keeps each key in one partition and in publish order', async () => {
    const { broker, publisher, factory } = bus();
    await publisher.publish(Topics.prices, [1, 2, 3, 4, 5].flatMap((i) => TOKENS.map((t) => tick(t, `${i}`, 1_764_000_000_000 + i))));
    const seen = new Map<string, string[]>();
    const partitions = new Map<string, Set<number>>();
    const subscribers = factory();
    await subscribers.subscribe(
      priceSubscription('g', (events) => {
        for (const e of events) {
          seen.set(e.payload.token, [...(seen.get(e.payload.token) ?? []), e.payload.priceUsd]);
          partitions.set(e.payload.token, (partitions.get(e.payload.token) ?? new Set()).add(e.context.partition));
        }
      }, { topic: Topics.prices }),
    );
    // prices is compacted: a reader from the beginning sees only each token's latest tick.
    await until(() => seen.size === 3);
    expect([...seen.values()]).toEqual([['5'], ['5'], ['5']]);
    for (const set of partitions.values()) expect(set.size).toBe(1);
    expect(broker.records(Topics.prices)).toHaveLength(3);
    await subscribers.stopAll();
  });

  it('carries the ingestion time of a cause to the records published because of it, as the Kafka publisher does', async () => {
    const { publisher, factory } = bus(1);
    const seen: Array<InboundEvent<typeof Topics.prices>> = [];
    const subscribers = factory();
    await subscribers.subscribe(priceSubscription('caused', (events) => void seen.push(...events)));
    await publisher.publish(Topics.prices, [tick(TOKENS[0], '1')]);
    await until(() => seen.length === 1);
    const cause = seen[0]?.context;
    expect(cause?.ingestedAt).toBe(cause?.timestamp); // a first input is ingested when its record is written
    await publisher.publishAll([{ topic: Topics.prices, payload: tick(TOKENS[1], '2'), ...(cause ? { causedBy: { ...cause, ingestedAt: 1_700_000_000_000 } } : {}) }]);
    await until(() => seen.length === 2);
    expect(seen[1]?.context.ingestedAt).toBe(1_700_000_000_000);
    await subscribers.stopAll();
  });

  it('resumes a group from its committed offset, in order', async () => {
    const { broker, publisher, factory } = bus(1);
    const seen: string[] = [];
    const first = factory();
    await first.subscribe(priceSubscription('resume', (events) => void seen.push(...events.map((e) => e.payload.priceUsd))));
    await publisher.publish(Topics.prices, [tick(TOKENS[0], '1'), tick(TOKENS[1], '2')]);
    await until(() => seen.length === 2);
    await first.stopAll();
    // Published while no member runs; a new member of the group starts after what was committed.
    await publisher.publish(Topics.prices, [tick(TOKENS[2], '3')]);
    const second = factory();
    await second.subscribe(priceSubscription('resume', (events) => void seen.push(...events.map((e) => e.payload.priceUsd))));
    await until(() => seen.length === 3);
    expect(seen).toEqual(['1', '2', '3']);
    expect(broker.committed('resume', Topics.prices, 0)).toBe(3);
    await second.stopAll();
  });

  it('splits partitions among a group, and hands a leaving member its partitions to the rest', async () => {
    const { broker, publisher, factory } = bus(4);
    const assigned: Record<string, readonly number[]> = {};
    const handledBy = new Map<string, string>();
    const a = factory();
    const b = factory();
    const member = (name: string) =>
      priceSubscription('split', (events) => void events.forEach((e) => handledBy.set(`${e.payload.token}:${e.payload.priceUsd}`, name)), {
        onAssignment: (p) => (assigned[name] = p),
      });
    await a.subscribe(member('a'));
    await b.subscribe(member('b'));
    expect([...(assigned['a'] ?? []), ...(assigned['b'] ?? [])].sort()).toEqual([0, 1, 2, 3]);
    expect(assigned['a']).toHaveLength(2);
    await a.stopAll();
    expect(assigned['b']).toEqual([0, 1, 2, 3]);
    await publisher.publish(Topics.prices, TOKENS.map((t) => tick(t, '9')));
    await until(() => handledBy.size === 3);
    expect(new Set(handledBy.values())).toEqual(new Set(['b']));
    expect(broker.partitionCount(Topics.prices)).toBe(4);
    await b.stopAll();
  });

  it('retries a transient failure and commits only after the handler succeeded', async () => {
    const { broker, publisher, factory } = bus(1);
    let calls = 0;
    const subscribers = factory();
    await subscribers.subscribe(
      priceSubscription('retry', () => {
        calls++;
        expect(broker.committed('retry', Topics.prices, 0)).toBeUndefined();
        if (calls < 3) throw new Error('database unavailable');
      }),
    );
    await publisher.publish(Topics.prices, [tick(TOKENS[0], '1')]);
    await until(() => broker.committed('retry', Topics.prices, 0) === 1);
    expect(calls).toBe(3);
    await subscribers.stopAll();
  });

  it('dead-letters a malformed record and one the handler refuses alone, and goes on with the rest', async () => {
    const { broker, publisher, factory } = bus(1);
    const applied: string[] = [];
    const subscribers = factory();
    await subscribers.subscribe(
      priceSubscription('dlq', (events) => {
        if (events.some((e) => e.payload.priceUsd === '13')) throw new PermanentFailure('unlucky price', [{ field: 'priceUsd', reason: 'is 13' }]);
        applied.push(...events.map((e) => e.payload.priceUsd));
      }),
    );
    await publisher.publishRaw(Topics.prices, [{ key: `1:${TOKENS[0]}`, value: '{"chainId":1}' }]);
    await publisher.publish(Topics.prices, [tick(TOKENS[1], '12'), tick(TOKENS[2], '13')]);
    await until(() => broker.records(deadLetterTopic(Topics.prices)).length === 2 && broker.committed('dlq', Topics.prices, 0) === 3);
    expect(applied).toEqual(['12']);
    const letters = broker.records(deadLetterTopic(Topics.prices)).map((r) => JSON.parse(String(r.value)) as DeadLetter);
    expect(letters.map((l) => [l.offset, l.reason])).toEqual([
      ['0', 'message does not match the topic contract'],
      ['2', 'unlucky price'],
    ]);
    expect(letters[0]?.errors.map((e) => e.field)).toContain('token');
    await subscribers.stopAll();
  });

  it('bounds the retries of a record that keeps failing transiently: dead-lettered with the reason, counted, the rest applied', async () => {
    const { broker, publisher, factory, metrics } = bus(1, { maxAttempts: 3, maxElapsedMs: 60_000 });
    const applied: string[] = [];
    const subscribers = factory();
    await subscribers.subscribe(
      priceSubscription('poison', (events) => {
        if (events.some((e) => e.payload.priceUsd === '13')) throw new Error('database says no');
        applied.push(...events.map((e) => e.payload.priceUsd));
      }),
    );
    await publisher.publish(Topics.prices, [tick(TOKENS[0], '12'), tick(TOKENS[1], '13'), tick(TOKENS[2], '14')]);
    await until(() => broker.committed('poison', Topics.prices, 0) === 3, 10_000);
    expect(applied).toEqual(['12', '14']);
    const letters = broker.records(deadLetterTopic(Topics.prices)).map((r) => JSON.parse(String(r.value)) as DeadLetter);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.offset).toBe('1');
    expect(letters[0]?.attempts).toBe(4);
    expect(letters[0]?.reason).toMatch(/^handler failed 4 times over \d+ ms \(limit 3 attempts or 60000 ms\): database says no$/);
    expect(letters[0]?.errors).toEqual([{ field: '(handler)', reason: 'database says no' }]);
    const attempts = Object.fromEntries((await metrics.handlerAttempts.get()).values.map((v) => [v.labels.outcome, v.value]));
    // The chunk of three: two retries, then exhausted; narrowed one by one: 12 ok, 13 exhausted at once, 14 ok.
    expect(attempts).toEqual({ retried: 2, exhausted: 2, ok: 2 });
    await subscribers.stopAll();
  });

  it('refuses to publish to a topic that does not exist, or a payload that breaks its contract', async () => {
    const { publisher } = bus();
    await expect(publisher.publishRaw('nowhere', [{ key: null, value: '{}' }])).rejects.toThrow('unknown topic nowhere');
    await expect(publisher.publish(Topics.prices, [{ ...tick(TOKENS[0], '1'), priceUsd: '-1' }])).rejects.toThrow(/refusing to publish to hyperdex.prices.v1: priceUsd/);
  });

  it('replays from the start on every subscription that does not commit', async () => {
    const { publisher, factory } = bus(2);
    await publisher.publish(Topics.prices, TOKENS.map((t) => tick(t, '1')));
    for (let run = 0; run < 2; run++) {
      const seen: string[] = [];
      const subscribers = factory();
      await subscribers.subscribe(priceSubscription('replay', (events) => void seen.push(...events.map((e) => e.payload.token)), { commitOffsets: false }));
      await until(() => seen.length === 3);
      await subscribers.stopAll();
    }
  });
});

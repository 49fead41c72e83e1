import pino from 'pino';
import { ALL_TOPICS, Topics, type TopicName } from '@hyperdex/contracts';
import { InMemoryBroker, InMemoryEventPublisher, type InboundEvent, type SubscriptionOptions } from '@hyperdex/messaging';
import { ServiceMetrics } from '@hyperdex/observability';
import { SimBus } from './sim-bus';

const silent = pino({ level: 'silent' });
// Each tick of its own token: the prices topic is compacted by token, and these records must all stay readable.
const tick = (n: number) => ({ chainId: 1, token: `0x${n.toString(16).padStart(40, '0')}`, priceUsd: String(n), timestamp: 1_764_000_000_000 + n, source: 'spec' });

/** The simulation's consumer side keeps Kafka's group semantics while the scheduler picks every delivery. */
describe('SimBus', () => {
  const setup = () => {
    const broker = new InMemoryBroker(1, () => 0);
    broker.ensureTopics(ALL_TOPICS);
    const publisher = new InMemoryEventPublisher(broker, { clientId: 'spec', validateOutgoing: true }, new ServiceMetrics('spec'), silent);
    const bus = new SimBus(broker);
    const seen: Record<string, string[]> = {};
    const join = (instance: string) => {
      seen[instance] = [];
      const options: SubscriptionOptions<typeof Topics.prices> = {
        topic: Topics.prices,
        groupId: 'spec-group',
        fromBeginning: true,
        handleBatch: async (events: ReadonlyArray<InboundEvent<typeof Topics.prices>>) => void seen[instance]?.push(...events.map((e) => e.payload.priceUsd)),
      };
      return bus.join(instance, options as unknown as SubscriptionOptions<TopicName>, publisher, new ServiceMetrics(instance), silent);
    };
    return { broker, publisher, bus, seen, join };
  };

  it('delivers in order from the committed offset and commits after the handler', async () => {
    const { publisher, bus, seen, join, broker } = setup();
    const a = join('a');
    await publisher.publish(Topics.prices, [tick(1), tick(2), tick(3)]);
    expect(await bus.deliver(a, 0, 2, 'none')).toBe(2);
    expect(await bus.deliver(a, 0, 2, 'none')).toBe(1);
    expect(seen['a']).toEqual(['1', '2', '3']);
    expect(broker.committed('spec-group', Topics.prices, 0)).toBe(3);
    expect(bus.deliverable()).toEqual([]);
  });

  it('hands a chunk whose commit was lost to the next owner, and a duplicated chunk twice', async () => {
    const { publisher, bus, seen, join } = setup();
    const a = join('a');
    const b = join('b');
    // One partition, two members: a holds it (join order), b holds none.
    expect([a.partitions, b.partitions]).toEqual([[0], []]);
    await publisher.publish(Topics.prices, [tick(1), tick(2)]);
    await bus.deliver(a, 0, 1, 'duplicate');
    await bus.deliver(a, 0, 1, 'commit-lost');
    bus.movePartition(a, b, 0);
    await bus.drain();
    expect(seen['a']).toEqual(['1', '1', '2']);
    expect(seen['b']).toEqual(['2']);
  });

  it('restarts a partition from the committed offset when its owner crashes', async () => {
    const { publisher, bus, seen, join } = setup();
    join('a');
    const b = join('b');
    const a = bus.memberOf('a', 'spec-group');
    await publisher.publish(Topics.prices, [tick(1), tick(2)]);
    await bus.deliver(a as NonNullable<typeof a>, 0, 2, 'commit-lost');
    bus.leaveInstance('a');
    expect(b.partitions).toEqual([0]);
    await bus.drain();
    expect(seen['b']).toEqual(['1', '2']);
  });
});

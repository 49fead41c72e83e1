import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { Topics, type ExposureUpdate } from '@hyperdex/contracts';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { deadLetters, published, until } from '@hyperdex/embedded/testing';
import { EventPublisher, toKafkaSettings } from '@hyperdex/messaging';
import { ExposureCache, SqlDatabase } from '@hyperdex/persistence';
import { PositionsModule } from './positions.module';
import { positionsConfigSchema } from './positions.config';
import { USDC, WETH, aDeposit, aRetraction, aSwap } from './testing/ledger-events';

const tick = (token: string, priceUsd: string) => ({ chainId: 1, token, priceUsd, timestamp: 1_764_000_000_000, source: 'spec' });
const balanceOf = (update: ExposureUpdate | null | undefined, token: string) => update?.positions.find((p) => p.token === token)?.balance ?? '0';

/** The positions module as the service mounts it, on the in-memory bus, PGlite and the in-process cache: no Kafka. */
describe('PositionsModule on the embedded infrastructure', () => {
  let infra: EmbeddedInfrastructure;
  let app: INestApplication;
  let publisher: EventPublisher;

  const updatesOf = (userId: string) => published(infra.broker, Topics.positions).filter((u) => u.userId === userId);
  const causeId = (c: ExposureUpdate['cause']) => ('tradeId' in c ? c.tradeId : 'transferId' in c ? c.transferId : null);
  const covered = (userId: string, id: string) => updatesOf(userId).some((u) => (u.causes ?? [u.cause]).some((c) => causeId(c) === id));

  beforeAll(async () => {
    infra = await EmbeddedInfrastructure.open({ partitions: 2 });
    const config = positionsConfigSchema.parse({ POSITIONS_INSTANCE_ID: 'spec', POSITIONS_PRICE_REVALUE_INTERVAL_MS: '0' });
    const moduleRef = await Test.createTestingModule({
      imports: [...infra.modules({ name: 'positions', logger: pino({ level: 'silent' }), messaging: toKafkaSettings(config, 'positions') }), PositionsModule.forRoot(config)],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    publisher = app.get(EventPublisher);
    await publisher.publish(Topics.prices, [tick(WETH, '3000'), tick(USDC, '1')]);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await infra?.close();
  });

  it('books a batch of trades once in the ledger, publishes the exposure and caches the snapshot', async () => {
    await publisher.publish(Topics.trades, [aDeposit('a-dep'), aSwap('a-1'), aSwap('a-1'), aSwap('b-1', { userId: 'bob' })]);
    await until(() => covered('alice', 'a-1') && covered('bob', 'b-1'), 'exposure updates of alice and bob');

    const rows = await app.get(SqlDatabase).query<{ trade_id: string }>(`SELECT trade_id FROM trades WHERE user_id = 'alice' ORDER BY seq`);
    expect(rows.map((r) => r.trade_id)).toEqual(['a-dep', 'a-1']);
    const latest = updatesOf('alice').at(-1);
    expect(balanceOf(latest, USDC)).toBe('7000000000');
    expect(balanceOf(latest, WETH)).toBe('1000000000000000000');
    expect(latest?.grossExposureUsd).toBe('10000');
    await until(async () => (await app.get(ExposureCache).get('alice'))?.eventId === latest?.eventId, 'the cached snapshot');
  });

  it('reverses a retracted trade: the ledger keeps it as retracted and the exposure drops it', async () => {
    await publisher.publish(Topics.trades, [aSwap('c-1', { userId: 'carol' }), aSwap('c-2', { userId: 'carol' })]);
    await until(() => covered('carol', 'c-2'), 'carol booked');
    await publisher.publish(Topics.trades, [aRetraction('c-1', 'carol')]);
    await until(() => updatesOf('carol').some((u) => (u.causes ?? [u.cause]).some((c) => c.kind === 'retraction')), 'the retraction applied');
    const latest = updatesOf('carol').at(-1);
    expect(balanceOf(latest, WETH)).toBe('1000000000000000000');
    expect(balanceOf(latest, USDC)).toBe('-3000000000');
    const live = await app.get(SqlDatabase).query<{ trade_id: string }>(`SELECT trade_id FROM trades WHERE user_id = 'carol' AND retracted_at IS NULL`);
    expect(live.map((r) => r.trade_id)).toEqual(['c-2']);
  });

  it('dead-letters a trade that breaks the contract, with the field and reason, and goes on with the next', async () => {
    await publisher.publishRaw(Topics.trades, [{ key: 'dave', value: JSON.stringify({ ...aSwap('d-bad', { userId: 'dave' }), amountIn: '-5' }) }]);
    await publisher.publish(Topics.trades, [aSwap('d-1', { userId: 'dave' })]);
    await until(() => covered('dave', 'd-1'), 'dave booked after the bad record');
    const letters = deadLetters(infra.broker, Topics.trades);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ consumerGroup: 'positions', reason: 'message does not match the topic contract' });
    expect(letters[0]?.errors.map((e) => e.field)).toContain('amountIn');
    expect(covered('dave', 'd-bad')).toBe(false);
  });
});

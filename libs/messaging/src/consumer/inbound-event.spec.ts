import { ROOT_CONTEXT } from '@opentelemetry/api';
import { Topics, type PriceTick } from '@hyperdex/contracts';
import { eachEvent, isPermanentFailure, type InboundEvent } from './inbound-event';
import { PermanentFailure } from './permanent-failure';

const tick = (offset: number): InboundEvent<typeof Topics.prices> => ({
  payload: { chainId: 1, token: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', priceUsd: String(3000 + offset), timestamp: 1_764_000_000_000 + offset, source: 'spec' } as PriceTick,
  context: { topic: Topics.prices, partition: 0, offset: String(offset), key: '1:0xc02a', timestamp: 0, trace: ROOT_CONTEXT },
});

describe('eachEvent', () => {
  it('hands the records to per-record code in order', async () => {
    const seen: string[] = [];
    const outcome = await eachEvent<typeof Topics.prices>(async (payload, context) => {
      seen.push(`${context.offset}:${payload.priceUsd}`);
    })([tick(1), tick(2), tick(3)]);
    expect(seen).toEqual(['1:3001', '2:3002', '3:3003']);
    expect(outcome).toEqual({ rejected: [] });
  });

  it('refuses only the record that fails for good, and goes on with the rest', async () => {
    const seen: string[] = [];
    const events = [tick(1), tick(2), tick(3)];
    const outcome = await eachEvent<typeof Topics.prices>(async (_payload, context) => {
      if (context.offset === '2') throw new PermanentFailure('no such market', [{ field: 'token', reason: 'is not listed' }]);
      seen.push(context.offset);
    })(events);
    expect(seen).toEqual(['1', '3']);
    expect(outcome?.rejected.map((r) => [r.event, r.failure.message])).toEqual([[events[1], 'no such market']]);
  });

  it('stops at a transient error so the whole batch is retried', async () => {
    const seen: string[] = [];
    const handler = eachEvent<typeof Topics.prices>(async (_payload, context) => {
      if (context.offset === '2') throw new Error('database is down');
      seen.push(context.offset);
    });
    await expect(handler([tick(1), tick(2), tick(3)])).rejects.toThrow('database is down');
    expect(seen).toEqual(['1']);
  });
});

describe('isPermanentFailure', () => {
  it('recognises the class and its shape, not any error', () => {
    expect(isPermanentFailure(new PermanentFailure('x'))).toBe(true);
    expect(isPermanentFailure(Object.assign(new Error('x'), { name: 'PermanentFailure', errors: [] }))).toBe(true);
    expect(isPermanentFailure(new Error('x'))).toBe(false);
    expect(isPermanentFailure('PermanentFailure')).toBe(false);
  });
});

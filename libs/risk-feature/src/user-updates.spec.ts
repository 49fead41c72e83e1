import { ROOT_CONTEXT } from '@opentelemetry/api';
import type { ExposureCause, ExposureUpdate } from '@hyperdex/contracts';
import { foldUpdates, groupByUser, type ExposureEvent } from './user-updates';

const trade = (tradeId: string): ExposureCause => ({
  kind: 'trade',
  tradeId,
  executedAt: 1,
  outcome: { closesPosition: false, realizedPnlUsd: '0', notionalUsd: '1', feesUsd: '0' },
});
const price: ExposureCause = { kind: 'price', chainId: 1, token: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2' };

let offset = 0;
const event = (userId: string, eventId: string, causes: ExposureCause[]): ExposureEvent => ({
  payload: { eventId, userId, asOf: 1, cause: causes[causes.length - 1], causes } as ExposureUpdate,
  context: { topic: 'hyperdex.positions.v1', partition: 0, offset: String(offset++), key: userId, timestamp: 1, trace: ROOT_CONTEXT },
});

describe('groupByUser', () => {
  it('keeps each user’s updates in partition order, users in order of first appearance', () => {
    const chunk = [event('bob', 'b1', [price]), event('ann', 'a1', [trade('t1')]), event('bob', 'b2', [trade('t2')]), event('ann', 'a2', [price])];
    expect(groupByUser(chunk).map((g) => [g.userId, g.events.map((e) => e.payload.eventId)])).toEqual([
      ['bob', ['b1', 'b2']],
      ['ann', ['a1', 'a2']],
    ]);
  });

  it('gives nothing for an empty chunk', () => {
    expect(groupByUser([])).toEqual([]);
  });
});

describe('foldUpdates', () => {
  it('names every update folded in and every trade they covered, the last update being the source', () => {
    const events = [
      event('ann', 'a1', [trade('t1'), trade('t2')]),
      event('ann', 'a2', [price]),
      event('ann', 'a3', [{ kind: 'retraction', tradeId: 't1', reason: 'reorg' }, { kind: 'transfer', transferId: 'x1' }, trade('t3')]),
    ];
    const folded = foldUpdates(events);
    expect(folded.latest).toBe(events[2]);
    expect(folded.sourceEventIds).toEqual(['a1', 'a2', 'a3']);
    // t1's retraction names t1 again: reported once.
    expect(folded.tradeIds).toEqual(['t1', 't2', 't3']);
  });

  it('reports no trade ids for price moves only', () => {
    expect(foldUpdates([event('ann', 'a1', [price])]).tradeIds).toEqual([]);
  });

  it('refuses an empty fold', () => {
    expect(() => foldUpdates([])).toThrow('at least one');
  });
});

import type { LedgerEvent } from '@hyperdex/contracts';
import { planLedgerChunk, usersOf, type ChunkEvent } from './ledger-chunk';
import { consumed } from './testing/consumed';
import { aDeposit, aRetraction, aSwap } from './testing/ledger-events';

const shape = (events: ReadonlyArray<ChunkEvent>) =>
  planLedgerChunk(events).map((s) =>
    s.kind === 'bookings'
      ? s.bookings.map((b) => `${b.payload.kind === 'transfer' ? b.payload.transferId : b.payload.tradeId}${b.firstInChunk ? '' : '(dup)'}`)
      : `retract ${s.retraction.payload.tradeId}`,
  );
const chunk = (...events: LedgerEvent[]) => events.map((e) => consumed(e));

describe('planLedgerChunk', () => {
  it('keeps a chunk without retractions as one segment, in order, marking later occurrences of an id as duplicates', () => {
    const events = chunk(aSwap('t1'), aDeposit('d1', { userId: 'bob' }), aSwap('t1'), aSwap('t2', { userId: 'bob' }), aDeposit('d1', { userId: 'bob' }));
    expect(shape(events)).toEqual([['t1', 'd1', 't1(dup)', 't2', 'd1(dup)']]);
    expect(usersOf(events)).toEqual(['alice', 'bob']);
  });

  it('splits at each retraction, which stands alone between the events before and after it', () => {
    const events = chunk(aSwap('t1'), aSwap('t2', { userId: 'bob' }), aRetraction('t1'), aRetraction('t2', 'bob'), aSwap('t3'), aSwap('t1'));
    // The trade redelivered after its retraction is still the same id: a duplicate, as the ledger would also say.
    expect(shape(events)).toEqual([['t1', 't2'], 'retract t1', 'retract t2', ['t3', 't1(dup)']]);
  });

  it('keeps each event with the record it came from', () => {
    const events = chunk(aSwap('t1'), aSwap('t2'));
    const [segment] = planLedgerChunk(events);
    expect(segment?.kind === 'bookings' && segment.bookings.map((b) => b.context)).toEqual(events.map((e) => e.context));
    expect(planLedgerChunk([])).toEqual([]);
  });
});

import { ledgerEventId, type LedgerEvent, type Trade, type TradeRetraction, type Transfer } from '@hyperdex/contracts';
import type { MessageContext } from '@hyperdex/messaging';

/** One consumed ledger event with the record it came from. */
export interface ChunkEvent<E extends LedgerEvent = LedgerEvent> {
  readonly payload: E;
  readonly context: MessageContext;
}

export interface BookingInChunk extends ChunkEvent<Trade | Transfer> {
  /**
   * False for a later occurrence of an id already seen in this chunk: a redelivery, which changes nothing (it is
   * never sent to the ledger, so it cannot be counted twice nor take the first one's place).
   */
  readonly firstInChunk: boolean;
}

/**
 * A run of swaps and transfers booked together (one transaction), or a retraction on its own. A retraction rebuilds
 * its user's book from the ledger, so it must see everything that came before it committed and nothing after it.
 */
export type ChunkSegment =
  | { readonly kind: 'bookings'; readonly bookings: readonly BookingInChunk[] }
  | { readonly kind: 'retraction'; readonly retraction: ChunkEvent<TradeRetraction> };

/**
 * Splits one partition's ordered chunk of ledger events into segments at each retraction, keeping the order, and
 * marks repeated ids (the first occurrence wins, across segments too: a trade seen again after its retraction is
 * still the same trade, as the ledger would also say).
 */
export function planLedgerChunk(events: ReadonlyArray<ChunkEvent>): ChunkSegment[] {
  const segments: ChunkSegment[] = [];
  const seen = new Set<string>();
  let bookings: BookingInChunk[] = [];
  for (const { payload, context } of events) {
    if (payload.kind === 'retraction') {
      if (bookings.length > 0) segments.push({ kind: 'bookings', bookings });
      bookings = [];
      segments.push({ kind: 'retraction', retraction: { payload, context } });
      continue;
    }
    const id = ledgerEventId(payload);
    bookings.push({ payload, context, firstInChunk: !seen.has(id) });
    seen.add(id);
  }
  if (bookings.length > 0) segments.push({ kind: 'bookings', bookings });
  return segments;
}

/** The chunk's users in order of first appearance. */
export function usersOf(events: ReadonlyArray<ChunkEvent>): string[] {
  return [...new Set(events.map((e) => e.payload.userId))];
}

import { z } from 'zod';
import { evmAddress } from '../primitives/primitives.schema';

const txHash = z.string().regex(/^0x[0-9a-f]{64}$/, 'must be a lower-case 0x-prefixed 32-byte transaction hash');
const logIndex = z.number().int('must be an integer').nonnegative('must not be negative');

/** Where a trade decoded from chain logs came from, kept for audit (who signed, who the pool saw, which logs). */
export const ChainOriginSchema = z.strictObject({
  txHash,
  blockNumber: z.number().int('must be an integer').nonnegative('must not be negative'),
  /** The swap logs netted into this trade (one for a single hop, several for a multi-hop route). */
  logIndexes: z.array(logIndex).min(1, 'must name at least one log').max(64, 'must name at most 64 logs'),
  txFrom: evmAddress,
  eventSender: evmAddress.optional(),
  eventRecipient: evmAddress.optional(),
  /** Emitting contracts of the netted logs (pools, vaults, settlement contracts). */
  venues: z.array(evmAddress).max(64, 'must name at most 64 venues').optional(),
  /**
   * The decoded hops were not the whole route (an RFQ maker or an undecoded venue swapped a leg): the side the user
   * actually paid or received was taken from the receipt's ERC-20 transfers to and from the user.
   */
  completedFromTransfers: z.literal(true).optional(),
});

export type ChainOrigin = z.infer<typeof ChainOriginSchema>;

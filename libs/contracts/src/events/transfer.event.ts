import { z } from 'zod';
import { chainId, epochMillis, evmAddress, identifier, positiveUint256String, userId } from '../primitives/primitives.schema';

/**
 * Tokens moved into or out of a user's wallet without a swap (deposit, withdrawal, bridge). A transfer in opens or
 * extends a position at the price of the moment; a transfer out reduces it at average cost and realizes nothing.
 */
export const TransferSchema = z.strictObject({
  kind: z.literal('transfer'),
  transferId: identifier(200),
  userId,
  chainId,
  token: evmAddress,
  direction: z.enum(['in', 'out'], 'must be "in" or "out"'),
  amount: positiveUint256String,
  timestamp: epochMillis,
});

export type Transfer = z.infer<typeof TransferSchema>;

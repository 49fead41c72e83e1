import { z } from 'zod';
import { evmAddress, positiveUint256String } from '../primitives/primitives.schema';

/**
 * A cost the user paid on top of the amounts swapped, in base units of `token`: `gas` in the chain's native coin, a
 * `protocol` fee the venue charged (a CoW order's fee), or an `other` cut taken beside the route (a router's,
 * interface's or relayer's fee, a transfer tax). Always a positive amount paid; it lowers the user's balance of `token`.
 */
export const TradeFeeSchema = z.strictObject({
  kind: z.enum(['gas', 'protocol', 'other'], 'must be one of gas, protocol, other'),
  token: evmAddress,
  amount: positiveUint256String,
});

export type TradeFee = z.infer<typeof TradeFeeSchema>;

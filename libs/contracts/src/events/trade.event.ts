import { z } from 'zod';
import { chainId, epochMillis, evmAddress, identifier, positiveUint256String, userId } from '../primitives/primitives.schema';
import { ChainOriginSchema } from './chain-origin';
import { TradeFeeSchema } from './trade-fee';

/**
 * A completed swap: the user gave `amountIn` of `tokenIn` and received `amountOut` of `tokenOut`.
 * Amounts are base units (uint256) as strings; tokens are contract addresses on `chainId` (the chain's native coin is
 * `NATIVE_TOKEN`). `fees` are paid on top of `amountIn`; `origin` is present when the trade was decoded from chain logs.
 */
export const TradeSchema = z
  .strictObject({
    /** Optional on the wire so producers written before transfers existed stay valid. */
    kind: z.literal('swap').optional(),
    tradeId: identifier(200),
    userId,
    chainId,
    dex: z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a lower-case DEX id such as "uniswap-v3"'),
    tokenIn: evmAddress,
    tokenOut: evmAddress,
    amountIn: positiveUint256String,
    amountOut: positiveUint256String,
    timestamp: epochMillis,
    fees: z.array(TradeFeeSchema).max(8, 'must list at most 8 fees').optional(),
    origin: ChainOriginSchema.optional(),
  })
  .refine((t) => t.tokenIn !== t.tokenOut, { message: 'must differ from tokenIn', path: ['tokenOut'] });

export type Trade = z.infer<typeof TradeSchema>;

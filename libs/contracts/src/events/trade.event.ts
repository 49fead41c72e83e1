import { z } from 'zod';
import { chainId, epochMillis, evmAddress, identifier, positiveUint256String, userId } from '../primitives/primitives.schema';

/**
 * A completed swap: the user gave `amountIn` of `tokenIn` and received `amountOut` of `tokenOut`.
 * Amounts are base units (uint256) as strings; tokens are contract addresses on `chainId`.
 */
export const TradeSchema = z
  .strictObject({
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
  })
  .refine((t) => t.tokenIn !== t.tokenOut, { message: 'must differ from tokenIn', path: ['tokenOut'] });

export type Trade = z.infer<typeof TradeSchema>;

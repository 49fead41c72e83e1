import { z } from 'zod';
import { chainId, epochMillis, evmAddress, identifier, positiveUint256String, userId } from '../primitives/primitives.schema';
import { ChainOriginSchema } from '../events/chain-origin';
import { TradeFeeSchema } from '../events/trade-fee';

/**
 * A trade a service is about to send, as `POST /v1/trades` would take it: the same body checks, then books. `tradeId`,
 * `dex` and `timestamp` may be left out of a check (nothing is booked under them).
 */
export const CheckTradeSchema = z
  .strictObject({
    kind: z.literal('swap').optional(),
    tradeId: identifier(200).optional(),
    userId,
    chainId,
    dex: z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a lower-case DEX id such as "uniswap-v3"')
      .optional(),
    tokenIn: evmAddress,
    tokenOut: evmAddress,
    amountIn: positiveUint256String,
    amountOut: positiveUint256String,
    timestamp: epochMillis.optional(),
    fees: z.array(TradeFeeSchema).max(8, 'must list at most 8 fees').optional(),
    origin: ChainOriginSchema.optional(),
  })
  .refine((t) => t.tokenIn !== t.tokenOut, { message: 'must differ from tokenIn', path: ['tokenOut'] });

export type CheckTrade = z.infer<typeof CheckTradeSchema>;

/** Trades checked together at most: a route's legs or a basket, applied in order. */
export const MAX_CHECK_TRADES = 100;

/** `POST /v1/risk/check` takes one trade, or `{"trades":[...]}` of one user applied in order. */
export const CheckTradeBatchSchema = z
  .strictObject({ trades: z.array(CheckTradeSchema).min(1, 'must hold at least one trade').max(MAX_CHECK_TRADES, `must hold at most ${MAX_CHECK_TRADES} trades`) })
  .superRefine((body, ctx) => {
    const first = body.trades[0]?.userId;
    body.trades.forEach((t, i) => {
      if (t.userId !== first) ctx.addIssue({ code: 'custom', message: `must be the same user as trades[0] (${first})`, path: ['trades', i, 'userId'] });
    });
  });

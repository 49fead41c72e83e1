import type { Address } from 'viem';
import type { PriceTick } from '@hyperdex/contracts';
import type { ResolvedSwap } from '../receipts/trades-from-receipt';

/** What the caller knows of tokens: decimals, and a USD price for stablecoins and other reference tokens. */
export interface PriceReferences {
  decimalsOf(chainId: number, token: Address): number | undefined;
  /** USD per whole token of a reference token (a USD stablecoin: "1"; a priced native/wrapped coin), as 18-dp bigint. */
  referencePriceOf(chainId: number, token: Address): bigint | undefined;
}

const E18 = 10n ** 18n;

/** 18-decimal fixed point to decimal text (trailing zeros trimmed). */
function formatE18(v: bigint): string {
  const whole = v / E18;
  const fraction = (v % E18).toString().padStart(18, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/**
 * The USD price each swap implies for a token traded against a reference token (a USD stablecoin, or a coin whose USD
 * price is known): price = reference amount × reference price / token amount, in whole-token units. Swaps between two
 * reference tokens, or of tokens with unknown decimals, imply nothing. Source: `swap:<dex id>`.
 */
export function swapImpliedPrices(swaps: readonly ResolvedSwap[], chainId: number, timestampMs: number, refs: PriceReferences): PriceTick[] {
  const ticks = new Map<string, PriceTick>();
  for (const s of swaps) {
    for (const [token, amount, other, otherAmount] of [
      [s.tokenIn, s.amountIn, s.tokenOut, s.amountOut],
      [s.tokenOut, s.amountOut, s.tokenIn, s.amountIn],
    ] as const) {
      if (refs.referencePriceOf(chainId, token) !== undefined) continue;
      const reference = refs.referencePriceOf(chainId, other);
      const tokenDecimals = refs.decimalsOf(chainId, token);
      const otherDecimals = refs.decimalsOf(chainId, other);
      if (reference === undefined || tokenDecimals === undefined || otherDecimals === undefined || amount === 0n) continue;
      // (otherAmount / 10^od × reference) / (amount / 10^td), kept in 18-dp fixed point.
      const price = (otherAmount * reference * 10n ** BigInt(tokenDecimals)) / (amount * 10n ** BigInt(otherDecimals));
      if (price <= 0n) continue;
      // The last swap of a token in the transaction is its latest price.
      ticks.set(token, { chainId, token, priceUsd: formatE18(price), timestamp: timestampMs, source: `swap:${s.dexId}` });
    }
  }
  return [...ticks.values()];
}

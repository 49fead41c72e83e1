import type { PositionBook } from '../positions/position-book';
import type { SwapEntry } from '../positions/ledger-entry';
import type { TokenRegistry } from '../tokens/token-registry';

const abs = (v: bigint): bigint => (v < 0n ? -v : v);

/**
 * True when the trades only shrink the book's risk-bearing positions: no token that is not a stablecoin ends larger
 * in size than it started or on the other side (long ↔ short). Paying or receiving stablecoins is neutral, so
 * selling ETH for USDC reduces while buying ETH with USDC does not. A token with no metadata counts as risk-bearing.
 */
export function reducesPositions(before: PositionBook, after: PositionBook, trades: readonly SwapEntry[], registry: TokenRegistry): boolean {
  for (const trade of trades) {
    for (const token of [trade.tokenIn, trade.tokenOut, ...trade.fees.map((f) => f.token)]) {
      if (registry.get(trade.chainId, token)?.stablecoin === true) continue;
      const was = before.get(trade.chainId, token)?.quantity ?? 0n;
      const now = after.get(trade.chainId, token)?.quantity ?? 0n;
      if (abs(now) > abs(was)) return false;
      if (now !== 0n && was !== 0n && now > 0n !== was > 0n) return false;
    }
  }
  return true;
}

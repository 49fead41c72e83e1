import type { Address } from 'viem';
import type { DecodedSwap } from '../../core/decoded-swap';
import type { PoolTokenDirectory } from '../../pools/pool-token-directory';
import type { Erc20Transfer } from '../erc20-transfers';

type Slot = { readonly slot: number; readonly underlying: boolean; readonly token: Address };

/**
 * A pool names its tokens by slot; the receipt's ERC-20 transfers prove them: the token that reached the pool with
 * exactly `amountIn`, and the one that left it with exactly `amountOut`. A Balancer V3 buffer's asset is proven by one
 * transfer of exactly the amount into (out of) the Vault.
 *
 * A pool inside a singleton (a Uniswap V4 PoolId) is proven only when its swap is the receipt's one swap through that
 * singleton — otherwise the singleton's transfers mix several pools — by one transfer of exactly each amount, both
 * slots at once, in the order the singleton sorts its currencies (currency0 < currency1). A pool whose `Initialize`
 * is not in the receipt is then known from the swap itself.
 */
export function learnPoolSlotsFromTransfers(
  swap: DecodedSwap,
  transfers: readonly Erc20Transfer[],
  pools: PoolTokenDirectory,
  { singletonShared }: { readonly singletonShared: boolean },
): void {
  const inSingleton = swap.pool.poolId !== undefined;
  if (inSingleton && singletonShared) return;
  const counterparty = swap.settledBy ?? swap.pool.address;
  const slots = [
    provenSlot(swap, swap.tokenIn, swap.amountIn, transfers.filter((t) => t.to === counterparty), pools),
    provenSlot(swap, swap.tokenOut, swap.amountOut, transfers.filter((t) => t.from === counterparty), pools),
  ].filter((slot): slot is Slot => slot !== undefined);
  if (slots.length === 0) return;
  if (inSingleton && !sortedPair(slots)) return;
  const tokens: (Address | null)[] = [];
  const underlying: (Address | null)[] = [];
  for (const s of slots) (s.underlying ? underlying : tokens)[s.slot] = s.token;
  pools.learn({
    chainId: swap.pool.chainId,
    address: swap.pool.address,
    ...(swap.pool.poolId ? { poolId: swap.pool.poolId } : {}),
    tokens: Array.from(tokens, (t) => t ?? null),
    underlying: Array.from(underlying, (t) => t ?? null),
    source: 'receipt-transfers',
  });
}

/**
 * A token proves a slot when its transfers into (out of) the pool sum to exactly the swap's amount: a single
 * transfer, or several when a fee-on-transfer token splits one payment (part burnt, part forwarded).
 */
function provenSlot(
  swap: DecodedSwap,
  ref: DecodedSwap['tokenIn'],
  amount: bigint,
  sideTransfers: readonly Erc20Transfer[],
  pools: PoolTokenDirectory,
): Slot | undefined {
  if ('address' in ref || pools.resolve(swap.pool, ref)) return undefined;
  // A pool's own token (LP share, ERC-4626 wrapper) is never one of its swap slots.
  const candidates = sideTransfers.filter((t) => t.token !== swap.pool.address);
  const sums = new Map<Address, bigint>();
  for (const t of candidates) sums.set(t.token, (sums.get(t.token) ?? 0n) + t.value);
  const singles = new Set(candidates.filter((t) => t.value === amount).map((t) => t.token));
  // Through a Vault or a singleton the transfers of many hops mix: only one transfer of exactly the amount is proof.
  const sumsProve = swap.settledBy === undefined && swap.pool.poolId === undefined;
  const matching = singles.size > 0 || !sumsProve ? [...singles] : [...sums].filter(([, total]) => total === amount).map(([token]) => token);
  const [token] = matching;
  return token !== undefined && matching.length === 1 ? { slot: ref.slot, underlying: ref.underlying === true, token } : undefined;
}

/** Both slots of a two-currency singleton pool, in the singleton's order (currency0 sorts below currency1). */
function sortedPair(slots: readonly Slot[]): boolean {
  const [first, second] = slots;
  if (!first || !second || slots.length !== 2 || first.underlying || second.underlying || first.slot === second.slot) return false;
  const [zero, one] = first.slot === 0 ? [first, second] : [second, first];
  return zero.slot === 0 && one.slot === 1 && zero.token < one.token;
}

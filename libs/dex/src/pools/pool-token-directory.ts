import type { Address } from 'viem';
import { poolKey, type PoolRef } from '../core/pool-ref';
import type { TokenRef } from '../core/token-ref';

/** What is known of one pool: its tokens by slot (token0/token1, coins(i), tokenX/tokenY…) and its DEX. */
export interface KnownPool {
  readonly chainId: number;
  readonly address: Address;
  readonly poolId?: `0x${string}`;
  readonly dexId?: string;
  readonly tokens: readonly (Address | null)[];
  /** Curve metapools and lending pools: underlying_coins(i). */
  readonly underlying?: readonly (Address | null)[];
  /** Where the entry came from: 'static', 'receipt-transfers', 'initialize', 'rpc', 'create2' (its DEX, by factory). */
  readonly source: string;
}

const lower = (a: Address | null): Address | null => (a === null ? null : (a.toLowerCase() as Address));

const sameSlots = (a: readonly (Address | null)[] = [], b: readonly (Address | null)[] = []) =>
  a.length === b.length && a.every((token, i) => token === b[i]);

/** Whether a merge taught nothing new (same DEX, same slots). */
const sameKnowledge = (before: KnownPool | undefined, after: KnownPool): boolean =>
  before !== undefined && before.dexId === after.dexId && sameSlots(before.tokens, after.tokens) && sameSlots(before.underlying, after.underlying);

/**
 * Pool → tokens (and DEX) with an in-memory cache, fed by a static registry, by what receipts prove (ERC-20 Transfer
 * logs, Uniswap V4 `Initialize`), and by an optional RPC source. Later knowledge fills gaps; it never overwrites a
 * slot already known, so a spoofed Transfer cannot rewrite a verified pool.
 */
export class PoolTokenDirectory {
  private readonly pools = new Map<string, KnownPool>();
  private readonly listeners: Array<(pool: KnownPool) => void> = [];

  constructor(known: Iterable<KnownPool> = []) {
    for (const pool of known) this.learn(pool);
  }

  /** Calls `listener` with the merged entry each time `learn` adds something (a store shares it with other replicas). */
  onLearned(listener: (pool: KnownPool) => void): void {
    this.listeners.push(listener);
  }

  learn(pool: KnownPool): void {
    const key = poolKey(pool);
    const current = this.pools.get(key);
    const merge = (a: readonly (Address | null)[] = [], b: readonly (Address | null)[] = []) =>
      Array.from({ length: Math.max(a.length, b.length) }, (_, i) => lower(a[i] ?? null) ?? lower(b[i] ?? null));
    const merged: KnownPool = {
      chainId: pool.chainId,
      address: pool.address.toLowerCase() as Address,
      ...(pool.poolId ? { poolId: pool.poolId.toLowerCase() as `0x${string}` } : {}),
      ...(current?.dexId ?? pool.dexId ? { dexId: current?.dexId ?? pool.dexId } : {}),
      tokens: merge(current?.tokens, pool.tokens),
      underlying: merge(current?.underlying, pool.underlying),
      source: current?.source ?? pool.source,
    };
    this.pools.set(key, merged);
    if (this.listeners.length > 0 && !sameKnowledge(current, merged)) for (const listener of this.listeners) listener(merged);
  }

  get(pool: PoolRef): KnownPool | undefined {
    return this.pools.get(poolKey(pool));
  }

  /** The DEX of a pool address, for the classifier's (chain, emitter) first rule. */
  dexOf(chainId: number, address: Address): string | undefined {
    return this.pools.get(poolKey({ chainId, address: address.toLowerCase() as Address }))?.dexId;
  }

  /** The token a swap's ref names, or undefined when this pool's slot is not known yet. */
  resolve(pool: PoolRef, ref: TokenRef): Address | undefined {
    if ('address' in ref) return ref.address.toLowerCase() as Address;
    const known = this.get(pool);
    const list = ref.underlying ? known?.underlying : known?.tokens;
    return list?.[ref.slot] ?? undefined;
  }

  get size(): number {
    return this.pools.size;
  }
}

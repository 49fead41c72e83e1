import type { Pool } from 'pg';
import type { Address } from 'viem';
import type { KnownPool, PoolTokenDirectory } from '@hyperdex/dex';
import type { PoolStore } from './pool-store';
import { onMigratedTable } from '../migrated-table';

interface PoolRow {
  chain_id: number;
  address: string;
  pool_id: string;
  dex_id: string | null;
  tokens: (string | null)[];
  underlying: (string | null)[];
  source: string;
}

const TABLE = 'dex_pools';

/**
 * Pool metadata in PostgreSQL (`dex_pools`, one row per chain, address and PoolId; created by the migrations). A save
 * writes the learning replica's merged entry; slots are only ever added, and a replica that reads an entry merges
 * it into its own directory, which never overwrites a known slot.
 */
export class PgPoolStore implements PoolStore {
  constructor(private readonly pool: Pool) {}

  async find(chainId: number, address: Address, poolId?: `0x${string}`): Promise<KnownPool | undefined> {
    const { rows } = await onMigratedTable(TABLE, () =>
      this.pool.query<PoolRow>('SELECT * FROM dex_pools WHERE chain_id = $1 AND address = $2 AND pool_id = $3', [chainId, address.toLowerCase(), poolId?.toLowerCase() ?? '']),
    );
    const [row] = rows;
    if (!row) return undefined;
    return {
      chainId: row.chain_id,
      address: row.address as Address,
      ...(row.pool_id ? { poolId: row.pool_id as `0x${string}` } : {}),
      ...(row.dex_id ? { dexId: row.dex_id } : {}),
      tokens: row.tokens as (Address | null)[],
      underlying: row.underlying as (Address | null)[],
      source: row.source,
    };
  }

  async save(pool: KnownPool): Promise<void> {
    const key = [pool.chainId, pool.address.toLowerCase(), pool.poolId?.toLowerCase() ?? ''];
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Another replica may know slots this one does not: merge under the row lock, never drop a known slot.
      const { rows } = await onMigratedTable(TABLE, () => client.query<PoolRow>('SELECT * FROM dex_pools WHERE chain_id = $1 AND address = $2 AND pool_id = $3 FOR UPDATE', key));
      const [stored] = rows;
      await client.query(
        `INSERT INTO dex_pools (chain_id, address, pool_id, dex_id, tokens, underlying, source, learned_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (chain_id, address, pool_id) DO UPDATE SET dex_id = $4, tokens = $5, underlying = $6, learned_at = now()`,
        [
          ...key,
          stored?.dex_id ?? pool.dexId ?? null,
          JSON.stringify(mergeSlots(stored?.tokens, pool.tokens)),
          JSON.stringify(mergeSlots(stored?.underlying, pool.underlying)),
          stored?.source ?? pool.source,
        ],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /** Shares every pool `directory` learns from now on; a failed write is reported, the directory keeps the pool. */
  shareLearned(directory: PoolTokenDirectory, onError: (error: unknown, pool: KnownPool) => void): void {
    directory.onLearned((pool) => {
      this.save(pool).catch((error: unknown) => onError(error, pool));
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Slot by slot, the stored token where there is one, else the new one. */
const mergeSlots = (stored: readonly (string | null)[] = [], learned: readonly (string | null)[] = []): (string | null)[] =>
  Array.from({ length: Math.max(stored.length, learned.length) }, (_, i) => stored[i] ?? learned[i]?.toLowerCase() ?? null);

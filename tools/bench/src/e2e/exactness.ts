import { Client } from 'pg';
import type { Trade } from '@hyperdex/contracts';
import { nowMs, sleep } from './clock';
import { balanceDeltas } from './universe';

/**
 * Did the ledger book exactly what ingestion accepted? Compares PostgreSQL (the positions service's truth) with what
 * was posted: trades per user, trade ids, and every balance against the signed sum of the trades booked for it.
 */

const STALL_MS = 5000;

export interface ExactnessResult {
  readonly users: number;
  /** Trades ingestion answered 202 for. */
  readonly accepted: number;
  /** Rows in `trades` for the run's users. */
  readonly booked: number;
  /** Accepted but not in the ledger (still in the pipeline when the wait ended, or lost). */
  readonly missing: number;
  /** In the ledger though never acknowledged (a POST that failed after Kafka took it): not an error, reported. */
  readonly bookedUnacknowledged: number;
  /** In the ledger but never posted by this run: should not exist. */
  readonly unknown: number;
  /** Users whose per-user count differs from the accepted count (the query). */
  readonly usersWithCountMismatch: number;
  /** Of those, users whose difference booked-but-unacknowledged trades do not explain: should be 0. */
  readonly usersWithUnexplainedCountMismatch: number;
  /** (user, token) balances that differ from the signed sum of that user's booked trades: double or lost application. */
  readonly balanceMismatches: number;
  readonly balanceMismatchSample: readonly string[];
  /** How long the check waited for the ledger to book everything accepted. */
  readonly waitedSeconds: number;
  readonly settled: boolean;
}

export interface PostedTrade {
  readonly trade: Trade;
  /** HTTP status of its POST (202 = accepted). */
  readonly status?: number | string;
}

export interface LedgerRows {
  readonly counts: ReadonlyMap<string, number>;
  readonly tradeIds: ReadonlySet<string>;
  /** `user|token` → balance. */
  readonly balances: ReadonlyMap<string, bigint>;
}

/** Pure comparison of what was posted with what the ledger holds. */
export function compareLedger(posted: readonly PostedTrade[], users: readonly string[], rows: LedgerRows): Omit<ExactnessResult, 'waitedSeconds' | 'settled'> {
  const byId = new Map(posted.map((p) => [p.trade.tradeId, p]));
  const acceptedPerUser = new Map<string, number>();
  let accepted = 0;
  let missing = 0;
  for (const p of posted) {
    if (p.status !== 202) continue;
    accepted++;
    acceptedPerUser.set(p.trade.userId, (acceptedPerUser.get(p.trade.userId) ?? 0) + 1);
    if (!rows.tradeIds.has(p.trade.tradeId)) missing++;
  }
  let bookedUnacknowledged = 0;
  let unknown = 0;
  const unacknowledgedPerUser = new Map<string, number>();
  const expected = new Map<string, bigint>();
  for (const id of rows.tradeIds) {
    const p = byId.get(id);
    if (!p) {
      unknown++;
      continue;
    }
    if (p.status !== 202) {
      bookedUnacknowledged++;
      unacknowledgedPerUser.set(p.trade.userId, (unacknowledgedPerUser.get(p.trade.userId) ?? 0) + 1);
    }
    for (const d of balanceDeltas(p.trade)) {
      const key = `${p.trade.userId}|${d.token}`;
      expected.set(key, (expected.get(key) ?? 0n) + d.delta);
    }
  }
  let usersWithCountMismatch = 0;
  let usersWithUnexplainedCountMismatch = 0;
  let booked = 0;
  for (const u of users) {
    const n = rows.counts.get(u) ?? 0;
    const acceptedCount = acceptedPerUser.get(u) ?? 0;
    booked += n;
    if (n !== acceptedCount) usersWithCountMismatch++;
    if (n !== acceptedCount + (unacknowledgedPerUser.get(u) ?? 0)) usersWithUnexplainedCountMismatch++;
  }
  const mismatches: string[] = [];
  for (const key of new Set([...expected.keys(), ...rows.balances.keys()])) {
    const want = expected.get(key) ?? 0n;
    const have = rows.balances.get(key) ?? 0n;
    if (want !== have) mismatches.push(`${key}: ledger ${have}, booked trades sum to ${want}`);
  }
  return {
    users: users.length,
    accepted,
    booked,
    missing,
    bookedUnacknowledged,
    unknown,
    usersWithCountMismatch,
    usersWithUnexplainedCountMismatch,
    balanceMismatches: mismatches.length,
    balanceMismatchSample: mismatches.slice(0, 5),
  };
}

export interface DatabaseSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string | undefined;
  readonly database: string;
}

/** The DATABASE_* variables the services read, with their defaults. */
export function databaseSettings(database: string, env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  return {
    host: env['DATABASE_HOST'] ?? '127.0.0.1',
    port: Number(env['DATABASE_PORT'] ?? 5432),
    user: env['DATABASE_USER'] ?? 'postgres',
    password: env['DATABASE_PASSWORD'],
    database,
  };
}

/**
 * Waits (at most `settleSeconds`) until the ledger holds as many rows for the run's users as were accepted, then
 * compares. The wait ends early when everything is booked; what is still missing after it is reported, not hidden.
 */
export async function checkExactness(settings: DatabaseSettings, users: readonly string[], posted: readonly PostedTrade[], settleSeconds: number, signal?: AbortSignal): Promise<ExactnessResult> {
  const client = new Client({ ...settings });
  await client.connect();
  try {
    const accepted = posted.filter((p) => p.status === 202).length;
    const start = nowMs();
    let counts = await readCounts(client, users);
    const total = () => [...counts.values()].reduce((a, b) => a + b, 0);
    // Ends early when the ledger stops growing: nothing more is coming, waiting longer would only pad the run.
    let lastGrowthAt = nowMs();
    while (total() < accepted && nowMs() - start < settleSeconds * 1000 && nowMs() - lastGrowthAt < STALL_MS) {
      await sleep(1000, signal);
      const before = total();
      counts = await readCounts(client, users);
      if (total() > before) lastGrowthAt = nowMs();
    }
    const waitedSeconds = (nowMs() - start) / 1000;
    // One snapshot for all three reads: positions may still be booking, and a balance read a moment after the
    // trade ids would count trades the id list does not hold (each trade and its balances commit together).
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    counts = await readCounts(client, users);
    const ids = await client.query<{ trade_id: string }>('SELECT trade_id FROM trades WHERE user_id = ANY($1)', [users]);
    const balances = await client.query<{ user_id: string; token: string; balance: string }>(
      'SELECT user_id, token, balance::text AS balance FROM user_balances WHERE user_id = ANY($1) AND chain_id = 1',
      [users],
    );
    await client.query('COMMIT');
    const rows: LedgerRows = {
      counts,
      tradeIds: new Set(ids.rows.map((r) => r.trade_id)),
      balances: new Map(balances.rows.map((r) => [`${r.user_id}|${r.token}`, BigInt(r.balance)])),
    };
    return { ...compareLedger(posted, users, rows), waitedSeconds, settled: total() >= accepted };
  } finally {
    await client.end();
  }
}

async function readCounts(client: Client, users: readonly string[]): Promise<Map<string, number>> {
  const result = await client.query<{ user_id: string; count: string }>(
    'SELECT user_id, count(*) FROM trades WHERE user_id = ANY($1) GROUP BY user_id',
    [users],
  );
  return new Map(result.rows.map((r) => [r.user_id, Number(r.count)]));
}

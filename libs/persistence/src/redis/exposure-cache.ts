import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { ExposureUpdateSchema, decodeJson, type ExposureUpdate } from '@hyperdex/contracts';
import { ExposureCache } from '../ports/exposure-cache';

/**
 * For each user, KEYS[2i-1] is the snapshot key and KEYS[2i] its as-of key; ARGV[2i-1] is the snapshot, ARGV[2i] its
 * asOf. A snapshot older than the one stored is skipped, so a late write (a redelivery, a slower writer) never replaces
 * a newer one. The stored asOf is read from its own small key: decoding the stored snapshot (a user's every position)
 * on each write was the script's cost. A snapshot written before the as-of key existed is decoded once instead.
 * Returns how many were written.
 */
const PUT_NEWEST_SCRIPT = `
local written = 0
for i = 1, #KEYS / 2 do
  local snapshotKey, asOfKey = KEYS[2 * i - 1], KEYS[2 * i]
  local asOf = tonumber(ARGV[2 * i])
  local stored = tonumber(redis.call('GET', asOfKey))
  if not stored then
    local cur = redis.call('GET', snapshotKey)
    if cur then
      local ok, decoded = pcall(cjson.decode, cur)
      if ok and type(decoded) == 'table' and decoded.asOf then stored = tonumber(decoded.asOf) end
    end
  end
  if not stored or stored <= asOf then
    redis.call('SET', snapshotKey, ARGV[2 * i - 1])
    redis.call('SET', asOfKey, ARGV[2 * i])
    written = written + 1
  end
end
return written`;

/** The script as a command of the connection: ioredis sends its SHA (EVALSHA), and its text only when Redis lacks it. */
interface WithPutNewest {
  hyperdexPutNewestExposure(...keysAndArgs: string[]): Promise<number>;
}

/** The exposure cache in Redis, shared by every positions and gateway instance. */
@Injectable()
export class RedisExposureCache extends ExposureCache {
  private readonly scripts: WithPutNewest;

  constructor(private readonly redis: Redis) {
    super();
    if (!('hyperdexPutNewestExposure' in redis)) redis.defineCommand('hyperdexPutNewestExposure', { lua: PUT_NEWEST_SCRIPT });
    this.scripts = redis as unknown as WithPutNewest;
  }

  private key(userId: string): string {
    return `exposure:${userId}`;
  }

  private asOfKey(userId: string): string {
    return `exposure-as-of:${userId}`;
  }

  /** Keeps the newest snapshot: a late write of an older one (from a redelivery) is ignored. */
  async put(snapshot: ExposureUpdate): Promise<void> {
    await this.putMany([snapshot]);
  }

  /**
   * Writes many users' snapshots in one round trip (one script call, so the check and the write of each key cannot
   * interleave with another writer), each kept only if it is the newest for its user. Of two snapshots of the same
   * user in one call, the newer stands.
   */
  async putMany(snapshots: readonly ExposureUpdate[]): Promise<void> {
    if (snapshots.length === 0) return;
    const keys = snapshots.flatMap((s) => [this.key(s.userId), this.asOfKey(s.userId)]);
    const args = snapshots.flatMap((s) => [JSON.stringify(s), String(s.asOf)]);
    await this.scripts.hyperdexPutNewestExposure(String(keys.length), ...keys, ...args);
  }

  /** Null when the user has no snapshot; a corrupt entry is treated as absent rather than served. */
  async get(userId: string): Promise<ExposureUpdate | null> {
    const raw = await this.redis.get(this.key(userId));
    if (raw === null) return null;
    const decoded = decodeJson(ExposureUpdateSchema, raw);
    return decoded.ok ? decoded.value : null;
  }
}

import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { ExposureUpdateSchema, decodeJson, type ExposureUpdate } from '@hyperdex/contracts';
import { ExposureCache } from '../ports/exposure-cache';

/**
 * For each KEYS[i]: ARGV[2i-1] is the snapshot, ARGV[2i] its asOf. A snapshot older than the one stored is skipped,
 * so a late write (a redelivery, a slower writer) never replaces a newer one. Returns how many were written.
 */
const PUT_NEWEST_SCRIPT = `
local written = 0
for i, key in ipairs(KEYS) do
  local asOf = tonumber(ARGV[2 * i])
  local keep = false
  local cur = redis.call('GET', key)
  if cur then
    local ok, decoded = pcall(cjson.decode, cur)
    if ok and type(decoded) == 'table' and decoded.asOf and tonumber(decoded.asOf) > asOf then keep = true end
  end
  if not keep then
    redis.call('SET', key, ARGV[2 * i - 1])
    written = written + 1
  end
end
return written`;

/** The exposure cache in Redis, shared by every positions and gateway instance. */
@Injectable()
export class RedisExposureCache extends ExposureCache {
  constructor(private readonly redis: Redis) {
    super();
  }

  private key(userId: string): string {
    return `exposure:${userId}`;
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
    const keys = snapshots.map((s) => this.key(s.userId));
    const args = snapshots.flatMap((s) => [JSON.stringify(s), String(s.asOf)]);
    await this.redis.eval(PUT_NEWEST_SCRIPT, keys.length, ...keys, ...args);
  }

  /** Null when the user has no snapshot; a corrupt entry is treated as absent rather than served. */
  async get(userId: string): Promise<ExposureUpdate | null> {
    const raw = await this.redis.get(this.key(userId));
    if (raw === null) return null;
    const decoded = decodeJson(ExposureUpdateSchema, raw);
    return decoded.ok ? decoded.value : null;
  }
}

import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { ExposureUpdateSchema, decodeJson, type ExposureUpdate } from '@hyperdex/contracts';

/** The latest exposure snapshot of each user, written by positions and read by the gateway. */
@Injectable()
export class ExposureCache {
  constructor(private readonly redis: Redis) {}

  private key(userId: string): string {
    return `exposure:${userId}`;
  }

  /** Keeps the newest snapshot: a late write of an older one (from a redelivery) is ignored. */
  async put(snapshot: ExposureUpdate): Promise<void> {
    await this.redis.eval(
      `local cur = redis.call('GET', KEYS[1])
       if cur then
         local ok, decoded = pcall(cjson.decode, cur)
         if ok and decoded.asOf and tonumber(decoded.asOf) > tonumber(ARGV[2]) then return 0 end
       end
       redis.call('SET', KEYS[1], ARGV[1])
       return 1`,
      1,
      this.key(snapshot.userId),
      JSON.stringify(snapshot),
      String(snapshot.asOf),
    );
  }

  /** Null when the user has no snapshot; a corrupt entry is treated as absent rather than served. */
  async get(userId: string): Promise<ExposureUpdate | null> {
    const raw = await this.redis.get(this.key(userId));
    if (raw === null) return null;
    const decoded = decodeJson(ExposureUpdateSchema, raw);
    return decoded.ok ? decoded.value : null;
  }
}

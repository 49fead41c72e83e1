import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { userId } from '@hyperdex/contracts';

export const CHECK_API_KEYS = Symbol('CHECK_API_KEYS');
export const CHECK_JWT_SECRET = Symbol('CHECK_JWT_SECRET');

/** Who asks: an internal service (any user) or a user's own gateway token (that user; an admin: any). */
export type CheckCaller = { kind: 'service' } | { kind: 'user'; userId: string; admin: boolean };
export type CheckRequest = Request & { caller: CheckCaller };

const ClaimsSchema = z.object({ sub: userId, role: z.enum(['user', 'admin']).default('user') });
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `x-api-key` with one of ingestion's keys (the trading services that post trades), or `Authorization: Bearer` with
 * a gateway token (HS256, JWT_SECRET). Keys are compared in constant time; a service with neither configured
 * refuses every check rather than open it.
 */
@Injectable()
export class CheckAuthGuard implements CanActivate {
  private readonly digests: Buffer[];

  constructor(
    @Inject(CHECK_API_KEYS) keys: readonly string[],
    @Inject(CHECK_JWT_SECRET) private readonly secret: string | null,
  ) {
    this.digests = keys.map(digest);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CheckRequest>();
    const key = request.headers['x-api-key'];
    if (typeof key === 'string' && key.length > 0) {
      const presented = digest(key);
      const matched = this.digests.reduce((hit, d) => timingSafeEqual(d, presented) || hit, false);
      if (!matched) throw new UnauthorizedException({ message: 'Invalid API key' });
      request.caller = { kind: 'service' };
      return true;
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer) throw new UnauthorizedException({ message: 'An x-api-key header or a bearer token is required' });
    if (this.secret === null) throw new UnauthorizedException({ message: 'Bearer tokens are not accepted here (JWT_SECRET is not set)' });
    let payload: unknown;
    try {
      payload = jwt.verify(bearer, this.secret, { algorithms: ['HS256'] });
    } catch (error) {
      throw new UnauthorizedException({ message: `invalid token: ${(error as Error).message}` });
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new UnauthorizedException({ message: 'token must carry a user id in `sub` and, optionally, role user|admin' });
    request.caller = { kind: 'user', userId: claims.data.sub, admin: claims.data.role === 'admin' };
    return true;
  }
}

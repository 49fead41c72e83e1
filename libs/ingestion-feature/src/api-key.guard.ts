import { HttpException, HttpStatus, Inject, Injectable, Optional, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { KeyRateLimiter } from './key-rate-limiter';

export const API_KEYS = Symbol('API_KEYS');
export const KEY_RATE_LIMITER = Symbol('KEY_RATE_LIMITER');

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Internal producers authenticate with `x-api-key`; keys are compared in constant time. Each key then spends from its
 * own rate budget: past it, a 429 with `Retry-After` (seconds), so one flooding producer cannot starve the others.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly digests: Buffer[];

  constructor(
    @Inject(API_KEYS) private readonly keys: readonly string[],
    @Optional() @Inject(KEY_RATE_LIMITER) private readonly limiter: KeyRateLimiter | null = null,
  ) {
    this.digests = keys.map(digest);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers['x-api-key'];
    if (typeof header !== 'string' || header.length === 0) {
      throw new UnauthorizedException({ message: 'Missing x-api-key header' });
    }
    const presented = digest(header);
    // Check every key so timing does not reveal which one matched.
    const matched = this.digests.reduce((hit, d, index) => (timingSafeEqual(d, presented) ? index : hit), -1);
    if (matched < 0) throw new UnauthorizedException({ message: 'Invalid API key' });
    const decision = this.limiter?.take(this.keys[matched] as string, Date.now()) ?? { allowed: true };
    if (!decision.allowed) {
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1_000));
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
      throw new HttpException({ message: `Rate limit of this API key exceeded; retry after ${seconds} s` }, HttpStatus.TOO_MANY_REQUESTS);
    }
    return true;
  }
}

import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const API_KEYS = Symbol('API_KEYS');

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Internal producers authenticate with `x-api-key`; keys are compared in constant time. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly digests: Buffer[];

  constructor(@Inject(API_KEYS) keys: readonly string[]) {
    this.digests = keys.map(digest);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers['x-api-key'];
    if (typeof header !== 'string' || header.length === 0) {
      throw new UnauthorizedException({ message: 'Missing x-api-key header' });
    }
    const presented = digest(header);
    // Check every key so timing does not reveal which one matched.
    const matched = this.digests.reduce((hit, d) => timingSafeEqual(d, presented) || hit, false);
    if (!matched) throw new UnauthorizedException({ message: 'Invalid API key' });
    return true;
  }
}

import { ForbiddenException } from '@nestjs/common';
import type { Claims } from './token-verifier';

/** A user reads only their own data; a token with role `admin` reads any user's. */
export function assertMayRead(claims: Claims, userId: string, what: string): void {
  if (claims.sub !== userId && claims.role !== 'admin') throw new ForbiddenException({ message: `You may read only your own ${what}` });
}

import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { userId } from '@hyperdex/contracts';

export const JWT_SECRET = Symbol('JWT_SECRET');

const ClaimsSchema = z.object({
  sub: userId,
  role: z.enum(['user', 'admin']).default('user'),
  /** Expiry (seconds since the epoch), when the token has one. */
  exp: z.number().int().optional(),
});
export type Claims = z.infer<typeof ClaimsSchema>;

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/** Verifies HS256 JWTs (signature, expiry) and reads the user id from `sub` and an optional `role`. */
@Injectable()
export class TokenVerifier {
  constructor(@Inject(JWT_SECRET) private readonly secret: string) {}

  verify(token: unknown): Claims {
    if (typeof token !== 'string' || token.length === 0) throw new InvalidTokenError('a bearer token is required');
    let payload: unknown;
    try {
      payload = jwt.verify(token, this.secret, { algorithms: ['HS256'] });
    } catch (error) {
      throw new InvalidTokenError(`invalid token: ${(error as Error).message}`);
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError('token must carry a user id in `sub` and, optionally, role user|admin');
    return claims.data;
  }
}

import { Inject, Injectable, Optional } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { userId } from '@hyperdex/contracts';
import { JwksKeyStore } from './jwks-key-store';

export const JWT_SECRET = Symbol('JWT_SECRET');
export const JWT_PROVIDER = Symbol('JWT_PROVIDER');

/** An identity provider's asymmetric tokens: keys from its JWKS, and the issuer and audience they must name. */
export interface JwtProviderSettings {
  keys: JwksKeyStore;
  issuer: string;
  audience: string;
}

const ClaimsSchema = z.object({
  sub: userId,
  role: z.enum(['user', 'admin']).default('user'),
  /** Expiry (seconds since the epoch), when the token has one. */
  exp: z.number().int().optional(),
});
export type Claims = z.infer<typeof ClaimsSchema>;

const ASYMMETRIC = new Set(['RS256', 'ES256']);

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Verifies JWTs and reads the user id from `sub` and an optional `role`. HS256 tokens are checked against the shared
 * secret (the demo token, service tokens); RS256/ES256 tokens against the identity provider's published keys, with
 * its issuer and audience. Each algorithm is checked only with its own kind of key, so a token cannot pick the key.
 */
@Injectable()
export class TokenVerifier {
  constructor(
    @Inject(JWT_SECRET) private readonly secret: string,
    @Optional() @Inject(JWT_PROVIDER) private readonly provider: JwtProviderSettings | null = null,
  ) {}

  async verify(token: unknown): Promise<Claims> {
    if (typeof token !== 'string' || token.length === 0) throw new InvalidTokenError('a bearer token is required');
    const header = jwt.decode(token, { complete: true })?.header;
    if (!header) throw new InvalidTokenError('invalid token: jwt malformed');
    let payload: unknown;
    try {
      payload = ASYMMETRIC.has(header.alg) ? await this.verifyAsymmetric(token, header) : jwt.verify(token, this.secret, { algorithms: ['HS256'] });
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(`invalid token: ${(error as Error).message}`);
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError('token must carry a user id in `sub` and, optionally, role user|admin');
    return claims.data;
  }

  private async verifyAsymmetric(token: string, header: jwt.JwtHeader): Promise<unknown> {
    if (!this.provider) throw new InvalidTokenError(`invalid token: ${header.alg} tokens need an identity provider (JWT_JWKS_URL)`);
    if (!header.kid) throw new InvalidTokenError('invalid token: no key id (kid) in the header');
    const key = await this.provider.keys.key(header.kid);
    if (!key) throw new InvalidTokenError(`invalid token: the identity provider publishes no key ${header.kid}`);
    return jwt.verify(token, key, { algorithms: [header.alg as 'RS256' | 'ES256'], issuer: this.provider.issuer, audience: this.provider.audience });
  }
}

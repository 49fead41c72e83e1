import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidTokenError, TokenVerifier, type Claims } from './token-verifier';

export type AuthenticatedRequest = Request & { claims: Claims };

/** REST authentication: `Authorization: Bearer <jwt>`; the verified claims ride on the request. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    try {
      request.claims = await this.verifier.verify(match?.[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException({ message: error.message });
      throw error;
    }
    return true;
  }
}

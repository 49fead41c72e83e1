import { UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { CheckAuthGuard, type CheckRequest } from './check-auth.guard';

const KEY = 'spec-ingestion-key-0123456789';
const SECRET = 'spec-jwt-secret-0123456789-0123456789';
const contextFor = (headers: Record<string, string>) => {
  const request = { headers } as unknown as CheckRequest;
  const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
  return { request, context };
};

describe('CheckAuthGuard', () => {
  const guard = new CheckAuthGuard([KEY], SECRET);

  it('takes an ingestion key as a service, which may check any user', () => {
    const { request, context } = contextFor({ 'x-api-key': KEY });
    expect(guard.canActivate(context)).toBe(true);
    expect(request.caller).toEqual({ kind: 'service' });
  });

  it('takes a gateway token as its user (an admin token as an admin)', () => {
    const { request, context } = contextFor({ authorization: `Bearer ${jwt.sign({ sub: 'alice' }, SECRET)}` });
    expect(guard.canActivate(context)).toBe(true);
    expect(request.caller).toEqual({ kind: 'user', userId: 'alice', admin: false });
    const admin = contextFor({ authorization: `Bearer ${jwt.sign({ sub: 'ops', role: 'admin' }, SECRET)}` });
    guard.canActivate(admin.context);
    expect(admin.request.caller).toEqual({ kind: 'user', userId: 'ops', admin: true });
  });

  it('refuses a wrong key, a token signed with another secret, and a request with neither', () => {
    expect(() => guard.canActivate(contextFor({ 'x-api-key': 'wrong-key-0123456789' }).context)).toThrow(new UnauthorizedException({ message: 'Invalid API key' }));
    expect(() => guard.canActivate(contextFor({ authorization: `Bearer ${jwt.sign({ sub: 'alice' }, 'another-secret-0123456789-0123456789')}` }).context)).toThrow(UnauthorizedException);
    expect(() => guard.canActivate(contextFor({}).context)).toThrow('An x-api-key header or a bearer token is required');
  });

  it('refuses tokens when no JWT secret is configured, rather than accept them unverified', () => {
    const keysOnly = new CheckAuthGuard([KEY], null);
    expect(() => keysOnly.canActivate(contextFor({ authorization: `Bearer ${jwt.sign({ sub: 'alice' }, SECRET)}` }).context)).toThrow(/JWT_SECRET is not set/);
  });
});

import { UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';

const contextWith = (headers: Record<string, string | string[]>): ExecutionContext =>
  ({ switchToHttp: () => ({ getRequest: () => ({ headers }) }) }) as unknown as ExecutionContext;

describe('ApiKeyGuard', () => {
  const guard = new ApiKeyGuard(['first-key-0123456789', 'second-key-0123456789']);

  it('lets any configured key through', () => {
    expect(guard.canActivate(contextWith({ 'x-api-key': 'second-key-0123456789' }))).toBe(true);
  });

  it('refuses a missing, repeated or unknown key with a message saying which', () => {
    expect(() => guard.canActivate(contextWith({}))).toThrow(new UnauthorizedException({ message: 'Missing x-api-key header' }));
    expect(() => guard.canActivate(contextWith({ 'x-api-key': ['a', 'b'] }))).toThrow('Missing x-api-key header');
    expect(() => guard.canActivate(contextWith({ 'x-api-key': 'first-key-012345678' }))).toThrow('Invalid API key');
  });
});

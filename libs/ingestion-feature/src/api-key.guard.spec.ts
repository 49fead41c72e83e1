import { HttpException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { KeyRateLimiter, keyRates } from './key-rate-limiter';

const contextWith = (headers: Record<string, string | string[]>, responseHeaders: Record<string, string> = {}): ExecutionContext =>
  ({
    switchToHttp: () => ({ getRequest: () => ({ headers }), getResponse: () => ({ setHeader: (name: string, value: string) => (responseHeaders[name] = value) }) }),
  }) as unknown as ExecutionContext;

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

  it('refuses a key past its rate with a 429 and Retry-After, while another key goes on', () => {
    const limited = new ApiKeyGuard(['first-key-0123456789', 'second-key-0123456789'], new KeyRateLimiter(keyRates(0, new Map([['first-key-0123456789', 2]]))));
    const first = () => contextWith({ 'x-api-key': 'first-key-0123456789' });
    expect(limited.canActivate(first())).toBe(true);
    expect(limited.canActivate(first())).toBe(true);
    const headers: Record<string, string> = {};
    let refused: unknown;
    try {
      limited.canActivate(contextWith({ 'x-api-key': 'first-key-0123456789' }, headers));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HttpException);
    expect((refused as HttpException).getStatus()).toBe(429);
    expect(headers).toEqual({ 'Retry-After': '1' });
    expect(limited.canActivate(contextWith({ 'x-api-key': 'second-key-0123456789' }))).toBe(true);
  });
});

import jwt from 'jsonwebtoken';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const SECRET = 'unit-test-secret-0123456789-0123456789';
const verifier = new TokenVerifier(SECRET);

describe('TokenVerifier', () => {
  it('reads the user from sub and defaults the role to user', () => {
    expect(verifier.verify(jwt.sign({ sub: 'alice' }, SECRET, { noTimestamp: true }))).toEqual({ sub: 'alice', role: 'user' });
    expect(verifier.verify(jwt.sign({ sub: 'ops', role: 'admin' }, SECRET, { noTimestamp: true }))).toEqual({ sub: 'ops', role: 'admin' });
    const exp = Math.floor(Date.now() / 1000) + 60;
    expect(verifier.verify(jwt.sign({ sub: 'alice', exp }, SECRET, { noTimestamp: true }))).toEqual({ sub: 'alice', role: 'user', exp });
  });

  it('refuses a missing token, a wrong secret, an expired token and another algorithm', () => {
    expect(() => verifier.verify(undefined)).toThrow(new InvalidTokenError('a bearer token is required'));
    expect(() => verifier.verify(jwt.sign({ sub: 'alice' }, 'another-secret-0123456789-0123456789'))).toThrow('invalid token: invalid signature');
    const expired = jwt.sign({ sub: 'alice', exp: Math.floor(Date.now() / 1000) - 10 }, SECRET);
    expect(() => verifier.verify(expired)).toThrow('invalid token: jwt expired');
    expect(() => verifier.verify(jwt.sign({ sub: 'alice' }, SECRET, { algorithm: 'HS512' }))).toThrow('invalid token: invalid algorithm');
  });

  it('refuses a token without a usable sub or with an unknown role', () => {
    expect(() => verifier.verify(jwt.sign({ name: 'alice' }, SECRET))).toThrow(/must carry a user id/);
    expect(() => verifier.verify(jwt.sign({ sub: 'alice', role: 'root' }, SECRET))).toThrow(/must carry a user id/);
  });
});

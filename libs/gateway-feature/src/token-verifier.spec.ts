import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { JwksKeyStore } from './jwks-key-store';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const SECRET = 'unit-test-secret-0123456789-0123456789';
const verifier = new TokenVerifier(SECRET);

describe('TokenVerifier with HS256', () => {
  it('reads the user from sub and defaults the role to user', async () => {
    await expect(verifier.verify(jwt.sign({ sub: 'alice' }, SECRET, { noTimestamp: true }))).resolves.toEqual({ sub: 'alice', role: 'user' });
    await expect(verifier.verify(jwt.sign({ sub: 'ops', role: 'admin' }, SECRET, { noTimestamp: true }))).resolves.toEqual({ sub: 'ops', role: 'admin' });
    const exp = Math.floor(Date.now() / 1000) + 60;
    await expect(verifier.verify(jwt.sign({ sub: 'alice', exp }, SECRET, { noTimestamp: true }))).resolves.toEqual({ sub: 'alice', role: 'user', exp });
  });

  it('refuses a missing token, a wrong secret, an expired token and another algorithm', async () => {
    await expect(verifier.verify(undefined)).rejects.toThrow(new InvalidTokenError('a bearer token is required'));
    await expect(verifier.verify(jwt.sign({ sub: 'alice' }, 'another-secret-0123456789-0123456789'))).rejects.toThrow('invalid token: invalid signature');
    const expired = jwt.sign({ sub: 'alice', exp: Math.floor(Date.now() / 1000) - 10 }, SECRET);
    await expect(verifier.verify(expired)).rejects.toThrow('invalid token: jwt expired');
    await expect(verifier.verify(jwt.sign({ sub: 'alice' }, SECRET, { algorithm: 'HS512' }))).rejects.toThrow('invalid token: invalid algorithm');
    await expect(verifier.verify('not.a.jwt')).rejects.toThrow('invalid token: jwt malformed');
  });

  it('refuses a token without a usable sub or with an unknown role', async () => {
    await expect(verifier.verify(jwt.sign({ name: 'alice' }, SECRET))).rejects.toThrow(/must carry a user id/);
    await expect(verifier.verify(jwt.sign({ sub: 'alice', role: 'root' }, SECRET))).rejects.toThrow(/must carry a user id/);
  });

  it('refuses an RS256 token when no identity provider is configured', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expect(verifier.verify(jwt.sign({ sub: 'alice' }, privateKey, { algorithm: 'RS256', keyid: 'k' }))).rejects.toThrow(/need an identity provider/);
  });
});

/** A real HTTP JWKS endpoint on loopback, publishing whichever keys the test sets. */
describe('TokenVerifier with RS256/ES256 against a JWKS URL', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rotated = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = (key: KeyObject, kid: string) => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig' });
  let published = [jwk(rsa.publicKey, 'rsa-1'), jwk(ec.publicKey, 'ec-1')];
  let fetches = 0;
  let server: Server;
  let idp: TokenVerifier;
  let clock = 1_000_000;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [...published, { kty: 'oct', kid: 'symmetric', k: 'c2VjcmV0' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    idp = new TokenVerifier(SECRET, { keys: new JwksKeyStore({ url, cacheMs: 600_000, minRefetchMs: 30_000, timeoutMs: 5_000 }, () => clock), issuer: 'https://idp.example', audience: 'hyperdex' });
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (key: KeyObject, algorithm: 'RS256' | 'ES256', keyid: string, claims: Record<string, unknown> = {}) =>
    jwt.sign({ sub: 'alice', ...claims }, key, { algorithm, keyid, issuer: 'https://idp.example', audience: 'hyperdex' });

  it('accepts RS256 and ES256 tokens signed by a published key, with the issuer and audience it expects', async () => {
    await expect(idp.verify(sign(rsa.privateKey, 'RS256', 'rsa-1', { role: 'admin' }))).resolves.toMatchObject({ sub: 'alice', role: 'admin' });
    await expect(idp.verify(sign(ec.privateKey, 'ES256', 'ec-1'))).resolves.toMatchObject({ sub: 'alice', role: 'user' });
    // HS256 keeps working beside the provider (the demo token).
    await expect(idp.verify(jwt.sign({ sub: 'demo' }, SECRET))).resolves.toMatchObject({ sub: 'demo' });
    expect(fetches).toBe(1);
  });

  it('refuses another issuer or audience, a key it does not publish, and a key of the wrong kind', async () => {
    const other = jwt.sign({ sub: 'alice' }, rsa.privateKey, { algorithm: 'RS256', keyid: 'rsa-1', issuer: 'https://evil.example', audience: 'hyperdex' });
    await expect(idp.verify(other)).rejects.toThrow('invalid token: jwt issuer invalid. expected: https://idp.example');
    const aud = jwt.sign({ sub: 'alice' }, rsa.privateKey, { algorithm: 'RS256', keyid: 'rsa-1', issuer: 'https://idp.example', audience: 'someone-else' });
    await expect(idp.verify(aud)).rejects.toThrow(/jwt audience invalid/);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expect(idp.verify(sign(stranger.privateKey, 'RS256', 'rsa-1'))).rejects.toThrow('invalid token: invalid signature');
    // An EC key named by an RS256 header: the algorithm must match the key's kind.
    await expect(idp.verify(sign(rsa.privateKey, 'RS256', 'ec-1'))).rejects.toThrow(InvalidTokenError);
    await expect(idp.verify(sign(rsa.privateKey, 'RS256', 'unknown'))).rejects.toThrow('invalid token: the identity provider publishes no key unknown');
  });

  it('picks up a rotated key, re-reading the set at most once per refetch interval for unknown ids', async () => {
    published = [jwk(rotated.publicKey, 'rsa-2'), ...published];
    const before = fetches;
    // Within the refetch interval an unknown kid does not reach the provider again.
    await expect(idp.verify(sign(rotated.privateKey, 'RS256', 'rsa-2'))).rejects.toThrow(/publishes no key rsa-2/);
    expect(fetches).toBe(before);
    clock += 31_000;
    await expect(idp.verify(sign(rotated.privateKey, 'RS256', 'rsa-2'))).resolves.toMatchObject({ sub: 'alice' });
    expect(fetches).toBe(before + 1);
  });
});

import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface JwksSettings {
  url: string;
  /** Keys are re-read after this long, ms (a provider rotates keys by publishing the new one first). */
  cacheMs: number;
  /** An unknown `kid` triggers a re-read at most this often, ms, so junk tokens cannot hammer the provider. */
  minRefetchMs: number;
  timeoutMs: number;
}

/** The public keys an identity provider publishes as a JSON Web Key Set, by key id, fetched and cached. */
export class JwksKeyStore {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly settings: JwksSettings,
    private readonly now: () => number = Date.now,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
  ) {}

  /** The key with this id; null when the provider does not publish it (after one fresh read). */
  async key(kid: string): Promise<KeyObject | null> {
    const age = this.now() - this.fetchedAt;
    if (this.fetchedAt === 0 || age > this.settings.cacheMs || (!this.keys.has(kid) && age > this.settings.minRefetchMs)) await this.refresh();
    return this.keys.get(kid) ?? null;
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async load(): Promise<void> {
    const response = await this.fetchImpl(this.settings.url, { signal: AbortSignal.timeout(this.settings.timeoutMs) });
    if (!response.ok) throw new Error(`JWKS ${this.settings.url} answered ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    if (!Array.isArray(body.keys)) throw new Error(`JWKS ${this.settings.url} has no keys array`);
    const keys = new Map<string, KeyObject>();
    for (const jwk of body.keys as Array<JsonWebKey & { kid?: unknown; use?: unknown }>) {
      // Signing keys only; a key the runtime cannot read is skipped, not fatal (providers list several kinds).
      if (typeof jwk.kid !== 'string' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      try {
        keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
      } catch {
        continue;
      }
    }
    this.keys = keys;
    this.fetchedAt = this.now();
  }
}

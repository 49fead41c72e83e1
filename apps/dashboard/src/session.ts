import { readTokenClaims, type TokenClaims } from './token-claims';

/** The signed-in token and the user whose dashboard is shown (an admin token may look at any user). */
export interface Session {
  token: string;
  claims: TokenClaims;
  userId: string;
}

const STORAGE_KEY = 'hyperdex.dashboard.token';

/** A token handed over in the URL fragment (`#token=…`, never sent to a server) wins over the remembered one. */
export function restoreSession(): Session | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = fragment.get('token');
  if (fromUrl) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    const session = startSession(fromUrl, fragment.get('user'));
    if (typeof session !== 'string') return session;
  }
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (!stored) return null;
  const session = startSession(stored, null);
  return typeof session === 'string' || (session.claims.expiresAt !== null && session.claims.expiresAt < Date.now()) ? null : session;
}

/** Checks the token's shape and remembers it; the gateway still verifies it on every request. */
export function startSession(token: string, userId: string | null): Session | string {
  const claims = readTokenClaims(token);
  if (typeof claims === 'string') return claims;
  if (claims.expiresAt !== null && claims.expiresAt < Date.now()) return `the token expired at ${new Date(claims.expiresAt).toLocaleString()}`;
  window.localStorage.setItem(STORAGE_KEY, token.trim());
  return { token: token.trim(), claims, userId: userId?.trim() || claims.sub };
}

export function endSession(): void {
  window.localStorage.removeItem(STORAGE_KEY);
}

/** The gateway's demo token (offered only where GATEWAY_DEMO_USER is set, as in `npm start`), or why there is none. */
export async function fetchDemoToken(): Promise<string | { error: string }> {
  const response = await fetch('demo-token');
  if (response.status === 404) return { error: 'this gateway offers no demo token (GATEWAY_DEMO_USER is not set): paste a token' };
  if (!response.ok) return { error: `the gateway answered ${response.status}` };
  const body = (await response.json()) as { token?: unknown };
  return typeof body.token === 'string' ? body.token : { error: 'the gateway answered without a token' };
}

/** What the dashboard reads from a pasted token, unverified: only the gateway's verdict counts. */
export interface TokenClaims {
  sub: string;
  role: string | null;
  /** Expiry, epoch ms; null without `exp`. */
  expiresAt: number | null;
}

/** Reads a JWT's claims, or explains why the text is not one. */
export function readTokenClaims(token: string): TokenClaims | string {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[1]) return 'not a JWT (expected three dot-separated parts)';
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const payload = JSON.parse(json) as Record<string, unknown>;
    if (typeof payload['sub'] !== 'string' || payload['sub'] === '') return 'the token has no "sub" (user id) claim';
    return {
      sub: payload['sub'],
      role: typeof payload['role'] === 'string' ? payload['role'] : null,
      expiresAt: typeof payload['exp'] === 'number' ? payload['exp'] * 1000 : null,
    };
  } catch {
    return 'the token payload is not base64url JSON';
  }
}

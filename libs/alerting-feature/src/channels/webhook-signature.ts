import { createHmac, timingSafeEqual } from 'node:crypto';

/** `x-hyperdex-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/**
 * The receiver's check (README shows it): the signature matches the raw body, and its time is within `toleranceSec`
 * of now, so a captured request cannot be replayed later. Answers the reason it fails, or null when it holds.
 */
export function verifyWebhook(secret: string, body: string, header: string | undefined, nowSeconds: number, toleranceSec = 300): string | null {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts['t']);
  const v1 = parts['v1'];
  if (!Number.isSafeInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return 'malformed signature header';
  if (Math.abs(nowSeconds - t) > toleranceSec) return 'stale timestamp';
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex')) ? null : 'signature mismatch';
}

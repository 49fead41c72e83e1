import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

const SECRET = 'whsec-0123456789abcdef';
const BODY = '{"id":"dlv_1","type":"alert.opened","alert":{}}';
const NOW = 1_764_000_000;

describe('webhook signature', () => {
  it('is HMAC-SHA256 of "<t>.<raw body>" in hex, and verifies', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(header).toBe(`t=${NOW},v1=${createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex')}`);
    expect(verifyWebhook(SECRET, BODY, header, NOW + 10)).toBeNull();
  });

  it('lets the receiver detect a wrong secret, a changed body, a stale timestamp and a malformed header', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(verifyWebhook('another-secret-0123', BODY, header, NOW)).toBe('signature mismatch');
    expect(verifyWebhook(SECRET, BODY.replace('opened', 'resolved'), header, NOW)).toBe('signature mismatch');
    expect(verifyWebhook(SECRET, BODY, header, NOW + 301)).toBe('stale timestamp');
    expect(verifyWebhook(SECRET, BODY, 'v1=abc', NOW)).toBe('malformed signature header');
    expect(verifyWebhook(SECRET, BODY, undefined, NOW)).toBe('malformed signature header');
  });
});

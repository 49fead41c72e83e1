import { decodeCursor, encodeCursor } from './alert-history-cursor';

describe('alert history cursor', () => {
  it('round-trips the last item of a page', () => {
    const cursor = { openedAt: 1_764_000_000_123, alertId: 'daily-loss:ann:7' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuses text it did not produce', () => {
    expect(decodeCursor('bm90LWpzb24')).toBeNull();
    expect(decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeNull();
  });
});

import type { ExposureUpdate } from '@hyperdex/contracts';
import { InProcessExposureCache } from './in-process-exposure-cache';

const snapshot = (userId: string, asOf: number, totalUsd: string): ExposureUpdate =>
  ({ userId, asOf, totalExposureUsd: totalUsd, positions: [] }) as unknown as ExposureUpdate;

describe('InProcessExposureCache', () => {
  it('keeps the newest snapshot of each user, whatever order they are written in', async () => {
    const cache = new InProcessExposureCache();
    await cache.putMany([snapshot('alice', 2, '200'), snapshot('alice', 1, '100'), snapshot('bob', 5, '5')]);
    await cache.put(snapshot('bob', 4, '4'));
    expect((await cache.get('alice'))?.asOf).toBe(2);
    expect((await cache.get('bob'))?.asOf).toBe(5);
    expect(await cache.get('carol')).toBeNull();
  });

  it('hands out copies, so a caller cannot change what others read', async () => {
    const cache = new InProcessExposureCache();
    const written = snapshot('alice', 1, '100');
    await cache.put(written);
    (written as { asOf: number }).asOf = 99;
    const read = await cache.get('alice');
    (read as { asOf: number }).asOf = 98;
    expect((await cache.get('alice'))?.asOf).toBe(1);
  });
});

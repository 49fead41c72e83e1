import { BreachLatch } from './breach-latch';

describe('BreachLatch', () => {
  it('reports the start and the end of a breach once each, per rule and user', () => {
    const latch = new BreachLatch();
    expect(latch.update('r', 'alice', false)).toBe('still-clear');
    expect(latch.update('r', 'alice', true)).toBe('entered');
    expect(latch.update('r', 'alice', true)).toBe('still-breached');
    expect(latch.update('r', 'bob', true)).toBe('entered');
    expect(latch.update('r', 'alice', false)).toBe('cleared');
    expect(latch.update('r', 'alice', true)).toBe('entered');
  });
});

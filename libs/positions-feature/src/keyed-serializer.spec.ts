import { KeyedSerializer } from './keyed-serializer';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedSerializer', () => {
  it('runs tasks of one key in order, never overlapping, and other keys alongside', async () => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    const task = (name: string, steps: number) => async () => {
      log.push(`${name}:start`);
      for (let i = 0; i < steps; i++) await tick();
      log.push(`${name}:end`);
    };
    await Promise.all([serializer.run('alice', task('a1', 3)), serializer.run('alice', task('a2', 1)), serializer.run('bob', task('b1', 1))]);
    expect(log.indexOf('a1:end')).toBeLessThan(log.indexOf('a2:start'));
    expect(log.indexOf('b1:start')).toBeLessThan(log.indexOf('a1:end'));
  });

  it('keeps going after a failed task and reports the failure to its caller only', async () => {
    const serializer = new KeyedSerializer();
    const failed = serializer.run('alice', async () => {
      throw new Error('boom');
    });
    const next = serializer.run('alice', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});

describe('KeyedSerializer.runAll', () => {
  it('waits for every key it holds and holds them all until it ends; unrelated keys proceed', async () => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    const task = (name: string, steps: number) => async () => {
      log.push(`${name}:start`);
      for (let i = 0; i < steps; i++) await tick();
      log.push(`${name}:end`);
    };
    await Promise.all([
      serializer.run('alice', task('alice', 3)),
      serializer.run('bob', task('bob', 1)),
      serializer.runAll(['alice', 'bob', 'alice'], task('both', 1)),
      serializer.run('bob', task('bob-after', 1)),
      serializer.run('carol', task('carol', 1)),
    ]);
    expect(log.indexOf('both:start')).toBeGreaterThan(log.indexOf('alice:end'));
    expect(log.indexOf('both:start')).toBeGreaterThan(log.indexOf('bob:end'));
    expect(log.indexOf('bob-after:start')).toBeGreaterThan(log.indexOf('both:end'));
    expect(log.indexOf('carol:start')).toBeLessThan(log.indexOf('alice:end'));
  });
});

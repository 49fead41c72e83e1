import { LocalArgumentError, parseLocalArguments } from './local-arguments';

describe('parseLocalArguments', () => {
  it('simulates and keeps the data folder by default', () => {
    expect(parseLocalArguments([], '/repo')).toEqual({ fresh: false, simulate: true, dataDir: '/repo/.hyperdex-local', rate: 5, seed: 42, portBase: 3000, help: false });
  });

  it('reads --fresh, --no-simulate and a data folder in either spelling', () => {
    expect(parseLocalArguments(['--fresh', '--no-simulate', '--data-dir', 'db'], '/repo')).toMatchObject({ fresh: true, simulate: false, dataDir: '/repo/db' });
    expect(parseLocalArguments(['--data-dir=/tmp/x'], '/repo').dataDir).toBe('/tmp/x');
    expect(parseLocalArguments(['--rate', '0.5', '--seed=7'], '/repo')).toMatchObject({ rate: 0.5, seed: 7 });
    expect(parseLocalArguments(['--port-base', '8000'], '/repo').portBase).toBe(8000);
  });

  it('refuses an unknown option and a data folder without a path, naming the argument', () => {
    expect(() => parseLocalArguments(['--turbo'], '/repo')).toThrow(new LocalArgumentError('--turbo', 'is not an option of npm start'));
    expect(() => parseLocalArguments(['--data-dir'], '/repo')).toThrow('--data-dir: needs a folder path');
    expect(() => parseLocalArguments(['--data-dir', '--fresh'], '/repo')).toThrow('--data-dir: needs a folder path');
    expect(() => parseLocalArguments(['--rate', 'fast'], '/repo')).toThrow('--rate: must be a number of at least 0, got "fast"');
    expect(() => parseLocalArguments(['--seed', '1.5'], '/repo')).toThrow('--seed: must be an integer of at least 0, got "1.5"');
    expect(() => parseLocalArguments(['--port-base', '70000'], '/repo')).toThrow('--port-base: must be a port from 1 to 65531, got "70000"');
  });
});

import { LocalArgumentError, parseLocalArguments } from './local-arguments';

describe('parseLocalArguments', () => {
  it('simulates and keeps the data folder by default', () => {
    expect(parseLocalArguments([], '/repo')).toEqual({ fresh: false, simulate: true, dataDir: '/repo/.hyperdex-local', help: false });
  });

  it('reads --fresh, --no-simulate and a data folder in either spelling', () => {
    expect(parseLocalArguments(['--fresh', '--no-simulate', '--data-dir', 'db'], '/repo')).toMatchObject({ fresh: true, simulate: false, dataDir: '/repo/db' });
    expect(parseLocalArguments(['--data-dir=/tmp/x'], '/repo').dataDir).toBe('/tmp/x');
  });

  it('refuses an unknown option and a data folder without a path, naming the argument', () => {
    expect(() => parseLocalArguments(['--turbo'], '/repo')).toThrow(new LocalArgumentError('--turbo', 'is not an option of npm start'));
    expect(() => parseLocalArguments(['--data-dir'], '/repo')).toThrow('--data-dir: needs a folder path');
    expect(() => parseLocalArguments(['--data-dir', '--fresh'], '/repo')).toThrow('--data-dir: needs a folder path');
  });
});

import { parseSimulatorArguments } from './simulator-arguments';

describe('parseSimulatorArguments', () => {
  it('defaults to the local ingestion API and its demo key', () => {
    expect(parseSimulatorArguments([], {})).toEqual({
      target: 'http://127.0.0.1:3001',
      apiKey: 'local-dev-ingestion-key',
      seed: 42,
      tradesPerSecond: 5,
      tickMs: 1_000,
      durationSeconds: undefined,
      help: false,
    });
    expect(parseSimulatorArguments([], { INGESTION_API_KEY: 'from-the-environment' }).apiKey).toBe('from-the-environment');
  });

  it('reads every option in either spelling', () => {
    expect(parseSimulatorArguments(['--target', 'https://risk.example/', '--rate=20', '--tick-ms', '250', '--seed', '9', '--duration=60', '--api-key', 'k'], {})).toMatchObject({
      target: 'https://risk.example/',
      tradesPerSecond: 20,
      tickMs: 250,
      seed: 9,
      durationSeconds: 60,
      apiKey: 'k',
    });
  });

  it('refuses a bad value or an unknown option, naming it', () => {
    expect(() => parseSimulatorArguments(['--target', 'ftp://x'], {})).toThrow('--target: must be an http(s) URL, got "ftp://x"');
    expect(() => parseSimulatorArguments(['--rate', '-1'], {})).toThrow('--rate: must be a number of at least 0, got "-1"');
    expect(() => parseSimulatorArguments(['--tick-ms'], {})).toThrow('--tick-ms: must be an integer of at least 10, got nothing');
    expect(() => parseSimulatorArguments(['--fast'], {})).toThrow('--fast: is not an option of the simulator');
  });
});

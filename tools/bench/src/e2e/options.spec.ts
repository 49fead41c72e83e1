import { FlagError, parseE2eFlags } from './options';

describe('parseE2eFlags', () => {
  it('defaults to the issue’s run: 1000 trades/s for 20 s over 500 users, 20,000 throughput trades in batches of 100', () => {
    const o = parseE2eFlags([]);
    expect(o).toMatchObject({ rate: 1000, seconds: 20, users: 500, breachShare: 0.1, throughputTrades: 20_000, batch: 100, priceTokens: 50, priceIntervalMs: 1000 });
    expect(o).toMatchObject({ profile: false, useRunning: false, build: true, skipLatency: false, skipThroughput: false, skipLimit: false, quick: false });
  });

  it('reads --flag value and --flag=value', () => {
    const o = parseE2eFlags(['--rate', '250', '--seconds=7.5', '--breach-share', '0.25', '--no-build', '--profile']);
    expect(o).toMatchObject({ rate: 250, seconds: 7.5, breachShare: 0.25, build: false, profile: true });
  });

  it('--quick shortens the run, but an explicit flag still wins whatever its position', () => {
    expect(parseE2eFlags(['--quick'])).toMatchObject({ rate: 200, seconds: 5, users: 100, throughputTrades: 2000, quick: true });
    expect(parseE2eFlags(['--users', '40', '--quick'])).toMatchObject({ rate: 200, users: 40 });
  });

  it('takes --use-running settings from flags, then the environment, then the `npm run stack` defaults', () => {
    const o = parseE2eFlags(['--use-running', '--gateway-url', 'http://10.0.0.1:3000'], { BENCH_KAFKA_BROKERS: 'a:1,b:2' });
    expect(o.running).toMatchObject({ gatewayUrl: 'http://10.0.0.1:3000', ingestionUrl: 'http://127.0.0.1:3001', brokers: ['a:1', 'b:2'], databaseName: 'hyperdex' });
  });

  it.each([
    [['--rate', 'fast'], 'rate', 'not a number'],
    [['--rate', '0'], 'rate', 'outside'],
    [['--users', '2.5'], 'users', 'whole number'],
    [['--breach-share', '1.5'], 'breach-share', 'outside'],
    [['--batch'], 'batch', 'needs a value'],
    [['--seconds', '--quick'], 'seconds', 'needs a value'],
    [['--frobnicate'], 'frobnicate', 'unknown flag'],
    [['--quick=yes'], 'quick', 'takes no value'],
    [['--use-running', '--brokers', 'localhost'], 'brokers', 'host:port'],
    [['--use-running', '--gateway-url', 'ws://x'], 'gateway-url', 'http(s) URL'],
    [['--profile', '--use-running'], 'profile', 'cannot profile'],
    [['rate'], 'rate', 'unexpected argument'],
  ])('%j is refused naming --%s', (argv, flag, reason) => {
    let caught: unknown;
    try {
      parseE2eFlags(argv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FlagError);
    expect((caught as FlagError).flag).toBe(flag);
    expect((caught as FlagError).message).toContain(`--${flag}`);
    expect((caught as FlagError).message).toContain(reason);
  });
});

/**
 * The e2e benchmark's flags: parsed and validated up front, so a typo stops the run before a stack is started
 * (minutes of set-up) rather than after.
 */

export interface RunningStackSettings {
  readonly gatewayUrl: string;
  readonly ingestionUrl: string;
  readonly brokers: readonly string[];
  readonly apiKey: string;
  readonly jwtSecret: string;
  readonly databaseName: string;
}

export interface E2eOptions {
  /** Trades per second of the latency phase (open loop). */
  readonly rate: number;
  readonly seconds: number;
  readonly users: number;
  /** Fraction of users that get one trade taking them over the exposure limit. */
  readonly breachShare: number;
  readonly throughputTrades: number;
  /** Trades per POST in the throughput phase. */
  readonly batch: number;
  /** Batched POSTs in flight at once in the throughput phase. */
  readonly inFlight: number;
  readonly priceTokens: number;
  readonly priceIntervalMs: number;
  readonly profile: boolean;
  readonly useRunning: boolean;
  readonly build: boolean;
  readonly skipLatency: boolean;
  readonly skipThroughput: boolean;
  readonly skipLimit: boolean;
  readonly quick: boolean;
  /** Messages of the bare produce+consume measurement. */
  readonly limitMessages: number;
  /** Sequential one-hop round trips of the bare measurement. */
  readonly roundTrips: number;
  readonly warmupSeconds: number;
  /** How long to wait for events after the last send of a phase before counting them missing. */
  readonly drainSeconds: number;
  /** How long the ledger may take to book what was accepted before the exactness check counts the rest missing. */
  readonly settleSeconds: number;
  readonly seed: number;
  /** Only read with --use-running; a started stack uses its own. */
  readonly running: RunningStackSettings;
}

export class FlagError extends Error {
  constructor(
    readonly flag: string,
    reason: string,
  ) {
    super(`--${flag}: ${reason}`);
    this.name = 'FlagError';
  }
}

interface NumberFlag {
  readonly key: keyof E2eOptions;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly help: string;
}

const NUMBER_FLAGS: Record<string, NumberFlag> = {
  rate: { key: 'rate', min: 1, max: 100_000, integer: false, help: 'trades/s of the latency phase (1000)' },
  seconds: { key: 'seconds', min: 1, max: 3600, integer: false, help: 'length of the latency phase (20)' },
  users: { key: 'users', min: 1, max: 100_000, integer: true, help: 'users, one socket each (500)' },
  'breach-share': { key: 'breachShare', min: 0, max: 1, integer: false, help: 'fraction of users given one limit-breaking trade (0.1)' },
  'throughput-trades': { key: 'throughputTrades', min: 1, max: 10_000_000, integer: true, help: 'trades of the throughput phase (20000)' },
  batch: { key: 'batch', min: 1, max: 100_000, integer: true, help: 'trades per POST in the throughput phase (100)' },
  'in-flight': { key: 'inFlight', min: 1, max: 1000, integer: true, help: 'throughput POSTs in flight (4)' },
  'price-tokens': { key: 'priceTokens', min: 1, max: 10_000, integer: true, help: 'synthetic tokens the price feed ticks (50)' },
  'price-interval-ms': { key: 'priceIntervalMs', min: 50, max: 600_000, integer: true, help: 'tick interval of each token (1000)' },
  'limit-messages': { key: 'limitMessages', min: 100, max: 10_000_000, integer: true, help: 'messages of the bare Kafka rate (20000)' },
  'round-trips': { key: 'roundTrips', min: 10, max: 1_000_000, integer: true, help: 'bare one-hop round trips (1000)' },
  'warmup-seconds': { key: 'warmupSeconds', min: 0, max: 600, integer: false, help: 'low-rate warm-up before the latency phase (3)' },
  'drain-seconds': { key: 'drainSeconds', min: 1, max: 3600, integer: false, help: 'wait for events after a phase before counting them missing (30)' },
  'settle-seconds': { key: 'settleSeconds', min: 0, max: 3600, integer: false, help: 'wait for the ledger before the exactness check (30)' },
  seed: { key: 'seed', min: 0, max: 2 ** 32 - 1, integer: true, help: 'random seed of trades and prices (42)' },
};

const BOOLEAN_FLAGS: Record<string, { readonly key: keyof E2eOptions; readonly value: boolean; readonly help: string }> = {
  profile: { key: 'profile', value: true, help: 'CPU-profile every service (--cpu-prof) and summarise the profiles' },
  'use-running': { key: 'useRunning', value: true, help: 'use a running stack (see the URL flags) instead of starting one' },
  'no-build': { key: 'build', value: false, help: 'do not build the five apps first' },
  'skip-latency': { key: 'skipLatency', value: true, help: 'skip the latency phase' },
  'skip-throughput': { key: 'skipThroughput', value: true, help: 'skip the throughput phase' },
  'skip-limit': { key: 'skipLimit', value: true, help: 'skip the bare Kafka limit phase' },
  quick: { key: 'quick', value: true, help: 'a short smoke: rate 200, 5 s, 100 users, 2,000 throughput trades' },
};

/** --use-running's stack: flag, else environment variable, else the `npm run stack` default. */
const STRING_FLAGS: Record<string, { readonly key: keyof RunningStackSettings; readonly env: string; readonly fallback: string }> = {
  'gateway-url': { key: 'gatewayUrl', env: 'BENCH_GATEWAY_URL', fallback: 'http://127.0.0.1:3000' },
  'ingestion-url': { key: 'ingestionUrl', env: 'BENCH_INGESTION_URL', fallback: 'http://127.0.0.1:3001' },
  brokers: { key: 'brokers', env: 'BENCH_KAFKA_BROKERS', fallback: '127.0.0.1:9092' },
  'api-key': { key: 'apiKey', env: 'BENCH_API_KEY', fallback: 'local-dev-ingestion-key' },
  'jwt-secret': { key: 'jwtSecret', env: 'BENCH_JWT_SECRET', fallback: 'local-dev-jwt-secret-change-me-0123456789' },
  'database-name': { key: 'databaseName', env: 'BENCH_DATABASE_NAME', fallback: 'hyperdex' },
};

const DEFAULTS = {
  rate: 1000,
  seconds: 20,
  users: 500,
  breachShare: 0.1,
  throughputTrades: 20_000,
  batch: 100,
  inFlight: 4,
  priceTokens: 50,
  priceIntervalMs: 1000,
  limitMessages: 20_000,
  roundTrips: 1000,
  warmupSeconds: 3,
  drainSeconds: 30,
  settleSeconds: 30,
  seed: 42,
} as const;

/** What --quick changes; a flag given explicitly still wins. */
const QUICK = { rate: 200, seconds: 5, users: 100, throughputTrades: 2000, limitMessages: 5000, roundTrips: 200 } as const;

export function usage(): string {
  const lines = ['usage: npm run bench:e2e -- [flags]', ''];
  for (const [name, f] of Object.entries(NUMBER_FLAGS)) lines.push(`  --${name} <n>`.padEnd(28) + f.help);
  for (const [name, f] of Object.entries(BOOLEAN_FLAGS)) lines.push(`  --${name}`.padEnd(28) + f.help);
  for (const [name, f] of Object.entries(STRING_FLAGS)) lines.push(`  --${name} <v>`.padEnd(28) + `with --use-running (env ${f.env}, default ${f.fallback})`);
  return lines.join('\n');
}

const isHttpUrl = (v: string): boolean => {
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * Reads `--flag value`, `--flag=value` and bare boolean flags. Throws a FlagError naming the flag for an unknown
 * flag, a missing or malformed value, or a value out of range.
 */
export function parseE2eFlags(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): E2eOptions {
  const numbers = new Map<keyof E2eOptions, number>();
  const booleans = new Map<keyof E2eOptions, boolean>();
  const strings = new Map<keyof RunningStackSettings, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new FlagError(arg.replace(/^-+/, '') || arg, `unexpected argument '${arg}' (flags start with --)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const bool = BOOLEAN_FLAGS[name];
    if (bool) {
      if (inline !== undefined) throw new FlagError(name, 'takes no value');
      booleans.set(bool.key, bool.value);
      continue;
    }
    const num = NUMBER_FLAGS[name];
    const str = STRING_FLAGS[name];
    if (!num && !str) throw new FlagError(name, 'unknown flag (see --help)');
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new FlagError(name, 'needs a value');
      value = next;
      i++;
    }
    if (num) numbers.set(num.key, parseNumber(name, value, num));
    else if (str) strings.set(str.key, value);
  }
  const pick = (key: keyof typeof DEFAULTS): number => {
    const explicit = numbers.get(key);
    if (explicit !== undefined) return explicit;
    const quick = booleans.get('quick') === true ? (QUICK as Partial<Record<keyof typeof DEFAULTS, number>>)[key] : undefined;
    return quick ?? DEFAULTS[key];
  };
  const flag = (key: keyof E2eOptions, fallback: boolean): boolean => booleans.get(key) ?? fallback;
  const stringSetting = (name: string): string => {
    const spec = STRING_FLAGS[name] as (typeof STRING_FLAGS)[string];
    return strings.get(spec.key) ?? env[spec.env] ?? spec.fallback;
  };
  const gatewayUrl = stringSetting('gateway-url');
  const ingestionUrl = stringSetting('ingestion-url');
  if (!isHttpUrl(gatewayUrl)) throw new FlagError('gateway-url', `'${gatewayUrl}' is not an http(s) URL`);
  if (!isHttpUrl(ingestionUrl)) throw new FlagError('ingestion-url', `'${ingestionUrl}' is not an http(s) URL`);
  const brokers = stringSetting('brokers').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0 || brokers.some((b) => !/^[^\s:]+:\d{1,5}$/.test(b))) throw new FlagError('brokers', 'must be host:port[,host:port…]');
  const databaseName = stringSetting('database-name');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(databaseName)) throw new FlagError('database-name', `'${databaseName}' is not a plain identifier`);
  const jwtSecret = stringSetting('jwt-secret');
  if (jwtSecret.length === 0) throw new FlagError('jwt-secret', 'must not be empty');
  const apiKey = stringSetting('api-key');
  if (apiKey.length === 0) throw new FlagError('api-key', 'must not be empty');

  const options: E2eOptions = {
    rate: pick('rate'),
    seconds: pick('seconds'),
    users: pick('users'),
    breachShare: numbers.get('breachShare') ?? 0.1,
    throughputTrades: pick('throughputTrades'),
    batch: pick('batch'),
    inFlight: pick('inFlight'),
    priceTokens: pick('priceTokens'),
    priceIntervalMs: pick('priceIntervalMs'),
    profile: flag('profile', false),
    useRunning: flag('useRunning', false),
    build: flag('build', true),
    skipLatency: flag('skipLatency', false),
    skipThroughput: flag('skipThroughput', false),
    skipLimit: flag('skipLimit', false),
    quick: flag('quick', false),
    limitMessages: pick('limitMessages'),
    roundTrips: pick('roundTrips'),
    warmupSeconds: pick('warmupSeconds'),
    drainSeconds: pick('drainSeconds'),
    settleSeconds: pick('settleSeconds'),
    seed: pick('seed'),
    running: { gatewayUrl, ingestionUrl, brokers, apiKey, jwtSecret, databaseName },
  };
  if (options.profile && options.useRunning) throw new FlagError('profile', 'cannot profile a stack it did not start (drop --use-running)');
  if (options.rate * options.seconds < 1) throw new FlagError('seconds', `rate × seconds sends no trade (${options.rate} × ${options.seconds})`);
  return options;
}

function parseNumber(name: string, text: string, spec: NumberFlag): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new FlagError(name, `'${text}' is not a number`);
  if (spec.integer && !Number.isInteger(value)) throw new FlagError(name, `'${text}' must be a whole number`);
  if (value < spec.min || value > spec.max) throw new FlagError(name, `${value} is outside ${spec.min}…${spec.max}`);
  return value;
}

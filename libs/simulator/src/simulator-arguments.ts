export interface SimulatorArguments {
  target: string;
  apiKey: string;
  seed: number;
  tradesPerSecond: number;
  tickMs: number;
  durationSeconds: number | undefined;
  help: boolean;
}

export const SIMULATOR_USAGE = `npm run simulate -- [options]
  --target <url>       the ingestion API (default http://127.0.0.1:3001)
  --api-key <key>      its x-api-key (default $INGESTION_API_KEY, else local-dev-ingestion-key)
  --rate <n>           trades per second over the ordinary demo users (default 5)
  --tick-ms <n>        milliseconds per market step (default 1000)
  --seed <n>           the random seed: the same seed, the same market (default 42)
  --duration <s>       stop after this many seconds (default: until Ctrl-C)`;

const number = (name: string, value: string | undefined, min: number, integer: boolean): number => {
  const n = Number(value);
  if (value === undefined || value.startsWith('--') || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new Error(`${name}: must be ${integer ? 'an integer' : 'a number'} of at least ${min}, got ${value === undefined ? 'nothing' : `"${value}"`}`);
  }
  return n;
};

/** The simulator's command line; an unknown or malformed argument is refused by name. */
export function parseSimulatorArguments(argv: readonly string[], env: NodeJS.ProcessEnv): SimulatorArguments {
  const args: SimulatorArguments = {
    target: 'http://127.0.0.1:3001',
    apiKey: env['INGESTION_API_KEY'] || 'local-dev-ingestion-key',
    seed: 42,
    tradesPerSecond: 5,
    tickMs: 1_000,
    durationSeconds: undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.indexOf('=');
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const value = () => (eq > 0 ? raw.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '--target': {
        const url = value();
        if (!url || !/^https?:\/\//.test(url)) throw new Error(`--target: must be an http(s) URL, got ${url === undefined ? 'nothing' : `"${url}"`}`);
        args.target = url;
        break;
      }
      case '--api-key': {
        const key = value();
        if (!key || key.startsWith('--')) throw new Error('--api-key: needs a key');
        args.apiKey = key;
        break;
      }
      case '--rate':
        args.tradesPerSecond = number('--rate', value(), 0, false);
        break;
      case '--tick-ms':
        args.tickMs = number('--tick-ms', value(), 10, true);
        break;
      case '--seed':
        args.seed = number('--seed', value(), 0, true);
        break;
      case '--duration':
        args.durationSeconds = number('--duration', value(), 1, true);
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`${raw}: is not an option of the simulator (--help lists them)`);
    }
  }
  return args;
}

import { resolve } from 'node:path';

export interface LocalArguments {
  /** Wipe the data folder before starting. */
  fresh: boolean;
  /** Run the market simulator beside the services. */
  simulate: boolean;
  /** Where the embedded database keeps its data across restarts. */
  dataDir: string;
  /** The simulator's trades per second and seed. */
  rate: number;
  seed: number;
  /** The gateway's port; ingestion, positions, risk and alerting take the next four (the stack's 3000–3004). */
  portBase: number;
  help: boolean;
}

export class LocalArgumentError extends Error {
  constructor(argument: string, reason: string) {
    super(`${argument}: ${reason} (npm start -- --help lists the options)`);
    this.name = 'LocalArgumentError';
  }
}

export const LOCAL_USAGE = `npm start [-- options]
  --fresh            wipe the data folder first (a clean system)
  --no-simulate      do not run the market simulator (it runs by default)
  --data-dir <path>  where the embedded database keeps its data (default .hyperdex-local/)
  --rate <n>         the simulator's trades per second (default 5)
  --seed <n>         the simulator's seed: the same seed, the same market (default 42)
  --port-base <n>    gateway on n, ingestion n+1, positions n+2, risk n+3, alerting n+4 (default 3000)
  --help             this text`;

/** The command line of `npm start`; every unknown or malformed argument is refused by name. */
export function parseLocalArguments(argv: readonly string[], cwd: string): LocalArguments {
  const parsed: LocalArguments = { fresh: false, simulate: true, dataDir: resolve(cwd, '.hyperdex-local'), rate: 5, seed: 42, portBase: 3000, help: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] as string;
    const [name, inline] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    switch (name) {
      case '--fresh':
        parsed.fresh = true;
        break;
      case '--simulate':
        parsed.simulate = true;
        break;
      case '--no-simulate':
        parsed.simulate = false;
        break;
      case '--help':
      case '-h':
        parsed.help = true;
        break;
      case '--data-dir': {
        const value = inline ?? argv[++i];
        if (!value || value.startsWith('--')) throw new LocalArgumentError('--data-dir', 'needs a folder path');
        parsed.dataDir = resolve(cwd, value);
        break;
      }
      case '--rate':
      case '--seed': {
        const value = inline ?? argv[++i];
        const n = Number(value);
        const integer = name === '--seed';
        if (value === undefined || value === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
          throw new LocalArgumentError(name, `must be ${integer ? 'an integer' : 'a number'} of at least 0, got ${value === undefined ? 'nothing' : `"${value}"`}`);
        }
        if (name === '--rate') parsed.rate = n;
        else parsed.seed = n;
        break;
      }
      case '--port-base': {
        const value = inline ?? argv[++i];
        const n = Number(value);
        if (value === undefined || !Number.isInteger(n) || n < 1 || n > 65_531) {
          throw new LocalArgumentError('--port-base', `must be a port from 1 to 65531, got ${value === undefined ? 'nothing' : `"${value}"`}`);
        }
        parsed.portBase = n;
        break;
      }
      default:
        throw new LocalArgumentError(argument, 'is not an option of npm start');
    }
  }
  return parsed;
}

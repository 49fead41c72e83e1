import { isPlantedBug, PLANTED_BUGS, type PlantedBugName } from './planted-bugs';

export interface SimArguments {
  /** First seed, and how many from it. */
  seed: number;
  count: number;
  steps: number | undefined;
  bug: PlantedBugName | undefined;
  help: boolean;
}

export class SimArgumentError extends Error {
  constructor(argument: string, reason: string) {
    super(`${argument}: ${reason} (npm run sim -- --help lists the options)`);
    this.name = 'SimArgumentError';
  }
}

export const SIM_USAGE = `npm run sim -- [options]   the deterministic simulation, outside jest, with each step's action printed
  --seed <n>     the seed to run (default 1); the same seed replays exactly
  --count <n>    run this many seeds from --seed on (default 1); the trace is printed for failing seeds only
  --steps <n>    scheduler steps per seed before the final drain (default as in npm run test:sim)
  --bug <name>   plant a known bug: ${Object.keys(PLANTED_BUGS).join(', ')}
  --help         this text`;

/** The command line of `npm run sim`; an unknown or malformed argument is refused by name. */
export function parseSimArguments(argv: readonly string[]): SimArguments {
  const parsed: SimArguments = { seed: 1, count: 1, steps: undefined, bug: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] as string;
    const [name, inline] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    if (name === '--help' || name === '-h') {
      parsed.help = true;
      continue;
    }
    const value = inline ?? argv[++i];
    switch (name) {
      case '--seed':
      case '--count':
      case '--steps': {
        const n = Number(value);
        if (value === undefined || value === '' || !Number.isInteger(n) || n < (name === '--seed' ? 0 : 1)) {
          throw new SimArgumentError(name, `must be an integer of at least ${name === '--seed' ? 0 : 1}, got ${value === undefined ? 'nothing' : `"${value}"`}`);
        }
        if (name === '--seed') parsed.seed = n;
        else if (name === '--count') parsed.count = n;
        else parsed.steps = n;
        break;
      }
      case '--bug':
        if (value === undefined || !isPlantedBug(value)) throw new SimArgumentError('--bug', `must be one of ${Object.keys(PLANTED_BUGS).join(', ')}, got ${value === undefined ? 'nothing' : `"${value}"`}`);
        parsed.bug = value;
        break;
      default:
        throw new SimArgumentError(argument, 'is not an option of npm run sim');
    }
  }
  return parsed;
}

import Decimal from 'decimal.js';
import type { SeededRandom } from './seeded-random';

export interface PriceEvent {
  kind: 'regime' | 'crash' | 'depeg' | 'repeg';
  asset: string;
  detail: string;
}

interface AssetPath {
  price: Decimal;
  stablecoin: boolean;
  volatile: boolean;
  /** Remaining steps of a crash, and the log-return of each. */
  crash: { steps: number; stepReturn: number } | null;
  /** A depegged stablecoin's distance below 1, decaying back. */
  depeg: number;
}

export interface PricePathOptions {
  /** Per-step volatility (σ of the log-return) in calm and in volatile regimes. */
  calmSigma: number;
  volatileSigma: number;
  /** Per-step chances: switching regime, a crash of a volatile asset, a depeg of a stablecoin. */
  regimeSwitch: number;
  crash: number;
  depeg: number;
}

export const DEFAULT_PRICE_PATHS: PricePathOptions = { calmSigma: 0.002, volatileSigma: 0.012, regimeSwitch: 0.02, crash: 0.003, depeg: 0.002 };

/**
 * Seeded price paths: a geometric random walk per volatile asset whose volatility switches between a calm and a
 * volatile regime, now and then a crash (20–35 % over five steps), and stablecoins that now and then lose their peg
 * (down to 0.92–0.97) and drift back. Prices are decimals, never floats, once they leave this class.
 */
export class PricePaths {
  private readonly assets = new Map<string, AssetPath>();
  private volatileRegime = false;

  constructor(
    private readonly random: SeededRandom,
    startPrices: Readonly<Record<string, string>>,
    stablecoins: readonly string[],
    private readonly options: PricePathOptions = DEFAULT_PRICE_PATHS,
  ) {
    for (const [asset, price] of Object.entries(startPrices)) this.assets.set(asset, { price: new Decimal(price), stablecoin: false, volatile: true, crash: null, depeg: 0 });
    for (const asset of stablecoins) this.assets.set(asset, { price: new Decimal(1), stablecoin: true, volatile: false, crash: null, depeg: 0 });
  }

  /** Advances every asset one step; answers what happened beyond the ordinary walk. */
  step(): PriceEvent[] {
    const events: PriceEvent[] = [];
    const { random, options } = this;
    if (random.chance(options.regimeSwitch)) {
      this.volatileRegime = !this.volatileRegime;
      events.push({ kind: 'regime', asset: '*', detail: this.volatileRegime ? 'volatile' : 'calm' });
    }
    const sigma = this.volatileRegime ? options.volatileSigma : options.calmSigma;
    for (const [asset, path] of this.assets) {
      if (path.stablecoin) {
        if (path.depeg === 0 && random.chance(options.depeg)) {
          path.depeg = 0.03 + random.next() * 0.05;
          events.push({ kind: 'depeg', asset, detail: `to ${(1 - path.depeg).toFixed(3)}` });
        } else if (path.depeg > 0) {
          path.depeg = path.depeg < 0.001 ? 0 : path.depeg * 0.85;
          if (path.depeg === 0) events.push({ kind: 'repeg', asset, detail: 'back to 1' });
        }
        path.price = new Decimal(1 - path.depeg + random.normal() * 0.0002).toDecimalPlaces(6);
        continue;
      }
      if (!path.crash && random.chance(options.crash)) {
        const depth = 0.2 + random.next() * 0.15;
        path.crash = { steps: 5, stepReturn: Math.log(1 - depth) / 5 };
        events.push({ kind: 'crash', asset, detail: `${(depth * 100).toFixed(0)} % over 5 steps` });
      }
      let logReturn = random.normal() * sigma;
      if (path.crash) {
        logReturn += path.crash.stepReturn;
        path.crash = path.crash.steps > 1 ? { ...path.crash, steps: path.crash.steps - 1 } : null;
      }
      path.price = path.price.times(Decimal.exp(logReturn)).toSignificantDigits(8);
    }
    return events;
  }

  price(asset: string): Decimal {
    const path = this.assets.get(asset);
    if (!path) throw new Error(`no price path for ${asset}`);
    return path.price;
  }
}

import fc from 'fast-check';
import { Usd } from '../money/usd';
import { EwmaCovariance, ewmaCovarianceOf } from './ewma-covariance';
import { expectedShortfall } from './expected-shortfall';
import { historicalPortfolioVaR } from './historical-portfolio-var';
import { historicalVaR } from './historical-var';
import { monteCarloPortfolioVaR } from './monte-carlo-portfolio-var';
import { parametricPortfolioVaR } from './parametric-portfolio-var';
import { computePortfolioRisk } from './portfolio-risk';
import { RiskWorkspace } from './risk-workspace';
import { SeededNormalGenerator } from './seeded-normal-generator';

const META = { asOf: 1_700_000_000_000, oldestPriceAt: 1_699_999_990_000 };
const Z99 = 2.3263478740408408;

/** Correlated synthetic returns (seeded), columns newest last. */
function syntheticReturns(tokens: number, points: number, seed: number): Float64Array[] {
  const g = new SeededNormalGenerator(seed);
  const columns = Array.from({ length: tokens }, () => new Float64Array(points));
  for (let t = 0; t < points; t++) {
    const market = g.nextNormal();
    columns.forEach((column, i) => (column[t] = 0.01 * (1 + i * 0.1) * (0.6 * market + 0.8 * g.nextNormal())));
  }
  return columns;
}

describe('historicalPortfolioVaR', () => {
  it('for one token of value V equals V × the single-series historical VaR/ES (empyrical rules)', () => {
    // TestStats.test_value_at_risk series [1, 81, 82, 83, 84, 85] scaled to returns; see value-at-risk.spec.ts.
    const returns = [1, 81, 82, 83, 84, 85].map((x) => (x - 50) / 1000);
    const result = historicalPortfolioVaR([new Usd(1000)], [Float64Array.from(returns)], META);
    expect(result?.var95Usd.toNumber()).toBeCloseTo(1000 * (historicalVaR(returns, 0.95) as number), 9);
    expect(result?.es99Usd.toNumber()).toBeCloseTo(1000 * (expectedShortfall(returns, 0.99) as number), 9);
    expect(result?.inputs).toEqual({ ...META, returnPoints: 6, tokens: 1 });
  });

  it('re-prices today’s book on each past return vector (hand-checked two-token case)', () => {
    // P&L_t = 100·a_t − 50·b_t: [−2 − 1, 1 − 0.5, 3 + 1] = [−3, 0.5, 4]; VaR95 at h = 2·0.05 = 0.1 ⇒ −(−3 + 0.1·3.5) = 2.65.
    const result = historicalPortfolioVaR([new Usd(100), new Usd(-50)], [Float64Array.of(-0.02, 0.01, 0.03), Float64Array.of(0.02, 0.01, -0.02)], META);
    expect(result?.var95Usd.toNumber()).toBeCloseTo(2.65, 12);
    expect(result?.es95Usd.toNumber()).toBeCloseTo(3, 12);
  });
});

describe('parametricPortfolioVaR', () => {
  // Hull, Risk Management and Financial Institutions (model-building approach; slides "Microsoft Example", "AT&T
  // Example", "Two-Asset Portfolio"): $10m in Microsoft with daily σ 2%, $5m in AT&T with daily σ 1%, ρ = 0.3 ⇒
  // σ_P = $220,227 per day; the 10-day 99% VaR with z = 2.33 is $1,622,657, and Microsoft alone $1,473,621.
  it('reproduces Hull’s two-asset example', () => {
    const covariance = Float64Array.of(0.0004, 0.3 * 0.02 * 0.01, 0.3 * 0.02 * 0.01, 0.0001);
    const result = parametricPortfolioVaR([new Usd(10_000_000), new Usd(5_000_000)], covariance, { ...META, returnPoints: 250 });
    expect(result?.portfolioStdUsd.toNumber()).toBeCloseTo(220_227, 0);
    const tenDayAtHullsZ = ((result?.var99Usd.toNumber() as number) / Z99) * 2.33 * Math.sqrt(10);
    expect(tenDayAtHullsZ).toBeCloseTo(1_622_657, -1);
    const microsoft = parametricPortfolioVaR([new Usd(10_000_000)], Float64Array.of(0.0004), META);
    expect(((microsoft?.var99Usd.toNumber() as number) / Z99) * 2.33 * Math.sqrt(10)).toBeCloseTo(1_473_621, -1);
    expect(result?.inputs.returnPoints).toBe(250);
  });

  it('is null before the EWMA has seen a return, and reads an EwmaCovariance directly', () => {
    const ewma = new EwmaCovariance(1);
    expect(parametricPortfolioVaR([new Usd(1)], ewma, META)).toBeNull();
    ewma.update([0.02]);
    expect(parametricPortfolioVaR([new Usd(100)], ewma, META)?.var99Usd.toNumber()).toBeCloseTo(Z99 * 2, 10);
  });
});

describe('monteCarloPortfolioVaR', () => {
  const values = [new Usd(10_000), new Usd(-4_000), new Usd(7_500)];
  const covariance = ewmaCovarianceOf(syntheticReturns(3, 500, 11), 500);

  it('same seed ⇒ identical figures; another seed ⇒ different ones', () => {
    const a = monteCarloPortfolioVaR(values, covariance, META, { paths: 2_000, seed: 99 });
    const b = monteCarloPortfolioVaR(values, covariance, META, { paths: 2_000, seed: 99 }, new RiskWorkspace());
    const c = monteCarloPortfolioVaR(values, covariance, META, { paths: 2_000, seed: 100 });
    expect(a?.var99Usd.toString()).toBe(b?.var99Usd.toString());
    expect(a?.es95Usd.toString()).toBe(b?.es95Usd.toString());
    expect(a?.var99Usd.toString()).not.toBe(c?.var99Usd.toString());
  });

  it('converges to the parametric VaR/ES within 3% at 50,000 paths', () => {
    const mc = monteCarloPortfolioVaR(values, covariance, META, { paths: 50_000, seed: 1 });
    const parametric = parametricPortfolioVaR(values, covariance, META);
    for (const key of ['var95Usd', 'var99Usd', 'es95Usd', 'es99Usd'] as const) {
      const ratio = (mc?.[key].toNumber() as number) / (parametric?.[key].toNumber() as number);
      expect(Math.abs(ratio - 1)).toBeLessThan(0.03);
    }
  });

  it('handles a zero-variance stablecoin without jitter, and the log-return model stays close for small σ', () => {
    const withStable = Float64Array.of(0.0004, 0, 0, 0);
    const simple = monteCarloPortfolioVaR([new Usd(1000), new Usd(5000)], withStable, META, { paths: 20_000, seed: 3 });
    expect(simple?.choleskyJitter).toBe(0);
    expect((simple?.var95Usd.toNumber() as number) / (1.6448536269514722 * 20)).toBeCloseTo(1, 1);
    const log = monteCarloPortfolioVaR([new Usd(1000), new Usd(5000)], withStable, META, { paths: 20_000, seed: 3, returnModel: 'log' });
    expect(Math.abs((log?.var95Usd.toNumber() as number) / (simple?.var95Usd.toNumber() as number) - 1)).toBeLessThan(0.03);
  });

  it('property: same seed ⇒ same result; VaR99 ≥ VaR95 and ES ≥ VaR for every method', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (rawValues, seed) => {
          const usd = rawValues.map((v) => new Usd(v));
          const columns = syntheticReturns(usd.length, 120, seed);
          const cov = ewmaCovarianceOf(columns, 120);
          const runs = [
            historicalPortfolioVaR(usd, columns, META),
            parametricPortfolioVaR(usd, cov, META),
            monteCarloPortfolioVaR(usd, cov, META, { paths: 500, seed }),
          ];
          for (const r of runs) {
            expect(r?.var99Usd.greaterThanOrEqualTo((r?.var95Usd as Usd).minus('1e-9'))).toBe(true);
            expect(r?.es95Usd.greaterThanOrEqualTo((r?.var95Usd as Usd).minus('1e-9'))).toBe(true);
            expect(r?.es99Usd.greaterThanOrEqualTo((r?.var99Usd as Usd).minus('1e-9'))).toBe(true);
          }
          const again = monteCarloPortfolioVaR(usd, cov, META, { paths: 500, seed });
          expect(again?.var99Usd.equals(runs[2]?.var99Usd as Usd)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('computePortfolioRisk', () => {
  it('computes every figure in one call, with inputs passed through, reusing one workspace', () => {
    const tokens = 20;
    const columns = syntheticReturns(tokens, 500, 5);
    const values = Array.from({ length: tokens }, (_, i) => new Usd(1000 + 250 * i).times(i % 5 === 4 ? -1 : 1));
    const ewma = new EwmaCovariance(tokens);
    for (let t = 0; t < 500; t++) ewma.update(columns.map((c) => c[t] as number));
    const workspace = new RiskWorkspace();
    const input = { valuesUsd: values, returns: columns, covariance: ewma, ...META };
    const first = computePortfolioRisk(input, workspace);
    const second = computePortfolioRisk(input, workspace);
    expect(second).toEqual(first);

    expect(first.returnPoints).toBe(500);
    expect(first.covariancePoints).toBe(500);
    expect(first.oldestPriceAt).toBe(META.oldestPriceAt);
    expect(first.grossUsd.toString()).toBe(values.reduce((s, v) => s.plus(v.abs()), new Usd(0)).toString());
    expect(first.historical?.var95Usd.toString()).toBe(historicalPortfolioVaR(values, columns, META)?.var95Usd.toString());
    expect(first.parametric?.var99Usd.toString()).toBe(parametricPortfolioVaR(values, ewma, META)?.var99Usd.toString());
    expect(first.monteCarlo).toBeNull();
    expect(first.drawdown?.equityPoints).toBe(501);
    expect(first.sharpe).not.toBeNull();
    expect(first.concentration?.herfindahl.toNumber()).toBeGreaterThanOrEqual(1 / tokens);

    // Batch EWMA fallback gives the same parametric figure as the incremental estimator.
    const batch = computePortfolioRisk({ valuesUsd: values, returns: columns, ...META });
    expect(batch.parametric?.var99Usd.toNumber()).toBeCloseTo(first.parametric?.var99Usd.toNumber() as number, 6);

    const withMc = computePortfolioRisk({ ...input, monteCarlo: { paths: 5_000, seed: 9 } }, workspace);
    expect(withMc.monteCarlo?.paths).toBe(5_000);
    expect(withMc.historical).toEqual(first.historical);
  });

  it('reports nulls, not zeros, when data is missing', () => {
    const empty = computePortfolioRisk({ valuesUsd: [], returns: [], ...META });
    expect(empty).toMatchObject({ historical: null, parametric: null, monteCarlo: null, drawdown: null, sharpe: null, concentration: null });
    const onePoint = computePortfolioRisk({ valuesUsd: [new Usd(5)], returns: [Float64Array.of(0.01)], ...META });
    expect(onePoint.historical).toBeNull();
    const withCurve = computePortfolioRisk({ valuesUsd: [new Usd(5)], returns: [Float64Array.of(0.01)], equityCurve: Float64Array.of(100, 80, 90), ...META });
    expect(withCurve.drawdown).toEqual({ max: 0.2, current: 0.1, equityPoints: 3 });
  });
});

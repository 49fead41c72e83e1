import fc from 'fast-check';
import { expectedShortfall } from './expected-shortfall';
import { historicalVaR } from './historical-var';
import { parametricExpectedShortfall, parametricVaR } from './parametric-var';

const returnSeries = fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 2, maxLength: 300 });

describe('historicalVaR', () => {
  // quantopian/empyrical (master) and stefan-jansen/empyrical-reloaded, tests/test_stats.py, TestStats.test_value_at_risk:
  // value_at_risk(returns, cutoff) = np.percentile(returns, 100·cutoff). Ours is the loss, so VaR(c) = −value_at_risk(1 − c).
  it.each([
    [[1.0, 2.0], 0.7, 1.3],
    [[1, 81, 82, 83, 84, 85], 0.9, 41],
    [[1, 81, 82, 83, 84, 85], 0.8, 81],
    [[1, 81, 82, 83, 84, 85], 0.7, 81.5],
  ])('%p at confidence %p is the negated empyrical quantile %p', (returns, confidence, quantile) => {
    expect(historicalVaR(returns, confidence)).toBeCloseTo(-quantile, 10);
  });

  it('reports a loss as a positive fraction, in any input order, from decimal strings too', () => {
    expect(historicalVaR(['-0.05', '0.01', '-0.10', '0.02', '0'], 0.75)).toBeCloseTo(0.05, 12);
    expect(historicalVaR([], 0.95)).toBeNull();
    expect(() => historicalVaR([0.01], 1)).toThrow('confidence');
    expect(() => historicalVaR([0.01, '1e'], 0.95)).toThrow('returns[1]');
  });

  it('property: VaR(99%) ≥ VaR(95%)', () => {
    fc.assert(fc.property(returnSeries, (r) => expect(historicalVaR(r, 0.99) as number).toBeGreaterThanOrEqual(historicalVaR(r, 0.95) as number)));
  });
});

describe('expectedShortfall (historical CVaR)', () => {
  // TestStats.test_conditional_value_at_risk (same files): CVaR = mean of the returns at or below the VaR quantile;
  // empyrical computes it as the mean of the ⌊(n − 1)·cutoff⌋ + 1 smallest. For [1, 81, …, 85] at cutoff 0.3 the
  // quantile is 81.5, so CVaR = mean(1, 81) = 41; a single value is its own CVaR.
  it('matches empyrical conditional_value_at_risk', () => {
    expect(expectedShortfall([1, 81, 82, 83, 84, 85], 0.7)).toBeCloseTo(-41, 10);
    expect(expectedShortfall([85, 84, 1, 83, 82, 81], 0.9)).toBeCloseTo(-1, 10);
    expect(expectedShortfall([-0.0123], 0.95)).toBeCloseTo(0.0123, 12);
    expect(expectedShortfall([], 0.95)).toBeNull();
  });

  it('property: ES ≥ VaR at 95% and 99%, and ES(99%) ≥ ES(95%)', () => {
    fc.assert(
      fc.property(returnSeries, (r) => {
        for (const c of [0.95, 0.99]) expect(expectedShortfall(r, c) as number).toBeGreaterThanOrEqual((historicalVaR(r, c) as number) - 1e-15);
        expect(expectedShortfall(r, 0.99) as number).toBeGreaterThanOrEqual((expectedShortfall(r, 0.95) as number) - 1e-15);
      }),
    );
  });
});

describe('parametricVaR and parametricExpectedShortfall (normal)', () => {
  // empyrical-reloaded mixed_returns (NaN dropped): TestStats.test_annual_volatility gives σ·√252 = 0.9136465399704637,
  // and the mean is 0.05 / 8 = 0.00625. quantopian/pyfolio pyfolio/timeseries.py value_at_risk(returns, sigma=2) is
  // mean − 2·std; at confidence Φ(2) = 0.9772498680518208 (scipy norm.cdf(2)) ours is its negation.
  const MIXED = [1, 10, -4, 2, 3, 2, 1, -10].map((p) => p / 100);
  const SIGMA = 0.9136465399704637 / Math.sqrt(252);

  it('is −(μ − z·σ) with the sample σ (ddof = 1)', () => {
    expect(parametricVaR(MIXED, 0.9772498680518208)).toBeCloseTo(-(0.00625 - 2 * SIGMA), 10);
    expect(parametricVaR(MIXED, 0.95)).toBeCloseTo(1.6448536269514722 * SIGMA - 0.00625, 10);
  });

  it('ES is σ·φ(z)/(1 − c) − μ (McNeil, Frey & Embrechts 2005, §2.2.4; 2.0627·σ at 95%)', () => {
    expect(parametricExpectedShortfall(MIXED, 0.95)).toBeCloseTo(2.0627128075074 * SIGMA - 0.00625, 9);
  });

  it('is null below two points', () => {
    expect(parametricVaR([0.01], 0.95)).toBeNull();
    expect(parametricExpectedShortfall([], 0.95)).toBeNull();
  });

  it('property: VaR(99%) ≥ VaR(95%) and ES ≥ VaR', () => {
    fc.assert(
      fc.property(returnSeries, (r) => {
        expect(parametricVaR(r, 0.99) as number).toBeGreaterThanOrEqual((parametricVaR(r, 0.95) as number) - 1e-15);
        for (const c of [0.95, 0.99]) expect(parametricExpectedShortfall(r, c) as number).toBeGreaterThanOrEqual((parametricVaR(r, c) as number) - 1e-15);
      }),
    );
  });
});

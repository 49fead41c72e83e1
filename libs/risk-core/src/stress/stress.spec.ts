import { Usd } from '../money/usd';
import { parseStressScenario, StressScenarioError } from './parse-stress-scenario';
import { runStress, type StressPosition } from './run-stress';
import { scenarioIdOf, type StressScenario } from './stress-scenario';

const ETH = '1:0xeth';
const USDC = '1:0xusdc';
const DAI = '1:0xdai';
const BOOK: StressPosition[] = [
  { key: ETH, valueUsd: new Usd('10000'), stablecoin: false },
  { key: '1:0xbtc', valueUsd: new Usd('-2500.5'), stablecoin: false },
  { key: USDC, valueUsd: new Usd('4000'), stablecoin: true },
  { key: DAI, valueUsd: new Usd('1000'), stablecoin: true },
];

describe('runStress', () => {
  it('token shock: a long loses on a fall (exact Decimal)', () => {
    const result = runStress(BOOK, { kind: 'token-shock', token: ETH, shockPct: -30 });
    expect(result.lossUsd.toString()).toBe('3000');
    expect(result.byToken.map((t) => [t.key, t.lossUsd.toString()])).toEqual([[ETH, '3000']]);
    expect(result.scenarioId).toBe(`token-shock:${ETH}:-30`);
  });

  it('volatile shock: every non-stable token moves; the short gains', () => {
    const result = runStress(BOOK, { kind: 'volatile-shock', shockPct: -20, id: 'crash-20' });
    expect(result.scenarioId).toBe('crash-20');
    expect(result.lossUsd.toString()).toBe('1499.9'); // 2000 − 500.1
  });

  it('stablecoin depeg: all stablecoins, or one', () => {
    expect(runStress(BOOK, { kind: 'stablecoin-depeg', depegPct: 5 }).lossUsd.toString()).toBe('250');
    expect(runStress(BOOK, { kind: 'stablecoin-depeg', token: DAI, depegPct: 10 }).lossUsd.toString()).toBe('100');
  });

  // Hull, Risk Management and Financial Institutions, two-asset example (see portfolio-var.spec.ts): with ρ = 1 the
  // portfolio VaR is the sum of the stand-alone VaRs; at z = 2.33, 10 days: $1,473,621 + $368,405 = $1,842,026.
  it('correlation one adds the stand-alone VaRs (Hull’s undiversified sum)', () => {
    const book: StressPosition[] = [
      { key: 'MSFT', valueUsd: new Usd(10_000_000), stablecoin: false },
      { key: 'T', valueUsd: new Usd(5_000_000), stablecoin: false },
    ];
    const result = runStress(book, { kind: 'correlation-one', confidence: 0.99, horizon: 10 }, { MSFT: 0.02, T: 0.01 });
    expect((result.lossUsd.toNumber() / 2.3263478740408408) * 2.33).toBeCloseTo(1_842_026, -1);
    expect(result.missingVolatility).toEqual([]);
    const partial = runStress(book, { kind: 'correlation-one', confidence: 0.99 }, new Map([['MSFT', 0.02]]));
    expect(partial.missingVolatility).toEqual(['T']);
  });
});

describe('parseStressScenario', () => {
  it('accepts every kind and round-trips through JSON', () => {
    const scenarios: StressScenario[] = [
      { kind: 'token-shock', token: ETH, shockPct: -50 },
      { kind: 'stablecoin-depeg', depegPct: 3 },
      { kind: 'stablecoin-depeg', token: USDC, depegPct: 100 },
      { kind: 'volatile-shock', shockPct: 25, id: 'melt-up' },
      { kind: 'correlation-one', confidence: 0.99, horizon: 1 },
    ];
    for (const scenario of scenarios) expect(parseStressScenario(JSON.parse(JSON.stringify(scenario)))).toEqual(scenario);
    expect(scenarioIdOf({ kind: 'correlation-one', confidence: 0.95 })).toBe('correlation-one:0.95:1');
  });

  it.each([
    [null, 'scenario'],
    [{ kind: 'meteor' }, 'scenario.kind'],
    [{ kind: 'token-shock', shockPct: -10 }, 'scenario.token'],
    [{ kind: 'token-shock', token: ETH, shockPct: '-10' }, 'scenario.shockPct'],
    [{ kind: 'token-shock', token: ETH, shockPct: -150 }, 'scenario.shockPct'],
    [{ kind: 'stablecoin-depeg', depegPct: 0 }, 'scenario.depegPct'],
    [{ kind: 'volatile-shock', shockPct: 10, shockPercent: 20 }, 'scenario.shockPercent'],
    [{ kind: 'correlation-one', confidence: 1 }, 'scenario.confidence'],
    [{ kind: 'correlation-one', confidence: 0.99, horizon: -1 }, 'scenario.horizon'],
    [{ kind: 'volatile-shock', shockPct: 10, id: '' }, 'scenario.id'],
  ])('rejects %j naming %s', (json, field) => {
    expect(() => parseStressScenario(json)).toThrow(StressScenarioError);
    expect(() => parseStressScenario(json)).toThrow(`${field}:`);
  });
});

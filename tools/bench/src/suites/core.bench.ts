/**
 * `npm run bench:core`: the pure risk domain on one core — what the positions and risk services do per event.
 * Figures are per operation (each call timed on its own); results are kept in tools/bench/results/core.json.
 */
import {
  MarketModel,
  PositionBook,
  PriceBook,
  RiskWorkspace,
  RuleEngine,
  TokenRegistry,
  Usd,
  UserRiskState,
  assessUserRisk,
  parsePrice,
  parseRules,
  ratioToUsd,
  parseUsd,
  ewmaCovarianceOf,
  valueExposure,
  valueLedgerEntry,
  type AssessedPosition,
  type LedgerEntry,
  type RuleJson,
  type StressScenario,
  type UserRiskView,
  type TokenInfo,
} from '@hyperdex/risk-core';
import { runSuite, type BenchCase } from '../index';

const TOKENS = 20;
const T0 = Date.UTC(2026, 10, 24);
const tokens: TokenInfo[] = Array.from({ length: TOKENS }, (_, i) => ({
  chainId: 1,
  address: `0x${(i + 1).toString(16).padStart(40, '0')}`,
  symbol: `TK${i}`,
  decimals: i % 3 === 0 ? 6 : 18,
  stablecoin: i < 3,
}));
const registry = new TokenRegistry(tokens);
const prices = new PriceBook();
tokens.forEach((t, i) => prices.apply(1, t.address, (1 + i * 37.5).toFixed(4), T0, 'bench'));

/** A user holding all 20 tokens, built by swaps so every position has a cost. */
function seededBook(): PositionBook {
  const book = new PositionBook();
  tokens.forEach((t, i) => {
    const entry: LedgerEntry = { kind: 'transfer', id: `seed-${i}`, chainId: 1, token: t.address, direction: 'in', amount: 10n ** BigInt(t.decimals + 4), timestamp: T0 };
    book.apply(entry, valueLedgerEntry(entry, registry, prices));
  });
  return book;
}

const swaps: LedgerEntry[] = Array.from({ length: 1024 }, (_, i) => {
  const a = tokens[i % TOKENS] as TokenInfo;
  const b = tokens[(i * 7 + 3) % TOKENS] as TokenInfo;
  const pair = a.address === b.address ? (tokens[(i + 1) % TOKENS] as TokenInfo) : b;
  return {
    kind: 'swap', id: `s-${i}`, chainId: 1, tokenIn: a.address, amountIn: 10n ** BigInt(a.decimals) * BigInt(1 + (i % 5)),
    tokenOut: pair.address, amountOut: 10n ** BigInt(pair.decimals) * BigInt(1 + (i % 3)),
    fees: i % 4 === 0 ? [{ token: a.address, amount: 10n ** BigInt(a.decimals - 3) }] : [], timestamp: T0 + i,
  };
});

const book = seededBook();
const valued = swaps.map((s) => valueLedgerEntry(s, registry, prices));
const cases: BenchCase[] = [
  {
    name: 'position update (swap, valued at stored prices)',
    iterations: 50_000,
    run: (i) => {
      const k = i & 1023;
      book.apply(swaps[k] as LedgerEntry, valued[k] as (typeof valued)[number]);
    },
    target: { p99Micros: 50 },
  },
  {
    name: 'position update incl. valuation at live prices',
    iterations: 50_000,
    run: (i) => {
      const s = swaps[i & 1023] as LedgerEntry;
      book.apply(s, valueLedgerEntry(s, registry, prices));
    },
    target: { p99Micros: 50 },
  },
  {
    name: `exposure snapshot (${TOKENS} tokens)`,
    iterations: 20_000,
    run: () => {
      valueExposure(book, registry, prices);
    },
    target: { p99Micros: 50 },
  },
];

/** 20 tokens with a 500-bar random-walk history (seeded, so every run measures the same market). */
const BAR_MS = 60_000;
const HISTORY = 500;
const market = new MarketModel({ barMs: BAR_MS, historyPoints: HISTORY + 1, lambda: 0.94 });
let seed = 42;
const uniform = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const path = tokens.map((_, i) => 1 + i * 37.5);
for (let bar = 0; bar <= HISTORY + 1; bar++) {
  tokens.forEach((t, i) => {
    if (!t.stablecoin) path[i] = (path[i] as number) * (1 + (uniform() - 0.5) * 0.02);
    market.observePrice(1, t.address, T0 + bar * BAR_MS, parsePrice((path[i] as number).toFixed(12)));
  });
}
const asOf = T0 + (HISTORY + 1) * BAR_MS;
const positions: AssessedPosition[] = tokens.map((t, i) => ({ key: `1:${t.address}`, valueUsd: new Usd(1000 + i * 250), stablecoin: t.stablecoin }));
const state = UserRiskState.create({ tradeWindow: 500, barMs: BAR_MS, window: HISTORY, riskFreeRate: 0 });
for (let bar = 0; bar < HISTORY; bar++) {
  state.observe({ asOf: T0 + bar * BAR_MS, pnlUsd: parseUsd(((uniform() - 0.5) * 500).toFixed(2)), grossUsd: parseUsd('72500'), closedTrade: { realizedPnlUsd: parseUsd(((uniform() - 0.45) * 100).toFixed(2)), notionalUsd: parseUsd('1500') } });
}
const scenarios: StressScenario[] = [
  { kind: 'volatile-shock', shockPct: -30 },
  { kind: 'stablecoin-depeg', depegPct: 5 },
  { kind: 'token-shock', token: `1:${tokens[5]?.address}`, shockPct: -50 },
  { kind: 'correlation-one', confidence: 0.99 },
];
const workspace = new RiskWorkspace();
const covarianceOut = new Float64Array(TOKENS * TOKENS);
const assess = (monteCarlo?: { paths: number; seed: number }) =>
  assessUserRisk({ asOf, positions, grossUsd: new Usd(72500), oldestPriceAt: T0, state, market, scenarios, workspace, ...(monteCarlo ? { monteCarlo } : {}) });
const warm = assess();
if (warm.returnPoints !== HISTORY || warm.historical === null || warm.parametric === null) throw new Error('full metrics are missing figures');

cases.push(
  {
    name: `full metrics (${TOKENS} tokens, ${HISTORY}-point history)`,
    iterations: 5_000,
    run: () => {
      assess();
    },
    target: { p99Micros: 250 },
  },
  {
    // Paid by the first event of each bar per distinct token set; every later event in the bar reuses it.
    name: `EWMA covariance rebuild (${TOKENS}×${TOKENS}, ${HISTORY} points)`,
    iterations: 500,
    run: () => {
      const window = market.window(positions.map((p) => p.key));
      ewmaCovarianceOf(window.columns, window.points, 0.94, covarianceOut);
    },
  },
  {
    name: 'Monte Carlo VaR (10,000 paths)',
    iterations: 100,
    warmup: 10,
    run: (i) => {
      assess({ paths: 10_000, seed: i });
    },
  },
);

/** 50 rules across every kind, evaluated on a view built from the assessment above (the risk service's path). */
const ruleJson: RuleJson[] = Array.from({ length: 50 }, (_, i): RuleJson => {
  const base = { id: `rule-${i}`, severity: 'critical' as const, scope: { type: 'global' as const } };
  switch (i % 9) {
    case 0: return { ...base, kind: 'MaxExposure', threshold: String(50_000 + i * 1000) };
    case 1: return { ...base, kind: 'ConcentrationLimit', threshold: '0.5' };
    case 2: return { ...base, kind: 'DrawdownLimit', threshold: '0.2', ...(i % 2 ? { lookbackMs: 3_600_000 } : {}) };
    case 3: return { ...base, kind: 'VarLimit', threshold: '500', params: { method: i % 2 ? 'historical' : 'parametric', confidence: 99 } };
    case 4: return { ...base, kind: 'ConsecutiveLosses', threshold: '4' };
    case 5: return { ...base, kind: 'DailyLossLimit', threshold: '300' };
    case 6: return { ...base, kind: 'StressLossLimit', threshold: '10000', params: { scenarioId: 'volatile-shock:-30' } };
    case 7: return { ...base, kind: 'UnpricedExposure', threshold: '0.2', params: { measure: 'share' } };
    default: return { ...base, kind: 'StalePrice', threshold: '600000' };
  }
});
const ruleEngine = new RuleEngine(parseRules(ruleJson));
const assessed = assess();
const riskView = (i: number): UserRiskView => ({
  userId: `user-${i % 100}`,
  asOf: asOf + i,
  grossExposureUsd: new Usd(72_500 + (i % 7) * 1000),
  largestShare: assessed.largestShare,
  herfindahl: assessed.herfindahl,
  drawdown: ratioToUsd(assessed.currentDrawdown),
  maxDrawdown: ratioToUsd(assessed.maxDrawdown),
  drawdownWithin: new Map([[3_600_000, ratioToUsd(state.equity.maxDrawdownOverLast(60))]]),
  valueAtRisk: {
    historical95: assessed.historical?.var95Usd ?? null,
    historical99: assessed.historical?.var99Usd ?? null,
    parametric95: assessed.parametric?.var95Usd ?? null,
    parametric99: assessed.parametric?.var99Usd ?? null,
    monteCarlo95: null,
    monteCarlo99: null,
  },
  consecutiveLosses: assessed.consecutiveLosses,
  dailyPnlUsd: assessed.dailyPnlUsd,
  stressLossUsd: new Map(assessed.stress.map((x) => [x.scenarioId, x.lossUsd])),
  unpricedCount: 0,
  unpricedShareOfPositions: new Usd(0),
  oldestPriceAt: T0,
  tradeCount: assessed.closedTrades,
  equityPoints: assessed.equityPoints,
  returnPoints: assessed.returnPoints,
});
const views = Array.from({ length: 1000 }, (_, i) => riskView(i));
cases.push({
  name: 'rule evaluation (50 rules)',
  iterations: 20_000,
  run: (i) => {
    ruleEngine.evaluate(views[i % 1000] as UserRiskView);
  },
  target: { p99Micros: 50 },
});

// Sanity: the book is still consistent after the run (guards against a benchmark that measures a broken path).
const results = runSuite('core', cases);
const snapshot = valueExposure(book, registry, prices);
if (snapshot.positions.length === 0 || snapshot.grossUsd <= 0n) throw new Error('benchmark book went empty');
void results;

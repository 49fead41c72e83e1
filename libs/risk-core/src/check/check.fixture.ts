import { parsePrice, parseUsd } from '../money/usd-amount';
import { PositionBook } from '../positions/position-book';
import type { SwapEntry } from '../positions/ledger-entry';
import { PriceBook } from '../prices/price-book';
import { MarketModel } from '../risk-model/market-model';
import { parseRules, type RuleJson } from '../rules/rule-definition';
import type { RuleState } from '../rules/rule-engine';
import { TokenRegistry } from '../tokens/token-registry';
import { UserRiskState } from '../user-risk/user-risk-state';
import type { TradeCheckInput } from './check-trades';

/** Pinned clock for check scenarios. */
export const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
export const BAR = 60_000;
export const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
export const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
export const UNKNOWN = '0x1111111111111111111111111111111111111111';

export const rulesWith = (maxExposureUsd: string): RuleJson[] => [
  { id: 'max-exposure', kind: 'MaxExposure', threshold: maxExposureUsd, severity: 'critical', scope: { type: 'global' }, action: 'REDUCING' },
  { id: 'daily-loss', kind: 'DailyLossLimit', threshold: '10000', severity: 'critical', scope: { type: 'global' }, action: 'HALTED', reset: 'manual' },
];

export const swap = (id: string, tokenIn: string, amountIn: bigint, tokenOut: string, amountOut: bigint): SwapEntry => ({
  kind: 'swap',
  id,
  chainId: 1,
  tokenIn,
  amountIn,
  tokenOut,
  amountOut,
  fees: [],
  timestamp: T0,
});

/**
 * 1 WETH = 3000 USD, 1 USDC = 1 USD, a user who received 120,000 USDC, a 200,000 USD exposure limit (REDUCING) and a
 * 10,000 USD daily loss limit (HALTED, manual reset); override what the scenario moves.
 */
export function checkInput(overrides: Partial<TradeCheckInput> = {}, ruleStates: Array<{ ruleId: string; state: RuleState }> = [], maxExposureUsd = '200000'): TradeCheckInput {
  const registry = new TokenRegistry();
  const prices = new PriceBook();
  prices.apply(1, WETH, '3000', T0 - 1000, 'test');
  prices.apply(1, USDC, '1', T0 - 2000, 'test');
  const book = new PositionBook({ isCash: (c, t) => registry.get(c, t)?.stablecoin ?? false });
  book.apply({ kind: 'transfer', id: 'deposit', chainId: 1, token: USDC, direction: 'in', amount: 120_000n * 10n ** 6n, timestamp: T0 - 5000 }, { valueUsd: parseUsd('120000'), feesUsd: [] });
  const market = new MarketModel({ barMs: BAR, historyPoints: 50, lambda: 0.94 });
  market.observePrice(1, WETH, T0 - 1000, parsePrice('3000'));
  market.observePrice(1, USDC, T0 - 2000, parsePrice('1'));
  return {
    userId: 'alice',
    asOf: T0,
    book,
    registry,
    prices,
    trades: [],
    state: UserRiskState.create({ tradeWindow: 100, barMs: BAR, window: 50, riskFreeRate: 0 }),
    ruleStates,
    rules: parseRules(rulesWith(maxExposureUsd)),
    market,
    scenarios: [],
    lookbacks: [],
    barMs: BAR,
    monteCarlo: null,
    ...overrides,
  };
}

export const breachOf = (since = T0 - 10_000): RuleState => ({
  level: 'breach',
  since,
  lastWarningAlertAt: null,
  lastBreachAlertAt: since,
  awaitingAcknowledgement: false,
  sequence: 1,
});

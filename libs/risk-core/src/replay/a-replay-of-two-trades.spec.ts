import { parseUsd } from '../money/usd-amount';
import { parseRules } from '../rules/rule-definition';
import { TokenRegistry } from '../tokens/token-registry';
import { compareAlerts } from './compare-alerts';
import { replayHistory, type ReplayEvent } from './replay-history';

const T0 = Date.UTC(2026, 5, 1, 12);
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const settings = { barMs: 60_000, historyPoints: 50, lambda: 0.94, tradeWindow: 100, riskFreeRate: 0 };
const buy = (id: string, at: number, usdc: bigint, weth: bigint): ReplayEvent => ({
  kind: 'ledger',
  at,
  userId: 'alice',
  entry: { kind: 'swap', id, chainId: 1, tokenIn: USDC, amountIn: usdc * 10n ** 6n, tokenOut: WETH, amountOut: weth * 10n ** 18n, fees: [], timestamp: at },
  valuation: { valueUsd: parseUsd(usdc.toString()), feesUsd: [] },
});
// WETH at 3000; alice buys 10 WETH (gross 60,000: 30,000 long, 30,000 USDC short), then 10 more (gross 120,000).
const events: ReplayEvent[] = [
  { kind: 'price', at: T0, tick: { chainId: 1, token: WETH, priceUsd: '3000', timestamp: T0, source: 'test' } },
  { kind: 'price', at: T0, tick: { chainId: 1, token: USDC, priceUsd: '1', timestamp: T0, source: 'test' } },
  buy('t1', T0 + 1000, 30_000n, 10n),
  buy('t2', T0 + 2000, 30_000n, 10n),
];
const rules = (limit: string) => parseRules([{ id: 'max-exposure', kind: 'MaxExposure', threshold: limit, severity: 'critical', scope: { type: 'global' }, action: 'REDUCING' }]);

describe('replay of two recorded buys under two exposure limits', () => {
  const run = (limit: string) => replayHistory({ events, from: T0, to: T0 + 10_000, rules: rules(limit), scenarios: [], registry: new TokenRegistry(), settings });

  it('under a 100,000 limit: no warning at 60,000 (under 80%, 80,000), a breach at 120,000, REDUCING from then', () => {
    const [alice] = run('100000');
    expect(alice?.alerts.map((a) => [a.alertId, a.change, a.observedValue, a.triggeredAt])).toEqual([['max-exposure:alice:1', 'breach', '120000', T0 + 2000]]);
    expect(alice?.tradingStates).toEqual([{ at: T0 + 2000, tradingState: 'REDUCING' }]);
  });

  it('under a 70,000 limit: a warning at 60,000 (over 56,000), then an escalation at 120,000', () => {
    const [alice] = run('70000');
    expect(alice?.alerts.map((a) => [a.alertId, a.change, a.observedValue])).toEqual([
      ['max-exposure:alice:1', 'warning', '60000'],
      ['max-exposure:alice:2', 'escalated', '120000'],
    ]);
  });

  it('is deterministic: the same inputs, the same report byte for byte', () => {
    expect(JSON.stringify(run('70000'))).toBe(JSON.stringify(run('70000')));
  });

  it('tells the difference against the alerts that did fire', () => {
    const [alice] = run('70000');
    const live = [{ alertId: 'max-exposure:alice:1', userId: 'alice', ruleId: 'max-exposure', severity: 'warning', observedValue: '60000.00', triggeredAt: T0 + 1010, message: '' }];
    const diff = compareAlerts(alice?.alerts ?? [], live);
    expect(diff.matched).toEqual(['max-exposure:alice:1']);
    expect(diff.onlyReplayed.map((a) => a.alertId)).toEqual(['max-exposure:alice:2']);
    expect(diff.onlyLive).toEqual([]);
  });
});

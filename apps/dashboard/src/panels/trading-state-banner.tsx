import type { RiskMetrics } from '@hyperdex/contracts';

const EXPLANATION = {
  ACTIVE: 'Trading normally: no rule holds this account.',
  REDUCING: 'Reduce-only: send only trades that shrink risk-bearing positions.',
  HALTED: 'Halted: no trading until the holding rule clears or its breach is acknowledged.',
} as const;

export function TradingStateBanner({ metrics }: { metrics: RiskMetrics | null }) {
  if (!metrics) return <div className="banner unknown" data-testid="trading-state">Trading state unknown: no risk metrics yet</div>;
  const holding = metrics.rules.filter((r) => r.level === 'breach').map((r) => r.ruleId);
  return (
    <div className={`banner ${metrics.tradingState.toLowerCase()}`} data-testid="trading-state" data-state={metrics.tradingState} role="status">
      <strong>{metrics.tradingState}</strong> {EXPLANATION[metrics.tradingState]}
      {holding.length > 0 && <span> Breached: {holding.join(', ')}.</span>}
    </div>
  );
}
